#include <unistd.h>

#include <random>

#include "core/error.h"
#include "report/writers.h"

namespace dt::report {

namespace fs = std::filesystem;

void write_atomically(const fs::path& out, const std::function<void(const fs::path&)>& write) {
    const fs::path folder = out.has_parent_path() ? out.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        fail(ErrorKind::Invalid, "The folder '" + folder.string() + "' does not exist.");
    if (access(folder.c_str(), W_OK) != 0)
        fail(ErrorKind::Invalid, "The folder '" + folder.string() + "' is not writable.");
    std::random_device rd;
    const fs::path temp = folder / ("." + out.filename().string() + ".tmp-" + std::to_string(rd()));
    try {
        write(temp);
        fs::rename(temp, out);
    } catch (const fs::filesystem_error& e) {
        fs::remove(temp, ec);
        fail(ErrorKind::Storage, "Cannot write '" + out.string() + "': " + e.code().message() + ".");
    } catch (...) {
        fs::remove(temp, ec);
        throw;
    }
}

void write_report(const Report& report, Format format, const fs::path& out) {
    switch (format) {
    case Format::Pdf: return write_pdf(report, out);
    case Format::Xlsx: return write_xlsx(report, out);
    case Format::Html: return write_html(report, out);
    case Format::Csv: return write_csv(report, out);
    case Format::Docx: return write_docx(report, out);
    }
}

}  // namespace dt::report

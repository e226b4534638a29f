#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <random>

#include "core/error.h"
#include "report/writers.h"
#include "service/recovery.h"

namespace dt::report {

namespace fs = std::filesystem;

void check_target(const fs::path& out) {
    struct stat st {};
    if (lstat(out.c_str(), &st) != 0) return;  // a new name
    if (!S_ISREG(st.st_mode))
        fail(ErrorKind::Invalid, Msg::ReportTargetNotRegular, {out.string()});
    // The database, a backup or a .bak copy of it, or SQLite's own files beside one of them.
    std::string base = out.string();
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        if (base.ends_with(suffix)) base.resize(base.size() - std::strlen(suffix));
    if (service::is_tracker_file(out) || (base != out.string() && service::is_tracker_file(base)))
        fail(ErrorKind::Invalid, Msg::ReportTargetDatabase, {out.string()});
}

void write_atomically(const fs::path& out, const std::function<void(const fs::path&)>& write) {
    const fs::path folder = out.has_parent_path() ? out.parent_path() : fs::path(".");
    std::error_code ec;
    check_target(out);
    if (!fs::is_directory(folder, ec))
        fail(ErrorKind::Invalid, Msg::FolderMissing, {folder.string()});
    if (access(folder.c_str(), W_OK) != 0)
        fail(ErrorKind::Invalid, Msg::FolderNotWritable, {folder.string()});
    service::remove_stale_temporaries(out);  // a report killed mid-write left its temporary
    std::random_device rd;
    const fs::path temp = folder / ("." + out.filename().string() + ".tmp-" + std::to_string(rd()));
    try {
        write(temp);
        // On the disk before it takes the name: a crash never leaves a named, empty report.
        if (const int fd = open(temp.c_str(), O_RDONLY | O_CLOEXEC); fd >= 0) {
            fsync(fd);
            close(fd);
        }
        fs::rename(temp, out);
    } catch (const fs::filesystem_error& e) {
        fs::remove(temp, ec);
        fail(ErrorKind::System, Msg::CannotWriteFile, {out.string(), e.code().message()});
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

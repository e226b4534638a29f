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
        fail(ErrorKind::Invalid, "'" + out.string() + "' is not a regular file (a link, a device, a folder…): a report "
                                 "only replaces a regular file; choose another name.");
    // The database, a backup or a .bak copy of it, or SQLite's own files beside one of them.
    std::string base = out.string();
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        if (base.ends_with(suffix)) base.resize(base.size() - std::strlen(suffix));
    if (service::is_tracker_file(out) || (base != out.string() && service::is_tracker_file(base)))
        fail(ErrorKind::Invalid, "'" + out.string() + "' belongs to a tracker database (the database, a backup of it, "
                                 "or SQLite's file beside one): a report never replaces it; choose another name.");
}

void write_atomically(const fs::path& out, const std::function<void(const fs::path&)>& write) {
    const fs::path folder = out.has_parent_path() ? out.parent_path() : fs::path(".");
    std::error_code ec;
    check_target(out);
    if (!fs::is_directory(folder, ec))
        fail(ErrorKind::Invalid, "The folder '" + folder.string() + "' does not exist.");
    if (access(folder.c_str(), W_OK) != 0)
        fail(ErrorKind::Invalid, "The folder '" + folder.string() + "' is not writable.");
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

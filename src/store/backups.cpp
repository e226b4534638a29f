#include "store/backups.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>

#include "core/error.h"
#include "store/impl.h"

namespace dt::store {

namespace fs = std::filesystem;

fs::path backup_folder(const fs::path& database) {
    const fs::path folder = database.has_parent_path() ? database.parent_path() : fs::path(".");
    return folder / "backups";
}

namespace {
std::string prefix_of(const fs::path& database) { return database.stem().string() + "-"; }

// "tracker-2025-09-30.db" → 2025-09-30
std::optional<Date> date_of(const fs::path& file, const std::string& prefix) {
    const std::string name = file.filename().string();
    if (!name.starts_with(prefix) || file.extension() != ".db") return std::nullopt;
    return Date::parse_iso(name.substr(prefix.size(), 10));
}

bool is_regular(const fs::path& path) {
    struct stat st {};
    return lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// The backup folder when it can be trusted: a real folder (never a link: lstat), of this
// account, and private (0700, made so when it was not). `create` makes it when missing
// (mkdir does not follow a link planted in its place). Empty with `why` otherwise.
std::optional<fs::path> trusted_folder(const fs::path& database, bool create, std::string& why) {
    const fs::path folder = backup_folder(database);
    if (create && mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST) {
        why = "cannot create the backup folder '" + folder.string() + "': " + std::strerror(errno);
        return std::nullopt;
    }
    struct stat st {};
    if (lstat(folder.c_str(), &st) != 0) {
        why = "there is no backup folder '" + folder.string() + "'";
        return std::nullopt;
    }
    if (S_ISLNK(st.st_mode) || !S_ISDIR(st.st_mode)) {
        why = "'" + folder.string() + "' is a link or not a folder: backups are never written through it or read from it";
        return std::nullopt;
    }
    if (st.st_uid != geteuid()) {
        // Another account's database with that account's folder (someone reading a colleague's
        // file): its backups are that account's business, said nothing about. Otherwise, a warning.
        struct stat db {};
        if (!(stat(database.c_str(), &db) == 0 && db.st_uid == st.st_uid))
            why = "the backup folder '" + folder.string() + "' belongs to another account: it is not used";
        return std::nullopt;
    }
    if ((st.st_mode & 077) != 0 && chmod(folder.c_str(), 0700) != 0) {
        why = "cannot make the backup folder '" + folder.string() + "' private";
        return std::nullopt;
    }
    return folder;
}

void sync_path(const fs::path& path, int flags) {
    const int fd = open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return;
    fsync(fd);
    close(fd);
}
}  // namespace

void remove_stale_temporaries(const fs::path& target) {
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const std::string prefix = "." + target.filename().string() + ".tmp-";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (!entry.path().filename().string().starts_with(prefix) || !is_regular(entry.path())) continue;
        const auto age = fs::file_time_type::clock::now() - fs::last_write_time(entry.path(), ec);
        if (!ec && age > std::chrono::hours(1)) fs::remove(entry.path(), ec);
    }
}

std::string backup_key(const fs::path& database) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(fs::absolute(database, ec), ec);
    return canonical.string();
}

std::optional<std::string> backup_source(const fs::path& file) {
    if (!is_tracker_file(file)) return std::nullopt;
    try {
        SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
        SQLite::Statement q(db, "SELECT value FROM settings WHERE key = 'backup.of'");
        if (q.executeStep()) return q.getColumn(0).getString();
    } catch (const std::exception&) {
        // not readable as a tracker file: not a backup of ours
    }
    return std::nullopt;
}

bool is_backup_of(const fs::path& file, const fs::path& database) {
    const auto source = backup_source(file);
    return source && *source == backup_key(database);
}

void write_backup(const Store& store, const fs::path& target) {
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::random_device rd;
    const fs::path temp = folder / ("." + target.filename().string() + ".tmp-" + std::to_string(rd()));
    auto remove_temp = [&] {
        std::error_code ec;
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(temp.string() + suffix, ec);
    };
    store.require_sound();  // a damaged file makes no backup that looks good
    remove_stale_temporaries(target);  // what a process killed while writing one left behind
    // Made 0600 before SQLite writes a byte: a backup is the whole database.
    const int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) fail(ErrorKind::Storage, "Cannot write the backup '" + target.string() + "': " + std::strerror(errno) + ".");
    close(fd);
    try {
        store.backup_to(temp);
        {
            // Stamped as this database's backup (the recovery advice and the pruning check it),
            // and out of WAL mode, so it is one self-contained file.
            SQLite::Database copy(temp.string(), SQLite::OPEN_READWRITE);
            copy.exec("PRAGMA journal_mode = DELETE");
            SQLite::Statement q(copy, "INSERT INTO settings(key, value) VALUES ('backup.of', ?), ('backup.taken_at', ?) "
                                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            q.bind(1, backup_key(store.path()));
            q.bind(2, now_timestamp());
            q.exec();
        }
        sync_path(temp, O_RDONLY);
        fs::rename(temp, target);
        sync_path(folder, O_RDONLY | O_DIRECTORY);
    } catch (const Error&) {
        remove_temp();
        throw;
    } catch (const std::exception& e) {
        remove_temp();
        storage_failure(target, "Cannot write the backup", e);
    }
}

std::optional<fs::path> daily_backup(const Store& store, int keep_days, Date today) {
    std::string why;
    const auto folder = trusted_folder(store.path(), true, why);
    if (!folder) {
        if (why.empty()) return std::nullopt;
        fail(ErrorKind::Storage, why + ".");
    }
    const std::string prefix = prefix_of(store.path());
    const fs::path target = *folder / (prefix + today.iso() + ".db");
    std::error_code ec;
    std::optional<fs::path> made;
    // Today's copy exists only when it really is one (a 0-byte file or a stranger does not count).
    if (!is_backup_of(target, store.path())) {
        write_backup(store, target);
        made = target;
    }
    // Only this database's own backups are pruned: nothing else in the folder is touched.
    const Date oldest_kept = today.plus_days(-std::max(1, keep_days) + 1);
    for (const auto& entry : fs::directory_iterator(*folder, ec)) {
        const auto day = date_of(entry.path(), prefix);
        if (day && *day < oldest_kept && is_regular(entry.path()) && is_backup_of(entry.path(), store.path()))
            fs::remove(entry.path(), ec);
    }
    return made;
}

bool is_tracker_file(const fs::path& path) {
    const int fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return false;
    struct stat st {};
    unsigned char header[100] = {};
    const bool read_all = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && read(fd, header, sizeof header) == sizeof header;
    close(fd);
    static constexpr char kMagic[] = "SQLite format 3";
    if (!read_all || std::memcmp(header, kMagic, sizeof kMagic) != 0) return false;
    const auto id = std::uint32_t(header[68]) << 24 | std::uint32_t(header[69]) << 16 | std::uint32_t(header[70]) << 8 | header[71];
    return id == static_cast<std::uint32_t>(kApplicationId);
}

std::vector<fs::path> list_backups(const fs::path& database) {
    std::vector<std::pair<Date, fs::path>> found;
    std::string why;
    const auto folder = trusted_folder(database, false, why);
    if (!folder) return {};
    std::error_code ec;
    const std::string prefix = prefix_of(database);
    const Date today = Date::today();
    for (const auto& entry : fs::directory_iterator(*folder, ec))
        if (auto day = date_of(entry.path(), prefix); day && *day <= today && is_regular(entry.path()) && is_tracker_file(entry.path()))
            found.emplace_back(*day, entry.path());
    std::sort(found.begin(), found.end(), [](auto& a, auto& b) { return a.first > b.first; });
    std::vector<fs::path> out;
    for (auto& f : found) out.push_back(std::move(f.second));
    return out;
}

}  // namespace dt::store

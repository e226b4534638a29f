// Naming what is wrong with a database file, and replacing one that cannot be used.
#include "store/faults.h"

#include <SQLiteCpp/Backup.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>

#include "store/backups.h"
#include "store/impl.h"

namespace dt::store {

namespace fs = std::filesystem;

namespace {

fs::path folder_of(const fs::path& database) { return database.has_parent_path() ? database.parent_path() : fs::path("."); }

bool may(const fs::path& path, int mode) { return access(path.c_str(), mode) == 0; }

// Less than 64 KiB left for this user: SQLite cannot even grow its -shm file.
bool disk_full(const fs::path& database) {
    struct statvfs s {};
    if (statvfs(folder_of(database).c_str(), &s) != 0) return false;
    return static_cast<unsigned long long>(s.f_bavail) * s.f_frsize < 64 * 1024;
}

StorageError fault(Fault f, const fs::path& db, const std::string& detail = "") {
    switch (f) {
    case Fault::Missing: return {f, db, Msg::StoreMissing, {db.string()}};
    case Fault::Empty: return {f, db, Msg::StoreEmpty, {db.string()}};
    case Fault::NotDatabase: return {f, db, Msg::StoreNotDatabase, {db.string()}};
    case Fault::Damaged: return {f, db, Msg::StoreDamaged, {db.string(), detail.empty() ? "damaged pages" : detail}};
    case Fault::Foreign: return {f, db, Msg::StoreForeign, {db.string()}};
    case Fault::Newer: return {f, db, detail};
    case Fault::ReadOnlyFile: return {f, db, Msg::StoreReadOnlyFile, {db.string()}};
    case Fault::ReadOnlyFolder:
        return {f, db, Msg::StoreReadOnlyFolder,
                {folder_of(db).string(), db.filename().string() + "-wal", db.filename().string() + "-shm"}};
    case Fault::DiskFull: return {f, db, Msg::StoreDiskFull, {db.string()}};
    case Fault::Locked: return {f, db, Msg::StoreLocked, {db.string()}};
    case Fault::Unreachable: return {f, db, detail};
    case Fault::Io: break;
    }
    return {Fault::Io, db, detail};
}

std::optional<fs::path> read_only_side_file(const fs::path& db) {
    std::error_code ec;
    for (const char* suffix : {"-shm", "-wal"}) {
        const fs::path side = db.string() + suffix;
        if (fs::exists(side, ec) && !may(side, W_OK)) return side;
    }
    return std::nullopt;
}

// Read-only, cannot open, I/O error: the file system says which.
std::optional<Fault> access_fault(const fs::path& db) {
    if (disk_full(db)) return Fault::DiskFull;
    if (!may(folder_of(db), W_OK)) return Fault::ReadOnlyFolder;
    std::error_code ec;
    if (fs::exists(db, ec) && !may(db, W_OK) && may(db, R_OK)) return Fault::ReadOnlyFile;
    if (read_only_side_file(db)) return Fault::ReadOnlyFile;
    return std::nullopt;
}

// The database's own mode is fine, but SQLite's -shm or -wal beside it, left behind by another
// account (a process killed as root, say), is not writable: SQLite then opens read-only.
StorageError read_only_fault(const fs::path& db) {
    const auto f = access_fault(db).value_or(Fault::ReadOnlyFile);
    if (f == Fault::ReadOnlyFile && may(db, W_OK))
        if (const auto side = read_only_side_file(db))
            return {Fault::ReadOnlyFile, db, Msg::StoreSideFileReadOnly, {db.string(), side->string()}};
    return fault(f, db);
}
}  // namespace

bool StorageError::mended_by_restore() const {
    return fault_ == Fault::Missing || fault_ == Fault::Empty || fault_ == Fault::NotDatabase ||
           fault_ == Fault::Damaged || fault_ == Fault::Foreign;
}

StorageError storage_error(const std::exception& e, const fs::path& db, const std::string& context) {
    if (const auto* se = dynamic_cast<const StorageError*>(&e)) return *se;
    const auto io = [&](const std::string& detail) {
        return StorageError(Fault::Io, db, Msg::StoreIo, {MsgArg::field(context), db.string(), detail});
    };
    if (const auto* sq = dynamic_cast<const SQLite::Exception*>(&e)) {
        switch (sq->getErrorCode() & 0xFF) {
        case SQLITE_CORRUPT: return fault(Fault::Damaged, db, e.what());
        case SQLITE_NOTADB: return fault(Fault::NotDatabase, db);
        case SQLITE_FULL: return fault(Fault::DiskFull, db);
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return fault(Fault::Locked, db);
        case SQLITE_READONLY: return read_only_fault(db);
        case SQLITE_CANTOPEN:
        case SQLITE_IOERR:
        case SQLITE_PERM:
            if (const auto f = access_fault(db)) return f == Fault::ReadOnlyFile ? read_only_fault(db) : fault(*f, db);
            if (!may(db, R_OK)) return {Fault::Io, db, Msg::StoreNotReadable, {MsgArg::field(context), db.string()}};
            break;
        default: break;
        }
        return io(e.what());
    }
    if (const auto* fe = dynamic_cast<const fs::filesystem_error*>(&e)) {
        const int err = fe->code().value();
        if (err == ENOSPC || err == EDQUOT) return fault(Fault::DiskFull, db);
        if (err == EROFS || err == EACCES || err == EPERM)
            return fault(access_fault(db).value_or(Fault::ReadOnlyFolder), db);
        return io(fe->code().message());
    }
    if (const auto* error = dynamic_cast<const Error*>(&e)) return {Fault::Io, db, error->code(), error->args()};
    std::string what = e.what();
    if (what.ends_with(".")) what.pop_back();
    return io(what);
}

bool is_database_error(const std::exception& e) {
    if (dynamic_cast<const StorageError*>(&e) || dynamic_cast<const SQLite::Exception*>(&e)) return true;
    const auto* error = dynamic_cast<const Error*>(&e);
    return error && error->kind() == ErrorKind::Storage;
}

std::optional<fs::path> newest_usable_backup(const fs::path& database) {
    for (const auto& candidate : list_backups(database)) {
        if (!is_backup_of(candidate, database)) continue;  // planted, or another database's
        try {
            verify_tracker_file(candidate);
            return candidate;
        } catch (const Error&) {
            // a damaged or foreign copy: the next older one may be good
        }
    }
    return std::nullopt;
}

void replace_with_backup(const fs::path& database, const fs::path& backup, const fs::path& keep_as) {
    verify_tracker_file(backup);
    std::error_code ec;
    const fs::path temp = folder_of(database) / (database.filename().string() + ".restoring");
    auto remove_temp = [&] {
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(temp.string() + suffix, ec);
    };
    remove_temp();
    try {
        // The copy first: if it fails (disk full), the file is as it was.
        {
            SQLite::Database src(backup.string(), SQLite::OPEN_READONLY);
            create_private_file(temp);
            SQLite::Database out(temp.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            SQLite::Backup(out, src).executeStep(-1);
        }
        // Keep the replaced bytes exactly as they are (a link costs no space; a copy where links
        // are not possible), and its -wal, which belongs to them.
        if (fs::exists(database, ec)) {
            fs::remove(keep_as, ec);
            fs::create_hard_link(database, keep_as, ec);
            if (ec) fs::copy_file(database, keep_as, fs::copy_options::overwrite_existing);
        }
        const fs::path wal = database.string() + "-wal";
        if (fs::exists(wal, ec) && fs::file_size(wal, ec) > 0)
            fs::copy_file(wal, keep_as.string() + "-wal", fs::copy_options::overwrite_existing);
        // A stale -wal would be replayed into the new file: it goes before the new file comes.
        fs::remove(wal);
        fs::remove(database.string() + "-shm");
        fs::rename(temp, database);
    } catch (const std::exception& e) {
        remove_temp();
        throw storage_error(e, database, "Cannot restore");
    }
}

}  // namespace dt::store

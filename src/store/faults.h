#pragma once
// What can be wrong with a database file, named, so that dtrack and the GUI can say what to do
// (restore the newest backup, free some space, make a folder writable, …). Every storage error
// the store raises is a StorageError; any other exception met while using a database becomes
// one through storage_error().
#include <filesystem>
#include <optional>
#include <string>

#include "core/error.h"

namespace dt::store {

enum class Fault {
    Missing,         // no file at the path
    Empty,           // a file of 0 bytes where a database was expected
    NotDatabase,     // not a SQLite file at all, or its first page is damaged
    Damaged,         // a SQLite file with damaged or missing pages (cut short, overwritten)
    Foreign,         // a SQLite database of another program
    Newer,           // written by a newer Directive Tracker
    ReadOnlyFile,    // this user may read the file but not write it
    ReadOnlyFolder,  // the folder cannot be written: SQLite's -wal and -shm files live beside the file
    DiskFull,        // no space left on the disk that holds it
    Locked,          // another program kept it locked longer than the busy timeout
    Io,              // any other error of the file or the disk
    Unreachable,     // server mode: the database server cannot be reached (stopped, restarting, the
                     // network gone, this session ended by the server); nothing is wrong with the data
};

// Ends the sentence of a read-only -shm or -wal left behind (storage_advice says what to do).
constexpr const char* kLeftBehind = "(left behind by another account or a program that was killed)";

class StorageError : public Error {
public:
    StorageError(Fault fault, std::filesystem::path database, Msg code, std::vector<MsgArg> args = {})
        : Error(ErrorKind::Storage, code, std::move(args)), fault_(fault), database_(std::move(database)) {}
    // A sentence outside the catalog (Msg::Plain).
    StorageError(Fault fault, std::filesystem::path database, const std::string& message)
        : Error(ErrorKind::Storage, message), fault_(fault), database_(std::move(database)) {}
    Fault fault() const { return fault_; }
    const std::filesystem::path& database() const { return database_; }
    // True when the file is not (or no longer) a usable tracker database, so that replacing it
    // by a backup mends it: missing, empty, not a database, damaged, another program's.
    bool mended_by_restore() const;

private:
    Fault fault_;
    std::filesystem::path database_;
};

// The StorageError for `e`, met while using `database` (`context` says what was being done, for
// errors that are not about the file itself). A StorageError is returned as it is; SQLite's and
// the file system's errors are named by their fault; anything else is Fault::Io (callers catch
// dt::Error of other kinds first: an invalid input is not a storage error).
StorageError storage_error(const std::exception& e, const std::filesystem::path& database,
                           const std::string& context = "Cannot use the database");

// True when `e` is about the database itself: a StorageError, an Error of kind Storage (the
// PostgreSQL server's, say), or SQLite's own exception. Not an invalid input, not a report's file
// or the system (ErrorKind::System), not a bug elsewhere: the GUI's recovery screen is only for these.
bool is_database_error(const std::exception& e);

// The newest automatic backup of `database` (backups/ beside it, store/backups.h) that is a
// healthy tracker database this program can open; backups that fail the check are skipped.
std::optional<std::filesystem::path> newest_usable_backup(const std::filesystem::path& database);

// Replaces a database that cannot be used by a copy of `backup` (checked first with
// verify_tracker_file), without opening the damaged file: its bytes, and its -wal when there is
// one, are kept as `keep_as` (and `keep_as`-wal); SQLite's stale -wal and -shm are removed; the
// copy is written beside the file under a temporary name and renamed over it, so the path holds
// either the old file or the whole copy. Every other program using the file must be closed.
void replace_with_backup(const std::filesystem::path& database, const std::filesystem::path& backup,
                         const std::filesystem::path& keep_as);

}  // namespace dt::store

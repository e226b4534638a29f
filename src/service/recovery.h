#pragma once
// When the database itself cannot be used (damaged, cut short, not a database, another
// program's, missing): find out, and put a backup in its place. dtrack restore and the GUI's
// recovery screen both come here.
#include <exception>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "service/records.h"

namespace dt::service {

// The fault that makes `database` unusable and that a restore mends (StorageError::
// mended_by_restore), found by reading its header, its identity and SQLite's quick_check
// (seconds on a very large file: for a restore, not for every start); none when it is usable,
// or when what is wrong is something else (read-only, full disk, a newer program).
std::optional<store::StorageError> unusable_database(const std::filesystem::path& database);

// Replaces an unusable database by a copy of `backup` (store::replace_with_backup). Nobody can
// sign in to a file that cannot be read, and whoever may write the file could copy the backup
// over it anyway, so no sign-in is asked; nothing is lost either: the replaced bytes are kept
// beside the file as "<name>.before-restore-<UTC time>.bak", whose path is returned (empty when
// there was no file). Error(Storage) when the database is usable after all: then the normal
// restore (Service::restore, administrators only) is the way.
std::filesystem::path restore_unusable(const std::filesystem::path& database, const std::filesystem::path& backup);

// What the GUI's recovery screen and Quản trị › Sao lưu need of the files, so that the UI reaches
// the storage only through the service (docs/ARCHITECTURE.md, the layers).

// The StorageError for `error`, met while using `database` (store::storage_error).
store::StorageError storage_fault(const std::exception& error, const std::filesystem::path& database);

// True when `error` is about the database (store::is_database_error): the GUI shows its recovery
// screen for these only, and any other error as a message.
bool is_database_fault(const std::exception& error);

// The newest automatic backup of `database` that this program can open, if any.
std::optional<std::filesystem::path> newest_usable_backup(const std::filesystem::path& database);

// The automatic backups of `database`, newest first, and the folder that holds them.
std::vector<std::filesystem::path> list_backups(const std::filesystem::path& database);
std::filesystem::path backup_folder(const std::filesystem::path& database);

// Throws Error(Storage) unless `path` is a database of this program that this version can open:
// a wrong file is refused before the administrator is asked to confirm a restore.
void check_backup_file(const std::filesystem::path& path);

// For writers of other files (reports): whether `path` is a tracker database, a backup or a .bak
// copy of one (store::is_tracker_file), and the removal of `target`'s stale temporaries that a
// killed writer left (store::remove_stale_temporaries).
bool is_tracker_file(const std::filesystem::path& path);
void remove_stale_temporaries(const std::filesystem::path& target);

}  // namespace dt::service

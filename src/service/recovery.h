#pragma once
// When the database itself cannot be used (damaged, cut short, not a database, another
// program's, missing): find out, and put a backup in its place. dtrack restore and the GUI's
// recovery screen both come here.
#include <filesystem>
#include <optional>

#include "store/faults.h"

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

}  // namespace dt::service

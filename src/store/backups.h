#pragma once
// Automatic copies of the database: once a day on first open, kept for a number of days.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace dt::store {

constexpr int kDefaultBackupDays = 14;

// <database folder>/backups/<database name>-YYYY-MM-DD.db
std::filesystem::path backup_folder(const std::filesystem::path& database);

// Makes today's copy when there is none yet (online backup API), then removes this database's
// own copies older than `keep_days` days. Returns the new copy's path, or nothing when today's
// already existed. The folder is used only when it is a real folder (not a link) of this
// account; it is made 0700; Error(Storage) saying why otherwise.
std::optional<std::filesystem::path> daily_backup(const Store& store, int keep_days, Date today = Date::today());

// Writes a backup of `store` at `target`: a temporary name (mode 0600), stamped with
// backup.of = backup_key(database) in its settings, out of WAL mode, fsynced, renamed.
void write_backup(const Store& store, const std::filesystem::path& target);
// Removes `target`'s temporaries (".NAME.tmp-…", and their -journal) older than an hour: what a
// process killed while writing it left behind (never a write still in progress).
void remove_stale_temporaries(const std::filesystem::path& target);
// What a backup records as its database: the database's canonical absolute path.
std::string backup_key(const std::filesystem::path& database);
// The backup.of a tracker file records; none for a file that is not one, or not a backup.
std::optional<std::string> backup_source(const std::filesystem::path& file);
bool is_backup_of(const std::filesystem::path& file, const std::filesystem::path& database);

// True when `path` is a regular file whose header is SQLite's with this program's
// application_id (a tracker database, a backup or a .bak copy of one). Reads 100 bytes.
bool is_tracker_file(const std::filesystem::path& path);

// The backups of a database, newest first: files named as its daily backups, dated no later
// than today, regular files with the tracker's application_id, in a trusted folder (see
// daily_backup). The recovery advice also requires is_backup_of.
std::vector<std::filesystem::path> list_backups(const std::filesystem::path& database);

}  // namespace dt::store

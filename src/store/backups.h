#pragma once
// Automatic copies of the database: once a day on first open, kept for a number of days.
#include <filesystem>
#include <optional>
#include <vector>

#include "store/store.h"

namespace dt::store {

constexpr int kDefaultBackupDays = 14;

// <database folder>/backups/<database name>-YYYY-MM-DD.db
std::filesystem::path backup_folder(const std::filesystem::path& database);

// Makes today's copy when there is none yet (online backup API), then removes copies older
// than `keep_days` days. Returns the new copy's path, or nothing when today's already existed.
std::optional<std::filesystem::path> daily_backup(const Store& store, int keep_days, Date today = Date::today());

// True when `path` is a regular file whose header is SQLite's with this program's
// application_id (a tracker database, a backup or a .bak copy of one). Reads 100 bytes.
bool is_tracker_file(const std::filesystem::path& path);

// The backups of a database, newest first.
std::vector<std::filesystem::path> list_backups(const std::filesystem::path& database);

}  // namespace dt::store

#include "service/recovery.h"

#include "core/clock.h"
#include "core/error.h"
#include "store/backups.h"
#include "store/store.h"

namespace dt::service {

namespace fs = std::filesystem;

std::optional<store::StorageError> unusable_database(const fs::path& database) {
    std::error_code ec;
    if (!fs::exists(database, ec))
        return store::StorageError(store::Fault::Missing, database, Msg::StoreMissing, {database.string()});
    try {
        store::verify_tracker_file(database);
    } catch (const store::StorageError& e) {
        if (e.mended_by_restore()) return e;
    } catch (const Error&) {
        // not a regular file, or another kind of trouble: not for a restore to mend
    }
    return std::nullopt;
}

fs::path restore_unusable(const fs::path& database, const fs::path& backup) {
    if (!unusable_database(database))
        fail(ErrorKind::Storage, Msg::RestoreOpenable, {database.string()});
    std::error_code ec;
    const bool existed = fs::exists(database, ec);
    std::string stamp = now_timestamp();
    for (char& c : stamp)
        if (c == ':') c = '-';  // a file name that every system accepts
    const fs::path keep = database.string() + ".before-restore-" + stamp + ".bak";
    store::replace_with_backup(database, backup, keep);
    return existed ? keep : fs::path();
}

bool is_database_fault(const std::exception& error) { return store::is_database_error(error); }

store::StorageError storage_fault(const std::exception& error, const fs::path& database) {
    return store::storage_error(error, database);
}

std::optional<fs::path> newest_usable_backup(const fs::path& database) { return store::newest_usable_backup(database); }

std::vector<fs::path> list_backups(const fs::path& database) { return store::list_backups(database); }

fs::path backup_folder(const fs::path& database) { return store::backup_folder(database); }

void check_backup_file(const fs::path& path) { store::verify_tracker_file(path); }

bool is_tracker_file(const fs::path& path) { return store::is_tracker_file(path); }
void remove_stale_temporaries(const fs::path& target) { store::remove_stale_temporaries(target); }

}  // namespace dt::service

#pragma once
// Server-mode maintenance done as the PostgreSQL database's owner (the role that ran `server
// init`), not as a tracker user: copying a file database into a server database (`dtrack
// migrate`), restoring a pg_dump backup into an empty database (`dtrack restore`) and
// upgrading the schema (`dtrack server upgrade`). Backups
// themselves are PgStore::backup_to (pg_dump). docs/SERVER.md describes all three.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dt::store {

struct ServerCopy {
    std::vector<std::pair<std::string, std::int64_t>> tables;  // rows copied, per table, in copy order
    std::vector<std::string> with_password;     // login roles given a password from the passwords file
    std::vector<std::string> without_password;  // active users whose login role has no password yet
    std::optional<std::string> kept_admin;      // the server's first administrator, kept beside the file's users
};

// Copies every row of the tracker file `file` into the tracker database `uri`, which `server
// init` made and nothing has changed since (its seed is replaced): ids, versions, the journal
// with its times and names, evidence with attachments, disbursement, reports, settings. The
// file's users become login roles (`passwords`: name → new password, already checked; the
// others get no password, so they cannot sign in until an administrator sets one). One
// transaction: on any refusal or failure the server database is as it was. Throws Error:
// Invalid when the target already holds work or `passwords` names a stranger, Denied when the
// URI's user does not own the database.
ServerCopy copy_file_to_server(const std::filesystem::path& file, const std::string& uri,
                               const std::map<std::string, std::string>& passwords);

// Restores a backup made by `dtrack backup` (pg_dump -Fc) into the empty database `uri`, in
// one transaction (pg_restore --single-transaction), as the URI's user; refuses a database that
// holds any table. The tracker's group roles must exist in the cluster (docs/SERVER.md).
void restore_server_backup(const std::string& uri, const std::filesystem::path& source);

// Applies the migrations this program has and the server database `uri` has not yet, each in
// one transaction, as the URI's user, who must own the database (Denied otherwise); a newer
// schema than this program's is refused (StorageError, Fault::Newer). From which schema
// version to which (equal: nothing to do).
struct SchemaUpgrade {
    std::string database;  // the URI without its password
    int from = 0;
    int to = 0;
};
SchemaUpgrade upgrade_server_schema(const std::string& uri);

}  // namespace dt::store

// dtrack's server-mode maintenance, done as the PostgreSQL database's owner (docs/SERVER.md):
// `migrate --from FILE --to URI`, and `backup` / `restore` when --db is a server (pg_dump,
// pg_restore). The copying itself is the store's (store/server_tools.h): it is SQL.
#include <sys/stat.h>

#include <fstream>
#include <iostream>

#include "app/cli_commands.h"
#include "core/error.h"
#include "core/text.h"
#include "service/passwords.h"
#include "store/server_tools.h"

namespace dt::cli {

namespace fs = std::filesystem;

namespace {
const char* const kOwnerOnly =
    "runs as the server database's owner (the role that ran 'dtrack server init'), given by --db's URI or libpq's "
    "PGPASSWORD / ~/.pgpass: leave out --user (docs/SERVER.md)";

// NAME:PASSWORD per line (the password is everything after the first colon, spaces included);
// blank lines and lines starting with # are skipped. The file holds passwords: like ~/.pgpass,
// it must be readable by its owner only.
std::map<std::string, std::string> read_passwords(const fs::path& path) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) fail(ErrorKind::Invalid, "There is no passwords file '" + path.string() + "'.");
    if (!S_ISREG(st.st_mode)) fail(ErrorKind::Invalid, "'" + path.string() + "' is not a file.");
    if ((st.st_mode & 077) != 0)
        fail(ErrorKind::Invalid, "The passwords file '" + path.string() +
                                     "' can be read by other users of this computer: make it yours only (chmod 600) and "
                                     "try again; nothing was changed.");
    std::ifstream in(path, std::ios::binary);
    std::map<std::string, std::string> out;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const auto colon = line.find(':');
        const auto where = path.string() + ", line " + std::to_string(number);
        if (colon == std::string::npos || colon == 0)
            fail(ErrorKind::Invalid, where + ": write NAME:PASSWORD (the password is not shown here).");
        const auto name = line.substr(0, colon);
        if (out.count(name)) fail(ErrorKind::Invalid, where + ": " + name + " is named twice.");
        try {
            out[name] = service::check_new_password(line.substr(colon + 1));
        } catch (const Error& e) {
            fail(ErrorKind::Invalid, where + " (" + name + "): " + e.what());
        }
    }
    return out;
}
}  // namespace

int run_server_upgrade(const Context& ctx) {
    if (ctx.user) fail(ErrorKind::Usage, std::string("server upgrade ") + kOwnerOnly + ".");
    if (!store::is_server_spec(ctx.db.native()))
        fail(ErrorKind::Usage, "'server upgrade' needs --db postgresql://OWNER@HOST/DBNAME (a file is upgraded when it is opened).");
    const auto u = store::upgrade_server_schema(ctx.db.native());
    const auto& shown = u.database;
    if (u.from == u.to) {
        std::cout << "The server database " << shown << " is at schema " << u.to << ", this program's: nothing to upgrade.\n";
        return 0;
    }
    std::cout << "Upgraded the server database " << shown << " from schema " << u.from << " to " << u.to
              << " (each migration in a transaction of its own).\n";
    return 0;
}

int run_migrate(const Context& ctx, const MigrateOptions& o) {
    if (ctx.user) fail(ErrorKind::Usage, std::string("migrate ") + kOwnerOnly + ".");
    if (!store::is_server_spec(o.to))
        fail(ErrorKind::Usage, "--to names the server database: postgresql://OWNER@HOST/DBNAME (made with 'dtrack server init').");
    if (store::is_server_spec(o.from)) fail(ErrorKind::Usage, "--from names a tracker file (a path), not a server.");
    const auto passwords = o.passwords ? read_passwords(*o.passwords) : std::map<std::string, std::string>{};
    const auto copy = store::copy_file_to_server(o.from, o.to, passwords);
    std::cout << "Copied " << o.from << " into the server database:";
    for (const auto& [table, rows] : copy.tables) std::cout << (table == copy.tables.front().first ? " " : ", ") << rows << " " << table;
    std::cout << ".\n";
    if (copy.kept_admin) std::cout << "The server's administrator " << *copy.kept_admin << " is kept beside the file's users.\n";
    if (!copy.with_password.empty()) {
        std::cout << "Passwords set from the passwords file for:";
        for (const auto& n : copy.with_password) std::cout << " " << n;
        std::cout << "\n";
    }
    if (!copy.without_password.empty()) {
        // The file's argon2 hashes cannot become the server's SCRAM verifiers.
        std::cout << "These users need a new password before they can sign in (an administrator sets it: "
                     "dtrack --db URI --user ADMIN user reset-password NAME):\n";
        for (const auto& n : copy.without_password) std::cout << "  " << n << "\n";
    }
    return 0;
}

int run_server_backup(const Context& ctx, const std::string& path) {
    if (ctx.user) fail(ErrorKind::Usage, std::string("On a server, backup ") + kOwnerOnly + ".");
    std::error_code ec;
    if (fs::exists(path, ec)) fail(ErrorKind::Invalid, "'" + path + "' already exists; choose a new file name.");
    store::OpenOptions options;
    options.create = false;
    const auto store = store::Store::open(ctx.db, options);
    store->backup_to(path);
    std::cout << "Backed up " << store->path().string() << " to " << path << " (pg_dump custom format).\n";
    return 0;
}

int run_server_restore(const Context& ctx, const std::string& path) {
    if (ctx.user) fail(ErrorKind::Usage, std::string("On a server, restore ") + kOwnerOnly + ".");
    store::restore_server_backup(ctx.db.native(), path);
    std::cout << "Restored " << path << " into the empty server database; point the office's computers at it.\n";
    return 0;
}

}  // namespace dt::cli

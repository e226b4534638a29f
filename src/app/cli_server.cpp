// dtrack's server-mode maintenance, done as the PostgreSQL database's owner (docs/SERVER.md):
// `migrate --from FILE --to URI`, and `backup` / `restore` when --db is a server (pg_dump,
// pg_restore). The copying itself is the store's (store/server_tools.h): it is SQL.
#include <sys/stat.h>

#include <fstream>
#include <iostream>

#include "app/cli_commands.h"
#include "app/cli_words.h"
#include "core/error.h"
#include "core/text.h"
#include "service/passwords.h"
#include "store/server_tools.h"

namespace dt::cli {

namespace fs = std::filesystem;

namespace {
// NAME:PASSWORD per line (the password is everything after the first colon, spaces included);
// blank lines and lines starting with # are skipped. The file holds passwords: like ~/.pgpass,
// it must be readable by its owner only.
std::map<std::string, std::string> read_passwords(const fs::path& path) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) fail(ErrorKind::Invalid, Msg::NoPasswordsFile, {path.string()});
    if (!S_ISREG(st.st_mode)) fail(ErrorKind::Invalid, Msg::NotAFile, {path.string()});
    if ((st.st_mode & 077) != 0) fail(ErrorKind::Invalid, Msg::PasswordsFileOpen, {path.string()});
    std::ifstream in(path, std::ios::binary);
    std::map<std::string, std::string> out;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const auto colon = line.find(':');
        if (colon == std::string::npos || colon == 0)
            fail(ErrorKind::Invalid, Msg::PasswordsLineFormat, {path.string(), number});
        const auto name = line.substr(0, colon);
        if (out.count(name)) fail(ErrorKind::Invalid, Msg::PasswordsNamedTwice, {path.string(), number, name});
        try {
            out[name] = service::check_new_password(line.substr(colon + 1));
        } catch (const Error& e) {
            fail(ErrorKind::Invalid, Msg::PasswordsLineRefused, {path.string(), number, name, e.say(lang(), Audience::Cli)});
        }
    }
    return out;
}
}  // namespace

int run_server_upgrade(const Context& ctx) {
    if (ctx.user) fail(ErrorKind::Usage, Msg::OwnerOnly, {"server upgrade"});
    if (!store::is_server_spec(ctx.db.native())) fail(ErrorKind::Usage, Msg::UpgradeNeedsServer);
    const auto u = store::upgrade_server_schema(ctx.db.native());
    if (u.from == u.to)
        std::cout << say(Msg::OutNothingToUpgrade, {u.database, u.to}) << "\n";
    else
        std::cout << say(Msg::OutUpgraded, {u.database, u.from, u.to}) << "\n";
    return 0;
}

int run_migrate(const Context& ctx, const MigrateOptions& o) {
    if (ctx.user) fail(ErrorKind::Usage, Msg::OwnerOnly, {"migrate"});
    if (!store::is_server_spec(o.to)) fail(ErrorKind::Usage, Msg::ToNotServer);
    if (store::is_server_spec(o.from)) fail(ErrorKind::Usage, Msg::FromIsServer);
    const auto passwords = o.passwords ? read_passwords(*o.passwords) : std::map<std::string, std::string>{};
    const auto copy = store::copy_file_to_server(o.from, o.to, passwords);
    std::string tables;
    for (const auto& [table, rows] : copy.tables) tables += (tables.empty() ? " " : ", ") + count(rows) + " " + table;
    std::cout << say(Msg::OutCopied, {o.from, tables}) << "\n";
    if (copy.kept_admin) std::cout << say(Msg::OutKeptAdmin, {*copy.kept_admin}) << "\n";
    if (!copy.with_password.empty()) {
        std::cout << say(Msg::OutPasswordsSet);
        for (const auto& n : copy.with_password) std::cout << " " << n;
        std::cout << "\n";
    }
    if (!copy.without_password.empty()) {
        // The file's argon2 hashes cannot become the server's SCRAM verifiers.
        std::cout << say(Msg::OutNeedNewPassword) << "\n";
        for (const auto& n : copy.without_password) std::cout << "  " << n << "\n";
    }
    return 0;
}

int run_server_backup(const Context& ctx, const std::string& path) {
    if (ctx.user) fail(ErrorKind::Usage, Msg::OwnerOnly, {"backup"});
    std::error_code ec;
    if (fs::exists(path, ec)) fail(ErrorKind::Invalid, Msg::BackupTargetExists, {path});
    store::OpenOptions options;
    options.create = false;
    const auto store = store::Store::open(ctx.db, options);
    store->backup_to(path);
    std::cout << say(Msg::OutServerBackedUp, {store->path().string(), path}) << "\n";
    return 0;
}

int run_server_restore(const Context& ctx, const std::string& path) {
    if (ctx.user) fail(ErrorKind::Usage, Msg::OwnerOnly, {"restore"});
    store::restore_server_backup(ctx.db.native(), path);
    std::cout << say(Msg::OutServerRestored, {path}) << "\n";
    return 0;
}

}  // namespace dt::cli

#pragma once
// dtrack login / logout: a session token in a file only its owner can read, so that later
// commands skip the (deliberately slow) password check for a few hours.
#include <filesystem>
#include <optional>
#include <string>

#include "app/cli_commands.h"

namespace dt::cli {

// $XDG_RUNTIME_DIR/directive-tracker/ when that folder exists, else
// $XDG_CACHE_HOME (or ~/.cache)/directive-tracker/; the folder is kept at mode 0700.
std::filesystem::path session_folder();
// The session file of database `db`: its name is derived from the database's absolute path,
// so two databases never share a session.
std::filesystem::path session_file_path(const std::filesystem::path& db);

// The actor of `user`'s session of database `db`, when the session file is safe (a regular
// file of this account, mode 0600) and its token is valid for that user; none otherwise,
// and the caller signs in with the password. Says on stderr why a session was not used.
std::optional<service::Actor> resume_session(service::Service& service, const std::filesystem::path& db,
                                             const std::string& user);

int run_login(const Context& ctx);
int run_logout(const Context& ctx);
int run_session_lifetime(const Context& ctx, const std::optional<std::string>& hours);

}  // namespace dt::cli

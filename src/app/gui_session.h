#pragma once
// The GUI's way into a database: a file opened at start, or a server connected to by the
// sign-in screen as the user signing in. In dtapp (not beside the window's main) so that the
// headless tests sign in exactly as the window does.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "service/service.h"
#include "store/store.h"

namespace dt::app {

struct GuiSession {
    std::unique_ptr<store::Store> store;
    std::unique_ptr<service::Service> service;
    std::optional<service::Actor> actor;  // none until the sign-in screen has signed someone in
    bool server() const { return store && store->backend() == store::Backend::Postgres; }
};

// A file: opens it (creating and seeding on first start, with the day's backup) and, with
// --user, signs in with the password from DTRACK_PASSWORD or the terminal; otherwise the GUI
// asks. A server (postgresql://…): with --user, connects as that user with that password (the
// server checks it); without, nothing is opened: the sign-in screen connects.
GuiSession open_gui_session(const std::filesystem::path& db, const std::optional<std::string>& user);

// Server mode: connects to `address` as `user` with `password` (checked by PostgreSQL: a wrong
// one is Error(Denied)) and signs in. The database must be a tracker already (dtrack server
// init): nothing is created, seeded or backed up from here (backups are the server's job).
GuiSession connect_server(const std::string& address, const std::string& user, const std::string& password);

}  // namespace dt::app

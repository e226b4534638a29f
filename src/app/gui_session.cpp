#include "app/gui_session.h"

#include "app/daily_backup.h"
#include "app/prompt.h"
#include "service/seed.h"

namespace dt::app {

GuiSession connect_server(const std::string& address, const std::string& user, const std::string& password) {
    store::OpenOptions options;
    options.create = false;
    options.user = user;
    options.password = password;
    GuiSession s;
    s.store = store::Store::open(address, options);
    s.service = std::make_unique<service::Service>(*s.store);
    s.actor = s.service->sign_in(user, password);
    return s;
}

GuiSession open_gui_session(const std::filesystem::path& db, const std::optional<std::string>& user) {
    if (store::is_server_spec(db.native())) {
        if (!user) return {};
        return connect_server(db.native(), *user, read_password("DTRACK_PASSWORD", "Password for " + *user + ": "));
    }
    GuiSession s;
    s.store = store::Store::open(db);
    s.service = std::make_unique<service::Service>(*s.store);
    service::seed_defaults(*s.service);
    take_daily_backup(*s.store, *s.service);
    if (user) s.actor = s.service->sign_in(*user, read_password("DTRACK_PASSWORD", "Password for " + *user + ": "));
    return s;
}

}  // namespace dt::app

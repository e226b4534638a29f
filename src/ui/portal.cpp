// org.freedesktop.portal.FileChooser: OpenFile / SaveFile, and the Request's Response signal.
#include "ui/portal.h"

#include <gio/gio.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <vector>

namespace dt::ui {

namespace fs = std::filesystem;

namespace {
constexpr const char* kPortal = "org.freedesktop.portal.Desktop";
constexpr const char* kPortalPath = "/org/freedesktop/portal/desktop";

bool session_bus_configured() {
    if (const char* a = std::getenv("DBUS_SESSION_BUS_ADDRESS"); a && *a) return true;
    const char* run = std::getenv("XDG_RUNTIME_DIR");
    std::error_code ec;
    return run && *run && fs::exists(fs::path(run) / "bus", ec);
}

// The session bus, or none; never started for us (GIO would autolaunch one through X11).
GDBusConnection* session_bus() {
    if (!session_bus_configured()) return nullptr;
    GError* error = nullptr;
    GDBusConnection* bus = g_bus_get_sync(G_BUS_TYPE_SESSION, nullptr, &error);
    g_clear_error(&error);
    return bus;
}

std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}
}  // namespace

ChooserKind pick_chooser(bool zenity, bool portal) {
    if (zenity) return ChooserKind::Zenity;
    return portal ? ChooserKind::Portal : ChooserKind::Browser;
}

bool portal_available() {
    if (std::getenv("DT_NO_PORTAL")) return false;
    GDBusConnection* bus = session_bus();
    if (!bus) return false;
    // Reading the interface's version starts the portal when it is installed but not running,
    // and fails when there is none.
    GError* error = nullptr;
    GVariant* reply = g_dbus_connection_call_sync(
        bus, kPortal, kPortalPath, "org.freedesktop.DBus.Properties", "Get",
        g_variant_new("(ss)", "org.freedesktop.portal.FileChooser", "version"), G_VARIANT_TYPE("(v)"),
        G_DBUS_CALL_FLAGS_NONE, 2000, nullptr, &error);
    g_clear_error(&error);
    const bool ok = reply != nullptr;
    if (reply) g_variant_unref(reply);
    g_object_unref(bus);
    return ok;
}

struct PortalDialog::State {
    GDBusConnection* bus = nullptr;
    std::string handle;  // the Request object's path
    guint subscription = 0;
    bool answered = false;
    std::optional<std::string> chosen;

    void subscribe(const std::string& path) {
        if (subscription) g_dbus_connection_signal_unsubscribe(bus, subscription);
        handle = path;
        subscription = g_dbus_connection_signal_subscribe(bus, kPortal, "org.freedesktop.portal.Request", "Response",
                                                          handle.c_str(), nullptr, G_DBUS_SIGNAL_FLAGS_NONE,
                                                          &State::on_response, this, nullptr);
    }

    static void on_response(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar*,
                            GVariant* parameters, gpointer self) {
        auto* s = static_cast<State*>(self);
        guint32 response = 2;
        GVariant* results = nullptr;
        g_variant_get(parameters, "(u@a{sv})", &response, &results);
        const gchar** uris = nullptr;
        if (response == 0 && g_variant_lookup(results, "uris", "^a&s", &uris) && uris && uris[0]) {
            if (gchar* path = g_filename_from_uri(uris[0], nullptr, nullptr)) {
                s->chosen = std::string(path);
                g_free(path);
            }
        }
        g_free(uris);
        if (results) g_variant_unref(results);
        s->answered = true;
    }
};

PortalDialog::PortalDialog() : state_(std::make_unique<State>()) {}

PortalDialog::~PortalDialog() {
    auto& s = *state_;
    if (!s.bus) return;
    if (!s.answered && !s.handle.empty())
        g_dbus_connection_call(s.bus, kPortal, s.handle.c_str(), "org.freedesktop.portal.Request", "Close", nullptr,
                               nullptr, G_DBUS_CALL_FLAGS_NONE, -1, nullptr, nullptr, nullptr);
    if (s.subscription) g_dbus_connection_signal_unsubscribe(s.bus, s.subscription);
    g_object_unref(s.bus);
}

bool PortalDialog::start(ChooseMode mode, const std::string& title, const std::string& filter, const std::string& start) {
    static unsigned counter = 0;
    auto& s = *state_;
    s.bus = session_bus();
    if (!s.bus) return false;
    // The request's path is known before the call (portal version 0.9+): subscribing first
    // cannot miss an answer that comes quickly.
    std::string sender = g_dbus_connection_get_unique_name(s.bus) + 1;  // ":1.42" → "1_42"
    for (auto& c : sender)
        if (c == '.') c = '_';
    const std::string token = "dtrack" + std::to_string(++counter);
    s.subscribe(std::string(kPortalPath) + "/request/" + sender + "/" + token);

    GVariantBuilder options;
    g_variant_builder_init(&options, G_VARIANT_TYPE_VARDICT);
    g_variant_builder_add(&options, "{sv}", "handle_token", g_variant_new_string(token.c_str()));
    g_variant_builder_add(&options, "{sv}", "modal", g_variant_new_boolean(TRUE));
    if (mode == ChooseMode::Folder) g_variant_builder_add(&options, "{sv}", "directory", g_variant_new_boolean(TRUE));
    std::error_code ec;
    const fs::path from(start);
    const fs::path folder = fs::is_directory(from, ec) ? from : from.parent_path();
    if (!folder.empty() && fs::is_directory(folder, ec))
        g_variant_builder_add(&options, "{sv}", "current_folder", g_variant_new_bytestring(folder.c_str()));
    if (mode == ChooseMode::Save && !fs::is_directory(from, ec) && from.has_filename())
        g_variant_builder_add(&options, "{sv}", "current_name", g_variant_new_string(from.filename().c_str()));
    if (const auto patterns = words(filter); !patterns.empty()) {
        GVariantBuilder list;
        g_variant_builder_init(&list, G_VARIANT_TYPE("a(us)"));
        for (const auto& p : patterns) g_variant_builder_add(&list, "(us)", 0u, p.c_str());
        GVariantBuilder filters;
        g_variant_builder_init(&filters, G_VARIANT_TYPE("a(sa(us))"));
        g_variant_builder_add(&filters, "(s@a(us))", filter.c_str(), g_variant_builder_end(&list));
        g_variant_builder_add(&options, "{sv}", "filters", g_variant_builder_end(&filters));
    }
    GError* error = nullptr;
    GVariant* reply = g_dbus_connection_call_sync(
        s.bus, kPortal, kPortalPath, "org.freedesktop.portal.FileChooser", mode == ChooseMode::Save ? "SaveFile" : "OpenFile",
        g_variant_new("(ss@a{sv})", "", title.c_str(), g_variant_builder_end(&options)), G_VARIANT_TYPE("(o)"),
        G_DBUS_CALL_FLAGS_NONE, 5000, nullptr, &error);
    g_clear_error(&error);
    if (!reply) return false;
    const gchar* handle = nullptr;
    g_variant_get(reply, "(&o)", &handle);
    if (handle && s.handle != handle) s.subscribe(handle);  // an older portal chose its own path
    g_variant_unref(reply);
    return true;
}

std::optional<std::optional<std::string>> PortalDialog::poll() {
    // The window runs no GLib loop: the signal waits in the default context until dispatched here.
    while (g_main_context_iteration(nullptr, FALSE)) {
    }
    if (!state_->answered) return std::nullopt;
    return std::optional<std::optional<std::string>>(state_->chosen);
}

}  // namespace dt::ui

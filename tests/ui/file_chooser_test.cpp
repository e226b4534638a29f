// Issue 14.5: which file chooser a path field uses — zenity where present, else the XDG desktop
// portal, else the in-app browser — and the portal's dialog end to end against a stand-in
// portal on a private session bus (no desktop needed).
#include <doctest/doctest.h>

#include <gio/gio.h>
#include <signal.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <future>
#include <iostream>
#include <thread>

#include "support.h"
#include "ui/file_dialog.h"
#include "ui/portal.h"

using namespace dt;
using dt::ui::ChooserKind;

namespace {
// Sets (or with none, unsets) an environment variable for one scope.
struct Env {
    std::string name;
    std::optional<std::string> before;
    Env(std::string n, const std::optional<std::string>& value) : name(std::move(n)) {
        if (const char* v = std::getenv(name.c_str())) before = v;
        if (value) setenv(name.c_str(), value->c_str(), 1);
        else unsetenv(name.c_str());
    }
    ~Env() {
        if (before) setenv(name.c_str(), before->c_str(), 1);
        else unsetenv(name.c_str());
    }
};

void skip(const std::string& why) {
    MESSAGE("SKIPPED (nothing was checked): " << why);
    std::cout << "SKIPPED (nothing was checked): " << why << std::endl;
}

// A session bus of our own (dbus-daemon --session), ended with the test.
struct PrivateBus {
    std::string address;
    long pid = 0;
    PrivateBus() {
        FILE* p = popen("dbus-daemon --session --fork --nopidfile --print-address=1 --print-pid=1 2>/dev/null", "r");
        if (!p) return;
        char line[512];
        if (std::fgets(line, sizeof line, p)) address = line;
        if (std::fgets(line, sizeof line, p)) pid = std::atol(line);
        pclose(p);
        while (!address.empty() && address.back() == '\n') address.pop_back();
    }
    ~PrivateBus() {
        if (pid > 0) kill(static_cast<pid_t>(pid), SIGTERM);
    }
};

// Stands in for xdg-desktop-portal: owns org.freedesktop.portal.Desktop on the bus, answers
// FileChooser's version, and answers OpenFile / SaveFile at once with `answer` (none: cancelled),
// recording what it was asked. Runs its own GLib loop on a thread, as the real one is another process.
struct FakePortal {
    std::optional<std::string> answer;
    std::string method, title;
    bool directory = false;
    std::string current_folder, current_name, filter;

    GMainContext* context = nullptr;
    GMainLoop* loop = nullptr;
    std::thread thread;

    static constexpr const char* kXml =
        "<node><interface name='org.freedesktop.portal.FileChooser'>"
        "<method name='OpenFile'><arg type='s' direction='in'/><arg type='s' direction='in'/>"
        "<arg type='a{sv}' direction='in'/><arg type='o' direction='out'/></method>"
        "<method name='SaveFile'><arg type='s' direction='in'/><arg type='s' direction='in'/>"
        "<arg type='a{sv}' direction='in'/><arg type='o' direction='out'/></method>"
        "<property name='version' type='u' access='read'/></interface></node>";

    static void on_call(GDBusConnection* conn, const gchar* sender, const gchar*, const gchar*, const gchar* name,
                        GVariant* params, GDBusMethodInvocation* invocation, gpointer self) {
        auto* f = static_cast<FakePortal*>(self);
        f->method = name;
        const gchar* title = nullptr;
        GVariant* options = nullptr;
        g_variant_get(params, "(&s&s@a{sv})", nullptr, &title, &options);
        f->title = title;
        gboolean dir = FALSE;
        if (g_variant_lookup(options, "directory", "b", &dir)) f->directory = dir;
        if (GVariant* v = g_variant_lookup_value(options, "current_folder", G_VARIANT_TYPE_BYTESTRING)) {
            f->current_folder = g_variant_get_bytestring(v);
            g_variant_unref(v);
        }
        const gchar* s = nullptr;
        if (g_variant_lookup(options, "current_name", "&s", &s)) f->current_name = s;
        if (GVariant* v = g_variant_lookup_value(options, "filters", G_VARIANT_TYPE("a(sa(us))"))) {
            GVariant* first = g_variant_get_child_value(v, 0);
            const gchar* label = nullptr;
            g_variant_get(first, "(&s@a(us))", &label, nullptr);
            f->filter = label;
            g_variant_unref(first);
            g_variant_unref(v);
        }
        const gchar* token = "t";
        g_variant_lookup(options, "handle_token", "&s", &token);
        std::string who = sender + 1;
        for (auto& c : who)
            if (c == '.') c = '_';
        const std::string handle = "/org/freedesktop/portal/desktop/request/" + who + "/" + token;
        g_variant_unref(options);
        g_dbus_method_invocation_return_value(invocation, g_variant_new("(o)", handle.c_str()));
        GVariantBuilder results;
        g_variant_builder_init(&results, G_VARIANT_TYPE_VARDICT);
        if (f->answer) {
            const char* uris[] = {nullptr, nullptr};
            gchar* uri = g_filename_to_uri(f->answer->c_str(), nullptr, nullptr);
            uris[0] = uri;
            g_variant_builder_add(&results, "{sv}", "uris", g_variant_new_strv(uris, 1));
            g_free(uri);
        }
        g_dbus_connection_emit_signal(conn, sender, handle.c_str(), "org.freedesktop.portal.Request", "Response",
                                      g_variant_new("(u@a{sv})", f->answer ? 0u : 1u, g_variant_builder_end(&results)),
                                      nullptr);
    }
    static GVariant* on_property(GDBusConnection*, const gchar*, const gchar*, const gchar*, const gchar*, GError**, gpointer) {
        return g_variant_new_uint32(3);
    }

    explicit FakePortal(const std::string& address) {
        std::promise<bool> ready;
        auto started = ready.get_future();
        thread = std::thread([this, address, &ready] {
            context = g_main_context_new();
            g_main_context_push_thread_default(context);
            GDBusConnection* conn = g_dbus_connection_new_for_address_sync(
                address.c_str(),
                static_cast<GDBusConnectionFlags>(G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                  G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION),
                nullptr, nullptr, nullptr);
            GDBusNodeInfo* node = conn ? g_dbus_node_info_new_for_xml(kXml, nullptr) : nullptr;
            static const GDBusInterfaceVTable vtable = {&FakePortal::on_call, &FakePortal::on_property, nullptr, {}};
            const guint registered = node ? g_dbus_connection_register_object(conn, "/org/freedesktop/portal/desktop",
                                                                              node->interfaces[0], &vtable, this, nullptr,
                                                                              nullptr)
                                          : 0;
            GVariant* owned = registered ? g_dbus_connection_call_sync(
                                               conn, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                               "RequestName", g_variant_new("(su)", "org.freedesktop.portal.Desktop", 4u),
                                               G_VARIANT_TYPE("(u)"), G_DBUS_CALL_FLAGS_NONE, 2000, nullptr, nullptr)
                                         : nullptr;
            ready.set_value(owned != nullptr);
            if (owned) {
                g_variant_unref(owned);
                loop = g_main_loop_new(context, FALSE);
                g_main_loop_run(loop);
                g_main_loop_unref(loop);
            }
            if (registered) g_dbus_connection_unregister_object(conn, registered);
            if (node) g_dbus_node_info_unref(node);
            if (conn) g_object_unref(conn);
            g_main_context_pop_thread_default(context);
            g_main_context_unref(context);
        });
        const bool ok = started.get();
        if (!ok) thread.join();
        REQUIRE(ok);
    }
    ~FakePortal() {
        g_main_context_invoke(
            context, [](gpointer l) -> gboolean { g_main_loop_quit(static_cast<GMainLoop*>(l)); return G_SOURCE_REMOVE; }, loop);
        thread.join();
    }
};

std::optional<std::string> wait_for(ui::PortalDialog& dialog, bool& answered) {
    for (int i = 0; i < 500; ++i) {
        if (auto done = dialog.poll()) {
            answered = true;
            return *done;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    answered = false;
    return std::nullopt;
}
}  // namespace

TEST_CASE("the chooser: zenity where present, else the desktop portal, else the in-app browser") {
    CHECK(ui::pick_chooser(true, true) == ChooserKind::Zenity);
    CHECK(ui::pick_chooser(true, false) == ChooserKind::Zenity);
    CHECK(ui::pick_chooser(false, true) == ChooserKind::Portal);
    CHECK(ui::pick_chooser(false, false) == ChooserKind::Browser);

    test::TempDir dir;
    // A zenity on PATH is found (not run); DT_NO_ZENITY sets it aside.
    const auto bin = dir / "bin";
    std::filesystem::create_directories(bin);
    std::ofstream(bin / "zenity") << "#!/bin/sh\nexit 1\n";
    chmod((bin / "zenity").c_str(), 0755);
    Env path("PATH", bin.string());
    Env no_bus("DBUS_SESSION_BUS_ADDRESS", std::nullopt);
    Env runtime("XDG_RUNTIME_DIR", dir.path().string());  // no bus socket there
    {
        Env zenity_on("DT_NO_ZENITY", std::nullopt);
        ui::FileChoosers choosers;
        CHECK(ui::chooser_kind(choosers) == ChooserKind::Zenity);
    }
    Env zenity_off("DT_NO_ZENITY", "1");
    // No session bus: no portal is asked for (none is launched), the in-app browser.
    CHECK(!ui::portal_available());
    ui::FileChoosers choosers;
    CHECK(ui::chooser_kind(choosers) == ChooserKind::Browser);
}

TEST_CASE("the desktop portal on a session bus: found only when it answers, and its dialog's answer is the path") {
    PrivateBus bus;
    if (bus.address.empty()) {
        skip("dbus-daemon cannot start a private session bus here");
        return;
    }
    Env address("DBUS_SESSION_BUS_ADDRESS", bus.address);
    Env zenity_off("DT_NO_ZENITY", "1");
    {
        Env portal_on("DT_NO_PORTAL", std::nullopt);
        CHECK(!ui::portal_available());  // a bus, but no portal on it
        ui::FileChoosers choosers;
        CHECK(ui::chooser_kind(choosers) == ChooserKind::Browser);
    }
    FakePortal portal(bus.address);
    {
        Env portal_off("DT_NO_PORTAL", "1");
        CHECK(!ui::portal_available());
    }
    Env portal_on("DT_NO_PORTAL", std::nullopt);
    CHECK(ui::portal_available());
    ui::FileChoosers choosers;
    CHECK(ui::chooser_kind(choosers) == ChooserKind::Portal);

    test::TempDir dir;
    const auto chosen = (dir / "Báo cáo tháng 11.pdf").string();
    portal.answer = chosen;
    {
        ui::PortalDialog dialog;
        REQUIRE(dialog.start(ui::ChooseMode::Open, "Chọn tệp", "*.csv *.txt", (dir / "cũ.csv").string()));
        bool answered = false;
        const auto path = wait_for(dialog, answered);
        CHECK(answered);
        CHECK(path == chosen);
        CHECK(portal.method == "OpenFile");
        CHECK(portal.title == "Chọn tệp");
        CHECK(portal.current_folder == dir.path().string());
        CHECK(portal.filter == "*.csv *.txt");
        CHECK(!portal.directory);
    }
    {
        ui::PortalDialog dialog;
        REQUIRE(dialog.start(ui::ChooseMode::Save, "Lưu", "*.db", (dir / "sao-lưu.db").string()));
        bool answered = false;
        CHECK(wait_for(dialog, answered) == chosen);
        CHECK(answered);
        CHECK(portal.method == "SaveFile");
        CHECK(portal.current_name == "sao-lưu.db");
    }
    {
        ui::PortalDialog dialog;
        REQUIRE(dialog.start(ui::ChooseMode::Folder, "Thư mục", "", dir.path().string()));
        bool answered = false;
        wait_for(dialog, answered);
        CHECK(answered);
        CHECK(portal.directory);
    }
    // Cancelled: answered, and no path.
    portal.answer.reset();
    ui::PortalDialog dialog;
    REQUIRE(dialog.start(ui::ChooseMode::Open, "Chọn tệp", "", ""));
    bool answered = false;
    CHECK(wait_for(dialog, answered) == std::nullopt);
    CHECK(answered);
}

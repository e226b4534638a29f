// Issue 12, items 3 and 5, the GUI on a PostgreSQL server: the sign-in screen connects as the
// user (the server checks the password); another client's commit reaches the models; a lost
// connection shows the banner, keeps the edit being typed, reconnects (by itself or on Thử lại)
// and then saves it, or meets the conflict dialog when someone changed the row meanwhile.
// Needs DT_TEST_PG (scripts/pg_tests.sh runs this file inside pg_virtualenv); without it each
// test says it was skipped.
#include <doctest/doctest.h>

#include <imgui.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "app/gui_session.h"
#include "app/storage_advice.h"
#include "support.h"
#include "ui/app_state.h"
#include "ui/connection.h"
#include "ui/headless.h"
#include "ui/sign_in.h"
#include "ui/views.h"

using namespace dt;
using namespace dt::test;

namespace {
bool no_server() {
    if (test_pg_uri()) return false;
    const char* why = "DT_TEST_PG is not set: there is no PostgreSQL server to connect to (scripts/pg_tests.sh runs this)";
    MESSAGE("SKIPPED (nothing was checked): " << why);
    std::cout << "SKIPPED (nothing was checked): " << why << std::endl;
    return true;
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

// A tracker made by `dtrack server init`, with an agency user of Sở Tài chính, hanh.
struct ServerTracker {
    PgDatabase db;
    ServerTracker() {
        const auto init = run_dtrack("--db " + app::shell_word(db.uri) + " server init --admin boss",
                                     "DTRACK_PASSWORD=boss-password-1");
        REQUIRE_MESSAGE(init.exit_code == 0, init.err);
        const auto add = run_dtrack("--db " + app::shell_word(db.uri_as("boss")) +
                                        " --user boss user add hanh --role agency --agency 'Sở Tài chính'",
                                    "DTRACK_PASSWORD=boss-password-1 DTRACK_NEW_PASSWORD=hanh-password-1");
        REQUIRE_MESSAGE(add.exit_code == 0, add.err);
    }
    // The address a clerk types: the server and the database, no user.
    std::string address() const {
        std::string a = db.uri_as("hanh");
        a.erase(a.find("hanh@"), 5);
        return a;
    }
    std::string owner(const std::string& sql) const { return trimmed(db.psql_owner(sql).out); }
    // The boss changes something with dtrack, another client on the same server.
    CommandResult as_boss(const std::string& args) const {
        return run_dtrack("--db " + app::shell_word(db.uri_as("boss")) + " --user boss " + args,
                          "DTRACK_PASSWORD=boss-password-1");
    }
    // As the cluster's user in its own database (this one may refuse connections).
    void cluster(const std::string& sql) const {
        const std::string cmd = "psql -X -q -v ON_ERROR_STOP=1 " + app::shell_word(*test_pg_uri()) + " -c " +
                                app::shell_word(sql) + " >/dev/null 2>&1 </dev/null";
        REQUIRE(std::system(cmd.c_str()) == 0);
    }
    // Ends hanh's sessions, as a server restart or a network cut would.
    void cut_hanh() const {
        cluster("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'hanh' AND datname = '" + db.name + "'");
    }
    // While refused, nobody can connect to the database: as a server that is down.
    void allow_connections(bool allow) const {
        cluster("ALTER DATABASE " + db.name + " ALLOW_CONNECTIONS " + (allow ? "true" : "false"));
    }
};

// The window after signing in as hanh through the sign-in screen, on the editor of one of Sở
// Tài chính's open assignments.
struct Window {
    Headless h;
    app::GuiSession session;
    std::unique_ptr<ui::AppState> s;
    std::string database;
    store::Id id = 0;
    std::function<void()> draw = [this] {
        if (auto r = ui::app_frame(*s, database)) FAIL("the recovery screen: " << r->problem);
    };

    explicit Window(const ServerTracker& t, const std::string& address = {}) {
        session = app::connect_server(address.empty() ? t.address() : address, "hanh", "hanh-password-1");
        database = session.store->path().string();
        s = std::make_unique<ui::AppState>(*session.service, *session.actor);
        ui::refresh_models(*s);
        for (const auto i : s->tasks.visible()) {
            const auto& row = s->tasks.rows()[i];
            if (s->can_edit(row) && row.status == Status::NotStarted) {
                id = row.id;
                break;
            }
        }
        REQUIRE(id != 0);
        ui::select_assignment(*s, id);
        s->view = ui::View::Task;
        h.frames(draw, 3);
    }
    void frames(int n) { h.frames(draw, n); }
    bool click(const std::string& probe) { return h.click(s->probes, probe, draw); }
    void type(const std::string& text) {
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        frames(2);
    }
    // Frames (60 make a second of the window's clock) until `done`, for at most `seconds` of
    // the wall clock: the server's notification travels between processes.
    bool frames_until(const std::function<bool()>& done, double seconds = 20) {
        const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        while (!done()) {
            if (std::chrono::steady_clock::now() > until) return false;
            frames(10);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return true;
    }
    // Types an edit without saving it: status In progress, 40 %, an owner.
    void edit() {
        s->editor.status = 1;  // as the status combo sets it
        s->editor.progress = 40;
        REQUIRE(click("editor:owner"));
        type("Phòng Ngân sách");
        REQUIRE(std::string(s->editor.owner) == "Phòng Ngân sách");
    }
    void check_edit_kept() const {
        CHECK(s->selected == id);
        CHECK(s->editor.loaded_id == id);
        CHECK(s->editor.status == 1);
        CHECK(s->editor.progress == 40);
        CHECK(std::string(s->editor.owner) == "Phòng Ngân sách");
    }
};
}  // namespace

TEST_CASE("sign-in on a server: the address with user and password, the password checked by PostgreSQL") {
    if (no_server()) return;
    ServerTracker t;
    Headless h;
    ui::SignInState st;
    st.server = true;
    std::snprintf(st.address, sizeof st.address, "%s", t.address().c_str());
    app::GuiSession connected;
    ui::SignInTarget target;
    target.connect = [&](const std::string& address, const std::string& user, const std::string& password) {
        connected = app::connect_server(address, user, password);
        return *connected.actor;
    };
    std::optional<service::Actor> actor;
    auto draw = [&] {
        if (auto a = ui::draw_sign_in(st, target)) actor = a;
    };
    h.frames(draw, 2);
    REQUIRE(st.probes.count("sign-in:address") == 1);  // the server field is there
    auto attempt = [&](const char* user, const char* password) {
        std::snprintf(st.user, sizeof st.user, "%s", user);
        std::snprintf(st.password, sizeof st.password, "%s", password);
        REQUIRE(h.click(st.probes, "sign-in:submit", draw));
    };
    attempt("hanh", "wrong-password");
    CHECK(!actor);
    CHECK(!connected.service);
    CHECK(st.error.find("Sign-in refused") != std::string::npos);
    CHECK(st.password[0] == '\0');  // not kept after the attempt

    // No server at that address: said on the screen, not the recovery screen's business.
    const std::string typed = t.address();
    std::snprintf(st.address, sizeof st.address, "postgresql://127.0.0.1:1/none?connect_timeout=2");
    attempt("hanh", "hanh-password-1");
    CHECK(!actor);
    CHECK(st.error.find("cannot be reached") != std::string::npos);

    std::snprintf(st.address, sizeof st.address, "không phải địa chỉ");
    attempt("hanh", "hanh-password-1");
    CHECK(!actor);
    CHECK(!st.error.empty());

    std::snprintf(st.address, sizeof st.address, "%s", typed.c_str());
    attempt("hanh", "hanh-password-1");
    REQUIRE(actor.has_value());
    CHECK(actor->name == "hanh");
    CHECK(actor->role == UserRole::Agency);
    CHECK(st.error.empty());
    REQUIRE(connected.server());
    CHECK(connected.store->server_user() == "hanh");  // connected as the user, not the owner
}

TEST_CASE("another client's commit reaches the GUI's models through data_version") {
    if (no_server()) return;
    ServerTracker t;
    Window w(t);
    const auto before = w.s->data_version;
    REQUIRE(before.has_value());
    REQUIRE(w.s->tasks.find(w.id)->status == Status::NotStarted);
    const auto r = t.as_boss("update " + std::to_string(w.id) + " --status blocked");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(w.frames_until([&] { return w.s->tasks.find(w.id)->status == Status::Blocked; }));
    CHECK(w.s->data_version != before);
    CHECK(!w.s->connection.lost);
}

TEST_CASE("a lost connection: the banner, the edit kept, Thử lại once the server is back, then it saves") {
    if (no_server()) return;
    ServerTracker t;
    Window w(t);
    w.edit();
    const std::string where = "SELECT status || ' ' || progress || ' ' || owner || ' ' || version FROM assignments WHERE id = " +
                              std::to_string(w.id);
    const auto stored = t.owner(where);

    // The server goes away: nobody may connect, and hanh's session is ended.
    t.allow_connections(false);
    t.cut_hanh();
    CHECK(w.frames_until([&] { return w.s->connection.lost; }));
    CHECK(w.s->connection.problem.find("cannot be reached") != std::string::npos);
    CHECK(w.s->probes.count("connection:retry") == 1);  // the banner and its button are drawn
    w.check_edit_kept();
    // Saving while the server is away writes nothing and keeps the edit.
    REQUIRE(w.click("editor:save"));
    CHECK(w.s->connection.lost);
    w.check_edit_kept();
    // The automatic attempts fail and wait longer each time.
    CHECK(w.frames_until([&] { return w.s->connection.attempts >= 2; }));
    CHECK(w.s->connection.lost);
    CHECK(ui::retry_delay(w.s->connection.attempts) > ui::retry_delay(0));
    w.check_edit_kept();

    // The server is back: Thử lại connects, the data is read again, the edit is still there.
    t.allow_connections(true);
    CHECK(t.owner(where) == stored);
    REQUIRE(w.click("connection:retry"));  // the attempt runs in the background: a few frames
    CHECK(w.frames_until([&] { return !w.s->connection.lost; }));
    w.frames(3);
    w.check_edit_kept();
    REQUIRE(w.click("editor:save"));
    CHECK(!w.s->conflict.open);
    CHECK(w.s->message.find(ui::tr(ui::T::Saved)) != std::string::npos);
    CHECK(t.owner("SELECT status || ' ' || progress || ' ' || owner FROM assignments WHERE id = " + std::to_string(w.id)) ==
          "in_progress 40 Phòng Ngân sách");
    // The server's trigger journalled it under the user who connected.
    CHECK(t.owner("SELECT count(*) FROM journal WHERE entity_id = " + std::to_string(w.id) +
                  " AND field = 'status' AND user_name = 'hanh'") == "1");
}

TEST_CASE("a lost connection and someone else's change meanwhile: reconnected by itself, the save meets the conflict dialog") {
    if (no_server()) return;
    ServerTracker t;
    Window w(t);
    w.edit();
    t.cut_hanh();
    // While hanh's window is cut off, the office changes the same assignment.
    const auto r = t.as_boss("update " + std::to_string(w.id) + " --progress 70");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    // The window notices, shows the banner, and reconnects by itself (the server is up).
    CHECK(w.frames_until([&] { return w.s->connection.lost; }));
    w.check_edit_kept();
    CHECK(w.frames_until([&] { return !w.s->connection.lost; }));
    w.frames(3);
    w.check_edit_kept();
    REQUIRE(w.click("editor:save"));
    CHECK(w.s->conflict.open);  // the usual dialog: their 70 %, our 40 %
    CHECK(w.s->conflict.theirs.record.progress == 70);
    CHECK(t.owner("SELECT progress FROM assignments WHERE id = " + std::to_string(w.id)) == "70");
}

TEST_CASE("a reconnection to a server that never answers: the window keeps drawing, the edit kept, then connected") {
    if (no_server()) return;
    ServerTracker t;
    const SilentPort silent;
    // Every connection to this address waits 2 s on a port that never answers, then reaches
    // the server: each attempt is held as by a dead network (signing in is too, before the window).
    Window w(t, silent.first_in(t.address()));
    w.edit();
    t.cut_hanh();
    CHECK(w.frames_until([&] { return w.s->connection.lost; }));
    // The automatic attempt starts after a second of the window's clock (60 frames).
    CHECK(w.frames_until([&] { return w.s->connection.connecting; }));
    // Frames go on while it waits on the silent port: counted, one at a time.
    int drawn = 0;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (w.s->connection.connecting && std::chrono::steady_clock::now() < until) {
        w.frames(1);
        ++drawn;
        if (drawn == 5) {
            CHECK(w.s->probes.count("connection:retry") == 1);  // the banner is drawn
            w.check_edit_kept();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    MESSAGE("frames drawn while the attempt was under way: " << drawn);
    CHECK(drawn > 20);  // a 2 s wait at one frame per 5 ms would have been one frame if it blocked
    CHECK(!w.s->connection.lost);
    w.frames(3);
    w.check_edit_kept();
    REQUIRE(w.click("editor:save"));
    CHECK(!w.s->conflict.open);
    CHECK(t.owner("SELECT progress FROM assignments WHERE id = " + std::to_string(w.id)) == "40");
}

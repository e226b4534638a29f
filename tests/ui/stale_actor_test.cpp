// Issue 17, items 3 and 4: a signed-in actor that outlives its account's state (deactivated,
// password or role changed) writes nothing more, and the GUI returns to the sign-in screen;
// a session token alone cannot change its own password.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "app/storage_advice.h"
#include "ui/headless.h"
#include "support.h"
#include "ui/app_state.h"
#include "ui/views.h"

using namespace dt;

namespace {
// What a refused write must leave alone: every assignment's version and the journal's length.
struct Snapshot {
    std::vector<std::pair<store::Id, int>> versions;
    int journal = 0;
    bool operator==(const Snapshot&) const = default;
};
Snapshot snapshot(test::Fixture& fx) {
    Snapshot s;
    for (const auto& v : fx.service->list({})) s.versions.emplace_back(v.record.id, v.record.version);
    s.journal = fx.store->journal_count();
    return s;
}
service::AssignmentChange owner(const std::string& who) {
    service::AssignmentChange c;
    c.owner = who;
    return c;
}
std::string sh(const std::string& text) { return app::shell_word(text); }
}  // namespace

TEST_CASE("a signed-in agency user deactivated meanwhile: its next writes are refused and change nothing") {
    test::Fixture fx;
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    const auto id = fx.assignment_of("1.1", "Sở Tài chính");
    fx.service->update(stc, id, owner("Trước"), std::nullopt);  // works while active
    fx.service->set_user_active(fx.admin, "stc", false);
    const auto before = snapshot(fx);
    CHECK(test::kind_of([&] { fx.service->update(stc, id, owner("Sau khi bị ngừng"), std::nullopt); }) == ErrorKind::Denied);
    CHECK(test::kind_of([&] { fx.service->add_evidence(stc, id, {"Minh chứng", "", std::nullopt, std::nullopt}); }) ==
          ErrorKind::Denied);
    CHECK(test::kind_of([&] { fx.service->request_extension(stc, id, Date{2026, 12, 31}, "Xin gia hạn"); }) == ErrorKind::Denied);
    CHECK(snapshot(fx) == before);
    CHECK(fx.service->get(id).record.owner == "Trước");
}

TEST_CASE("a password reset by the office, or a changed role, ends an actor's right to write") {
    test::Fixture fx;
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    const auto second = fx.add_user("admin2", UserRole::Admin);
    const auto id = fx.assignment_of("1.1", "Sở Tài chính");
    fx.service->reset_password(fx.admin, "stc", "mật khẩu mới của stc");
    auto before = snapshot(fx);
    CHECK(test::kind_of([&] { fx.service->update(stc, id, owner("Người lạ"), std::nullopt); }) == ErrorKind::Denied);
    CHECK(snapshot(fx) == before);
    // The role changed underneath (no command does it yet; the file can be edited): refused too.
    {
        SQLite::Database raw((fx.dir / "tracker.db").string(), SQLite::OPEN_READWRITE);
        raw.exec("UPDATE users SET role = 'viewer' WHERE name = 'admin2'");
    }
    before = snapshot(fx);
    CHECK(test::kind_of([&] { fx.service->set_setting(second, "place", "Hà Nội"); }) == ErrorKind::Denied);
    CHECK(test::kind_of([&] { fx.service->update(second, id, owner("Quản trị 2"), std::nullopt); }) == ErrorKind::Denied);
    CHECK(snapshot(fx) == before);
    CHECK_FALSE(fx.service->setting("place") == std::optional<std::string>("Hà Nội"));
    // A fresh sign-in with the new password works as before.
    CHECK_NOTHROW(fx.service->update(fx.service->sign_in("stc", "mật khẩu mới của stc"), id, owner("Đúng"), std::nullopt));
}

TEST_CASE("the GUI: once its user is deactivated by another process, the window signs out") {
    test::Fixture fx;
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    test::Headless gui;
    ui::AppState state(*fx.service, stc);
    state.view = ui::View::MyAgency;
    gui.frames(state, 2);
    CHECK_FALSE(state.signed_out);
    {
        // Another process (its own connection) deactivates the user.
        auto other = store::Store::open(fx.dir / "tracker.db");
        service::Service office(*other);
        office.set_user_active(office.sign_in("admin", "mật-khẩu-quản-trị"), "stc", false);
    }
    state.last_poll = -1e9;  // the next frame polls at once rather than within a second
    gui.frames(state, 1);
    CHECK(state.signed_out);
}

TEST_CASE("dtrack user reset-password of oneself: a session token alone is refused, the current password is needed") {
    test::TempDir dir;
    const auto file = dir / "t.db";
    const std::string db = "--db " + sh(file.string());
    const std::string home = "XDG_RUNTIME_DIR= XDG_CACHE_HOME= HOME=" + sh(dir.path().string());
    REQUIRE(test::run_dtrack(db + " init --admin admin", "DTRACK_PASSWORD='mật khẩu quản trị'").exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user admin user add stc --role agency --agency 'Sở Tài chính'",
                             "DTRACK_PASSWORD='mật khẩu quản trị' DTRACK_NEW_PASSWORD='mật khẩu của stc'").exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user stc login", home + " DTRACK_PASSWORD='mật khẩu của stc'").exit_code == 0);
    auto hash = [&] {
        SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
        return raw.execAndGet("SELECT password_hash || failed_logins FROM users WHERE name = 'stc'").getString();
    };
    const auto before = hash();
    // The session works for other commands…
    CHECK(test::run_dtrack(db + " --user stc list", home).exit_code == 0);
    // …but not to change the password without the current one (stdin is empty: no prompt answer).
    const auto alone = test::run_dtrack(db + " --user stc user reset-password stc", home + " DTRACK_NEW_PASSWORD='kẻ chiếm quyền'");
    CHECK(alone.exit_code == 3);
    CHECK(hash() == before);
    // A wrong current password is refused, and counted like a failed sign-in.
    const auto wrong = test::run_dtrack(db + " --user stc user reset-password stc",
                                        home + " DTRACK_PASSWORD='đoán bừa' DTRACK_NEW_PASSWORD='kẻ chiếm quyền'");
    CHECK(wrong.exit_code == 3);
    CHECK(test::run_dtrack(db + " --user stc list", "DTRACK_PASSWORD='kẻ chiếm quyền'").exit_code == 3);
    // The right one works.
    const auto right = test::run_dtrack(db + " --user stc user reset-password stc",
                                        home + " DTRACK_PASSWORD='mật khẩu của stc' DTRACK_NEW_PASSWORD='mật khẩu mới của stc'");
    CHECK_MESSAGE(right.exit_code == 0, right.err);
    CHECK(test::run_dtrack(db + " --user stc list", "DTRACK_PASSWORD='mật khẩu mới của stc'").exit_code == 0);
}

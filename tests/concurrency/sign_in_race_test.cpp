// Issue 17, item 2: thirty sign-ins at once with wrong passwords. The attempt is counted (and
// the lock taken) before the password is checked, so only the first five are checked at all;
// the account is then locked, and the right password is refused too.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdlib>
#include <fstream>

#include "app/storage_advice.h"
#include "support.h"

using namespace dt;

namespace {
std::string sh(const std::string& text) { return app::shell_word(text); }
}  // namespace

TEST_CASE("30 parallel sign-ins with wrong passwords: 5 are checked, the account locks, the right one is then refused") {
    test::TempDir dir;
    const auto file = dir / "t.db";
    const std::string db = "--db " + sh(file.string());
    const std::string admin_env = "DTRACK_PASSWORD='mật khẩu quản trị'";
    REQUIRE(test::run_dtrack(db + " init --admin admin", admin_env).exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user admin user add stc --role agency --agency 'Sở Tài chính'",
                             admin_env + " DTRACK_NEW_PASSWORD='mật-khẩu-đúng-của-stc'").exit_code == 0);
    auto users_row = [&] {
        SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
        SQLite::Statement q(raw, "SELECT failed_logins, locked_until IS NOT NULL, password_hash, active, role FROM users WHERE name = 'stc'");
        REQUIRE(q.executeStep());
        return std::make_tuple(q.getColumn(0).getInt(), q.getColumn(1).getInt(), q.getColumn(2).getString(),
                               q.getColumn(3).getInt(), q.getColumn(4).getString());
    };
    const auto before = users_row();
    {
        std::ofstream script(dir / "guess.sh");
        for (int i = 0; i < 30; ++i)
            script << "(DTRACK_PASSWORD='đoán-sai-" << i << "' " << DT_DTRACK_EXE << " " << db
                   << " --user stc list >/dev/null 2>&1; echo $? > " << sh((dir / ("rc" + std::to_string(i))).string()) << ") &\n";
        script << "wait\n";
    }
    REQUIRE(std::system(("bash " + sh((dir / "guess.sh").string())).c_str()) == 0);
    int refused = 0;
    for (int i = 0; i < 30; ++i) refused += test::read_text(dir / ("rc" + std::to_string(i))) == "3\n" ? 1 : 0;
    CHECK(refused == 30);
    const auto after = users_row();
    // The count is the number of passwords that were checked: before the fix, all thirty.
    CHECK(std::get<0>(after) == 5);
    CHECK(std::get<1>(after) == 1);
    CHECK(std::get<2>(after) == std::get<2>(before));  // nothing else about the account changed
    CHECK(std::get<3>(after) == std::get<3>(before));
    CHECK(std::get<4>(after) == std::get<4>(before));
    {
        SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
        CHECK(raw.execAndGet("SELECT count(*) FROM journal WHERE field = 'locked_until'").getInt() == 1);
    }
    // Locked: the right password is refused without being checked.
    const auto right = test::run_dtrack(db + " --user stc list", "DTRACK_PASSWORD='mật-khẩu-đúng-của-stc'");
    CHECK(right.exit_code == 3);
    CHECK(std::get<0>(users_row()) == 5);
}

TEST_CASE("a right password at the 5th attempt gets in and clears the count and the lock it took") {
    test::Fixture fx;
    fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    for (int i = 0; i < 4; ++i) CHECK(test::kind_of([&] { fx.service->sign_in("stc", "sai-" + std::to_string(i)); }) == ErrorKind::Denied);
    CHECK(fx.store->find_user("stc")->failed_logins == 4);
    CHECK(fx.service->sign_in("stc", "mật-khẩu-stc").name == "stc");
    const auto u = fx.store->find_user("stc");
    CHECK(u->failed_logins == 0);
    CHECK_FALSE(u->locked_until.has_value());
}

// Users have a full name (migration 0009, `user add --full-name`), shown in the history.
#include <doctest/doctest.h>

#include "support.h"
#include "ui/models.h"
#include "ui/strings.h"

using namespace dt;

TEST_CASE("the history names the person: full name with the sign-in name") {
    test::Fixture fx;
    fx.service->add_user(fx.admin, "lan.stc", "mật-khẩu-lan.stc", UserRole::Agency, std::string("Sở Tài chính"),
                         "Nguyễn Thị Lan");
    const auto lan = fx.service->sign_in("lan.stc", "mật-khẩu-lan.stc");
    const auto id = fx.assignment_of("1.1", "Sở Tài chính");
    service::AssignmentChange change;
    change.progress = 40;
    fx.service->update(lan, id, change, std::nullopt);
    const auto history = fx.service->history(id);
    REQUIRE_FALSE(history.empty());
    CHECK(history.back().user_full_name == "Nguyễn Thị Lan");
    ui::set_language(ui::Lang::Vi);
    CHECK(ui::journal_line(history.back()).rfind("Nguyễn Thị Lan (lan.stc) · ", 0) == 0);
    // Without a full name, the sign-in name alone.
    change.progress = 50;
    fx.service->update(fx.admin, id, change, std::nullopt);
    CHECK(ui::journal_line(fx.service->history(id).back()).rfind("admin · ", 0) == 0);
    bool listed = false;
    for (const auto& u : fx.service->users(fx.admin)) listed = listed || (u.name == "lan.stc" && u.full_name == "Nguyễn Thị Lan");
    CHECK(listed);
}

TEST_CASE("dtrack user add --full-name stores it, user list --json shows it") {
    test::Fixture fx;
    const std::string db = "--db '" + (fx.dir / "tracker.db").string() + "' --user admin ";
    const std::string env = "DTRACK_PASSWORD='mật-khẩu-quản-trị' DTRACK_NEW_PASSWORD='mật khẩu của Hùng'";
    auto r = test::run_dtrack(db + "user add hung.sxd --role agency --agency 'Sở Xây dựng' --full-name 'Lê Văn Hùng'", env);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    r = test::run_dtrack(db + "user list --json", env);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("\"full_name\": \"Lê Văn Hùng\"") != std::string::npos);
}

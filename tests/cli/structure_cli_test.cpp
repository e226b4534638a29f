// The structure commands through the real dtrack (docs/CLI.md, "Correcting the structure"):
// task add|edit|move|remove|list, assign, unassign, directive add, amendment add; exit codes
// under each role; `check` passes after every edit.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "support.h"

using nlohmann::json;
using dt::test::run_dtrack;

namespace {
const std::string kAdminEnv = "DTRACK_PASSWORD='mật khẩu quản trị'";

struct Db {
    dt::test::TempDir dir;
    std::string db;
    Db() : db("--db '" + (dir / "tracker.db").string() + "'") {
        REQUIRE(run_dtrack(db + " init --admin admin", kAdminEnv).exit_code == 0);
        REQUIRE(run_dtrack(db + " --user admin user add stc --role agency --agency 'Sở Tài chính'",
                           kAdminEnv + " DTRACK_NEW_PASSWORD='mật khẩu stc'").exit_code == 0);
        REQUIRE(run_dtrack(db + " --user admin user add lanhdao --role viewer",
                           kAdminEnv + " DTRACK_NEW_PASSWORD='mật khẩu lãnh đạo'").exit_code == 0);
    }
    dt::test::CommandResult admin(const std::string& args) const { return run_dtrack(db + " --user admin " + args, kAdminEnv); }
    dt::test::CommandResult stc(const std::string& args) const {
        return run_dtrack(db + " --user stc " + args, "DTRACK_PASSWORD='mật khẩu stc'");
    }
    dt::test::CommandResult viewer(const std::string& args) const {
        return run_dtrack(db + " --user lanhdao " + args, "DTRACK_PASSWORD='mật khẩu lãnh đạo'");
    }
    json tasks() const {
        const auto r = admin("task list --json");
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return json::parse(r.out);
    }
    json task(const std::string& ref) const {
        for (const auto& t : tasks())
            if (t["ref"] == ref) return t;
        return nullptr;
    }
    int count(const std::string& sql) const {
        SQLite::Database raw((dir / "tracker.db").string(), SQLite::OPEN_READONLY);
        return raw.execAndGet(sql).getInt();
    }
    void healthy() const {
        const auto r = run_dtrack(db + " check");
        CHECK_MESSAGE(r.exit_code == 0, r.err);
    }
};
}  // namespace

TEST_CASE("dtrack task, assign, unassign: an agency and a viewer get exit 3 and nothing changes") {
    Db s;
    const auto before = s.tasks().dump();
    const int journal = s.count("SELECT count(*) FROM journal");
    for (const auto* who : {"stc", "viewer"}) {
        CAPTURE(who);
        auto run = [&](const std::string& args) { return std::string(who) == "stc" ? s.stc(args) : s.viewer(args); };
        CHECK(run("task add --section 1 --text 'Nhiệm vụ mới'").exit_code == 3);
        CHECK(run("task edit 1.a.3 --text 'Nội dung khác'").exit_code == 3);
        CHECK(run("task move 1.a.3 --section 2").exit_code == 3);
        CHECK(run("task remove 1.a.3 --reason 'Không còn phù hợp'").exit_code == 3);
        CHECK(run("assign 1.a.3 'Sở Nội vụ' --role coordinate").exit_code == 3);
        CHECK(run("unassign 1.a.3 'Sở Tài chính' --reason 'Giao nhầm'").exit_code == 3);
        CHECK(run("directive add 45/TB-UBND --title 'Kết luận'").exit_code == 3);
        CHECK(run("amendment add 123/UBND-TH --date 05/06/2025").exit_code == 3);
    }
    CHECK(s.tasks().dump() == before);
    CHECK(s.count("SELECT count(*) FROM journal") == journal);
    CHECK(s.count("SELECT count(*) FROM amendments") == 0);
}

TEST_CASE("dtrack task and assign as the office: add, edit with an amendment, move, unassign, remove, check after each") {
    Db s;
    // Bad input: exit 2 (or 1 for a usage mistake), nothing stored.
    CHECK(s.admin("task add --section 1 --text ''").exit_code == 2);
    CHECK(s.admin("task add --section 1 --text 'Việc có hạn sai' --deadline 31/02/2026").exit_code == 2);
    CHECK(s.admin("task edit 9.9.9 --text 'Không có'").exit_code == 2);
    CHECK(s.admin("assign 1.a.3 'Sở Tài chính' --role chief").exit_code == 1);
    CHECK(s.admin("task edit 1.a.3 --deadline 30/06/2025 --amendment 77").exit_code == 2);
    CHECK(s.count("SELECT count(*) FROM amendments") == 0);
    s.healthy();

    const auto added = s.admin("task add --section 1 --text 'Rà soát các dự án chậm giải ngân, báo cáo UBND tỉnh' "
                               "--deadline 15/07/2025 --lead 'Sở Tài chính' --coordinate 'Sở Xây dựng'");
    REQUIRE_MESSAGE(added.exit_code == 0, added.err);
    const std::string ref = added.out.substr(0, added.out.find('\n'));
    const auto t = s.task(ref);
    REQUIRE(!t.is_null());
    CHECK(t["deadline"] == "2025-07-15");
    REQUIRE(t["assignments"].size() == 2);
    s.healthy();

    const auto amendment = s.admin("amendment add 123/UBND-TH --date 05/06/2025 --summary 'Lùi thời hạn rà soát'");
    REQUIRE_MESSAGE(amendment.exit_code == 0, amendment.err);
    const std::string amendment_id = amendment.out.substr(0, amendment.out.find('\n'));
    const auto edit = s.admin("task edit " + ref + " --deadline 31/08/2025 --amendment " + amendment_id);
    REQUIRE_MESSAGE(edit.exit_code == 0, edit.err);
    s.healthy();
    const auto lead_id = std::to_string(s.task(ref)["assignments"][0]["id"].get<long long>());
    const auto history = json::parse(s.admin("history " + lead_id + " --json").out);
    bool cited = false, moved = false;
    for (const auto& h : history) {
        if (h["field"] == "basis" && h["new"] == "Công văn 123/UBND-TH ngày 05/06/2025: Lùi thời hạn rà soát") cited = true;
        if (h["field"] == "due" && h["new"] == "2025-08-31") moved = true;
    }
    CHECK(cited);
    CHECK(moved);

    CHECK(s.admin("task move " + ref + " --section 2").exit_code == 0);
    CHECK(s.task(ref)["ref"] == ref);
    s.healthy();

    // Evidence on the lead's assignment: unassigning it closes it (with a reason). Sở Xây dựng's
    // deadline moved (history): closed too; Sở Nội vụ, assigned just now, untouched: deleted.
    REQUIRE(s.stc("evidence add " + lead_id + " --note 'Báo cáo số 215/BC-STC'").exit_code == 0);
    CHECK(s.admin("unassign " + ref + " 'Sở Tài chính'").exit_code == 2);  // closing needs a reason
    CHECK(s.admin("unassign " + ref + " 'Sở Tài chính' --reason 'Giao nhầm'").exit_code == 0);
    CHECK(s.admin("unassign " + ref + " 'Sở Xây dựng'").exit_code == 2);
    CHECK(s.admin("unassign " + ref + " 'Sở Xây dựng' --reason 'Không liên quan'").exit_code == 0);
    REQUIRE(s.admin("assign " + ref + " 'Sở Nội vụ' --role coordinate").exit_code == 0);
    CHECK(s.task(ref)["assignments"].size() == 3);
    CHECK(s.admin("unassign " + ref + " 'Sở Nội vụ'").exit_code == 0);
    const auto show = json::parse(s.admin("show " + lead_id + " --json").out);
    CHECK(show["closed_reason"] == "Giao nhầm");
    CHECK(s.task(ref)["assignments"].size() == 2);  // both closed, kept
    s.healthy();
    // The task keeps closed assignments with history: removing it closes it too.
    CHECK(s.admin("task remove " + ref).exit_code == 2);
    const auto removed = s.admin("task remove " + ref + " --reason 'Đã thay thế' --by 'Công văn 200/UBND-TH'");
    REQUIRE_MESSAGE(removed.exit_code == 0, removed.err);
    CHECK(!s.task(ref)["closed"].is_null());
    s.healthy();
}

TEST_CASE("dtrack directive add: a meeting's conclusions without text, then its tasks, --directive is needed once there are two") {
    Db s;
    const auto d = s.admin("directive add 45/TB-UBND --date 20/05/2025 --title 'Kết luận của Chủ tịch UBND tỉnh' "
                           "--issuer 'UBND tỉnh Cao Bằng'");
    REQUIRE_MESSAGE(d.exit_code == 0, d.err);
    CHECK(s.admin("directive add 45/TB-UBND --title 'Trùng số'").exit_code == 2);
    CHECK(s.admin("task edit 1.a.3 --text 'Khác'").exit_code == 1);  // which directive?
    const auto t = s.admin("task add --directive 45/TB-UBND --section I --text 'Sở Tài chính tham mưu phân bổ vốn' "
                           "--lead 'Sở Tài chính' --deadline 30/06/2025");
    REQUIRE_MESSAGE(t.exit_code == 0, t.err);
    CHECK(t.out == "I.1\n");
    const auto rows = json::parse(s.admin("list --json --directive 45/TB-UBND").out);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["agency"] == "Sở Tài chính");
    // A bad agency in the same command: the task is not kept either.
    CHECK(s.admin("task add --directive 45/TB-UBND --section I --text 'Việc thứ hai' --lead 'Sở Không Có'").exit_code == 2);
    CHECK(s.count("SELECT count(*) FROM tasks t JOIN directives d ON d.id = t.directive_id WHERE d.code = '45/TB-UBND'") == 1);
    s.healthy();
}

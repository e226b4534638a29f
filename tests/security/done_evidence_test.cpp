// Issue 17, item 1: "done needs evidence" holds on every path, and `check` tells a broken rule
// (an inconsistency to repair) from a damaged file (restore a backup).
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "app/storage_advice.h"
#include "support.h"

using namespace dt;
namespace fs = std::filesystem;

namespace {
const std::string kAdminEnv = "DTRACK_PASSWORD='mật khẩu quản trị'";
std::string sh(const std::string& text) { return app::shell_word(text); }
}  // namespace

TEST_CASE("withdrawing the only evidence of a done assignment reopens it, journalled, other rows unchanged") {
    test::Fixture fx;
    const auto agency = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    const auto id = fx.assignment_of("1.1", "Sở Tài chính");
    const auto ev = fx.service->add_evidence(agency, id, {"Báo cáo số 1", "", std::nullopt, std::nullopt});
    service::AssignmentChange done;
    done.status = Status::Done;
    fx.service->update(agency, id, done, std::nullopt);
    service::ListFilter all;
    auto others = [&] {
        std::vector<std::pair<store::Id, int>> out;
        for (const auto& v : fx.service->list(all))
            if (v.record.id != id) out.emplace_back(v.record.id, v.record.version);
        return out;
    };
    const auto before = others();
    const auto journal_before = fx.store->journal_count();

    CHECK(fx.service->withdraw_evidence(agency, ev, "Nhầm tài liệu"));

    const auto a = fx.service->get(id).record;
    CHECK(a.status == Status::InProgress);
    CHECK_FALSE(a.completed_on.has_value());
    CHECK(a.progress == 99);
    CHECK(a.evidence_count == 0);
    CHECK(a.review_note.find("Nhầm tài liệu") != std::string::npos);
    bool journalled = false;
    for (const auto& j : fx.service->history(id))
        if (j.field == "status" && j.old_value == "done" && j.new_value == "in_progress" && j.user_name == "stc") journalled = true;
    CHECK(journalled);
    CHECK(fx.store->journal_count() == journal_before + 5);  // withdrawal, status, progress, completed_on, review
    CHECK(fx.service->check().empty());
    CHECK(fx.service->inconsistencies().empty());
    CHECK(others() == before);
}

TEST_CASE("withdrawing one of two pieces of evidence leaves a done assignment done") {
    test::Fixture fx;
    const auto id = fx.assignment_of("1.1", "Sở Tài chính");
    const auto first = fx.service->add_evidence(fx.admin, id, {"Báo cáo 1", "", std::nullopt, std::nullopt});
    fx.service->add_evidence(fx.admin, id, {"Báo cáo 2", "", std::nullopt, std::nullopt});
    service::AssignmentChange done;
    done.status = Status::Done;
    fx.service->update(fx.admin, id, done, std::nullopt);
    CHECK_FALSE(fx.service->withdraw_evidence(fx.admin, first, "Trùng"));
    CHECK(fx.service->get(id).record.status == Status::Done);
    CHECK(fx.service->inconsistencies().empty());
}

TEST_CASE("the attack as reported: evidence add, done, withdraw, then check passes (exit 0, no restore advice)") {
    test::TempDir dir;
    const auto db = "--db " + sh((dir / "t.db").string());
    REQUIRE(test::run_dtrack(db + " init --admin admin", kAdminEnv).exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user admin evidence add 7 --note 'Báo cáo'", kAdminEnv).exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user admin update 7 --status done", kAdminEnv).exit_code == 0);
    const auto w = test::run_dtrack(db + " --user admin evidence withdraw 1 --reason 'nhầm'", kAdminEnv);
    CHECK(w.exit_code == 0);
    CHECK(w.out.find("back in progress") != std::string::npos);
    const auto c = test::run_dtrack(db + " check");
    CHECK_MESSAGE(c.exit_code == 0, c.err);
    CHECK(c.err.find("restore") == std::string::npos);
}

TEST_CASE("check on a sound file with a broken rule: exit 6, the rows named, no restore advice, the file unchanged") {
    test::TempDir dir;
    const auto file = dir / "t.db";
    const auto db = "--db " + sh(file.string());
    REQUIRE(test::run_dtrack(db + " init --admin admin", kAdminEnv).exit_code == 0);
    {
        SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
        raw.exec("UPDATE assignments SET status = 'done', progress = 100, completed_on = '2026-01-02' WHERE id IN (7, 9)");
    }
    const auto bytes = test::read_text(file);
    const auto c = test::run_dtrack(db + " check");
    CHECK(c.exit_code == 6);
    CHECK_MESSAGE(c.err.find("done assignments without evidence: 7, 9") != std::string::npos, c.err);
    CHECK(c.err.find("not damage") != std::string::npos);
    CHECK(c.err.find("restore the newest backup") == std::string::npos);
    CHECK(c.err.find("is damaged") == std::string::npos);
    CHECK(test::read_text(file) == bytes);
    // The repair the message names: the office sends them back, and check passes.
    for (const char* id : {"7", "9"})
        REQUIRE(test::run_dtrack(db + " --user admin review " + id + " --reason 'Thiếu minh chứng'", kAdminEnv).exit_code == 0);
    CHECK(test::run_dtrack(db + " check").exit_code == 0);
}

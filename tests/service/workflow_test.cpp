// Many people, one database: extensions, completions sent back, evidence withdrawn, users
// kept safe — through the service, under each role.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <functional>

#include "core/error.h"
#include "report/build.h"
#include "support.h"

using namespace dt;
using test::kind_of;
using service::Decision;
using store::Id;

namespace {
std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    FAIL("no error was raised");
    return "";
}

service::EvidenceInput note(const std::string& text) {
    service::EvidenceInput e;
    e.note = text;
    return e;
}

service::AssignmentChange status(Status s) {
    service::AssignmentChange c;
    c.status = s;
    return c;
}

// The fixture with an agency user of Sở Tài chính, one of Sở Công Thương and a viewer.
struct Roles : test::Fixture {
    service::Actor stc = add_user("stc", UserRole::Agency, "Sở Tài chính");
    service::Actor sct = add_user("sct", UserRole::Agency, "Sở Công Thương");
    service::Actor viewer = add_user("lanhdao", UserRole::Viewer);
    Id own = assignment_of("1.1", "Sở Tài chính");       // due 30/06/2025
    Id other = assignment_of("2.1", "Sở Công Thương");   // no deadline
    Id district = assignment_of("1.2", "UBND huyện Hòa An");  // due 31/12/2025

    store::AssignmentRecord row(Id id) const { return service->get(id).record; }
    std::size_t journal_rows(Id id, const std::string& field) const {
        const auto h = service->history(id);
        return static_cast<std::size_t>(std::count_if(h.begin(), h.end(), [&](auto& j) { return j.field == field; }));
    }
    void mark_done(Id id) {
        service->add_evidence(admin, id, note("Báo cáo kết quả"));
        service->update(admin, id, status(Status::Done), std::nullopt);
    }
};
}  // namespace

TEST_CASE("extension approved: the deadline moves, the first one stays, reports see the change") {
    Roles fx;
    REQUIRE(fx.own != 0);
    const auto before = fx.row(fx.own);
    CHECK(before.original_due == Date{2025, 6, 30});
    CHECK(before.extension_count == 0);

    const Id req = fx.service->request_extension(fx.stc, fx.own, Date{2025, 7, 31}, "Chờ số liệu của Kho bạc");
    CHECK(fx.row(fx.own).due == Date{2025, 6, 30});  // asking changes nothing yet
    const auto pending = fx.service->extensions(fx.admin, true);
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].id == req);
    CHECK(pending[0].requested_by == "stc");
    CHECK(pending[0].agency == "Sở Tài chính");
    CHECK(fx.service->extensions(fx.stc, true).size() == 1);
    CHECK(fx.service->extensions(fx.sct, false).empty());  // another agency's request
    CHECK(fx.service->extensions(fx.viewer, false).size() == 1);

    const auto decided = fx.service->decide_extension(fx.admin, req, Decision::Approve, "Đồng ý");
    CHECK(decided.status == store::ExtensionStatus::Approved);
    CHECK(decided.decided_by == "admin");
    const auto after = fx.row(fx.own);
    CHECK(after.due == Date{2025, 7, 31});
    CHECK(after.original_due == Date{2025, 6, 30});
    CHECK(after.extension_count == 1);
    CHECK(after.version == before.version + 1);
    CHECK(fx.service->extensions(fx.admin, true).empty());

    const auto history = fx.service->history(fx.own);
    const auto due = std::find_if(history.begin(), history.end(), [](auto& j) { return j.field == "due"; });
    REQUIRE(due != history.end());
    CHECK(due->old_value == "2025-06-30");
    CHECK(due->new_value == "2025-07-31");
    CHECK(fx.journal_rows(fx.own, "extension") == 2);  // the request and the decision, with the reason
    CHECK(history.back().new_value->find("Chờ số liệu của Kho bạc") != std::string::npos);

    report::Request rq;
    rq.as_of = Date::today();
    rq.since = Date::today().plus_days(-1);
    const auto rep = report::build_report(*fx.service, fx.admin, rq);
    REQUIRE(rep.changes.has_value());
    REQUIRE(rep.changes->deadline_changes.size() == 1);
    CHECK(rep.changes->deadline_changes[0].what == "30/06/2025 → 31/07/2025");
    bool found = false;
    for (const auto& s : rep.sections)
        for (const auto& t : s.tasks)
            for (const auto& sh : t.shares)
                if (sh.assignment_id == fx.own) {
                    found = true;
                    CHECK(sh.original_due == Date{2025, 6, 30});
                    CHECK(sh.due == Date{2025, 7, 31});
                    CHECK(sh.extensions == 1);
                }
    CHECK(found);

    // A decided request cannot be decided again, either way.
    CHECK(kind_of([&] { fx.service->decide_extension(fx.admin, req, Decision::Approve, ""); }) == ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.service->decide_extension(fx.admin, req, Decision::Refuse, ""); }) == ErrorKind::Invalid);
    CHECK(fx.row(fx.own).version == after.version);
}

TEST_CASE("extension refused: nothing changes on the assignment, and a new request may follow") {
    Roles fx;
    const auto before = fx.row(fx.own);
    const Id req = fx.service->request_extension(fx.stc, fx.own, Date{2025, 9, 30}, "Thiếu nhân lực");
    const auto decided = fx.service->decide_extension(fx.admin, req, Decision::Refuse, "Không đủ căn cứ");
    CHECK(decided.status == store::ExtensionStatus::Refused);
    CHECK(decided.decision_note == "Không đủ căn cứ");
    const auto after = fx.row(fx.own);
    CHECK(after.due == before.due);
    CHECK(after.version == before.version);
    CHECK(after.extension_count == 0);
    CHECK(fx.journal_rows(fx.own, "due") == 0);
    CHECK(fx.journal_rows(fx.own, "extension") == 2);
    CHECK(fx.service->request_extension(fx.stc, fx.own, Date{2025, 8, 15}, "Lý do mới") > req);
}

TEST_CASE("extension rights for each role") {
    Roles fx;
    const Date later{2026, 3, 31};
    CHECK(fx.service->request_extension(fx.admin, fx.district, later, "Văn phòng đề nghị") > 0);
    CHECK(kind_of([&] { fx.service->request_extension(fx.sct, fx.own, later, "không phải của tôi"); }) == ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->request_extension(fx.viewer, fx.own, later, "chỉ xem"); }) == ErrorKind::Denied);
    const Id req = fx.service->request_extension(fx.stc, fx.own, later, "Chờ phê duyệt dự án");
    CHECK(kind_of([&] { fx.service->decide_extension(fx.stc, req, Decision::Approve, ""); }) == ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->decide_extension(fx.sct, req, Decision::Refuse, ""); }) == ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->decide_extension(fx.viewer, req, Decision::Approve, ""); }) == ErrorKind::Denied);
    CHECK(fx.service->extensions(fx.admin, true).size() == 2);
    CHECK(fx.service->extensions(fx.stc, true).size() == 1);
    CHECK(fx.row(fx.own).due == Date{2025, 6, 30});
}

TEST_CASE("extension requests are validated and a refused one leaves no trace") {
    Roles fx;
    const int journal_before = fx.store->journal_count();
    CHECK(kind_of([&] { fx.service->request_extension(fx.stc, fx.own, Date{2025, 7, 31}, "  "); }) == ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.service->request_extension(fx.stc, fx.own, Date{2025, 7, 31}, std::string(2001, 'x')); }) ==
          ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.service->request_extension(fx.stc, fx.own, Date{2025, 6, 30}, "cùng ngày"); }) == ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.service->request_extension(fx.stc, fx.own, Date{2025, 5, 1}, "sớm hơn"); }) == ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.service->request_extension(fx.sct, fx.other, Date{2026, 1, 1}, "không có hạn"); }) ==
          ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.service->request_extension(fx.admin, 999999, Date{2026, 1, 1}, "không có"); }) == ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.service->decide_extension(fx.admin, 999999, Decision::Approve, ""); }) == ErrorKind::Invalid);
    CHECK(fx.store->journal_count() == journal_before);

    SUBCASE("one pending request per assignment") {
        fx.service->request_extension(fx.stc, fx.own, Date{2025, 7, 31}, "lần một");
        CHECK(kind_of([&] { fx.service->request_extension(fx.admin, fx.own, Date{2025, 8, 31}, "lần hai"); }) ==
              ErrorKind::Invalid);
    }
    SUBCASE("a done assignment has nothing to extend") {
        fx.mark_done(fx.own);
        CHECK(kind_of([&] { fx.service->request_extension(fx.stc, fx.own, Date{2025, 7, 31}, "muộn"); }) ==
              ErrorKind::Invalid);
    }
}

TEST_CASE("send back: a done assignment returns to in_progress with the office's reason") {
    Roles fx;
    fx.mark_done(fx.own);
    const auto done = fx.row(fx.own);
    REQUIRE(done.status == Status::Done);
    CHECK(kind_of([&] { fx.service->send_back(fx.admin, fx.own, "cũ", done.version - 1); }) == ErrorKind::Conflict);
    CHECK(kind_of([&] { fx.service->send_back(fx.admin, fx.own, "", done.version); }) == ErrorKind::Invalid);
    CHECK(fx.row(fx.own).status == Status::Done);

    const auto back = fx.service->send_back(fx.admin, fx.own, "Thiếu biên bản nghiệm thu", done.version).record;
    CHECK(back.status == Status::InProgress);
    CHECK_FALSE(back.completed_on.has_value());
    CHECK(back.progress == 99);
    CHECK(back.review_note == "Thiếu biên bản nghiệm thu");
    CHECK(back.version == done.version + 1);
    const auto history = fx.service->history(fx.own);
    REQUIRE(fx.journal_rows(fx.own, "review") == 1);
    CHECK(history.back().field == "review");
    CHECK(history.back().new_value == "Thiếu biên bản nghiệm thu");
    CHECK(kind_of([&] { fx.service->send_back(fx.admin, fx.own, "lại", std::nullopt); }) == ErrorKind::Invalid);  // not done

    // Done again: the objection is answered, the note goes (and the journal says so).
    const auto again = fx.service->update(fx.stc, fx.own, status(Status::Done), std::nullopt).record;
    CHECK(again.review_note.empty());
    CHECK(fx.journal_rows(fx.own, "review") == 2);
}

TEST_CASE("send back rights for each role") {
    Roles fx;
    fx.mark_done(fx.own);
    CHECK(kind_of([&] { fx.service->send_back(fx.stc, fx.own, "tự trả lại", std::nullopt); }) == ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->send_back(fx.sct, fx.own, "đơn vị khác", std::nullopt); }) == ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->send_back(fx.viewer, fx.own, "chỉ xem", std::nullopt); }) == ErrorKind::Denied);
    CHECK(fx.row(fx.own).status == Status::Done);
    CHECK(fx.service->send_back(fx.admin, fx.own, "Văn phòng trả lại", std::nullopt).record.status == Status::InProgress);
}

TEST_CASE("withdrawn evidence stays listed but no longer makes a task done") {
    Roles fx;
    const Id eid = fx.service->add_evidence(fx.stc, fx.own, note("Báo cáo 215/BC-STC"));
    fx.service->update(fx.stc, fx.own, status(Status::Done), std::nullopt);
    CHECK(fx.service->latest_evidence(Date::today()).count(fx.own) == 1);

    fx.service->withdraw_evidence(fx.stc, eid, "Nhầm văn bản");
    const auto items = fx.service->evidence(fx.own);
    REQUIRE(items.size() == 1);
    CHECK(items[0].withdrawn());
    CHECK(items[0].withdrawal_reason == "Nhầm văn bản");
    CHECK(items[0].withdrawn_by == "stc");
    CHECK(items[0].note == "Báo cáo 215/BC-STC");
    CHECK(fx.row(fx.own).evidence_count == 0);
    CHECK(fx.service->latest_evidence(Date::today()).count(fx.own) == 0);
    CHECK(fx.journal_rows(fx.own, "evidence_withdrawn") == 1);
    CHECK(kind_of([&] { fx.service->withdraw_evidence(fx.admin, eid, "lần nữa"); }) == ErrorKind::Invalid);

    CHECK(fx.row(fx.own).status == Status::InProgress);  // its only evidence gone, it reopened
    const auto message = message_of([&] { fx.service->update(fx.stc, fx.own, status(Status::Done), std::nullopt); });
    CHECK(message.find("without evidence") != std::string::npos);
    fx.service->add_evidence(fx.stc, fx.own, note("Báo cáo 216/BC-STC"));
    CHECK(fx.service->update(fx.stc, fx.own, status(Status::Done), std::nullopt).record.status == Status::Done);
}

TEST_CASE("evidence withdrawal rights for each role") {
    Roles fx;
    const Id mine = fx.service->add_evidence(fx.stc, fx.own, note("của Sở Tài chính"));
    const Id second = fx.service->add_evidence(fx.stc, fx.own, note("thêm một"));
    CHECK(kind_of([&] { fx.service->withdraw_evidence(fx.sct, mine, "đơn vị khác"); }) == ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->withdraw_evidence(fx.viewer, mine, "chỉ xem"); }) == ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->withdraw_evidence(fx.stc, mine, ""); }) == ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.service->withdraw_evidence(fx.stc, 999999, "không có"); }) == ErrorKind::Invalid);
    CHECK(fx.row(fx.own).evidence_count == 2);
    fx.service->withdraw_evidence(fx.stc, mine, "Đơn vị tự rút");
    fx.service->withdraw_evidence(fx.admin, second, "Văn phòng rút");
    CHECK(fx.row(fx.own).evidence_count == 0);
}

TEST_CASE("the database itself refuses to delete or edit evidence") {
    if (dt::test::test_pg_uri()) {
        MESSAGE("not on PostgreSQL: a SQLite file's triggers; on a server pg_server_test refuses them through psql");
        return;
    }
    Roles fx;
    const Id eid = fx.service->add_evidence(fx.stc, fx.own, note("Bản gốc"));
    SQLite::Database raw((fx.dir / "tracker.db").string(), SQLite::OPEN_READWRITE);
    const auto id = std::to_string(eid);
    CHECK_THROWS(raw.exec("DELETE FROM evidence WHERE id = " + id));
    CHECK_THROWS(raw.exec("UPDATE evidence SET note = 'Bản sửa' WHERE id = " + id));
    CHECK_THROWS(raw.exec("UPDATE evidence SET doc_ref = '1/X' WHERE id = " + id));
    CHECK_THROWS(raw.exec("UPDATE evidence SET doc_date = '2025-01-01' WHERE id = " + id));
    CHECK_THROWS(raw.exec("UPDATE evidence SET file_name = 'x.pdf', file_data = x'00' WHERE id = " + id));
    CHECK(raw.execAndGet("SELECT note FROM evidence WHERE id = " + id).getString() == "Bản gốc");
    // Withdrawing is the one change allowed, and it is final.
    fx.service->withdraw_evidence(fx.stc, eid, "Rút");
    CHECK_THROWS(raw.exec("UPDATE evidence SET withdrawn_at = NULL WHERE id = " + id));
    CHECK(fx.service->evidence(fx.own).at(0).withdrawn());
}

TEST_CASE("sign-in: five failures lock the account, even against the right password") {
    if (dt::test::test_pg_uri()) {
        MESSAGE("not on PostgreSQL: a file's sign-in (argon2, lock-out); on a server the server checks passwords at connection (pg_server_test)");
        return;
    }
    Roles fx;
    CHECK(service::lock_seconds(4) == 0);
    CHECK(service::lock_seconds(5) == 30);
    CHECK(service::lock_seconds(6) == 60);
    CHECK(service::lock_seconds(8) == 240);
    CHECK(service::lock_seconds(10) == 15 * 60);
    CHECK(service::lock_seconds(1000) == 15 * 60);

    for (int i = 0; i < 5; ++i) CHECK(kind_of([&] { fx.service->sign_in("stc", "sai mật khẩu"); }) == ErrorKind::Denied);
    CHECK(fx.store->find_user("stc")->failed_logins == 5);
    REQUIRE(fx.store->find_user("stc")->locked_until.has_value());
    const auto message = message_of([&] { fx.service->sign_in("stc", "mật-khẩu-stc"); });
    CHECK(message.find("too many failed attempts") != std::string::npos);
    CHECK(message == message_of([&] { fx.service->sign_in("không-có-ai", "mật-khẩu-stc"); }));  // says nothing more
    CHECK(fx.store->find_user("stc")->failed_logins == 5);  // refused without counting or checking
    CHECK(fx.service->sign_in("sct", "mật-khẩu-sct").name == "sct");  // other users are not affected

    // Once the lock has passed, the right password works and the count starts again.
    {
        SQLite::Database raw((fx.dir / "tracker.db").string(), SQLite::OPEN_READWRITE);
        raw.exec("UPDATE users SET locked_until = '2000-01-01T00:00:00Z' WHERE name = 'stc'");
    }
    CHECK(fx.service->sign_in("stc", "mật-khẩu-stc").name == "stc");
    CHECK(fx.store->find_user("stc")->failed_logins == 0);
    CHECK_FALSE(fx.store->find_user("stc")->locked_until.has_value());
}

TEST_CASE("sign-in: a success resets the count of failures") {
    if (dt::test::test_pg_uri()) {
        MESSAGE("not on PostgreSQL: a file's sign-in (argon2, lock-out); on a server the server checks passwords at connection (pg_server_test)");
        return;
    }
    Roles fx;
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 4; ++i) CHECK(kind_of([&] { fx.service->sign_in("stc", "sai"); }) == ErrorKind::Denied);
        CHECK(fx.service->sign_in("stc", "mật-khẩu-stc").name == "stc");
    }
    CHECK(fx.store->find_user("stc")->failed_logins == 0);
}

TEST_CASE("users: deactivated ones cannot sign in, and the office keeps an active admin") {
    if (dt::test::test_pg_uri()) {
        MESSAGE("not on PostgreSQL: a file's sign-in (argon2, lock-out); on a server the server checks passwords at connection (pg_server_test)");
        return;
    }
    Roles fx;
    fx.service->set_user_active(fx.admin, "stc", false);
    CHECK(kind_of([&] { fx.service->sign_in("stc", "mật-khẩu-stc"); }) == ErrorKind::Denied);
    const auto users = fx.service->users(fx.admin);
    const auto stc = std::find_if(users.begin(), users.end(), [](auto& u) { return u.name == "stc"; });
    REQUIRE(stc != users.end());  // never deleted
    CHECK_FALSE(stc->active);
    fx.service->set_user_active(fx.admin, "stc", true);
    CHECK(fx.service->sign_in("stc", "mật-khẩu-stc").name == "stc");

    CHECK(kind_of([&] { fx.service->set_user_active(fx.admin, "admin", false); }) == ErrorKind::Invalid);  // itself
    CHECK(kind_of([&] { fx.service->set_user_active(service::Service::system(), "admin", false); }) == ErrorKind::Invalid);
    CHECK(message_of([&] { fx.service->set_user_active(service::Service::system(), "admin", false); })
              .find("last active administrator") != std::string::npos);
    CHECK(kind_of([&] { fx.service->set_user_active(fx.stc, "sct", false); }) == ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->set_user_active(fx.viewer, "stc", false); }) == ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->set_user_active(fx.admin, "không-có", false); }) == ErrorKind::Invalid);

    // With a second admin, one of them may go.
    const auto second = fx.add_user("admin2", UserRole::Admin);
    fx.service->set_user_active(second, "admin", false);
    CHECK(kind_of([&] { fx.service->sign_in("admin", "mật-khẩu-quản-trị"); }) == ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->set_user_active(service::Service::system(), "admin2", false); }) == ErrorKind::Invalid);
}

TEST_CASE("users: the office resets passwords, a user changes its own") {
    if (dt::test::test_pg_uri()) {
        MESSAGE("not on PostgreSQL: a file's sign-in (argon2, lock-out); on a server the server checks passwords at connection (pg_server_test)");
        return;
    }
    Roles fx;
    fx.service->reset_password(fx.admin, "stc", "mật khẩu mới của stc");
    CHECK(kind_of([&] { fx.service->sign_in("stc", "mật-khẩu-stc"); }) == ErrorKind::Denied);
    CHECK(fx.service->sign_in("stc", "mật khẩu mới của stc").name == "stc");
    fx.service->reset_password(fx.viewer, "lanhdao", "mật khẩu lãnh đạo", "mật-khẩu-lanhdao");
    CHECK(fx.service->sign_in("lanhdao", "mật khẩu lãnh đạo").name == "lanhdao");
    CHECK(kind_of([&] { fx.service->reset_password(fx.stc, "sct", "chiếm tài khoản"); }) == ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->reset_password(fx.viewer, "admin", "chiếm tài khoản"); }) == ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->reset_password(fx.admin, "stc", "ngắn"); }) == ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.service->reset_password(fx.admin, "không-có", "mật khẩu dài"); }) == ErrorKind::Invalid);
    CHECK(fx.service->sign_in("sct", "mật-khẩu-sct").name == "sct");

    // A reset by the office also lifts a lock.
    for (int i = 0; i < 5; ++i) CHECK(kind_of([&] { fx.service->sign_in("sct", "sai"); }) == ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->sign_in("sct", "mật-khẩu-sct"); }) == ErrorKind::Denied);
    fx.service->reset_password(fx.admin, "sct", "mật khẩu mới của sct");
    CHECK(fx.service->sign_in("sct", "mật khẩu mới của sct").name == "sct");
}

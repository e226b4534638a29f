// The structure the office corrects after an import (issue 13, items 7 and 8), through the
// service, under each role, on both backends (DT_TEST_PG: scripts/pg_tests.sh): tasks added,
// edited, moved and removed; agencies assigned, unassigned, given another role; directives by
// hand; amendments cited by a deadline change. Nothing worked on is ever deleted.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>

#include "core/error.h"
#include "support.h"

using namespace dt;
using test::kind_of;
using store::Id;

namespace {
const std::string kCode = "99/CT-TEST";

struct Office : test::Fixture {
    service::Actor stc = add_user("stc", UserRole::Agency, "Sở Tài chính");
    service::Actor viewer = add_user("lanhdao", UserRole::Viewer);

    store::TaskRecord task(const std::string& ref) const { return service->find_task(kCode, ref); }
    std::vector<store::TaskRecord> tasks() const { return service->tasks(task("1.1").directive_id); }
    std::vector<store::AssignmentRecord> of(const std::string& ref) const { return service->task_assignments(task(ref).id); }
    std::size_t fields(Id assignment, const std::string& field) const {
        const auto h = service->history(assignment);
        return static_cast<std::size_t>(std::count_if(h.begin(), h.end(), [&](auto& j) { return j.field == field; }));
    }
    void healthy() const {
        CHECK(service->check().empty());
        const auto broken = service->inconsistencies();
        CHECK_MESSAGE(broken.empty(), (broken.empty() ? "" : broken.front()));
    }
    // Everything a refused change could have touched.
    std::string snapshot() const {
        std::string out;
        for (const auto& t : tasks()) {
            out += t.ref + "|" + t.title + "|" + t.text + "|" + (t.deadline ? t.deadline->iso() : "-") + "|" +
                   std::to_string(t.section_id) + "|" + t.parent_ref.value_or("-") + "|" + std::to_string(t.position) + "|" +
                   (t.closed_on ? "closed" : "open") + "\n";
            for (const auto& a : service->task_assignments(t.id))
                out += "  " + a.agency + " " + std::string(to_string(a.role)) + " v" + std::to_string(a.version) +
                       (a.due ? a.due->iso() : "-") + (a.closed_on ? " closed" : "") + "\n";
        }
        out += std::to_string(service->directives().size()) + " directives, " +
               std::to_string(service->amendments(task("1.1").directive_id).size()) + " amendments, " +
               std::to_string(store->journal_count()) + " journal rows";
        return out;
    }
};

service::TaskInput new_task(const std::string& section, const std::string& text) {
    service::TaskInput in;
    in.directive = kCode;
    in.section = section;
    in.text = text;
    return in;
}

service::EvidenceInput note(const std::string& text) {
    service::EvidenceInput e;
    e.note = text;
    return e;
}
}  // namespace

TEST_CASE("structure edits: an agency and a viewer are refused every one, and nothing changes") {
    Office fx;
    const auto before = fx.snapshot();
    const Id t11 = fx.task("1.1").id;
    const Id a11 = fx.assignment_of("1.1", "Sở Tài chính");
    for (const auto* actor : {&fx.stc, &fx.viewer}) {
        CAPTURE(actor->name);
        service::TaskEdit edit;
        edit.text = "Nội dung khác";
        service::TaskMove move;
        move.section = "2";
        service::DirectiveInput d{"45/TB-UBND", Date{2025, 5, 2}, "Thông báo kết luận", "UBND tỉnh", "", ""};
        service::AmendmentInput amendment{kCode, "123/UBND-TH", Date{2025, 6, 5}, "Công văn", "Lùi hạn"};
        CHECK(kind_of([&] { fx.service->add_task(*actor, new_task("1", "Một nhiệm vụ mới của Sở")); }) == ErrorKind::Denied);
        CHECK(kind_of([&] { fx.service->edit_task(*actor, t11, edit); }) == ErrorKind::Denied);
        CHECK(kind_of([&] { fx.service->move_task(*actor, t11, move); }) == ErrorKind::Denied);
        CHECK(kind_of([&] { fx.service->remove_task(*actor, t11, "Không còn phù hợp"); }) == ErrorKind::Denied);
        CHECK(kind_of([&] { fx.service->assign(*actor, t11, "Sở Nội vụ", AssignmentRole::Coordinate); }) == ErrorKind::Denied);
        CHECK(kind_of([&] { fx.service->unassign(*actor, t11, "Sở Xây dựng", "Không liên quan"); }) == ErrorKind::Denied);
        CHECK(kind_of([&] { fx.service->change_role(*actor, a11, AssignmentRole::Coordinate, std::nullopt); }) ==
              ErrorKind::Denied);
        CHECK(kind_of([&] { fx.service->add_directive(*actor, d); }) == ErrorKind::Denied);
        CHECK(kind_of([&] { fx.service->add_amendment(*actor, amendment); }) == ErrorKind::Denied);
    }
    CHECK(fx.snapshot() == before);
    fx.healthy();
}

TEST_CASE("task add: numbered after its siblings, placed in its section, its agencies (a group expands) assigned") {
    Office fx;
    const Id id = fx.service->add_task(fx.admin, [] {
        auto in = new_task("1", "Rà soát các dự án chậm giải ngân; báo cáo UBND tỉnh trước ngày 15/7/2025.");
        in.deadline = Date{2025, 7, 15};
        return in;
    }());
    const auto t = fx.service->task(id);
    CHECK(t.ref == "1.3");
    CHECK(t.title == "Rà soát các dự án chậm giải ngân");
    CHECK(t.deadline == Date{2025, 7, 15});
    // After 1.2, before section 2's task.
    const auto all = fx.tasks();
    REQUIRE(all.size() == 4);
    CHECK(all[2].ref == "1.3");
    CHECK(all[3].ref == "2.1");

    const auto r = fx.service->assign(fx.admin, id, "UBND các xã, phường", AssignmentRole::Lead);
    const auto group = fx.store->find_agency("UBND các xã, phường");
    REQUIRE(group);
    CHECK(r.added.size() == fx.service->group_members(group->id).size());
    CHECK(r.added.size() > 5);
    fx.service->assign(fx.admin, id, "Sở Tài chính", AssignmentRole::Coordinate);
    const auto rows = fx.of("1.3");
    CHECK(rows.size() == r.added.size() + 1);
    for (const auto& a : rows) CHECK(a.due == Date{2025, 7, 15});
    // Assigned again as it is: refused, nothing added.
    CHECK(kind_of([&] { fx.service->assign(fx.admin, id, "Sở Tài chính", AssignmentRole::Coordinate); }) == ErrorKind::Invalid);
    // A sub-task under 1.3 gets 1.3.1 and comes right after it.
    auto sub = new_task("", "Kiểm tra thực địa các công trình trọng điểm");
    sub.parent = "1.3";
    const auto st = fx.service->task(fx.service->add_task(fx.admin, sub));
    CHECK(st.ref == "1.3.1");
    CHECK(st.parent_ref == "1.3");
    CHECK(fx.tasks()[3].ref == "1.3.1");
    // A new section is made on demand.
    auto in3 = new_task("3", "Tăng cường kỷ luật, kỷ cương hành chính");
    in3.section_title = "Kỷ luật hành chính";
    CHECK(fx.service->task(fx.service->add_task(fx.admin, in3)).ref == "3.1");
    CHECK(fx.service->sections(st.directive_id).back().title == "Kỷ luật hành chính");
    fx.healthy();
}

TEST_CASE("task add and edit: bad input is refused with a clear message and changes nothing") {
    Office fx;
    const auto before = fx.snapshot();
    CHECK(kind_of([&] { fx.service->add_task(fx.admin, new_task("1", "   ")); }) == ErrorKind::Invalid);
    auto early = new_task("1", "Nhiệm vụ có hạn trước ngày ban hành");
    early.deadline = Date{2025, 3, 1};  // the directive is of 01/04/2025
    CHECK(kind_of([&] { fx.service->add_task(fx.admin, early); }) == ErrorKind::Invalid);
    auto taken = new_task("1", "Nhiệm vụ trùng số");
    taken.ref = "1.2";
    CHECK(kind_of([&] { fx.service->add_task(fx.admin, taken); }) == ErrorKind::Invalid);
    auto unknown = new_task("1", "Nhiệm vụ của chỉ thị không có");
    unknown.directive = "01/CT-KHONG";
    CHECK(kind_of([&] { fx.service->add_task(fx.admin, unknown); }) == ErrorKind::Invalid);
    auto cite = new_task("1", "Nhiệm vụ dẫn văn bản không có");
    cite.cite.amendment = 999;
    CHECK(kind_of([&] { fx.service->add_task(fx.admin, cite); }) == ErrorKind::Invalid);
    service::TaskEdit empty;
    empty.text = "";
    CHECK(kind_of([&] { fx.service->edit_task(fx.admin, fx.task("1.1").id, empty); }) == ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.service->edit_task(fx.admin, 987654, empty); }) == ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.service->assign(fx.admin, fx.task("1.1").id, "Sở Không Có", AssignmentRole::Lead); }) ==
          ErrorKind::Invalid);
    CHECK(fx.snapshot() == before);
}

TEST_CASE("a deadline moved by an amendment: assignments on the old deadline follow, the history says why") {
    Office fx;
    const Id stc = fx.assignment_of("1.1", "Sở Tài chính");
    const Id sxd = fx.assignment_of("1.1", "Sở Xây dựng");
    // Sở Xây dựng already had its own deadline moved (an extension): it keeps it.
    service::AssignmentChange own;
    own.due = Date{2025, 7, 10};
    fx.service->update(fx.admin, sxd, own, std::nullopt);

    const Id amendment = fx.service->add_amendment(fx.admin, {kCode, "123/UBND-TH", Date{2025, 6, 5}, "Công văn",
                                                              "Lùi thời hạn báo cáo giải ngân"});
    CHECK(kind_of([&] { fx.service->add_amendment(fx.admin, {kCode, "1/UBND", Date{2025, 1, 5}, "Công văn", ""}); }) ==
          ErrorKind::Invalid);  // before the directive
    service::TaskEdit edit;
    edit.deadline = Date{2025, 8, 31};
    edit.cite.amendment = amendment;
    const auto t = fx.service->edit_task(fx.admin, fx.task("1.1").id, edit);
    CHECK(t.deadline == Date{2025, 8, 31});
    CHECK(fx.service->get(stc).record.due == Date{2025, 8, 31});
    CHECK(fx.service->get(stc).record.original_due == Date{2025, 6, 30});
    CHECK(fx.service->get(sxd).record.due == Date{2025, 7, 10});

    const auto h = fx.service->history(stc);
    const auto due = std::find_if(h.begin(), h.end(), [](auto& j) { return j.field == "due"; });
    REQUIRE(due != h.end());
    CHECK(due->old_value == "2025-06-30");
    CHECK(due->new_value == "2025-08-31");
    const auto basis = std::find_if(h.begin(), h.end(), [](auto& j) { return j.field == "basis"; });
    REQUIRE(basis != h.end());
    CHECK(basis->new_value == "Công văn 123/UBND-TH ngày 05/06/2025: Lùi thời hạn báo cáo giải ngân");
    CHECK(fx.fields(stc, "due") == 1);  // once, whoever writes it (the trigger on PostgreSQL)
    CHECK(fx.fields(sxd, "basis") == 0);
    // A document named in words serves as well.
    service::TaskEdit again;
    again.deadline = Date{2025, 9, 30};
    again.cite.by = "Thông báo số 45/TB-UBND ngày 20/8/2025";
    fx.service->edit_task(fx.admin, fx.task("1.1").id, again);
    CHECK(fx.fields(stc, "basis") == 2);
    CHECK(fx.service->amendments(t.directive_id).size() == 1);
    fx.healthy();
}

TEST_CASE("unassign: an untouched assignment is deleted, one with evidence is closed and stays in the history") {
    Office fx;
    const Id t11 = fx.task("1.1").id;
    const Id stc = fx.assignment_of("1.1", "Sở Tài chính");
    const Id sxd = fx.assignment_of("1.1", "Sở Xây dựng");
    fx.service->add_evidence(fx.stc, stc, note("Báo cáo số 215/BC-STC"));
    const auto list_before = fx.service->list({}).size();

    // Worked on, no reason: refused, nothing changed.
    CHECK(kind_of([&] { fx.service->unassign(fx.admin, t11, "Sở Tài chính", ""); }) == ErrorKind::Invalid);
    CHECK(!fx.service->get(stc).record.closed_on);

    CHECK(fx.service->unassign(fx.admin, t11, "Sở Xây dựng", "") == service::Removal::Deleted);
    CHECK(kind_of([&] { fx.service->get(sxd); }) == ErrorKind::Invalid);
    CHECK(fx.service->unassign(fx.admin, t11, "Sở Tài chính", "Giao nhầm: việc của Sở Nội vụ") == service::Removal::Closed);

    const auto closed = fx.service->get(stc).record;
    REQUIRE(closed.closed_on);
    CHECK(closed.closed_reason == "Giao nhầm: việc của Sở Nội vụ");
    CHECK(fx.service->evidence(stc).size() == 1);  // its evidence stays
    CHECK(fx.fields(stc, "closed") == 1);
    CHECK(fx.fields(stc, "evidence") == 1);
    // No longer open work: out of the list and the counts, from the day it was closed.
    CHECK(fx.service->list({}).size() == list_before - 2);
    service::ListFilter past;
    past.as_of = Date::today().plus_days(-1);
    const auto yesterday = fx.service->list(past);
    CHECK(std::any_of(yesterday.begin(), yesterday.end(), [&](auto& v) { return v.record.id == stc; }));
    const auto directive = fx.service->directives().front();
    CHECK(fx.service->summary(directive, Date::today()).assignments ==
          fx.service->summary(directive, past.as_of).assignments - 1);
    // The agency may no longer change it.
    service::AssignmentChange c;
    c.progress = 50;
    CHECK(kind_of([&] { fx.service->update(fx.stc, stc, c, std::nullopt); }) == ErrorKind::Invalid);
    // Assigned again: the same row reopens, its history continues.
    const auto r = fx.service->assign(fx.admin, t11, "Sở Tài chính", AssignmentRole::Lead);
    REQUIRE(r.added.size() == 1);
    CHECK(r.added.front() == stc);
    CHECK(!fx.service->get(stc).record.closed_on);
    CHECK(fx.fields(stc, "closed") == 2);
    fx.healthy();
}

TEST_CASE("task remove: untouched is deleted, worked on is closed with its reason and its assignments closed") {
    Office fx;
    const Id t21 = fx.task("2.1").id;
    CHECK(fx.service->remove_task(fx.admin, t21, "") == service::Removal::Deleted);
    CHECK(kind_of([&] { fx.task("2.1"); }) == ErrorKind::Invalid);
    fx.healthy();

    const Id t11 = fx.task("1.1").id;
    const Id stc = fx.assignment_of("1.1", "Sở Tài chính");
    service::AssignmentChange c;
    c.status = Status::InProgress;
    c.progress = 30;
    fx.service->update(fx.stc, stc, c, std::nullopt);
    const auto before = fx.snapshot();
    CHECK(kind_of([&] { fx.service->remove_task(fx.admin, t11, ""); }) == ErrorKind::Invalid);
    CHECK(fx.snapshot() == before);
    CHECK(fx.service->remove_task(fx.admin, t11, "Đã thay bằng Công văn 123/UBND-TH", {std::nullopt, "Công văn 123/UBND-TH"}) ==
          service::Removal::Closed);
    const auto t = fx.task("1.1");
    REQUIRE(t.closed_on);
    CHECK(t.closed_reason == "Đã thay bằng Công văn 123/UBND-TH");
    const auto rows = fx.of("1.1");
    REQUIRE(rows.size() == 1);  // Sở Xây dựng's untouched assignment was deleted
    CHECK(rows.front().id == stc);
    CHECK(rows.front().closed_on);
    CHECK(fx.fields(stc, "progress") == 1);
    CHECK(fx.fields(stc, "basis") == 1);
    CHECK(kind_of([&] { fx.service->assign(fx.admin, t11, "Sở Nội vụ", AssignmentRole::Lead); }) == ErrorKind::Invalid);
    service::ListFilter f;
    f.search = "Tổng hợp báo cáo giải ngân";
    CHECK(fx.service->list(f).empty());
    fx.healthy();
}

TEST_CASE("task move: to another section or under another task, its reference kept unless a new one is given") {
    Office fx;
    service::TaskMove to2;
    to2.section = "2";
    const auto moved = fx.service->move_task(fx.admin, fx.task("1.2").id, to2);
    CHECK(moved.ref == "1.2");
    auto all = fx.tasks();
    REQUIRE(all.size() == 3);
    CHECK(all[1].ref == "2.1");
    CHECK(all[2].ref == "1.2");  // at the end of section 2
    CHECK(all[2].section_id == all[1].section_id);
    const auto row = fx.service->get(fx.assignment_of("1.2", "UBND huyện Hòa An")).record;
    CHECK(row.section == "2");

    service::TaskMove under;
    under.parent = "2.1";
    under.ref = "2.1.1";
    const auto sub = fx.service->move_task(fx.admin, fx.task("1.2").id, under);
    CHECK(sub.ref == "2.1.1");
    CHECK(sub.parent_ref == "2.1");
    service::TaskMove loop;
    loop.parent = "2.1.1";
    CHECK(kind_of([&] { fx.service->move_task(fx.admin, fx.task("2.1").id, loop); }) == ErrorKind::Invalid);
    service::TaskMove nowhere;
    nowhere.section = "9";
    CHECK(kind_of([&] { fx.service->move_task(fx.admin, fx.task("2.1").id, nowhere); }) == ErrorKind::Invalid);
    // The parent goes to section 1: its sub-task follows.
    service::TaskMove back;
    back.section = "1";
    fx.service->move_task(fx.admin, fx.task("2.1").id, back);
    all = fx.tasks();
    CHECK(all[1].ref == "2.1");
    CHECK(all[2].ref == "2.1.1");
    CHECK(all[2].section_id == all[0].section_id);
    fx.healthy();
}

TEST_CASE("roles: changed once and journalled once, a stale version is a conflict") {
    Office fx;
    const Id sxd = fx.assignment_of("1.1", "Sở Xây dựng");
    const int version = fx.service->get(sxd).record.version;
    const auto v = fx.service->change_role(fx.admin, sxd, AssignmentRole::Lead, version);
    CHECK(v.record.role == AssignmentRole::Lead);
    CHECK(v.record.version == version + 1);
    CHECK(fx.fields(sxd, "role") == 1);
    CHECK(kind_of([&] { fx.service->change_role(fx.admin, sxd, AssignmentRole::Coordinate, version); }) == ErrorKind::Conflict);
    CHECK(fx.service->get(sxd).record.role == AssignmentRole::Lead);
    // The past as it was: yesterday it was a coordinating agency.
    CHECK(fx.service->get(sxd, Date::today().plus_days(-1)).record.role == AssignmentRole::Coordinate);
    // assign on an existing assignment changes its role.
    const auto r = fx.service->assign(fx.admin, fx.task("1.1").id, "Sở Xây dựng", AssignmentRole::Coordinate);
    CHECK(r.changed == std::vector<Id>{sxd});
    CHECK(fx.fields(sxd, "role") == 2);
    fx.healthy();
}

TEST_CASE("a directive by hand (a meeting's conclusions without text), its tasks and agencies") {
    Office fx;
    const Id id = fx.service->add_directive(fx.admin, {"45/TB-UBND", Date{2025, 5, 20}, "Kết luận của Chủ tịch UBND tỉnh tại "
                                                       "cuộc họp về giải ngân vốn đầu tư công", "UBND tỉnh Cao Bằng", "", ""});
    CHECK(kind_of([&] { fx.service->add_directive(fx.admin, {"45/TB-UBND", std::nullopt, "Trùng", "", "", ""}); }) ==
          ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.service->add_directive(fx.admin, {"", std::nullopt, "Không số", "", "", ""}); }) == ErrorKind::Invalid);
    service::TaskInput in;
    in.directive = "45/TB-UBND";
    in.section = "I";
    in.section_title = "Nhiệm vụ cụ thể";
    in.text = "Sở Tài chính tham mưu phân bổ vốn còn lại trước ngày 30/6/2025.";
    in.deadline = Date{2025, 6, 30};
    const Id t = fx.service->add_task(fx.admin, in);
    CHECK(fx.service->task(t).ref == "I.1");
    fx.service->assign(fx.admin, t, "Sở Tài chính", AssignmentRole::Lead);
    service::ListFilter f;
    f.directive = "45/TB-UBND";
    const auto rows = fx.service->list(f);
    REQUIRE(rows.size() == 1);
    CHECK(rows.front().record.agency == "Sở Tài chính");
    CHECK(rows.front().record.due == Date{2025, 6, 30});
    CHECK(fx.service->tasks(id).size() == 1);
    fx.healthy();
}

// PostgreSQL only: the database itself keeps the structure the office's (grants), and journals
// a role change made outside the program, once.
TEST_CASE("server: an agency with psql cannot change the structure, the office's role change is journalled by the trigger" *
          doctest::skip(std::getenv("DT_TEST_PG") == nullptr)) {
    Office fx;
    REQUIRE(fx.pg);
    const auto id = std::to_string(fx.assignment_of("1.1", "Sở Tài chính"));
    const auto before = fx.snapshot();
    for (const std::string& sql : {"UPDATE assignments SET role = 'coordinate' WHERE id = " + id,
                                  "UPDATE assignments SET closed_on = '2025-07-01', closed_reason = 'x' WHERE id = " + id,
                                  std::string("INSERT INTO amendments(directive_id, number, created_at) VALUES (1, 'x', 'x')"),
                                  std::string("DELETE FROM amendments"), std::string("DELETE FROM tasks"),
                                  std::string("UPDATE tasks SET text = 'x'")}) {
        CAPTURE(sql);
        CHECK(fx.pg->psql("stc", "mật-khẩu-stc", sql).out.find("permission denied") != std::string::npos);
    }
    CHECK(fx.snapshot() == before);
    fx.add_user("vp", UserRole::Admin);
    const auto r = fx.pg->psql("vp", "mật-khẩu-vp", "UPDATE assignments SET role = 'coordinate' WHERE id = " + id);
    CHECK(r.out.find("ERROR") == std::string::npos);
    CHECK(fx.fields(std::stoll(id), "role") == 1);
}

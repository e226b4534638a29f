#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <iterator>
#include <set>

#include "core/error.h"
#include "support.h"

using namespace dt;
using test::kind_of;
using service::AssignmentChange;
using store::Id;

namespace {
service::EvidenceInput note(const std::string& text) {
    service::EvidenceInput e;
    e.note = text;
    return e;
}
}  // namespace

TEST_CASE("import fans a group out to its members and keeps lead and coordinate roles") {
    test::Fixture fx;
    service::ListFilter all;
    const auto rows = fx.service->list(all);
    // 1.1: lead + coordinate; 1.2: the city and nine districts; 2.1: one department.
    CHECK(rows.size() == 2 + 10 + 1);
    const auto task12 = std::count_if(rows.begin(), rows.end(), [](auto& v) { return v.record.task_ref == "1.2"; });
    CHECK(task12 == 10);
    const Id lead = fx.assignment_of("1.1", "Sở Tài chính");
    const Id coord = fx.assignment_of("1.1", "Sở Xây dựng");
    REQUIRE(lead != 0);
    REQUIRE(coord != 0);
    CHECK(fx.service->get(lead).record.role == AssignmentRole::Lead);
    CHECK(fx.service->get(coord).record.role == AssignmentRole::Coordinate);
    CHECK(fx.service->get(lead).record.due == Date{2025, 6, 30});
    // The same directive cannot be imported twice.
    CHECK(kind_of([&] { fx.service->import_directive(fx.admin, test::small_outline()); }) == ErrorKind::Invalid);
}

TEST_CASE("search ignores diacritics and case") {
    test::Fixture fx;
    service::ListFilter f;
    f.search = "giai ngan";
    const auto plain = fx.service->list(f);
    f.search = "GIẢI NGÂN";
    const auto accented = fx.service->list(f);
    CHECK(plain.size() == 12);  // tasks 1.1 and 1.2
    CHECK(accented.size() == plain.size());
    f.search = "thuong mai";
    CHECK(fx.service->list(f).size() == 1);
    f.search = "không có gì như thế";
    CHECK(fx.service->list(f).empty());
    f.search = "hoa an";  // agency names are searched too (each word: "an" is found in other rows as well)
    const auto hoa_an = fx.service->list(f);
    CHECK(std::count_if(hoa_an.begin(), hoa_an.end(), [](const service::AssignmentView& v) {
              return v.record.agency.find("Hòa An") != std::string::npos;
          }) == 1);
}

TEST_CASE("a search of several words finds the rows holding each word, in any order, in the task or the agency") {
    test::Fixture fx;
    auto ids = [&](const std::string& text) {
        service::ListFilter f;
        f.search = text;
        std::set<Id> out;
        for (const auto& v : fx.service->list(f)) out.insert(v.record.id);
        return out;
    };
    // Each pair of words: exactly the rows that hold both, whichever order they are typed in.
    for (const auto& [a, b] : {std::pair{"ngan", "giai"}, {"hoa", "an"}, {"giai", "hoa an"}, {"thuong", "mai"}}) {
        CAPTURE(a);
        CAPTURE(b);
        const auto first = ids(a), second = ids(b);
        std::set<Id> both;
        std::set_intersection(first.begin(), first.end(), second.begin(), second.end(), std::inserter(both, both.end()));
        CHECK(ids(std::string(a) + " " + b) == both);
        CHECK(ids(std::string(b) + "  " + a) == both);
    }
    CHECK(ids("ngan giai").size() >= 12);  // at least tasks 1.1 and 1.2, whose text says "giải ngân"
    CHECK(ids("NGÂN giải") == ids("ngan giai"));
    CHECK(ids("giai ngan hoa an").size() <= ids("hoa an").size());  // a word of the agency narrows the task's words
    CHECK(ids("giai xyzzy").empty());  // one word missing: nothing
}

TEST_CASE("filters by agency, section, status and bucket") {
    test::Fixture fx;
    service::ListFilter f;
    f.agency = "STC";  // short name
    CHECK(fx.service->list(f).size() == 1);
    f = {};
    f.section = "2";
    CHECK(fx.service->list(f).size() == 1);
    f = {};
    f.as_of = Date{2025, 7, 15};
    f.bucket = Bucket::OpenOverdue;
    CHECK(fx.service->list(f).size() == 2);  // task 1.1, two agencies
    f.as_of = Date{2025, 6, 15};
    CHECK(fx.service->list(f).empty());
    f = {};
    f.agency = "Sở không tồn tại";
    CHECK(kind_of([&] { fx.service->list(f); }) == ErrorKind::Invalid);
}

TEST_CASE("updates are validated, versioned and journalled") {
    test::Fixture fx;
    const Id id = fx.assignment_of("1.1", "Sở Tài chính");
    const auto before = fx.service->get(id).record;

    SUBCASE("a valid change bumps the version and writes one journal row per field") {
        AssignmentChange c;
        c.status = Status::InProgress;
        c.progress = 40;
        c.owner = "Nguyễn Thị Hoa";
        const auto after = fx.service->update(fx.admin, id, c, before.version).record;
        CHECK(after.version == before.version + 1);
        CHECK(after.status == Status::InProgress);
        CHECK(after.owner == "Nguyễn Thị Hoa");
        const auto history = fx.service->history(id);
        REQUIRE(history.size() == 3);
        CHECK(history[0].field == "status");
        CHECK(history[0].old_value == "not_started");
        CHECK(history[0].new_value == "in_progress");
        // On a server the database writes these rows under the PostgreSQL user of the connection
        // (here the test cluster's owner; in use, the signed-in user).
        CHECK(history[0].user_name == (fx.pg ? *fx.store->server_user() : std::string("admin")));
    }
    SUBCASE("bad values change nothing") {
        AssignmentChange c;
        c.progress = 150;
        CHECK(kind_of([&] { fx.service->update(fx.admin, id, c, std::nullopt); }) == ErrorKind::Invalid);
        c = {};
        c.owner = std::string("Tên\x01lạ");
        CHECK(kind_of([&] { fx.service->update(fx.admin, id, c, std::nullopt); }) == ErrorKind::Invalid);
        CHECK(kind_of([&] { fx.service->update(fx.admin, 999999, AssignmentChange{Status::InProgress, {}, {}, {}, {}}, std::nullopt); }) ==
              ErrorKind::Invalid);
        CHECK(fx.service->get(id).record.version == before.version);
        CHECK(fx.service->history(id).empty());
    }
    SUBCASE("a stale version is a conflict and nothing is overwritten") {
        AssignmentChange first;
        first.owner = "Người thứ nhất";
        fx.service->update(fx.admin, id, first, before.version);
        AssignmentChange second;
        second.owner = "Người thứ hai";
        CHECK(kind_of([&] { fx.service->update(fx.admin, id, second, before.version); }) == ErrorKind::Conflict);
        CHECK(fx.service->get(id).record.owner == "Người thứ nhất");
    }
    SUBCASE("done needs evidence, then sets progress and the completion day") {
        AssignmentChange done;
        done.status = Status::Done;
        CHECK(kind_of([&] { fx.service->update(fx.admin, id, done, std::nullopt); }) == ErrorKind::Invalid);
        CHECK(fx.service->get(id).record.status == Status::NotStarted);
        auto e = note("Đã gửi báo cáo");
        e.doc_ref = "215/BC-STC";
        e.doc_date = Date{2025, 6, 30};
        // Entered on 30/06/2025, as the office would have: at 01/08 the journal says it was done.
        std::optional<test::FixedClock> clock;
        clock.emplace(Date{2025, 6, 30});
        fx.service->add_evidence(fx.admin, id, e);
        done.completed_on = Date{2025, 6, 28};
        const auto view = fx.service->update(fx.admin, id, done, std::nullopt);
        CHECK(view.record.progress == 100);
        CHECK(view.record.completed_on == Date{2025, 6, 28});
        clock.reset();
        CHECK(fx.service->get(id, Date{2025, 8, 1}).bucket == Bucket::DoneOnTime);
        // Reopening clears the completion day.
        AssignmentChange reopen;
        reopen.status = Status::InProgress;
        CHECK_FALSE(fx.service->update(fx.admin, id, reopen, std::nullopt).record.completed_on.has_value());
    }
}

TEST_CASE("evidence: limits, attachments and the journal") {
    test::Fixture fx;
    const Id id = fx.assignment_of("2.1", "Sở Công Thương");
    CHECK(kind_of([&] { fx.service->add_evidence(fx.admin, id, note("")); }) == ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.service->add_evidence(fx.admin, id, note(std::string(10 * 1024 * 1024, 'a'))); }) ==
          ErrorKind::Invalid);
    auto big = note("Tệp lớn");
    big.file = store::EvidenceFile{"lon.pdf", std::string(service::kMaxAttachmentBytes + 1, 'x'), ""};
    CHECK(kind_of([&] { fx.service->add_evidence(fx.admin, id, big); }) == ErrorKind::Invalid);
    CHECK(fx.service->evidence(id).empty());

    auto ok = note("Biên bản nghiệm thu");
    ok.file = store::EvidenceFile{"../../etc/bien-ban.pdf", "%PDF-1.4 nội dung", ""};
    const Id eid = fx.service->add_evidence(fx.admin, id, ok);
    const auto items = fx.service->evidence(id);
    REQUIRE(items.size() == 1);
    CHECK(items[0].file_name == "bien-ban.pdf");
    CHECK(items[0].file_sha256.size() == 64);
    const auto file = fx.store->evidence_file(eid);
    REQUIRE(file.has_value());
    CHECK(file->data == "%PDF-1.4 nội dung");
    const auto history = fx.service->history(id);
    REQUIRE(history.size() == 1);
    CHECK(history[0].field == "evidence");
}

TEST_CASE("permissions for each role") {
    test::Fixture fx;
    const Id own = fx.assignment_of("1.1", "Sở Tài chính");
    const Id other = fx.assignment_of("2.1", "Sở Công Thương");
    AssignmentChange progress;
    progress.progress = 30;

    SUBCASE("an agency user changes only its own agency's assignments") {
        const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
        CHECK(fx.service->update(stc, own, progress, std::nullopt).record.progress == 30);
        CHECK(kind_of([&] { fx.service->update(stc, other, progress, std::nullopt); }) == ErrorKind::Denied);
        CHECK(kind_of([&] { fx.service->add_evidence(stc, other, note("không phải của tôi")); }) == ErrorKind::Denied);
        CHECK(fx.service->add_evidence(stc, own, note("của tôi")) > 0);
        AssignmentChange due;
        due.due = Date{2026, 1, 1};
        CHECK(kind_of([&] { fx.service->update(stc, own, due, std::nullopt); }) == ErrorKind::Denied);
        CHECK(kind_of([&] { fx.service->add_user(stc, "x", "mật-khẩu-dài", UserRole::Viewer, {}); }) == ErrorKind::Denied);
        CHECK(kind_of([&] { fx.service->import_directive(stc, test::small_outline()); }) == ErrorKind::Denied);
        CHECK(fx.service->get(other).record.progress == 0);
        // It still reads everything.
        CHECK(fx.service->list({}).size() == 13);
    }
    SUBCASE("a viewer reads and writes nothing") {
        const auto viewer = fx.add_user("lanhdao", UserRole::Viewer);
        CHECK(fx.service->list({}).size() == 13);
        CHECK(kind_of([&] { fx.service->update(viewer, own, progress, std::nullopt); }) == ErrorKind::Denied);
        CHECK(kind_of([&] { fx.service->add_evidence(viewer, own, note("x")); }) == ErrorKind::Denied);
        CHECK(kind_of([&] { fx.service->users(viewer); }) == ErrorKind::Denied);
    }
    SUBCASE("the admin changes any assignment and its deadline") {
        AssignmentChange due;
        due.due = Date{2026, 3, 31};
        CHECK(fx.service->update(fx.admin, other, due, std::nullopt).record.due == Date{2026, 3, 31});
    }
    SUBCASE("sign-in refuses a wrong password, and an agency user needs an agency") {
        fx.add_user("stc2", UserRole::Agency, "STC");
        CHECK(kind_of([&] { fx.service->sign_in("stc2", "sai"); }) == ErrorKind::Denied);
        CHECK(kind_of([&] { fx.service->sign_in("không-có", "x"); }) == ErrorKind::Denied);
        CHECK(kind_of([&] { fx.service->add_user(fx.admin, "u1", "mật-khẩu-dài", UserRole::Agency, {}); }) == ErrorKind::Invalid);
        CHECK(kind_of([&] { fx.service->add_user(fx.admin, "u2", "mật-khẩu-dài", UserRole::Agency, "Các sở, ban, ngành"); }) ==
              ErrorKind::Invalid);
        CHECK(kind_of([&] { fx.service->add_user(fx.admin, "u3", "ngắn", UserRole::Viewer, {}); }) == ErrorKind::Invalid);
        CHECK(kind_of([&] { fx.service->add_user(fx.admin, "stc2", "mật-khẩu-dài", UserRole::Viewer, {}); }) == ErrorKind::Invalid);
        CHECK(kind_of([&] { fx.service->anonymous(); }) == ErrorKind::Denied);
    }
}

TEST_CASE("summary counts buckets and the on-time rate at an as-of date") {
    test::Fixture fx;
    const Id id = fx.assignment_of("1.1", "Sở Tài chính");
    {
        test::FixedClock clock(Date{2025, 6, 20});  // entered the day it was done
        fx.service->add_evidence(fx.admin, id, note("Báo cáo số 215/BC-STC"));
        AssignmentChange done;
        done.status = Status::Done;
        done.completed_on = Date{2025, 6, 20};
        fx.service->update(fx.admin, id, done, std::nullopt);
    }
    const auto directive = fx.service->directives().at(0);
    const auto july = fx.service->summary(directive, Date{2025, 7, 15});
    CHECK(july.tasks == 3);
    CHECK(july.assignments == 13);
    CHECK(july.bucket_counts[int(Bucket::DoneOnTime)] == 1);
    CHECK(july.bucket_counts[int(Bucket::OpenOverdue)] == 1);
    CHECK(july.bucket_counts[int(Bucket::OpenOnTime)] == 10);
    CHECK(july.bucket_counts[int(Bucket::NoDeadline)] == 1);
    CHECK(july.on_time_rate == doctest::Approx(50.0));
    const auto june = fx.service->summary(directive, Date{2025, 6, 1});
    CHECK(june.bucket_counts[int(Bucket::OpenOnTime)] == 12);
    CHECK(june.on_time_rate == doctest::Approx(0.0));
}

TEST_CASE("agencies are added, renamed and deactivated without losing history") {
    test::Fixture fx;
    const Id id = fx.assignment_of("2.1", "Sở Công Thương");
    fx.service->add_evidence(fx.admin, id, note("Báo cáo quý I"));

    fx.service->rename_agency(fx.admin, "Sở Công Thương", "Sở Công Thương tỉnh Cao Bằng");
    CHECK(fx.service->get(id).record.agency == "Sở Công Thương tỉnh Cao Bằng");
    CHECK(fx.assignment_of("2.1", "Sở Công Thương") == id);  // the old name still finds it
    CHECK(fx.service->history(id).size() == 1);

    const Id added = fx.service->add_agency(fx.admin, "Sở Giao thông vận tải", "SGTVT", "department", {"Các sở, ban, ngành"});
    CHECK(added > 0);
    CHECK(kind_of([&] { fx.service->add_agency(fx.admin, "sở giao thông VẬN TẢI", "", "department", {}); }) == ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.service->add_agency(fx.admin, "Sở Mới", "", "department", {"Sở Tài chính"}); }) == ErrorKind::Invalid);

    fx.service->set_agency_active(fx.admin, "Sở Giao thông vận tải", false);
    const auto group = fx.store->find_agency("Các sở, ban, ngành");
    REQUIRE(group.has_value());
    const auto members = fx.service->group_members(group->id);
    CHECK(std::find(members.begin(), members.end(), added) == members.end());
    // Deactivation keeps existing assignments readable.
    fx.service->set_agency_active(fx.admin, "Sở Công Thương tỉnh Cao Bằng", false);
    CHECK(fx.service->get(id).record.evidence_count == 1);

    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    CHECK(kind_of([&] { fx.service->rename_agency(stc, "Sở Tài chính", "Sở Tài chính mới"); }) == ErrorKind::Denied);
}

// The workflow in the GUI, driven headlessly: extensions asked and decided, completions sent
// back, evidence withdrawn, passwords reset and changed, users deactivated, backup and restore.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "headless.h"
#include "store/backups.h"
#include "support.h"
#include "ui/strings.h"
#include "ui/views.h"

using namespace dt;
using store::Id;

namespace {
ui::AppState make_state(test::Fixture& fx, service::Actor actor, ui::View view) {
    ui::AppState state(*fx.service, std::move(actor));
    state.as_of = Date{2025, 7, 15};
    state.view = view;
    return state;
}

// Opens the editor on an assignment and draws it until its data is loaded.
ui::AppState editor_on(test::Fixture& fx, const service::Actor& actor, Id id) {
    auto state = make_state(fx, actor, ui::View::Task);
    ui::select_assignment(state, id);
    return state;
}

// Clicks a field and types into it.
void fill(test::Headless& gui, ui::AppState& state, const std::string& probe, const std::string& text) {
    REQUIRE_MESSAGE(gui.click(state, probe), probe);
    gui.type(state, text);
}

service::EvidenceInput evidence(const std::string& note, const std::string& doc_ref) {
    service::EvidenceInput e;
    e.note = note;
    e.doc_ref = doc_ref;
    return e;
}

std::vector<store::ExtensionRecord> requests_of(test::Fixture& fx, Id assignment, bool pending_only) {
    auto all = fx.service->extensions(fx.admin, pending_only);
    std::erase_if(all, [&](const auto& x) { return x.assignment_id != assignment; });
    return all;
}
}  // namespace

TEST_CASE("an agency user asks for an extension in the editor and the office sees it pending") {
    test::Fixture fx;
    test::Headless gui;
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    const Id own = fx.assignment_of("1.1", "Sở Tài chính");  // due 30/06/2025
    auto state = editor_on(fx, stc, own);
    gui.frames(state, 2);

    SUBCASE("an empty reason is refused next to its field, and nothing is stored") {
        fill(gui, state, "editor:ext:due", "31/07/2025");
        REQUIRE(gui.click(state, "editor:ext:request"));
        CHECK_FALSE(state.editor.field_errors["ext_reason"].empty());
        CHECK(requests_of(fx, own, false).empty());
    }
    SUBCASE("a date and a reason send the request") {
        fill(gui, state, "editor:ext:due", "31/07/2025");
        fill(gui, state, "editor:ext:reason", "Chờ số liệu của Kho bạc");
        REQUIRE(gui.click(state, "editor:ext:request"));
        const auto pending = requests_of(fx, own, true);
        REQUIRE(pending.size() == 1);
        CHECK(pending[0].requested_due == Date{2025, 7, 31});
        CHECK(pending[0].reason == "Chờ số liệu của Kho bạc");
        CHECK(pending[0].requested_by == "stc");
        CHECK_FALSE(state.message_is_error);
        // The editor lists it, and a second request waits for the decision (the button is disabled).
        REQUIRE(state.editor.extensions.size() == 1);
        CHECK(state.editor.extensions[0].status == store::ExtensionStatus::Pending);
        fill(gui, state, "editor:ext:due", "15/08/2025");
        fill(gui, state, "editor:ext:reason", "Lần nữa");
        gui.click(state, "editor:ext:request");
        CHECK(requests_of(fx, own, false).size() == 1);
        // Its deadline is unchanged until the office decides.
        CHECK(fx.service->get(own).record.due == Date{2025, 6, 30});
    }
}

TEST_CASE("an agency user sees the extension request disabled on another agency's row") {
    test::Fixture fx;
    test::Headless gui;
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    const Id other = fx.assignment_of("1.1", "Sở Xây dựng");  // due 30/06/2025, not Sở Tài chính's
    auto state = editor_on(fx, stc, other);
    gui.frames(state, 2);
    REQUIRE(state.probes.count("editor:ext:request") == 1);
    gui.click(state, "editor:ext:due");
    gui.type(state, "31/07/2025");
    gui.click(state, "editor:ext:reason");
    gui.type(state, "Không phải của tôi");
    gui.click(state, "editor:ext:request");
    CHECK(state.editor.ext_due[0] == '\0');  // the disabled field took no typing
    CHECK(requests_of(fx, other, false).empty());
    CHECK(fx.service->get(other).record.due == Date{2025, 6, 30});
}

TEST_CASE("the office approves an extension and the deadline moves with the original kept") {
    test::Fixture fx;
    test::Headless gui;
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    const Id own = fx.assignment_of("1.1", "Sở Tài chính");
    const Id request = fx.service->request_extension(stc, own, Date{2025, 7, 31}, "Chờ số liệu của Kho bạc");

    SUBCASE("in the editor, then a save right after is no conflict") {
        auto state = editor_on(fx, fx.admin, own);
        gui.frames(state, 2);
        fill(gui, state, "editor:ext:note", "Đồng ý gia hạn");
        REQUIRE(gui.click(state, "editor:ext:approve"));
        CHECK_FALSE(state.message_is_error);
        REQUIRE(gui.click(state, "editor:status"));
        REQUIRE(gui.click(state, "editor:status:in_progress"));
        REQUIRE(gui.click(state, "editor:save"));
        CHECK_FALSE(state.conflict.open);  // the editor started again from the approved version
        CHECK(fx.service->get(own).record.status == Status::InProgress);
    }
    SUBCASE("in the admin tab") {
        auto state = make_state(fx, fx.admin, ui::View::Admin);
        gui.frames(state, 2);
        REQUIRE(gui.click(state, "admin:tab:extensions"));
        REQUIRE(state.admin.pending.size() == 1);
        fill(gui, state, "admin:ext:note:" + std::to_string(request), "Đồng ý gia hạn");
        REQUIRE(gui.click(state, "admin:ext:approve:" + std::to_string(request)));
        CHECK_FALSE(state.message_is_error);
        gui.frames(state, 2);
        CHECK(state.admin.pending.empty());  // read again after the change
    }
    const auto record = fx.service->get(own).record;
    CHECK(record.due == Date{2025, 7, 31});
    CHECK(record.original_due == Date{2025, 6, 30});
    CHECK(record.extension_count == 1);
    const auto decided = requests_of(fx, own, false);
    REQUIRE(decided.size() == 1);
    CHECK(decided[0].status == store::ExtensionStatus::Approved);
    CHECK(decided[0].decision_note == "Đồng ý gia hạn");
}

TEST_CASE("the office refuses an extension in the admin tab and the deadline stays") {
    test::Fixture fx;
    test::Headless gui;
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    const Id own = fx.assignment_of("1.1", "Sở Tài chính");
    const Id request = fx.service->request_extension(stc, own, Date{2025, 7, 31}, "Chờ số liệu");
    auto state = make_state(fx, fx.admin, ui::View::Admin);
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "admin:tab:extensions"));
    // "Mở" opens the assignment in the editor.
    REQUIRE(gui.click(state, "admin:ext:open:" + std::to_string(request)));
    CHECK(state.view == ui::View::Task);
    CHECK(state.selected == own);
    state.view = ui::View::Admin;
    gui.frames(state, 2);
    fill(gui, state, "admin:ext:note:" + std::to_string(request), "Không đủ căn cứ");
    REQUIRE(gui.click(state, "admin:ext:refuse:" + std::to_string(request)));
    const auto decided = requests_of(fx, own, false);
    REQUIRE(decided.size() == 1);
    CHECK(decided[0].status == store::ExtensionStatus::Refused);
    CHECK(decided[0].decision_note == "Không đủ căn cứ");
    CHECK(fx.service->get(own).record.due == Date{2025, 6, 30});
    gui.frames(state, 2);
    CHECK(state.admin.pending.empty());
}

TEST_CASE("the office sends a done assignment back and the agency sees why") {
    test::Fixture fx;
    test::Headless gui;
    const auto sct = fx.add_user("sct", UserRole::Agency, "Sở Công Thương");
    const Id id = fx.assignment_of("2.1", "Sở Công Thương");
    fx.service->add_evidence(sct, id, evidence("Đã hoàn thành chợ biên giới", "15/BC-SCT"));
    service::AssignmentChange done;
    done.status = Status::Done;
    fx.service->update(sct, id, done, std::nullopt);
    auto state = editor_on(fx, fx.admin, id);
    gui.frames(state, 2);
    REQUIRE(state.probes.count("editor:sendback") == 1);

    SUBCASE("a change meanwhile is a conflict: nothing is sent back, and it is said") {
        service::AssignmentChange theirs;
        theirs.owner = "Trần Văn Bình";
        fx.service->update(sct, id, theirs, std::nullopt);
        fill(gui, state, "editor:sendback:reason", "Thiếu biên bản nghiệm thu");
        REQUIRE(gui.click(state, "editor:sendback"));
        CHECK(fx.service->get(id).record.status == Status::Done);
        CHECK(state.message_is_error);
        CHECK_FALSE(state.editor.field_errors["send_back"].empty());
    }
    SUBCASE("the reason is stored and shown in the agency's editor") {
        fill(gui, state, "editor:sendback:reason", "Thiếu biên bản nghiệm thu");
        REQUIRE(gui.click(state, "editor:sendback"));
        const auto record = fx.service->get(id).record;
        CHECK(record.status == Status::InProgress);
        CHECK(record.review_note == "Thiếu biên bản nghiệm thu");
        CHECK_FALSE(state.message_is_error);
        CHECK(state.editor.saved.record.review_note == "Thiếu biên bản nghiệm thu");
        CHECK(state.probes.count("editor:review-note") == 1);

        auto agency = editor_on(fx, sct, id);
        gui.frames(agency, 2);
        CHECK(agency.probes.count("editor:review-note") == 1);
        CHECK(agency.probes.count("editor:sendback") == 0);  // only the office sends back
    }
}

TEST_CASE("withdrawing evidence in the GUI keeps it listed as withdrawn with its reason") {
    test::Fixture fx;
    test::Headless gui;
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    const Id own = fx.assignment_of("1.1", "Sở Tài chính");
    const Id item = fx.service->add_evidence(stc, own, evidence("Văn bản gửi nhầm", "112/CK-STC"));
    const std::string button = "editor:evidence:withdraw:" + std::to_string(item);

    SUBCASE("another agency's user cannot") {
        const auto sct = fx.add_user("sct", UserRole::Agency, "Sở Công Thương");
        auto state = editor_on(fx, sct, own);
        gui.frames(state, 2);
        REQUIRE(state.probes.count(button) == 1);
        gui.click(state, button);
        CHECK(state.editor.withdraw_id == 0);  // the disabled button opened no form
        CHECK_FALSE(fx.service->evidence(own)[0].withdrawn());
    }
    SUBCASE("its agency's user can, with a reason") {
        auto state = editor_on(fx, stc, own);
        gui.frames(state, 2);
        REQUIRE(gui.click(state, button));
        CHECK(state.editor.withdraw_id == item);
        REQUIRE(gui.click(state, "editor:withdraw:confirm"));  // without a reason: refused
        CHECK_FALSE(state.editor.field_errors["withdraw"].empty());
        CHECK_FALSE(fx.service->evidence(own)[0].withdrawn());
        fill(gui, state, "editor:withdraw:reason", "Nhầm văn bản");
        REQUIRE(gui.click(state, "editor:withdraw:confirm"));
        const auto listed = fx.service->evidence(own);
        REQUIRE(listed.size() == 1);
        CHECK(listed[0].withdrawn());
        CHECK(listed[0].withdrawal_reason == "Nhầm văn bản");
        CHECK(state.editor.withdraw_id == 0);
        REQUIRE(state.editor.evidence.size() == 1);
        CHECK(state.editor.evidence[0].withdrawn());  // still listed, as withdrawn
        CHECK(fx.service->get(own).record.evidence_count == 0);
    }
}

TEST_CASE("an admin resets a password and deactivates a user in the users tab") {
    test::Fixture fx;
    test::Headless gui;
    fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    auto state = make_state(fx, fx.admin, ui::View::Admin);
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "admin:tab:users"));
    REQUIRE(gui.click(state, "admin:user:stc"));
    CHECK(state.admin.picked_user == "stc");
    fill(gui, state, "admin:user:password", "mật-khẩu-mới-2025");
    REQUIRE(gui.click(state, "admin:user:reset"));
    CHECK_MESSAGE(state.admin.field_errors["reset"].empty(), state.admin.field_errors["reset"]);
    CHECK(fx.service->sign_in("stc", "mật-khẩu-mới-2025").name == "stc");
    CHECK_THROWS_AS(fx.service->sign_in("stc", "mật-khẩu-stc"), Error);
    CHECK(state.admin.reset_password[0] == '\0');  // the password does not stay in the buffer

    SUBCASE("too short a password is refused next to the field") {
        fill(gui, state, "admin:user:password", "ngắn");
        REQUIRE(gui.click(state, "admin:user:reset"));
        CHECK_FALSE(state.admin.field_errors["reset"].empty());
        CHECK(fx.service->sign_in("stc", "mật-khẩu-mới-2025").name == "stc");
    }
    SUBCASE("deactivated, the user cannot sign in; reactivated, it can") {
        REQUIRE(gui.click(state, "admin:user:deactivate"));
        CHECK_THROWS_AS(fx.service->sign_in("stc", "mật-khẩu-mới-2025"), Error);
        gui.frames(state, 2);
        REQUIRE(gui.click(state, "admin:user:activate"));
        CHECK(fx.service->sign_in("stc", "mật-khẩu-mới-2025").name == "stc");
    }
    SUBCASE("the office cannot deactivate itself, and is told so") {
        REQUIRE(gui.click(state, "admin:user:admin"));
        REQUIRE(gui.click(state, "admin:user:deactivate"));
        CHECK_FALSE(state.admin.field_errors["active"].empty());
        CHECK(fx.service->sign_in("admin", "mật-khẩu-quản-trị").name == "admin");
    }
}

TEST_CASE("a user changes its own password after giving the current one") {
    test::Fixture fx;
    test::Headless gui;
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    auto state = make_state(fx, stc, ui::View::Admin);
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "admin:tab:users"));
    CHECK(state.probes.count("admin:user:reset") == 0);  // the users table is the office's

    SUBCASE("a wrong current password changes nothing") {
        fill(gui, state, "admin:own:current", "đoán-bừa-thôi");
        fill(gui, state, "admin:own:new", "mật-khẩu-riêng-1");
        fill(gui, state, "admin:own:repeat", "mật-khẩu-riêng-1");
        REQUIRE(gui.click(state, "admin:own:change"));
        CHECK_FALSE(state.admin.field_errors["own"].empty());
        CHECK(fx.service->sign_in("stc", "mật-khẩu-stc").name == "stc");
    }
    SUBCASE("two different new passwords change nothing") {
        fill(gui, state, "admin:own:current", "mật-khẩu-stc");
        fill(gui, state, "admin:own:new", "mật-khẩu-riêng-1");
        fill(gui, state, "admin:own:repeat", "mật-khẩu-riêng-2");
        REQUIRE(gui.click(state, "admin:own:change"));
        CHECK(state.admin.field_errors["own"] == ui::tr(ui::T::PasswordsDiffer));
        CHECK(fx.service->sign_in("stc", "mật-khẩu-stc").name == "stc");
    }
    SUBCASE("the right current password and the new one twice") {
        fill(gui, state, "admin:own:current", "mật-khẩu-stc");
        fill(gui, state, "admin:own:new", "mật-khẩu-riêng-1");
        fill(gui, state, "admin:own:repeat", "mật-khẩu-riêng-1");
        REQUIRE(gui.click(state, "admin:own:change"));
        CHECK(state.admin.field_errors["own"].empty());
        CHECK(fx.service->sign_in("stc", "mật-khẩu-riêng-1").name == "stc");
        CHECK(state.admin.own_new[0] == '\0');
    }
}

TEST_CASE("a backup made from the GUI is a tracker file, listed backups restore behind a confirmation") {
    test::Fixture fx;
    test::Headless gui;
    const Id id = fx.assignment_of("2.1", "Sở Công Thương");
    auto state = make_state(fx, fx.admin, ui::View::Admin);
    state.database = fx.store->path();
    const auto automatic = store::daily_backup(*fx.store, store::kDefaultBackupDays);
    REQUIRE(automatic.has_value());
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "admin:tab:backups"));

    const auto target = fx.dir / "sao-luu-thu-cong.db";
    fill(gui, state, "admin:backup:path", target.string());
    REQUIRE(gui.click(state, "admin:backup:now"));
    CHECK(state.admin.field_errors["backup"].empty());
    REQUIRE(std::filesystem::exists(target));
    CHECK_NOTHROW(store::verify_tracker_file(target));
    // Again to the same file: refused, said next to the field.
    REQUIRE(gui.click(state, "admin:backup:now"));
    CHECK_FALSE(state.admin.field_errors["backup"].empty());

    // The automatic backup is listed; "use" puts it in the restore field.
    const std::string use = "admin:backup:use:" + automatic->filename().string();
    REQUIRE(state.probes.count(use) == 1);

    // A change after the backups, then a restore of the manual one takes it away.
    service::AssignmentChange change;
    change.owner = "Trần Văn Bình";
    fx.service->update(fx.admin, id, change, std::nullopt);
    gui.frames(state, 2);
    fill(gui, state, "admin:restore:path", target.string());
    const unsigned before = state.revision;

    SUBCASE("cancel restores nothing") {
        REQUIRE(gui.click(state, "admin:restore"));
        REQUIRE(state.admin.confirm_restore);
        REQUIRE(gui.click(state, "admin:restore:cancel"));
        CHECK_FALSE(state.admin.confirm_restore);
        CHECK(fx.service->get(id).record.owner == "Trần Văn Bình");
    }
    SUBCASE("confirm restores and every cache reads again") {
        REQUIRE(gui.click(state, "admin:restore"));
        REQUIRE(state.admin.confirm_restore);
        REQUIRE(gui.click(state, "admin:restore:confirm"));
        CHECK_FALSE(state.message_is_error);
        CHECK(fx.service->get(id).record.owner.empty());
        CHECK(state.revision > before);
        const auto* row = state.tasks.find(id);
        REQUIRE(row != nullptr);
        CHECK(row->owner.empty());
    }
    SUBCASE("a file that is not a tracker database is refused before the question") {
        const auto junk = fx.dir / "khong-phai.db";
        { std::ofstream(junk) << "không phải cơ sở dữ liệu"; }
        REQUIRE(gui.click(state, "admin:tab:backups"));  // leaves the path field, then sets it
        std::snprintf(state.admin.restore_path, sizeof state.admin.restore_path, "%s", junk.c_str());
        gui.frames(state, 1);
        REQUIRE(gui.click(state, "admin:restore"));
        CHECK_FALSE(state.admin.confirm_restore);
        CHECK_FALSE(state.admin.field_errors["restore"].empty());
    }
}

TEST_CASE("the workflow's history lines read in the user's language") {
    store::JournalRecord e;
    e.user_name = "admin";
    e.field = "extension";
    e.old_value = "pending";
    e.new_value = "approved 2025-07-31: Chờ số liệu (Đồng ý)";
    ui::set_language(ui::Lang::Vi);
    CHECK(ui::journal_line(e) == "admin · Gia hạn: Chờ quyết định → Đã đồng ý 31/07/2025: Chờ số liệu (Đồng ý)");
    e.field = "review";
    e.old_value.reset();
    e.new_value = "Thiếu biên bản";
    CHECK(ui::journal_line(e) == "admin · Lý do trả lại: — → Thiếu biên bản");
}

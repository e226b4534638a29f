// The admin's import preview is editable before anything is stored (issue 13 item 6): the same
// plan structure as `dtrack import --plan` (importer/plan.h), driven through the real widgets.
#include <doctest/doctest.h>

#include <algorithm>

#include "headless.h"
#include "support.h"
#include "ui/views.h"

using namespace dt;

namespace {
const char* kDirective =
    "ỦY BAN NHÂN DÂN    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH CAO BẰNG    Độc lập - Tự do - Hạnh phúc\n"
    "Số: 31/CT-UBND    Cao Bằng, ngày 02 tháng 3 năm 2026\n\n"
    "CHỈ THỊ\nVề thử nghiệm bản xem trước\n\n"
    "Chủ tịch UBND tỉnh yêu cầu:\n"
    "1. Sở Nội vụ rà soát biên chế, hoàn thành trước ngày 30/4/2026.\n"
    "2. Sở Y tế kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.\n"
    "3. Sở Y tế báo cáo kết quả kiểm tra.\n"
    "Chỉ thị này có hiệu lực kể từ ngày ký./.\n";

std::vector<store::AssignmentRecord> assignments_of(test::Fixture& fx, const std::string& code, const std::string& ref) {
    std::vector<store::AssignmentRecord> out;
    for (const auto& v : fx.service->list(service::ListFilter{}))
        if (v.record.directive_code == code && v.record.task_ref == ref) out.push_back(v.record);
    return out;
}
}  // namespace

TEST_CASE("import preview: a lead agency and a deadline changed, a task merged, then stored as edited") {
    test::Fixture fx;
    test::Headless gui;
    ui::AppState state(*fx.service, fx.admin);
    state.view = ui::View::Admin;
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "admin:tab:import"));
    REQUIRE(gui.click(state, "admin:import:paste"));
    gui.type(state, kDirective);
    REQUIRE(gui.click(state, "admin:import:preview"));
    REQUIRE(state.admin.plan.has_value());
    CHECK(state.admin.preview_error.empty());
    const auto before = fx.service->list(service::ListFilter{}).size();

    // Task 1: Sở Nội vụ → Sở Tài chính, 30/04/2026 → 15/05/2026.
    REQUIRE(gui.click(state, "admin:plan:1"));
    gui.frames(state);
    REQUIRE(gui.click(state, "admin:plan:1:0:agency"));
    REQUIRE(gui.click(state, "admin:plan:1:0:agency:Sở Tài chính"));
    REQUIRE(gui.click(state, "admin:plan:1:deadline"));
    gui.key(state, 'A', true);
    gui.type(state, "15/05/2026");
    // Task 3 goes into task 2 (task 1 folded again, so that task 3 is in view).
    REQUIRE(gui.click(state, "admin:plan:1"));
    gui.frames(state);
    REQUIRE(gui.click(state, "admin:plan:3"));
    gui.frames(state);
    REQUIRE(gui.click(state, "admin:plan:3:merge"));
    REQUIRE(gui.click(state, "admin:plan:3:merge:2"));
    gui.frames(state);
    CHECK(fx.service->list(service::ListFilter{}).size() == before);  // a preview stores nothing

    REQUIRE(gui.click(state, "admin:import:store"));
    INFO(state.message);
    CHECK_FALSE(state.message_is_error);
    CHECK_FALSE(state.admin.plan.has_value());

    const auto first = assignments_of(fx, "31/CT-UBND", "1");
    REQUIRE(first.size() == 1);
    CHECK(first[0].agency == "Sở Tài chính");
    CHECK(first[0].role == AssignmentRole::Lead);
    REQUIRE(first[0].due.has_value());
    CHECK(first[0].due->iso() == "2026-05-15");
    CHECK(assignments_of(fx, "31/CT-UBND", "2").size() == 1);
    CHECK(assignments_of(fx, "31/CT-UBND", "3").empty());  // merged into 2
}

TEST_CASE("import preview: a deadline that is not a date is refused and nothing is stored") {
    test::Fixture fx;
    test::Headless gui;
    ui::AppState state(*fx.service, fx.admin);
    state.view = ui::View::Admin;
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "admin:tab:import"));
    REQUIRE(gui.click(state, "admin:import:paste"));
    gui.type(state, kDirective);
    REQUIRE(gui.click(state, "admin:import:preview"));
    REQUIRE(gui.click(state, "admin:plan:2"));
    gui.frames(state);
    REQUIRE(gui.click(state, "admin:plan:2:deadline"));
    gui.type(state, "31/02/2026");
    REQUIRE(gui.click(state, "admin:import:store"));
    CHECK(state.message_is_error);
    // In the GUI's language (Vietnamese by default), once English only
    CHECK(state.message.find("Nhiệm vụ 2: thời hạn '31/02/2026' không phải ngày") != std::string::npos);
    CHECK(state.admin.plan.has_value());  // kept for the office to correct
    CHECK(assignments_of(fx, "31/CT-UBND", "1").empty());
}

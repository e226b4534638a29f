// Nothing cut off silently: every table cell drawn through cell_text fits its column, or ends
// in "…" with the full text on hover. Checked per visible cell at a laptop's 1366×768.
#include <doctest/doctest.h>

#include <imgui.h>

#include "core/text.h"
#include "headless.h"
#include "support.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

using namespace dt;

namespace {
bool ends_with_ellipsis(const std::string& s) { return s.size() >= 3 && s.compare(s.size() - 3, 3, "…") == 0; }
}  // namespace

TEST_CASE("ellipsize cuts whole characters, ends in …, and fits") {
    test::Headless gui;
    ImGui::NewFrame();
    const std::string status = "Đang thực hiện";
    const float full = ImGui::CalcTextSize(status.c_str()).x;
    CHECK(ui::ellipsize(status, full + 1) == status);
    const std::string cut = ui::ellipsize(status, full * 0.6f);
    CHECK(ends_with_ellipsis(cut));
    CHECK(ImGui::CalcTextSize(cut.c_str()).x <= full * 0.6f);
    CHECK(is_valid_utf8(cut));
    CHECK(ui::ellipsize(status, 1.0f) == "…");
    ImGui::EndFrame();
}

TEST_CASE("no table cell's text is clipped without an ellipsis at 1366x768, in both languages") {
    test::Fixture fx;
    test::Headless gui;
    ImGui::GetIO().DisplaySize = ImVec2(1366, 768);
    // Long values a clerk meets: an owner's full name and a long agency name.
    const auto id = fx.assignment_of("1.2", "UBND huyện Bảo Lạc");
    service::AssignmentChange change;
    change.owner = "Nguyễn Thị Phương Thảo, Phó Trưởng phòng Tài chính – Kế hoạch";
    fx.service->update(fx.admin, id, change, std::nullopt);
    ui::AppState state(*fx.service, fx.admin);
    state.as_of = Date{2025, 12, 20};
    std::vector<ui::CellRecord> cells;
    ui::record_cells(&cells);
    for (auto lang : {ui::Lang::Vi, ui::Lang::En}) {
        ui::set_language(lang);
        for (auto view : {ui::View::Tasks, ui::View::MyAgency, ui::View::Reminders}) {
            state.view = view;
            gui.frames(state, 3);
        }
    }
    ui::record_cells(nullptr);
    ui::set_language(ui::Lang::Vi);
    REQUIRE(cells.size() > 100);
    int cut = 0;
    for (const auto& c : cells) {
        CAPTURE(c.text);
        CHECK(c.shown_width <= c.available + 0.5f);
        if (c.shown != c.text) {
            CHECK(ends_with_ellipsis(c.shown));
            ++cut;
        }
    }
    CHECK(cut > 0);  // the long owner was cut, with "…"
}

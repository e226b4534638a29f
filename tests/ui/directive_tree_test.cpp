// Issue 14.4: the directive tree cuts nothing silently: a task's line ends in "…" when the
// column is narrower, and hovering it shows the task's whole text.
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include "headless.h"
#include "support.h"
#include "ui/views.h"

using namespace dt;

namespace {
const ui::OutlineNode* node(const ui::AppState& s, const std::string& ref) {
    for (const auto& n : s.directive.nodes)
        if (n.is_task && n.ref == ref) return &n;
    return nullptr;
}

bool tooltip_shown() {
    const ImGuiWindow* w = ImGui::FindWindowByName("##Tooltip_00");
    return w && w->Active;
}
}  // namespace

TEST_CASE("the directive tree: a task's summary line, its whole text on hover") {
    test::Fixture fx;
    test::Headless gui;
    ui::AppState s(*fx.service, fx.admin);
    s.view = ui::View::Directive;
    gui.frames(s, 2);
    const auto* task = node(s, "1.1");
    REQUIRE(task != nullptr);
    CHECK(task->label == "1.1  Tổng hợp báo cáo giải ngân");                // the importer's summary
    CHECK(task->full == "1.1  Tổng hợp báo cáo giải ngân hằng tháng");      // the whole text, for the hover
    REQUIRE(s.probes.count("directive:1.1") == 1);

    // Away from the tree: no tooltip; on the task's line: its whole text in one.
    ImGui::GetIO().MousePos = ImVec2(1, 1);
    gui.frames(s, 2);
    CHECK(!tooltip_shown());
    const auto [x, y] = s.probes.at("directive:1.1");
    ImGui::GetIO().MousePos = ImVec2(x, y);
    gui.frames(s, 2);
    CHECK(tooltip_shown());

    // A window so narrow that the line is cut: still one line, ending in "…", and the hover shows it all.
    ImGui::GetIO().DisplaySize = ImVec2(640, 600);
    gui.frames(s, 3);
    const auto [nx, ny] = s.probes.at("directive:1.1");
    ImGui::GetIO().MousePos = ImVec2(nx, ny);
    gui.frames(s, 2);
    CHECK(tooltip_shown());
}

TEST_CASE("the directive tree: every node is one line, so the clipper draws the column to its foot") {
    test::Fixture fx;
    test::Headless gui;
    ui::AppState s(*fx.service, fx.admin);
    s.view = ui::View::Directive;
    ImGui::GetIO().DisplaySize = ImVec2(560, 700);  // the section's heading is wider than the column
    gui.frames(s, 3);
    const auto& nodes = s.directive.nodes;
    REQUIRE(nodes.size() >= 4);
    float step = 0;
    for (std::size_t i = 1; i < nodes.size(); ++i) {
        CAPTURE(nodes[i].label);
        const auto above = s.probes.find("directive:node:" + std::to_string(i - 1));
        const auto here = s.probes.find("directive:node:" + std::to_string(i));
        REQUIRE(above != s.probes.end());
        REQUIRE(here != s.probes.end());
        const float dy = here->second.second - above->second.second;
        if (step == 0) step = dy;
        CHECK(dy == doctest::Approx(step).epsilon(0.15));  // no node twice as tall as another
        CHECK(dy < ImGui::GetFontSize() * 2);
    }
    ImGui::GetIO().DisplaySize = ImVec2(1600, 1000);
}

// Chỉ thị: the outline (section → clause → task) beside the text, the selected task highlighted.
#include <imgui.h>

#include <algorithm>

#include "ui/strings.h"
#include "ui/views.h"
#include "ui/views/directive_parts.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
// The whole text of a node whose label is cut (by the column, or already in the model), wrapped.
void whole_on_hover(const OutlineNode& n, bool cut) {
    if (!ImGui::IsItemHovered() || (!cut && n.full.empty())) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
    ImGui::TextUnformatted(n.full.empty() ? n.label.c_str() : n.full.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void select_task(AppState& s, const OutlineNode& node) {
    s.selected_ref = node.ref;
    s.structure.task_id = node.task_id.value_or(0);
    // The editor opens on this task's first assignment: the agency's own when it has one.
    const TaskRow* first = nullptr;
    for (const auto& r : s.tasks.rows()) {
        if (r.ref != node.ref || r.directive != s.directive.directives[s.directive.current].code) continue;
        if (!first || (s.actor.agency_id && r.agency_id == *s.actor.agency_id)) first = &r;
    }
    if (first) s.selected = first->id;
}

void draw_outline(AppState& s) {
    const auto& nodes = s.directive.nodes;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(nodes.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& n = nodes[i];
            ImGui::PushID(i);
            ImGui::Indent(static_cast<float>(n.depth) * ImGui::GetFontSize());
            if (n.is_task) {
                // One line per task (the clipper counts lines): a title longer than the column
                // ends in "…", and the task's whole text shows on hover, wrapped.
                const std::string shown = ellipsize(n.label, ImGui::GetContentRegionAvail().x);
                if (ImGui::Selectable((shown + "###task").c_str(), s.selected_ref == n.ref)) select_task(s, n);
                probe_left(s, "directive:" + n.ref);
                probe(s, "directive:task:" + n.ref);
                whole_on_hover(n, shown != n.label);
            } else {
                // A heading is one line too: a wrapped one made the clipper, which measures the
                // first line, draw too few nodes and leave the column's lower part empty.
                const std::string shown = ellipsize(n.label, ImGui::GetContentRegionAvail().x);
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.16f, 0.30f, 0.50f, 1.0f));
                ImGui::TextUnformatted(shown.c_str());
                ImGui::PopStyleColor();
                whole_on_hover(n, shown != n.label);
            }
            probe_left(s, "directive:node:" + std::to_string(i));
            ImGui::Unindent(static_cast<float>(n.depth) * ImGui::GetFontSize());
            ImGui::PopID();
        }
    }
}

void draw_text(AppState& s) {
    const auto& m = s.directive;
    const auto found = m.paragraphs_of_ref.find(s.selected_ref);
    const std::vector<int> none;
    const auto& marked = found == m.paragraphs_of_ref.end() ? none : found->second;
    for (int i = 0; i < static_cast<int>(m.paragraphs.size()); ++i) {
        const bool highlight = std::find(marked.begin(), marked.end(), i) != marked.end();
        if (highlight) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float width = ImGui::GetContentRegionAvail().x;
            const float height = ImGui::CalcTextSize(m.paragraphs[i].c_str(), nullptr, false, width).y;
            ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + width, p.y + height),
                                                      ImGui::GetColorU32(ImVec4(1.0f, 0.93f, 0.62f, 1.0f)));
            if (s.scrolled_to_ref != s.selected_ref && i == marked.front()) {
                ImGui::SetScrollHereY(0.3f);
                s.scrolled_to_ref = s.selected_ref;
            }
        }
        ImGui::TextWrapped("%s", m.paragraphs[i].c_str());
        ImGui::Spacing();
    }
}
}  // namespace

void draw_directive(AppState& s) {
    auto& m = s.directive;
    if (m.directives.empty()) {
        ImGui::TextDisabled("%s", tr(T::NoData));
        return;
    }
    if (m.directives.size() > 1) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        if (ImGui::BeginCombo("##directive", m.directives[m.current].code.c_str())) {
            for (int i = 0; i < static_cast<int>(m.directives.size()); ++i)
                if (ImGui::Selectable(m.directives[i].code.c_str(), i == m.current)) {
                    m.current = i;
                    m.rebuild(s.service);
                }
            ImGui::EndCombo();
        }
    }
    const auto& d = m.directives[m.current];
    ImGui::TextWrapped("%s %s — %s", tr(T::Directive), d.code.c_str(), d.title.c_str());
    draw_structure_button(s);
    if (ImGui::BeginTable("##directive-split", 2, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn(tr(T::Outline), ImGuiTableColumnFlags_WidthStretch, 0.45f);
        ImGui::TableSetupColumn(tr(T::DirectiveText), ImGuiTableColumnFlags_WidthStretch, 0.55f);
        ImGui::TableHeadersRow();
        ImGui::TableNextColumn();
        ImGui::BeginChild("##outline", ImVec2(0, 0));
        draw_outline(s);
        ImGui::EndChild();
        ImGui::TableNextColumn();
        ImGui::BeginChild("##text");
        draw_text(s);
        ImGui::EndChild();
        ImGui::EndTable();
    }
    draw_structure_editor(s);
}

}  // namespace dt::ui

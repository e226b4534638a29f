// Giải ngân, for the office's reallocation proposal: the investors behind the ladder, and the
// projects far behind it (capital could move away) or ahead of it (they could use more).
#include <algorithm>
#include <string>

#include "core/money.h"
#include "ui/strings.h"
#include "ui/views/disbursement_parts.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
void draw_laggards(const DisbursementModel& m, float height) {
    section_title(tr(T::Laggards));
    if (m.laggards.empty()) return ImGui::TextDisabled("%s", tr(T::NoneListed));
    if (!ImGui::BeginTable("##laggards", 6, kListFlags, ImVec2(0, height))) return;
    const float w = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(T::ColRank), ImGuiTableColumnFlags_WidthFixed, w * 3);
    ImGui::TableSetupColumn(tr(T::ColInvestor), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(T::ColRateAssigned), ImGuiTableColumnFlags_WidthFixed, w * 5.5f);
    ImGui::TableSetupColumn(tr(T::ColRequired), ImGuiTableColumnFlags_WidthFixed, w * 5.5f);
    ImGui::TableSetupColumn(tr(T::BehindBy), ImGuiTableColumnFlags_WidthFixed, w * 5.5f);
    ImGui::TableSetupColumn(tr(T::ColGap), ImGuiTableColumnFlags_WidthFixed, w * 7.5f);
    ImGui::TableHeadersRow();
    const ImVec4 red = ladder_color(true);
    for (int index : m.laggards) {
        const auto& inv = m.status.investors[index];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextColored(red, "%d", inv.rank);
        ImGui::TableNextColumn();
        cell_text(inv.investor.name);
        ImGui::TableNextColumn();
        right_aligned(format_percent(inv.rates.rate_assigned), &red);
        ImGui::TableNextColumn();
        right_aligned(std::to_string(m.status.required_percent) + " %");
        ImGui::TableNextColumn();
        right_aligned(format_percent(m.status.required_percent - inv.rates.rate_assigned), &red);
        gap_cell(m, inv.rates);
    }
    ImGui::EndTable();
}

// Projects the office could move capital from (give) or to (take), with the amounts that matter.
void draw_moves(const DisbursementModel& m, const std::vector<ProjectMove>& moves, T title, T explain, bool give) {
    section_title(tr(title));
    ImGui::TextDisabled("%s", tr(explain));
    if (moves.empty()) return ImGui::TextDisabled("%s", tr(T::NoneListed));
    if (!ImGui::BeginTable(give ? "##give" : "##take", 5, kListFlags)) return;
    const float w = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr(T::ColCode), ImGuiTableColumnFlags_WidthFixed, w * 4.5f);
    // The investor goes under the project's name: side by side, the lists are too narrow for both.
    ImGui::TableSetupColumn((std::string(tr(T::ColProject)) + "\n" + tr(T::ColInvestor)).c_str(),
                            ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(T::ColRateAssigned), ImGuiTableColumnFlags_WidthFixed, w * 5);
    ImGui::TableSetupColumn(tr(give ? T::BehindBy : T::AheadBy), ImGuiTableColumnFlags_WidthFixed, w * 4.5f);
    ImGui::TableSetupColumn(tr(give ? T::Undisbursed : T::ColDisbursed), ImGuiTableColumnFlags_WidthFixed, w * 8.5f);
    ImGui::TableHeadersRow();
    const ImVec4 color = ladder_color(give);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(moves.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& p = m.projects[moves[i].project];
            const auto& r = p.rates;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            cell_text(p.project.code);
            ImGui::TableNextColumn();
            ImGui::BeginGroup();
            cell_text(p.project.name);
            const ImVec4 grey = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
            cell_text(p.project.investor_name, &grey);
            ImGui::EndGroup();
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s\n%s", p.project.name.c_str(), p.project.investor_name.c_str());
            ImGui::TableNextColumn();
            right_aligned(format_percent(r.rate_assigned), &color);
            ImGui::TableNextColumn();
            // Give: points behind. Take: signed, as a project at 90 % may still be short of a 95 % milestone.
            const double gap = moves[i].gap;
            right_aligned(give ? format_percent(-gap) : (gap > 0 ? "+" : "") + format_percent(gap), &color);
            ImGui::TableNextColumn();
            const std::int64_t left = std::max<std::int64_t>(0, r.plan_assigned - r.disbursed);
            right_aligned(format_count(give ? left : r.disbursed));
        }
    }
    ImGui::EndTable();
}

}  // namespace

void draw_realloc_tab(AppState& s) {
    const auto& m = s.disbursement;
    draw_laggards(m, table_height(m.laggards.size(), ImGui::GetContentRegionAvail().y * 0.35f));
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("##give-pane", ImVec2(width / 2 - ImGui::GetStyle().ItemSpacing.x / 2, 0));
    draw_moves(m, m.give, T::GiveList, T::GiveExplain, true);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##take-pane", ImVec2(0, 0));
    draw_moves(m, m.take, T::TakeList, T::TakeExplain, false);
    ImGui::EndChild();
}

}  // namespace dt::ui

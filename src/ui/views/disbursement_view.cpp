// Giải ngân: investors against the ladder with a drill-down to projects and entries, the
// charts, the lists for the office's reallocation proposal, and data entry. Everything is
// read from the cached DisbursementModel; nothing here touches the database.
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/money.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/views/disbursement_parts.h"
#include "ui/widgets.h"

namespace dt::ui {

const char* source_label(store::CapitalSource source) {
    switch (source) {
    case store::CapitalSource::Domestic: return tr(T::SourceDomestic);
    case store::CapitalSource::Oda: return tr(T::SourceOda);
    case store::CapitalSource::NationalTargetProgramme: return tr(T::SourceNtp);
    }
    return "";
}

float table_height(std::size_t rows, float most, float header_lines) {
    const float pad = ImGui::GetStyle().CellPadding.y * 2;
    const float line = ImGui::GetTextLineHeight();
    const float row = line + pad;
    const float wanted = static_cast<float>(rows) * row + line * header_lines + pad + 4;
    return std::min(wanted, std::max(most, row * 6));
}

void right_aligned(const std::string& text, const ImVec4* color) { cell_text_right(text, color); }

void gap_cell(const DisbursementModel& m, const service::Rates& r) {
    ImGui::TableNextColumn();
    const auto gap = m.gap_to_next(r);
    if (!gap) return right_aligned("—");
    if (*gap <= 0) {
        const ImVec4 green = ladder_color(false);
        return right_aligned(tr(T::Reached), &green);
    }
    right_aligned(format_percent(*gap));
}

namespace {
// Pale cell backgrounds: the same red/green as the text, readable under black digits.
ImU32 ladder_bg(bool behind) {
    return behind ? IM_COL32(246, 205, 200, 255) : IM_COL32(205, 235, 210, 255);
}

// On a narrow window (a 1366×768 laptop) the total plan's two columns start hidden, so the
// names keep their room; the header's context menu (right click) shows them again.
void setup_amount_columns(float w) {
    const ImGuiTableColumnFlags narrow =
        ImGui::GetContentRegionAvail().x < w * 80 ? ImGuiTableColumnFlags_DefaultHide : ImGuiTableColumnFlags_None;
    // An amount's column: as wide as the largest amount or as the widest line of its header.
    const auto amount = [](T header) {
        return std::max(ImGui::CalcTextSize("999.999.999.999").x, ImGui::CalcTextSize(tr(header)).x);
    };
    ImGui::TableSetupColumn(tr(T::ColPlanAssigned), ImGuiTableColumnFlags_WidthFixed, amount(T::ColPlanAssigned));
    ImGui::TableSetupColumn(tr(T::ColPlanTotal), ImGuiTableColumnFlags_WidthFixed | narrow, amount(T::ColPlanTotal));
    ImGui::TableSetupColumn(tr(T::ColDisbursed), ImGuiTableColumnFlags_WidthFixed, amount(T::ColDisbursed));
    ImGui::TableSetupColumn(tr(T::ColRateAssigned), ImGuiTableColumnFlags_WidthFixed, w * 5.5f);
    ImGui::TableSetupColumn(tr(T::ColRateTotal), ImGuiTableColumnFlags_WidthFixed | narrow, w * 5.5f);
}

void amount_cells(const service::Rates& r, bool behind) {
    ImGui::TableNextColumn();
    right_aligned(format_count(r.plan_assigned));
    ImGui::TableNextColumn();
    right_aligned(format_count(r.plan_total));
    ImGui::TableNextColumn();
    right_aligned(format_count(r.disbursed));
    ImGui::TableNextColumn();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ladder_bg(behind));
    right_aligned(format_percent(r.rate_assigned));
    ImGui::TableNextColumn();
    right_aligned(format_percent(r.rate_total));
}

// Goes on the same line when `text` fits there, else starts a new one: the line wraps at any
// width instead of running past the window's edge.
void same_line_if_fits(const std::string& text) {
    const float before = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (before + ImGui::CalcTextSize(text.c_str()).x <= right) ImGui::SameLine();
}

void draw_summary(AppState& s, const DisbursementModel& m, bool own_agency) {
    const auto& st = m.status;
    const ImVec4 color = ladder_color(st.province.rate_assigned < st.required_percent);
    // An agency user sees its own investors only: their total is not the province's.
    ImGui::TextUnformatted(tr(own_agency ? T::OwnInvestorsReached : T::Province));
    probe(s, "disbursement:summary");
    ImGui::SameLine();
    ImGui::TextColored(color, "%s", format_percent(st.province.rate_assigned).c_str());
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(T::OfAssignedPlan));
    char piece[256];
    if (m.current) {
        std::snprintf(piece, sizeof piece, "· %s %s: %d %%", tr(T::RequiredNow), m.current->due.vn().c_str(),
                      m.current->percent);
        same_line_if_fits(piece);
        ImGui::TextUnformatted(piece);
    }
    if (st.next) {
        std::snprintf(piece, sizeof piece, "· %s %s: %d %%", tr(T::NextMilestone), st.next->due.vn().c_str(),
                      st.next->percent);
        same_line_if_fits(piece);
        ImGui::TextUnformatted(piece);
    }
    std::snprintf(piece, sizeof piece, "· %s %s", format_count(st.behind).c_str(), tr(T::InvestorsBehind));
    same_line_if_fits(piece);
    ImGui::TextColored(ladder_color(st.behind > 0), "%s", piece);
    // Where the line's last piece ends (tests: nothing runs past the window's edge).
    s.probes["disbursement:summary-end"] = {ImGui::GetItemRectMax().x, ImGui::GetItemRectMin().y};
}

void draw_investors_table(AppState& s, float height) {
    auto& v = s.disbursement_view;
    const auto& m = s.disbursement;
    if (!ImGui::BeginTable("##investors", 9, kListFlags, ImVec2(0, height))) return;
    const float w = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(2, 1);
    ImGui::TableSetupColumn(tr(T::ColRank), ImGuiTableColumnFlags_WidthFixed, w * 3);
    ImGui::TableSetupColumn(tr(T::ColInvestor), ImGuiTableColumnFlags_WidthStretch);
    setup_amount_columns(w);
    ImGui::TableSetupColumn(tr(T::ColRequired), ImGuiTableColumnFlags_WidthFixed, w * 5.5f);
    ImGui::TableSetupColumn(tr(T::ColGap), ImGuiTableColumnFlags_WidthFixed, w * 7.5f);
    ImGui::TableHeadersRow();
    const auto& rows = m.status.investors;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& inv = rows[i];
            ImGui::PushID(static_cast<int>(inv.investor.id));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, ladder_color(inv.behind));
            const std::string rank = std::to_string(inv.rank);
            if (ImGui::Selectable(rank.c_str(), v.investor == inv.investor.id, ImGuiSelectableFlags_SpanAllColumns)) {
                v.investor = inv.investor.id;
                v.project.reset();
            }
            ImGui::PopStyleColor();
            probe_left(s, "disbursement:investor:" + inv.investor.name);
            ImGui::TableNextColumn();
            cell_text(inv.investor.name);
            amount_cells(inv.rates, inv.behind);
            ImGui::TableNextColumn();
            right_aligned(std::to_string(m.status.required_percent) + " %");
            gap_cell(m, inv.rates);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void draw_projects(AppState& s, const service::InvestorStatus& inv, float most) {
    auto& v = s.disbursement_view;
    const auto& m = s.disbursement;
    section_title(inv.investor.name.c_str());
    const auto found = m.projects_of.find(inv.investor.id);
    if (found == m.projects_of.end()) return ImGui::TextDisabled("%s", tr(T::NoneListed));
    if (!ImGui::BeginTable("##projects", 8, kListFlags, ImVec2(0, table_height(found->second.size(), most)))) return;
    const float w = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr(T::ColCode), ImGuiTableColumnFlags_WidthFixed, w * 5);
    ImGui::TableSetupColumn(tr(T::ColProject), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(T::ColSource), ImGuiTableColumnFlags_WidthFixed, w * 10);
    setup_amount_columns(w);
    ImGui::TableHeadersRow();
    const auto& list = found->second;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(list.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& p = m.projects[list[i]];
            ImGui::PushID(static_cast<int>(p.project.id));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const bool selected = v.project == p.project.id;
            if (ImGui::Selectable(p.project.code.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
                v.project = p.project.id;
            probe_left(s, "disbursement:project:" + p.project.code);
            ImGui::TableNextColumn();
            cell_text(p.project.name);
            ImGui::TableNextColumn();
            cell_text(source_label(p.project.source));
            amount_cells(p.rates, p.behind);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void draw_entries(AppState& s, const service::ProjectStatus& p) {
    const auto& m = s.disbursement;
    section_title((p.project.code + " · " + p.project.name).c_str());
    const auto found = m.entries_of.find(p.project.id);
    if (found == m.entries_of.end()) return ImGui::TextDisabled("%s", tr(T::NoEntries));
    // The rest of the height, but never so little that the list cannot be read.
    const float height = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetTextLineHeightWithSpacing() * 8);
    if (!ImGui::BeginTable("##entries", 4, kListFlags, ImVec2(0, height))) return;
    const float w = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(T::ColDate), ImGuiTableColumnFlags_WidthFixed, w * 6);
    ImGui::TableSetupColumn(tr(T::ColAmount), ImGuiTableColumnFlags_WidthFixed, w * 9);
    ImGui::TableSetupColumn(tr(T::ColNote), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(T::ColWho), ImGuiTableColumnFlags_WidthFixed, w * 10);
    ImGui::TableHeadersRow();
    const auto& list = found->second;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(list.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& e = m.entries[list[i]];
            ImGui::TableNextRow();
            // Entries after the as-of date are listed, greyed: the rates above do not count them yet.
            const bool later = e.date > m.status.as_of;
            if (later) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TableNextColumn();
            cell_text(e.date.vn());
            ImGui::TableNextColumn();
            right_aligned(format_count(e.amount));
            ImGui::TableNextColumn();
            cell_text(e.note);
            ImGui::TableNextColumn();
            cell_text(e.created_by);
            if (later) ImGui::PopStyleColor();
        }
    }
    ImGui::EndTable();
}

void draw_investors_tab(AppState& s) {
    const auto& v = s.disbursement_view;
    const auto& m = s.disbursement;
    ImGui::TextDisabled("%s", tr(T::AmountsInDong));
    const float avail = ImGui::GetContentRegionAvail().y;
    draw_investors_table(s, table_height(m.status.investors.size(), avail * 0.4f));

    // Investor → its projects → a project's entries, each below the other at full width.
    const auto* inv = v.investor ? m.investor(*v.investor) : nullptr;
    if (!inv) return ImGui::TextDisabled("%s", tr(T::PickInvestor));
    draw_projects(s, *inv, avail * 0.28f);
    const auto* p = v.project ? m.project(*v.project) : nullptr;
    if (p && p->project.investor_id == inv->investor.id) draw_entries(s, *p);
    else ImGui::TextDisabled("%s", tr(T::PickProject));
}

void draw_chart_tab(AppState& s) {
    auto& v = s.disbursement_view;
    const auto& m = s.disbursement;
    const float height = ImGui::GetContentRegionAvail().y / 2 - ImGui::GetFrameHeightWithSpacing() * 2;
    draw_ladder_chart("##province-chart", tr(T::ChartProvince), m, m.province_series, s.as_of, height);
    ImGui::Spacing();

    // The investor's chart follows the table's selection; the slowest one until the user picks.
    if (!v.investor && !m.status.investors.empty()) v.investor = m.status.investors.front().investor.id;
    const auto* inv = v.investor ? m.investor(*v.investor) : nullptr;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    if (ImGui::BeginCombo(tr(T::ColInvestor), inv ? inv->investor.name.c_str() : "")) {
        for (const auto& candidate : m.status.investors)
            if (ImGui::Selectable(candidate.investor.name.c_str(), inv == &candidate)) {
                v.investor = candidate.investor.id;
                v.project.reset();
            }
        ImGui::EndCombo();
    }
    const auto series = inv ? m.investor_series.find(inv->investor.id) : m.investor_series.end();
    if (series == m.investor_series.end()) return;
    const std::string title = std::string(tr(T::ChartInvestor)) + ": " + inv->investor.name;
    draw_ladder_chart("##investor-chart", title.c_str(), m, series->second, s.as_of,
                      ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing());
}

void draw_entry_tab(AppState& s) {
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("##entry-pane", ImVec2(width * 0.42f, 0));
    draw_entry_form(s);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##csv-pane", ImVec2(0, 0));
    draw_csv_import(s);
    ImGui::EndChild();
}

// A tab whose probe a headless test can click.
bool tab(AppState& s, T label, const char* name) {
    const bool open = ImGui::BeginTabItem(tr(label));
    probe(s, std::string("disbursement:tab:") + name);
    return open;
}
}  // namespace

void draw_disbursement(AppState& s) {
    const auto& m = s.disbursement;
    if (m.status.investors.empty()) ImGui::TextDisabled("%s", tr(T::NoInvestors));
    else draw_summary(s, m, s.actor.role == UserRole::Agency);
    if (!ImGui::BeginTabBar("##disbursement")) return;
    if (tab(s, T::DisbTabInvestors, "investors")) {
        draw_investors_tab(s);
        ImGui::EndTabItem();
    }
    if (tab(s, T::DisbTabChart, "chart")) {
        draw_chart_tab(s);
        ImGui::EndTabItem();
    }
    if (tab(s, T::DisbTabRealloc, "realloc")) {
        draw_realloc_tab(s);
        ImGui::EndTabItem();
    }
    if (tab(s, T::DisbTabEntry, "entry")) {
        draw_entry_tab(s);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace dt::ui

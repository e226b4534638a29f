// Tổng quan: buckets and on-time rate, disbursement against the ladder, the agency × section matrix,
// next deadlines, laggards.
#include <imgui.h>

#include <string>

#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
void draw_bucket_cards(const Dashboard& d) {
    const Bucket order[] = {Bucket::DoneOnTime, Bucket::DoneLate, Bucket::OpenOnTime, Bucket::OpenOverdue,
                            Bucket::NoDeadline};
    if (ImGui::BeginTable("##buckets", 6, ImGuiTableFlags_BordersInnerV)) {
        for (Bucket b : order) {
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, bucket_color(b));
            ImGui::SetWindowFontScale(1.6f);
            ImGui::Text("%d", d.buckets[static_cast<int>(b)]);
            ImGui::SetWindowFontScale(1.0f);
            ImGui::PopStyleColor();
            ImGui::TextWrapped("%s", label(b));
        }
        ImGui::TableNextColumn();
        ImGui::SetWindowFontScale(1.6f);
        ImGui::TextUnformatted(format_percent(d.on_time_rate).c_str());
        ImGui::SetWindowFontScale(1.0f);
        ImGui::TextWrapped("%s (%d %s)", tr(T::OnTimeRate), d.total, tr(T::Assignments));
        ImGui::EndTable();
    }
}

// A cell's colour says its state at a glance: red overdue, amber blocked, green all done.
ImVec4 cell_color(const MatrixCell& c) {
    if (c.total == 0) return {0, 0, 0, 0};
    if (c.overdue > 0) return {0.90f, 0.55f, 0.52f, 1.0f};
    if (c.blocked > 0) return {0.95f, 0.78f, 0.45f, 1.0f};
    if (c.done == c.total) return {0.62f, 0.82f, 0.64f, 1.0f};
    return {0.76f, 0.85f, 0.95f, 1.0f};
}

void draw_matrix(AppState& s) {
    const auto& d = s.dashboard;
    const int columns = static_cast<int>(d.sections.size()) + 1;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##matrix", columns, flags, ImVec2(0, ImGui::GetFontSize() * 22))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr(T::Agency), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 18);
    for (const auto& sec : d.sections) ImGui::TableSetupColumn((std::string(tr(T::Section)) + " " + sec).c_str());
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(d.agencies.size()));
    while (clipper.Step()) {
        for (int a = clipper.DisplayStart; a < clipper.DisplayEnd; ++a) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(d.agencies[a].c_str());
            for (std::size_t c = 0; c < d.sections.size(); ++c) {
                ImGui::TableNextColumn();
                const auto& cell = d.matrix[a][c];
                if (cell.total == 0) continue;
                ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(cell_color(cell)));
                ImGui::Text("%d/%d", cell.done, cell.total);
                if (cell.overdue > 0) {
                    ImGui::SameLine();
                    ImGui::Text("(%d %s)", cell.overdue, tr(T::OverdueCount));
                }
            }
        }
    }
    ImGui::EndTable();
}

// Giải ngân at a glance: the province against the milestone in force, and how many lag.
void draw_disbursement_card(AppState& s) {
    const auto& m = s.disbursement;
    const auto& st = m.status;
    if (st.investors.empty()) return;
    section_title(tr(T::DisbTitle));
    if (!ImGui::BeginTable("##disbursement", 3, ImGuiTableFlags_BordersInnerV)) return;
    const auto big = [](const ImVec4& color, const std::string& text) {
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::SetWindowFontScale(1.6f);
        ImGui::TextUnformatted(text.c_str());
        ImGui::SetWindowFontScale(1.0f);
        ImGui::PopStyleColor();
    };
    ImGui::TableNextColumn();
    big(ladder_color(st.province.rate_assigned < st.required_percent), format_percent(st.province.rate_assigned));
    ImGui::TextWrapped("%s", tr(T::ProvinceRate));
    ImGui::TableNextColumn();
    // Before the first milestone nothing is required yet: show what the next one asks.
    const auto& milestone = m.current ? m.current : st.next;
    big(ImGui::GetStyleColorVec4(ImGuiCol_Text), milestone ? std::to_string(milestone->percent) + " %" : "—");
    if (milestone)
        ImGui::TextWrapped("%s %s", tr(m.current ? T::RequiredNow : T::NextMilestone), milestone->due.vn().c_str());
    ImGui::TableNextColumn();
    big(ladder_color(st.behind > 0), std::to_string(st.behind) + " / " + std::to_string(st.investors.size()));
    ImGui::TextWrapped("%s", tr(T::InvestorsBehind));
    ImGui::EndTable();
}
}  // namespace

void draw_dashboard(AppState& s) {
    const auto& d = s.dashboard;
    if (d.total == 0) {
        ImGui::TextDisabled("%s", tr(T::NoData));
        draw_disbursement_card(s);
        return;
    }
    ImGui::Text("%s %s", tr(T::AsOf), s.as_of.vn().c_str());
    draw_bucket_cards(d);
    draw_disbursement_card(s);
    section_title(tr(T::Matrix));
    draw_matrix(s);

    if (ImGui::BeginTable("##lower", 2, ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableNextColumn();
        section_title(tr(T::NextDeadlines));
        for (const auto& u : d.next_deadlines) {
            ImGui::Text("%s", u.due.vn().c_str());
            ImGui::SameLine(ImGui::GetFontSize() * 6);
            ImGui::TextWrapped("%s — %s (%d)", u.ref.c_str(), u.title.c_str(), u.open_assignments);
        }
        if (d.next_deadlines.empty()) ImGui::TextDisabled("—");
        ImGui::TableNextColumn();
        section_title(tr(T::MostOverdue));
        for (const auto& [agency, count] : d.most_overdue) {
            ImGui::TextColored(bucket_color(Bucket::OpenOverdue), "%3d", count);
            ImGui::SameLine();
            ImGui::TextUnformatted(agency.c_str());
        }
        if (d.most_overdue.empty()) ImGui::TextDisabled("—");
        ImGui::EndTable();
    }
}

}  // namespace dt::ui

// Tổng quan: buckets and on-time rate, disbursement against the ladder, the agency × section matrix
// (worst first), charts, next deadlines, laggards. Every number opens the rows it counts.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
constexpr Bucket kOrder[] = {Bucket::DoneOnTime, Bucket::DoneLate, Bucket::OpenOnTime, Bucket::OpenOverdue,
                             Bucket::NoDeadline};

// A big number that is a link: hovering says so, clicking opens its rows.
bool big_link(AppState& s, const std::string& text, ImVec4 color, const std::string& probe_name) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::SetWindowFontScale(1.6f);
    const bool clicked = ImGui::Selectable(text.c_str(), false, 0, ImGui::CalcTextSize(text.c_str()));
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(T::ClickToOpen));
    probe(s, probe_name);
    return clicked;
}

void draw_bucket_cards(AppState& s) {
    const DashboardText& text = s.dashboard_text;
    if (!ImGui::BeginTable("##buckets", 6, ImGuiTableFlags_BordersInnerV)) return;
    for (Bucket b : kOrder) {
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(b));
        if (big_link(s, text.buckets[static_cast<int>(b)], bucket_color(b),
                     "bucket:" + std::string(to_string(b)))) {
            TaskFilter f;
            f.bucket = b;
            open_tasks(s, f);
        }
        ImGui::PopID();
        ImGui::TextWrapped("%s", label(b));
    }
    ImGui::TableNextColumn();
    ImGui::SetWindowFontScale(1.6f);
    ImGui::TextUnformatted(text.rate.c_str());
    ImGui::SetWindowFontScale(1.0f);
    // What the rate is a rate of: done on time among those whose deadline has passed.
    ImGui::TextWrapped("%s", text.rate_of.c_str());
    ImGui::EndTable();
}

// A cell's colour says its state at a glance: red overdue, amber blocked, green all done.
ImVec4 cell_color(const MatrixCell& c) {
    if (c.total == 0) return {0, 0, 0, 0};
    if (c.overdue > 0) return {0.90f, 0.55f, 0.52f, 1.0f};
    if (c.blocked > 0) return {0.95f, 0.78f, 0.45f, 1.0f};
    if (c.done == c.total) return {0.62f, 0.82f, 0.64f, 1.0f};
    return {0.76f, 0.85f, 0.95f, 1.0f};
}

void legend_swatch(ImVec4 color, const char* text) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + h * 1.4f, p.y + h), ImGui::GetColorU32(color), 3.0f);
    ImGui::Dummy(ImVec2(h * 1.4f, h));
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(0, h * 1.2f);
}

void draw_legend() {
    legend_swatch(cell_color({1, 0, 1, 0}), tr(T::LegendOverdue));
    legend_swatch(cell_color({1, 0, 0, 1}), tr(T::LegendBlocked));
    legend_swatch(cell_color({1, 0, 0, 0}), tr(T::LegendOpen));
    legend_swatch(cell_color({1, 1, 0, 0}), tr(T::LegendAllDone));
    ImGui::NewLine();
    ImGui::TextDisabled("%s: %s", tr(T::DoneOfTotal), tr(T::ClickToOpen));
}

void draw_matrix(AppState& s) {
    const auto& d = s.dashboard;
    const auto& text = s.dashboard_text;
    const int columns = static_cast<int>(d.sections.size()) + 1;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Resizable;
    const float font = ImGui::GetFontSize();
    const float rows_height = ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(d.agencies.size() + 2);
    const float height = std::clamp(rows_height, font * 6, std::max(font * 8, ImGui::GetContentRegionAvail().y * 0.55f));
    if (!ImGui::BeginTable("##matrix", columns, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr(T::Agency), ImGuiTableColumnFlags_WidthFixed, font * 13);
    const float cell_width = font * 8.5f;
    for (const auto& sec : d.sections) ImGui::TableSetupColumn(sec.c_str(), ImGuiTableColumnFlags_WidthFixed, cell_width);
    // Headers name the section; the full title on hover.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableNextColumn();
    ImGui::TableHeader(tr(T::Agency));
    for (const auto& full : text.headers) {
        ImGui::TableNextColumn();
        const std::string shown = ellipsize(full, ImGui::GetContentRegionAvail().x);
        ImGui::TableHeader(shown.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", full.c_str());
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(d.agencies.size()));
    while (clipper.Step()) {
        for (int a = clipper.DisplayStart; a < clipper.DisplayEnd; ++a) {
            const auto& agency = d.agencies[a];
            ImGui::PushID(a);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (cell_selectable(agency.name, false, 0, "agency")) {
                TaskFilter f;
                f.agency_id = agency.id;
                open_tasks(s, f);
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", agency.full.c_str());
            probe(s, "matrix:" + agency.full);
            for (std::size_t c = 0; c < d.sections.size(); ++c) {
                ImGui::TableNextColumn();
                const auto& cell = d.matrix[a][c];
                if (cell.total == 0) continue;
                ImGui::PushID(static_cast<int>(c));
                ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(cell_color(cell)));
                const std::string& cell_text = text.cells[a][c];
                if (cell_selectable(cell_text, false, 0, "cell")) {
                    TaskFilter f;
                    f.agency_id = agency.id;
                    f.section = d.sections[c];
                    open_tasks(s, f);
                }
                // The section by its full title, as the header's tooltip names it.
                if (ImGui::IsItemHovered()) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);  // a long title wraps inside the window
                    ImGui::TextWrapped("%s\n%s\n%s", agency.full.c_str(), text.headers[c].c_str(), cell_text.c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
                probe(s, "matrix:" + agency.full + ":" + d.sections[c]);
                ImGui::PopID();
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

// Horizontal bars: one per bucket, scaled to the largest.
void draw_bucket_chart(AppState& s) {
    const Dashboard& d = s.dashboard;
    section_title(tr(T::ChartBuckets));
    int largest = 1;
    for (int n : d.buckets) largest = std::max(largest, n);
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float label_width = ImGui::GetFontSize() * 13;
    const float bar_width = std::max(40.0f, ImGui::GetContentRegionAvail().x - label_width - ImGui::GetFontSize() * 4);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (Bucket b : kOrder) {
        const int n = d.buckets[static_cast<int>(b)];
        ImGui::PushID(static_cast<int>(b));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("##bar", ImVec2(label_width + bar_width, line))) {
            TaskFilter f;
            f.bucket = b;
            open_tasks(s, f);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: %s", label(b), tr(T::ClickToOpen));
        dl->AddText(p, ImGui::GetColorU32(ImGuiCol_Text), ellipsize(label(b), label_width - 6).c_str());
        const float w = bar_width * static_cast<float>(n) / static_cast<float>(largest);
        dl->AddRectFilled(ImVec2(p.x + label_width, p.y + 2), ImVec2(p.x + label_width + w, p.y + line - 2),
                          ImGui::GetColorU32(bucket_color(b)), 2.0f);
        dl->AddText(ImVec2(p.x + label_width + w + 4, p.y), ImGui::GetColorU32(ImGuiCol_Text),
                    s.dashboard_text.buckets[static_cast<int>(b)].c_str());
        ImGui::PopID();
    }
}

// Each agency's on-time rate, lowest first, as bars of 0–100 %.
void draw_rate_chart(AppState& s) {
    const Dashboard& d = s.dashboard;
    section_title(tr(T::ChartAgencyRates));
    if (d.by_rate.empty()) {
        ImGui::TextDisabled("—");
        return;
    }
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float label_width = ImGui::GetFontSize() * 11;
    const float bar_width = std::max(40.0f, ImGui::GetContentRegionAvail().x - label_width - ImGui::GetFontSize() * 4);
    const float height = std::min(line * static_cast<float>(d.by_rate.size()), line * 10);
    ImGui::BeginChild("##rates", ImVec2(0, height + 4));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(d.by_rate.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& a = d.agencies[d.by_rate[i]];
            const auto& rate_text = s.dashboard_text.agency_rates[d.by_rate[i]];
            ImGui::PushID(i);
            const ImVec2 p = ImGui::GetCursorScreenPos();
            if (ImGui::InvisibleButton("##rate", ImVec2(label_width + bar_width, line))) {
                TaskFilter f;
                f.agency_id = a.id;
                open_tasks(s, f);
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.dashboard_text.agency_tips[d.by_rate[i]].c_str());
            dl->AddText(p, ImGui::GetColorU32(ImGuiCol_Text), ellipsize(a.name, label_width - 6).c_str());
            const float x0 = p.x + label_width;
            dl->AddRectFilled(ImVec2(x0, p.y + 3), ImVec2(x0 + bar_width, p.y + line - 3), IM_COL32(0, 0, 0, 18), 2.0f);
            const float w = bar_width * static_cast<float>(a.on_time_rate / 100.0);
            const ImVec4 colour = a.on_time_rate < 50 ? bucket_color(Bucket::OpenOverdue) : bucket_color(Bucket::DoneOnTime);
            dl->AddRectFilled(ImVec2(x0, p.y + 3), ImVec2(x0 + w, p.y + line - 3), ImGui::GetColorU32(colour), 2.0f);
            dl->AddText(ImVec2(x0 + bar_width + 4, p.y), ImGui::GetColorU32(ImGuiCol_Text), rate_text.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
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
    auto& text = s.dashboard_text;
    const auto& milestone = m.current ? m.current : st.next;  // before the first: what the next one asks
    if (text.disbursement_built != s.rebuilds.disbursement || text.disbursement_lang != language()) {
        text.province_rate = format_percent(st.province.rate_assigned);
        text.milestone = milestone ? std::to_string(milestone->percent) + " %" : "—";
        text.behind = format_count(st.behind) + " / " + format_count(static_cast<long long>(st.investors.size()));
        text.disbursement_built = s.rebuilds.disbursement;
        text.disbursement_lang = language();
    }
    ImGui::TableNextColumn();
    big(ladder_color(st.province.rate_assigned < st.required_percent), text.province_rate);
    ImGui::TextWrapped("%s", tr(s.actor.role == UserRole::Agency ? T::OwnInvestorsRate : T::ProvinceRate));
    ImGui::TableNextColumn();
    big(ImGui::GetStyleColorVec4(ImGuiCol_Text), text.milestone);
    if (milestone)
        ImGui::TextWrapped("%s %s", tr(m.current ? T::RequiredNow : T::NextMilestone), milestone->due.vn().c_str());
    ImGui::TableNextColumn();
    big(ladder_color(st.behind > 0), text.behind);
    ImGui::TextWrapped("%s", tr(T::InvestorsBehind));
    ImGui::EndTable();
}

void draw_lower(AppState& s) {
    const auto& d = s.dashboard;
    if (!ImGui::BeginTable("##lower", 2, ImGuiTableFlags_BordersInnerV)) return;
    ImGui::TableNextColumn();
    section_title(tr(T::NextDeadlines));
    for (std::size_t i = 0; i < d.next_deadlines.size(); ++i) {
        const auto& u = d.next_deadlines[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string& line = s.dashboard_text.next_deadlines[i];
        if (ImGui::Selectable(ellipsize(line, ImGui::GetContentRegionAvail().x).c_str())) {
            TaskFilter f;
            f.ref = u.task_ref;
            f.due = u.due;
            f.open_only = true;
            open_tasks(s, f);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", line.c_str(), tr(T::ClickToOpen));
        ImGui::PopID();
    }
    if (d.next_deadlines.empty()) ImGui::TextDisabled("—");
    ImGui::TableNextColumn();
    section_title(tr(T::MostOverdue));
    for (std::size_t i = 0; i < d.most_overdue.size(); ++i) {
        const int index = d.most_overdue[i];
        const auto& a = d.agencies[index];
        ImGui::PushID(index);
        const std::string& line = s.dashboard_text.most_overdue[i];
        if (ImGui::Selectable(ellipsize(line, ImGui::GetContentRegionAvail().x).c_str())) {
            TaskFilter f;
            f.agency_id = a.id;
            f.bucket = Bucket::OpenOverdue;
            open_tasks(s, f);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(T::ClickToOpen));
        ImGui::PopID();
    }
    if (d.most_overdue.empty()) ImGui::TextDisabled("—");
    ImGui::EndTable();
}
}  // namespace

void draw_dashboard(AppState& s) {
    const auto& d = s.dashboard;
    if (s.dashboard_text.generation != s.keys.dashboard_generation || s.dashboard_text.lang != language())
        s.dashboard_text.rebuild(d, s.section_titles, s.keys.dashboard_generation);
    ImGui::TextDisabled("%s %s", tr(T::CountsAt), s.as_of.vn().c_str());
    if (d.total == 0) {
        ImGui::TextDisabled("%s", tr(T::NoData));
        draw_disbursement_card(s);
        return;
    }
    ImGui::BeginChild("##dashboard-scroll");
    reminder_summary(s, std::nullopt);
    draw_bucket_cards(s);
    section_title(tr(T::Matrix));
    draw_legend();
    draw_matrix(s);
    if (ImGui::BeginTable("##charts", 2, ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableNextColumn();
        draw_bucket_chart(s);
        ImGui::TableNextColumn();
        draw_rate_chart(s);
        ImGui::EndTable();
    }
    draw_lower(s);
    draw_disbursement_card(s);
    ImGui::EndChild();
}

}  // namespace dt::ui

// The ladder chart, drawn with ImDrawList: Debian has no plotting library for its imgui 1.86.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "ui/strings.h"
#include "ui/views/disbursement_parts.h"

namespace dt::ui {

namespace {
constexpr ImU32 kLineColor = IM_COL32(38, 98, 170, 255);
constexpr ImU32 kLadderColor = IM_COL32(205, 125, 30, 255);
constexpr ImU32 kGridColor = IM_COL32(0, 0, 0, 30);
constexpr ImU32 kMarkerColor = IM_COL32(70, 70, 80, 200);
constexpr ImU32 kPlotBg = IM_COL32(255, 255, 255, 255);

// Maps dates and percents to pixels inside the plot rectangle.
struct Axes {
    ImVec2 min, max;
    long from = 0, to = 1;
    double top = 100.0;
    float x(Date d) const {
        const long s = std::clamp(d.serial(), from, to);
        return min.x + (max.x - min.x) * static_cast<float>(s - from) / static_cast<float>(to - from);
    }
    float y(double percent) const {
        return max.y - (max.y - min.y) * static_cast<float>(std::clamp(percent, 0.0, top) / top);
    }
};

Date add_days(Date d, long n) {
    while (n > 0) {
        const long left = Date::days_in_month(d.year, d.month) - d.day;
        if (n <= left) return Date{d.year, d.month, d.day + static_cast<int>(n)};
        n -= left + 1;
        d = d.month == 12 ? Date{d.year + 1, 1, 1} : Date{d.year, d.month + 1, 1};
    }
    return d;
}

void dashed(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color, float thickness, float dash) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float length = std::sqrt(dx * dx + dy * dy);
    if (length < 0.5f) return;
    for (float t = 0; t < length; t += dash * 2) {
        const float e = std::min(t + dash, length);
        const float f0 = t / length, f1 = e / length;
        dl->AddLine(ImVec2(a.x + dx * f0, a.y + dy * f0), ImVec2(a.x + dx * f1, a.y + dy * f1), color, thickness);
    }
}

void legend_item(ImU32 color, bool is_dashed, const char* text) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(h * 2, h));
    const ImVec2 a(p.x, p.y + h / 2), b(p.x + h * 2, p.y + h / 2);
    if (is_dashed) dashed(ImGui::GetWindowDrawList(), a, b, color, 2.0f, 5.0f);
    else ImGui::GetWindowDrawList()->AddLine(a, b, color, 2.5f);
    ImGui::SameLine();
    ImGui::TextUnformatted(text);
}

// Places a label at `pos` (its top-left), moving it up until it overlaps no earlier one.
ImVec2 free_spot(std::vector<ImVec4>& taken, ImVec2 pos, ImVec2 size, float lowest_top) {
    for (int tries = 0; tries < 6; ++tries) {
        bool clash = false;
        for (const auto& r : taken)
            clash = clash || (pos.x < r.z && pos.x + size.x > r.x && pos.y < r.w && pos.y + size.y > r.y);
        if (!clash) break;
        pos.y -= size.y;
    }
    pos.y = std::max(pos.y, lowest_top);
    taken.push_back(ImVec4(pos.x, pos.y, pos.x + size.x, pos.y + size.y));
    return pos;
}

void draw_grid(ImDrawList* dl, const Axes& ax, const DisbursementModel& m) {
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const float h = ImGui::GetTextLineHeight();
    for (int p = 0; p <= static_cast<int>(ax.top); p += 25) {
        dl->AddLine(ImVec2(ax.min.x, ax.y(p)), ImVec2(ax.max.x, ax.y(p)), kGridColor);
        if (p % 50 != 0) continue;
        const std::string label = std::to_string(p) + " %";
        const ImVec2 size = ImGui::CalcTextSize(label.c_str());
        dl->AddText(ImVec2(ax.min.x - size.x - 6, ax.y(p) - h / 2), text, label.c_str());
    }
    // A tick at each month's first day, the month's name centred under its span.
    for (Date d = m.chart_from; d <= m.chart_to;) {
        const Date next = d.month == 12 ? Date{d.year + 1, 1, 1} : Date{d.year, d.month + 1, 1};
        const float x0 = ax.x(d), x1 = ax.x(std::min(next, m.chart_to));
        dl->AddLine(ImVec2(x0, ax.min.y), ImVec2(x0, ax.max.y + 4), kGridColor);
        std::string label = tr(static_cast<T>(static_cast<int>(T::Month1) + d.month - 1));
        if (d.month == 1) label += " " + std::to_string(d.year);
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        if (w < x1 - x0 + 8) dl->AddText(ImVec2((x0 + x1 - w) / 2, ax.max.y + 4), text, label.c_str());
        d = next;
    }
    dl->AddRect(ax.min, ax.max, ImGui::GetColorU32(ImGuiCol_Border));
}

void draw_ladder(ImDrawList* dl, const Axes& ax, const DisbursementModel& m, std::vector<ImVec4>& taken) {
    const auto& ladder = m.status.ladder;
    if (ladder.empty()) return;
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize() * 0.85f;
    ImVec2 at(ax.x(m.chart_from), ax.y(0));
    for (const auto& step : ladder) {
        const ImVec2 corner(ax.x(step.due), at.y), top(ax.x(step.due), ax.y(step.percent));
        dashed(dl, at, corner, kLadderColor, 2.0f, 6.0f);
        dashed(dl, corner, top, kLadderColor, 2.0f, 6.0f);
        at = top;
    }
    dashed(dl, at, ImVec2(ax.max.x, at.y), kLadderColor, 2.0f, 6.0f);
    // Labels after the line, so none is hidden under a later step.
    for (const auto& step : ladder) {
        const ImVec2 top(ax.x(step.due), ax.y(step.percent));
        dl->AddCircleFilled(top, 4.0f, kLadderColor);
        char label[48];
        std::snprintf(label, sizeof label, "%02d/%02d · %d %%", step.due.day, step.due.month, step.percent);
        const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, label);
        ImVec2 pos(std::max(ax.min.x + 2, top.x - extent.x - 6), top.y - extent.y - 2);
        pos = free_spot(taken, pos, extent, ax.min.y - extent.y * 2);
        dl->AddText(font, size, pos, kLadderColor, label);
    }
}

void draw_series(ImDrawList* dl, const Axes& ax, const RateSeries& series, Date as_of, std::vector<ImVec4>& taken) {
    if (series.empty()) return;
    std::vector<ImVec2> points;
    points.reserve(series.size() * 2);
    for (std::size_t i = 0; i < series.size(); ++i) {
        if (i > 0) points.emplace_back(ax.x(series[i].date), ax.y(series[i - 1].percent));
        points.emplace_back(ax.x(series[i].date), ax.y(series[i].percent));
    }
    dl->AddPolyline(points.data(), static_cast<int>(points.size()), kLineColor, ImDrawFlags_None, 2.5f);
    if (as_of < series.front().date) return;
    const ImVec2 end = points.back();
    dl->AddCircleFilled(end, 4.5f, kLineColor);
    const std::string label = format_percent(series.back().percent);
    const ImVec2 extent = ImGui::CalcTextSize(label.c_str());
    ImVec2 pos(end.x + 8, end.y - extent.y - 2);
    if (pos.x + extent.x > ax.max.x) pos.x = end.x - extent.x - 8;
    pos = free_spot(taken, pos, extent, ax.min.y);
    dl->AddText(pos, kLineColor, label.c_str());
}

void draw_as_of(ImDrawList* dl, const Axes& ax, const DisbursementModel& m, Date as_of) {
    if (as_of < m.chart_from || as_of > m.chart_to) return;
    const float x = ax.x(as_of);
    dl->AddLine(ImVec2(x, ax.min.y), ImVec2(x, ax.max.y), kMarkerColor, 1.5f);
    const std::string label = std::string(tr(T::AsOf)) + " " + as_of.vn();
    const ImVec2 extent = ImGui::CalcTextSize(label.c_str());
    ImVec2 pos(x + 6, ax.max.y - extent.y - 4);
    if (pos.x + extent.x > ax.max.x - 2) pos.x = x - extent.x - 6;
    dl->AddRectFilled(ImVec2(pos.x - 2, pos.y), ImVec2(pos.x + extent.x + 2, pos.y + extent.y), kPlotBg);
    dl->AddText(pos, kMarkerColor, label.c_str());
}

void hover_tooltip(ImDrawList* dl, const Axes& ax, const DisbursementModel& m, const RateSeries& series, Date as_of) {
    const float mx = ImGui::GetIO().MousePos.x;
    if (mx < ax.min.x || mx > ax.max.x) return;
    const long offset = std::lround((mx - ax.min.x) / (ax.max.x - ax.min.x) * static_cast<float>(ax.to - ax.from));
    const Date d = add_days(m.chart_from, offset);
    dl->AddLine(ImVec2(mx, ax.min.y), ImVec2(mx, ax.max.y), kGridColor);
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(d.vn().c_str());
    if (d <= as_of) ImGui::Text("%s: %s", tr(T::LegendCumulative), format_percent(rate_at(series, d)).c_str());
    ImGui::Text("%s: %d %%", tr(T::RequiredNow), service::required_percent(m.status.ladder, d));
    ImGui::EndTooltip();
}
}  // namespace

void draw_ladder_chart(const char* id, const char* title, const DisbursementModel& m, const RateSeries& series,
                       Date as_of, float height) {
    ImGui::TextUnformatted(title);
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    legend_item(kLineColor, false, tr(T::LegendCumulative));
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    legend_item(kLadderColor, true, tr(T::LegendLadder));
    if (m.status.ladder.empty()) {
        ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
        ImGui::TextDisabled("%s", tr(T::NoLadder));
    }

    const float line = ImGui::GetTextLineHeight();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size(ImGui::GetContentRegionAvail().x, std::max(height, line * 10));
    ImGui::InvisibleButton(id, size);
    const bool hovered = ImGui::IsItemHovered();

    Axes ax;
    ax.min = ImVec2(origin.x + ImGui::CalcTextSize("100 %").x + 12, origin.y + line * 2.2f);
    ax.max = ImVec2(origin.x + size.x - line, origin.y + size.y - line - 8);
    ax.from = m.chart_from.serial();
    ax.to = std::max(m.chart_to.serial(), ax.from + 1);
    for (const auto& p : series) ax.top = std::max(ax.top, std::ceil(p.percent / 25.0) * 25.0);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
    dl->AddRectFilled(ax.min, ax.max, kPlotBg);
    draw_grid(dl, ax, m);
    std::vector<ImVec4> taken;  // label rectangles, so later labels step aside
    draw_ladder(dl, ax, m, taken);
    draw_as_of(dl, ax, m, as_of);
    draw_series(dl, ax, series, as_of, taken);
    if (hovered) hover_tooltip(dl, ax, m, series, as_of);
    dl->PopClipRect();
}

}  // namespace dt::ui

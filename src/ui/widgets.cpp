#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "ui/strings.h"

namespace dt::ui {

ImVec4 bucket_color(Bucket b) {
    switch (b) {
    case Bucket::DoneOnTime: return {0.22f, 0.56f, 0.34f, 1.0f};
    case Bucket::DoneLate: return {0.55f, 0.62f, 0.25f, 1.0f};
    case Bucket::OpenOnTime: return {0.25f, 0.47f, 0.70f, 1.0f};
    case Bucket::OpenOverdue: return {0.78f, 0.27f, 0.24f, 1.0f};
    case Bucket::NoDeadline: return {0.50f, 0.52f, 0.56f, 1.0f};
    }
    return {0.5f, 0.5f, 0.5f, 1.0f};
}

ImVec4 status_color(Status s) {
    switch (s) {
    case Status::NotStarted: return {0.45f, 0.47f, 0.50f, 1.0f};
    case Status::InProgress: return {0.25f, 0.47f, 0.70f, 1.0f};
    case Status::Done: return {0.22f, 0.56f, 0.34f, 1.0f};
    case Status::Blocked: return {0.80f, 0.50f, 0.13f, 1.0f};
    }
    return {0.5f, 0.5f, 0.5f, 1.0f};
}

ImVec4 ladder_color(bool behind) {
    return behind ? ImVec4(0.78f, 0.22f, 0.20f, 1.0f) : ImVec4(0.18f, 0.50f, 0.28f, 1.0f);
}

void bucket_badge(Bucket b) {
    const ImVec4 c = bucket_color(b);
    ImGui::TextColored(c, "● %s", label(b));
}

void probe(AppState& state, const std::string& name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    state.probes[name] = {(a.x + b.x) / 2, (a.y + b.y) / 2};
}

void probe_left(AppState& state, const std::string& name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    state.probes[name] = {a.x + std::min(ImGui::GetFontSize(), (b.x - a.x) / 2), (a.y + b.y) / 2};
}

bool date_field(const char* label_text, char* buf, std::size_t size, std::optional<Date>& out, std::string& error) {
    const bool changed = ImGui::InputTextWithHint(label_text, "dd/mm/yyyy", buf, size);
    out.reset();
    error.clear();
    if (buf[0] == '\0') return changed;
    if (auto d = Date::parse_user(buf)) out = d;
    else error = language() == Lang::Vi ? "Ngày không hợp lệ (dd/mm/yyyy)." : "Not a valid date (dd/mm/yyyy).";
    return changed;
}

void field_error(const std::string& message) {
    if (message.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.80f, 0.22f, 0.20f, 1.0f));
    ImGui::TextWrapped("%s", message.c_str());
    ImGui::PopStyleColor();
}

void disabled_reason(const char* why) {
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", why);
}

void section_title(const char* text) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.16f, 0.30f, 0.50f, 1.0f));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::Separator();
}

void struck_text(const std::string& text) {
    const ImVec4 grey = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
    ImGui::PushStyleColor(ImGuiCol_Text, grey);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    // Wrapped lines follow each other at the font's height; strike each band at its middle.
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const float line = ImGui::GetTextLineHeight();
    const ImU32 colour = ImGui::GetColorU32(grey);
    for (float y = min.y + line * 0.55f; y < max.y; y += line)
        ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, y), ImVec2(max.x, y), colour, 1.0f);
}

bool begin_notice(const char* id, ImVec4 background) {
    if (!ImGui::BeginTable(id, 1, ImGuiTableFlags_BordersOuter)) return false;
    ImGui::TableNextRow();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(background));
    ImGui::TableNextColumn();
    return true;
}

void end_notice() { ImGui::EndTable(); }

std::string ellipsize(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    const float dots = ImGui::CalcTextSize("…").x;
    // Binary search over character boundaries for the longest prefix that fits beside "…".
    std::vector<std::size_t> cuts;
    for (std::size_t i = 1; i <= text.size(); ++i)
        if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) cuts.push_back(i);
    std::size_t lo = 0, hi = cuts.size();  // cuts[lo-1] fits; cuts[hi] does not
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        const char* begin = text.c_str();
        if (ImGui::CalcTextSize(begin, begin + cuts[mid - 1]).x + dots <= width) lo = mid;
        else hi = mid - 1;
    }
    std::string out = lo == 0 ? std::string() : text.substr(0, cuts[lo - 1]);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "…";
}

namespace {
std::vector<CellRecord>* g_cells = nullptr;
}

void record_cells(std::vector<CellRecord>* log) { g_cells = log; }

namespace {
void draw_cell(const std::string& text, const ImVec4* color, bool right) {
    const float available = ImGui::GetContentRegionAvail().x;
    const std::string shown = ellipsize(text, available);
    const float width = ImGui::CalcTextSize(shown.c_str()).x;
    if (right) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, available - width));
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, *color);
    ImGui::TextUnformatted(shown.c_str());
    if (color) ImGui::PopStyleColor();
    const float left = ImGui::GetItemRectMin().x;
    if (shown != text && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
    if (g_cells) {
        // From where the text starts to the column's (or the window's) right edge.
        const float visible = ImGui::GetCurrentWindow()->ClipRect.Max.x - left;
        g_cells->push_back({text, shown, width, right ? width + std::max(0.0f, available - width) : available,
                            right ? std::min(visible, available) : visible});
    }
}
}  // namespace

void cell_text(const std::string& text, const ImVec4* color) { draw_cell(text, color, false); }

bool cell_selectable(const std::string& text, bool selected, ImGuiSelectableFlags flags, const char* id) {
    const float available = ImGui::GetContentRegionAvail().x;
    const std::string shown = ellipsize(text, available);
    const float left = ImGui::GetCursorScreenPos().x;
    const bool clicked = ImGui::Selectable((shown + "###" + (id ? std::string(id) : text)).c_str(), selected, flags);
    if (shown != text && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
    if (g_cells) {
        const float visible = ImGui::GetCurrentWindow()->ClipRect.Max.x - left;
        g_cells->push_back({text, shown, ImGui::CalcTextSize(shown.c_str()).x, available, visible});
    }
    return clicked;
}

void cell_text_right(const std::string& text, const ImVec4* color) { draw_cell(text, color, true); }

void open_tasks(AppState& s, const TaskFilter& filter) {
    std::snprintf(s.tasks_view.search, sizeof s.tasks_view.search, "%s", filter.text.c_str());
    s.tasks.set_filter(filter);
    s.view = View::Tasks;
}

}  // namespace dt::ui

// The command palette (Ctrl+K or Ctrl+Shift+P): type to jump to a view, an agency or a task.
// Matching folds diacritics and case, and every word typed must be found ("thuong mai" finds
// "Thương mại"). The candidates are rebuilt when the data changes; the matches when the text does.
#include <imgui.h>

#include <algorithm>
#include <set>

#include "core/text.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
constexpr std::size_t kMaxShown = 40;

constexpr std::pair<View, T> kViews[] = {
    {View::Dashboard, T::NavDashboard}, {View::Directive, T::NavDirective}, {View::Tasks, T::NavTasks},
    {View::Task, T::NavTask},           {View::MyAgency, T::NavMyAgency},   {View::Disbursement, T::NavDisbursement},
    {View::Reports, T::NavReports},     {View::Admin, T::NavAdmin},         {View::Reminders, T::NavReminders}};

void rebuild_candidates(AppState& s) {
    auto& p = s.palette;
    p.candidates.clear();
    for (const auto& [view, key] : kViews)
        p.candidates.push_back({PaletteEntry::Kind::View, std::string(tr(key)), "", static_cast<Id>(view), "", ""});
    for (const auto& [id, name] : s.tasks.agencies())
        p.candidates.push_back({PaletteEntry::Kind::Agency, name, "", id, "", ""});
    std::set<int> seen;  // rows share their task's index
    for (const auto& r : s.tasks.rows()) {
        if (!seen.insert(r.task).second) continue;
        p.candidates.push_back({PaletteEntry::Kind::Task, r.ref + "  " + r.title, r.directive, 0, r.ref, ""});
    }
    for (auto& c : p.candidates) c.folded = fold(c.label + " " + c.detail);
    p.built_revision = s.built_revision;
    p.built_lang = language();
    p.matched_query = "\x01";  // match again
}

void match(AppState& s) {
    auto& p = s.palette;
    p.matches.clear();
    std::vector<std::string> words;
    for (auto& w : split(fold(collapse_spaces(p.query)), ' '))
        if (!w.empty()) words.push_back(std::move(w));
    for (int i = 0; i < static_cast<int>(p.candidates.size()) && p.matches.size() < kMaxShown; ++i) {
        bool all = true;
        for (const auto& w : words) all = all && p.candidates[i].folded.find(w) != std::string::npos;
        if (all) p.matches.push_back(i);
    }
    p.matched_query = p.query;
    p.selected = 0;
}

const char* kind_label(PaletteEntry::Kind k) {
    switch (k) {
    case PaletteEntry::Kind::View: return tr(T::PaletteView);
    case PaletteEntry::Kind::Agency: return tr(T::Agency);
    case PaletteEntry::Kind::Task: return tr(T::PaletteTask);
    }
    return "";
}
}  // namespace

void open_palette(AppState& s) {
    s.palette.open = true;
    s.palette.query[0] = '\0';
    s.palette.focus = true;
}

void choose_palette_entry(AppState& s, const PaletteEntry& e) {
    TaskFilter f;
    switch (e.kind) {
    case PaletteEntry::Kind::View: s.view = static_cast<View>(e.id); break;
    case PaletteEntry::Kind::Agency:
        f.agency_id = e.id;
        open_tasks(s, f);
        break;
    case PaletteEntry::Kind::Task:
        f.ref = e.ref;
        open_tasks(s, f);
        break;
    }
    s.palette.open = false;
}

void draw_palette(AppState& s) {
    auto& p = s.palette;
    const char* title = "###palette";
    if (p.open && !ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    if (p.candidates.empty() || p.built_revision != s.built_revision || p.built_lang != language()) rebuild_candidates(s);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.12f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x * 0.9f, ImGui::GetFontSize() * 40), 0));
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize)) return;
    if (!p.open) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    if (p.focus) {
        ImGui::SetKeyboardFocusHere();
        p.focus = false;
    }
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputTextWithHint("##query", tr(T::PaletteHint), p.query, sizeof p.query,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    probe(s, "palette:query");
    if (p.matched_query != p.query) match(s);
    const int n = static_cast<int>(p.matches.size());
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) p.selected = std::min(p.selected + 1, n - 1);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) p.selected = std::max(p.selected - 1, 0);
    int chosen = enter && n > 0 ? p.selected : -1;
    ImGui::BeginChild("##matches", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 12));
    for (int i = 0; i < n; ++i) {
        const auto& e = p.candidates[p.matches[i]];
        ImGui::PushID(i);
        const std::string line = std::string(kind_label(e.kind)) + " · " + e.label;
        if (ImGui::Selectable(ellipsize(line, ImGui::GetContentRegionAvail().x).c_str(), i == p.selected)) chosen = i;
        if (i == p.selected && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow), false)) ImGui::SetScrollHereY();
        ImGui::PopID();
    }
    if (n == 0) ImGui::TextDisabled("%s", tr(T::PaletteNothing));
    ImGui::EndChild();
    ImGui::TextDisabled("%s", tr(T::PaletteKeys));
    if (chosen >= 0) {
        choose_palette_entry(s, p.candidates[p.matches[chosen]]);
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace dt::ui

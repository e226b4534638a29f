// The window's frame: navigation on the left, a top bar, the current view, dialogs.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/error.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace dt::ui {

std::optional<View> parse_view(std::string_view name) {
    static const std::pair<std::string_view, View> names[] = {
        {"dashboard", View::Dashboard}, {"directive", View::Directive}, {"tasks", View::Tasks},
        {"task", View::Task}, {"my-agency", View::MyAgency}, {"admin", View::Admin},
        {"disbursement", View::Disbursement}, {"reports", View::Reports}};
    for (const auto& [n, v] : names)
        if (n == name) return v;
    return std::nullopt;
}

bool AppState::can_edit(const TaskRow& row) const {
    return actor.role == UserRole::Admin ||
           (actor.role == UserRole::Agency && actor.agency_id && *actor.agency_id == row.agency_id);
}

void AppState::report(const std::string& text, bool error) {
    message = text;
    message_is_error = error;
}

void refresh_models(AppState& s) {
    // Another process's commits show up here within about a second.
    const double now = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0.0;
    if (now - s.last_poll >= 1.0) {
        s.last_poll = now;
        const int version = s.service.data_version();
        if (version != s.data_version) {
            if (s.data_version != 0) s.data_changed();
            s.data_version = version;
        }
    }
    const bool disbursement_detail = s.view == View::Disbursement;
    if (s.built_revision == s.revision && s.built_as_of == s.as_of) {
        if (disbursement_detail && !s.disbursement.has_entries)
            s.disbursement.rebuild(s.service, s.actor, s.as_of, true);
        return;
    }
    service::ListFilter all;
    all.as_of = s.as_of;
    all.detail = store::RowDetail::Table;
    s.tasks.rebuild(s.service.list(s.actor, all), s.service.task_search_keys(s.actor));
    s.dashboard.rebuild(s.tasks, s.as_of);
    s.disbursement.rebuild(s.service, s.actor, s.as_of, disbursement_detail);
    if (s.built_revision != s.revision) {
        s.directive.rebuild(s.service);
        s.section_titles.clear();
        for (const auto& d : s.directive.directives)
            for (const auto& sec : s.service.sections(d.id)) s.section_titles.try_emplace(sec.label, sec.title);
    }
    s.built_revision = s.revision;
    s.built_as_of = s.as_of;
}

void select_assignment(AppState& s, Id id) {
    s.selected = id;
    if (const auto* row = s.tasks.find(id)) s.selected_ref = row->ref;
}

namespace {
struct NavItem {
    View view;
    T label;
};
constexpr NavItem kNav[] = {
    {View::Dashboard, T::NavDashboard}, {View::Directive, T::NavDirective}, {View::Tasks, T::NavTasks},
    {View::Task, T::NavTask},           {View::MyAgency, T::NavMyAgency},   {View::Disbursement, T::NavDisbursement},
    {View::Reports, T::NavReports},     {View::Admin, T::NavAdmin}};

void draw_navigation(AppState& s) {
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    for (const auto& item : kNav) {
        const float h = ImGui::GetFrameHeight() * 1.4f;
        if (ImGui::Selectable(tr(item.label), s.view == item.view, 0, ImVec2(0, h))) s.view = item.view;
        probe(s, std::string("nav:") + tr(item.label));
    }
    ImGui::PopStyleVar();
}

void draw_top_bar(AppState& s) {
    ImGui::TextUnformatted(tr(T::AppTitle));
    ImGui::SameLine();
    ImGui::TextDisabled("·");
    ImGui::SameLine();
    const auto& dirs = s.directive.directives;
    if (!dirs.empty()) ImGui::TextDisabled("%s %s", tr(T::Directive), dirs[s.directive.current].code.c_str());

    // Right-aligned: who is signed in, the language, the as-of date.
    char user[200];
    std::snprintf(user, sizeof user, "%s: %s (%s)", tr(T::SignedInAs), s.actor.name.c_str(), label(s.actor.role));
    const ImGuiStyle& style = ImGui::GetStyle();
    const float font = ImGui::GetFontSize();
    const float group = ImGui::CalcTextSize(user).x + ImGui::CalcTextSize(tr(T::AsOf)).x + font * 15 +
                        style.ItemSpacing.x * 4 + style.ItemInnerSpacing.x;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - group));
    ImGui::TextDisabled("%s", user);
    ImGui::SameLine();
    int lang = language() == Lang::Vi ? 0 : 1;
    ImGui::SetNextItemWidth(font * 7);
    if (ImGui::Combo("##lang", &lang, "Tiếng Việt\0English\0")) set_language(lang == 0 ? Lang::Vi : Lang::En);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(font * 7);
    if (s.as_of_text[0] == '\0') std::snprintf(s.as_of_text, sizeof s.as_of_text, "%s", s.as_of.vn().c_str());
    if (ImGui::InputText(tr(T::AsOf), s.as_of_text, sizeof s.as_of_text))
        if (auto d = Date::parse_user(s.as_of_text)) s.as_of = *d;
    ImGui::Separator();
}

void draw_status_line(AppState& s) {
    if (s.message.empty()) return;
    const ImVec4 color = s.message_is_error ? ImVec4(0.78f, 0.22f, 0.20f, 1.0f) : ImVec4(0.20f, 0.50f, 0.30f, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextWrapped("%s", s.message.c_str());
    ImGui::PopStyleColor();
}
}  // namespace

void draw_frame(AppState& s) {
    refresh_models(s);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##main", nullptr, flags);
    draw_top_bar(s);

    ImGui::BeginChild("##nav", ImVec2(ImGui::GetFontSize() * 12, 0), true);
    draw_navigation(s);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##content", ImVec2(0, 0), false);
    draw_status_line(s);
    switch (s.view) {
    case View::Dashboard: draw_dashboard(s); break;
    case View::Directive: draw_directive(s); break;
    case View::Tasks: draw_tasks(s); break;
    case View::Task: draw_task_editor(s); break;
    case View::MyAgency: draw_my_agency(s); break;
    case View::Admin: draw_admin(s); break;
    case View::Disbursement: draw_disbursement(s); break;
    case View::Reports: draw_reports(s); break;
    }
    ImGui::EndChild();
    draw_conflict_dialog(s);
    ImGui::End();
}

}  // namespace dt::ui

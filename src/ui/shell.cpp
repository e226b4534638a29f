// The window's frame: navigation on the left, a top bar, the current view, dialogs.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <iterator>

#include "core/error.h"
#include "ui/connection.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace dt::ui {

std::optional<View> parse_view(std::string_view name) {
    static const std::pair<std::string_view, View> names[] = {
        {"dashboard", View::Dashboard}, {"directive", View::Directive}, {"tasks", View::Tasks},
        {"task", View::Task}, {"my-agency", View::MyAgency}, {"admin", View::Admin},
        {"disbursement", View::Disbursement}, {"reports", View::Reports}, {"reminders", View::Reminders}};
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
            // (A server's count starts at 0: the first poll is not itself a change.)
            if (s.data_version) s.data_changed();
            s.data_version = version;
        }
    }
    if (s.built_revision != s.revision && !s.service.is_current(s.actor)) {
        s.signed_out = true;  // the window's loop shows the sign-in screen instead
        return;
    }
    auto& k = s.keys;
    if (k.tasks_revision != s.revision || k.tasks_as_of != s.as_of) {
        // Only saves of single assignments since the table was built, at the same date: patch them.
        bool patched = k.tasks_revision != 0 && k.tasks_as_of == s.as_of && k.tasks_wide == s.wide_revision &&
                       !s.changed_rows.empty();
        for (std::size_t i = 0; patched && i < s.changed_rows.size(); ++i)
            patched = s.tasks.patch(s.service.get(s.changed_rows[i], s.as_of));
        if (patched) {
            ++s.rebuilds.tasks_patched;
        } else {
            service::ListFilter all;
            all.as_of = s.as_of;
            all.detail = store::RowDetail::Table;
            s.tasks.rebuild(s.service.list(all), s.service.task_search_keys());
            ++s.rebuilds.tasks;
        }
        s.changed_rows.clear();
        k.tasks_revision = s.revision;
        k.tasks_wide = s.wide_revision;
        k.tasks_as_of = s.as_of;
    }
    if (k.dashboard_generation != s.tasks.generation()) {
        s.dashboard.rebuild(s.tasks, s.as_of);
        k.dashboard_generation = s.tasks.generation();
        ++s.rebuilds.dashboard;
    }
    if (k.directive_wide != s.wide_revision) {
        s.directive.rebuild(s.service);
        s.section_titles.clear();
        // Every directive's sections in one read, by directive: the first directive's title wins.
        for (const auto& sec : s.service.sections(std::nullopt)) s.section_titles.try_emplace(sec.label, sec.title);
        k.directive_wide = s.wide_revision;
        ++s.rebuilds.directive;
    }
    // The dashboard's card needs no entries; the Giải ngân view reads them once it is open.
    const bool disbursement_detail = s.view == View::Disbursement;
    if (k.disbursement_wide != s.wide_revision || k.disbursement_as_of != s.as_of ||
        (disbursement_detail && !s.disbursement.has_entries)) {
        s.disbursement.rebuild(s.service, s.actor, s.as_of, disbursement_detail);
        k.disbursement_wide = s.wide_revision;
        k.disbursement_as_of = s.as_of;
        ++s.rebuilds.disbursement;
    }
    s.built_revision = s.revision;
    s.built_as_of = s.as_of;
    refresh_reminders(s);
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
    {View::Reports, T::NavReports},     {View::Admin, T::NavAdmin},         {View::Reminders, T::NavReminders}};

void draw_navigation(AppState& s) {
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    int number = 1;
    for (const auto& item : kNav) {
        const float h = ImGui::GetFrameHeight() * 1.4f;
        std::string text = s.nav_collapsed ? std::to_string(number) : tr(item.label);
        // What waits: the reminders beside Nhắc việc, the own agency's beside Đơn vị của tôi.
        int waiting = 0;
        if (item.view == View::Reminders) waiting = s.reminders.count;
        if (item.view == View::MyAgency && s.actor.agency_id) {
            const auto found = s.reminders.count_by_agency.find(*s.actor.agency_id);
            waiting = found == s.reminders.count_by_agency.end() ? 0 : found->second;
        }
        if (waiting > 0) text += " (" + format_count(waiting) + ")";
        ImGui::PushID(number);
        if (ImGui::Selectable(text.c_str(), s.view == item.view, 0, ImVec2(0, h))) s.view = item.view;
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s (Ctrl+%d)", tr(item.label), number);
        ImGui::PopID();
        probe(s, std::string("nav:") + tr(item.label));
        ++number;
    }
    ImGui::PopStyleVar();
    ImGui::Spacing();
    if (ImGui::SmallButton(s.nav_collapsed ? ">>" : "<<")) s.nav_collapsed = !s.nav_collapsed;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(T::CollapseNav));
    probe(s, "nav:collapse");
    if (!s.nav_collapsed) {
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", tr(T::ShortcutsHint));
        ImGui::PopTextWrapPos();
    }
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
    // "admin · Quản trị viên": no brackets inside the role's own "(chỉ xem)".
    std::snprintf(user, sizeof user, "%s: %s · %s", tr(T::SignedInAs), s.actor.name.c_str(), label(s.actor.role));
    const ImGuiStyle& style = ImGui::GetStyle();
    const float font = ImGui::GetFontSize();
    const bool own_password = s.actor.user_id.has_value();
    const float button = own_password ? ImGui::CalcTextSize(tr(T::ChangeOwnPassword)).x + style.FramePadding.x * 2 +
                                            style.ItemSpacing.x
                                      : 0.0f;
    const float group = ImGui::CalcTextSize(user).x + ImGui::CalcTextSize(tr(T::AsOf)).x + font * 15 +
                        style.ItemSpacing.x * 4 + style.ItemInnerSpacing.x + button;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - group));
    ImGui::TextDisabled("%s", user);
    ImGui::SameLine();
    // Everyone changes its own password here (the service checks the current one).
    if (own_password) {
        if (ImGui::SmallButton(tr(T::ChangeOwnPassword))) ImGui::OpenPopup("###own-password");
        probe(s, "top:password");
        ImGui::SameLine();
        if (ImGui::BeginPopup("###own-password")) {
            ImGui::PushID("top-password");
            draw_own_password(s);
            ImGui::PopID();
            ImGui::EndPopup();
        }
    }
    int lang = language() == Lang::Vi ? 0 : 1;
    ImGui::SetNextItemWidth(font * 7);
    if (ImGui::Combo("##lang", &lang, "Tiếng Việt\0English\0")) set_language(lang == 0 ? Lang::Vi : Lang::En);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(font * 7);
    if (s.as_of_text[0] == '\0') std::snprintf(s.as_of_text, sizeof s.as_of_text, "%s", s.as_of.vn().c_str());
    // Each keystroke changes the text; the models see a new date only once it is a valid one
    // and another than the date in force (refresh_models keys on it).
    if (ImGui::InputText(tr(T::AsOf), s.as_of_text, sizeof s.as_of_text))
        if (auto d = Date::parse_user(s.as_of_text); d && *d != s.as_of) s.as_of = *d;
    probe(s, "top:as-of");
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

void handle_shortcuts(AppState& s) {
    const ImGuiIO& io = ImGui::GetIO();
    s.save_shortcut = false;
    // imgui 1.86 indexes keys by the platform's codes; GLFW's for digits and letters are ASCII.
    if (io.KeyCtrl && !io.KeyAlt) {
        for (int i = 0; i < static_cast<int>(std::size(kNav)); ++i)
            if (ImGui::IsKeyPressed('1' + i, false) && !s.palette.open) s.view = kNav[i].view;
        if (ImGui::IsKeyPressed('K', false) || (io.KeyShift && ImGui::IsKeyPressed('P', false))) open_palette(s);
        if (ImGui::IsKeyPressed('S', false)) s.save_shortcut = true;
    }
    // Esc closes whatever dialog is open (the palette, a conflict, the restore confirmation).
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        s.palette.open = false;
        s.conflict.open = false;
        s.admin.confirm_restore = false;
        if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) ImGui::ClosePopupToLevel(0, true);
    }
}

// A file dropped on the window goes to the path field of the view it was dropped on.
void handle_drop(AppState& s) {
    if (s.dropped.empty()) return;
    const std::string path = s.dropped.front();
    s.dropped.clear();
    auto put = [&](char* buf, std::size_t size) {
        std::snprintf(buf, size, "%s", path.c_str());
        s.report(std::string(tr(T::DroppedFile)) + " " + path, false);
    };
    std::string ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    switch (s.view) {
    case View::Task: put(s.editor.file, sizeof s.editor.file); break;
    case View::Admin:
        if (ext == ".db") put(s.admin.restore_path, sizeof s.admin.restore_path);
        else put(s.admin.import_path, sizeof s.admin.import_path);
        break;
    case View::Disbursement: put(s.disbursement_view.csv_path, sizeof s.disbursement_view.csv_path); break;
    default: s.report(tr(T::DropWhere), true); break;
    }
}

void draw_frame(AppState& s) {
    handle_drop(s);
    // While the server cannot be reached the views keep what they had (ui/connection.h).
    if (!s.connection.lost) refresh_models(s);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    // Not NoSavedSettings: tables inherit it, and their column widths are to be remembered.
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##main", nullptr, flags);
    draw_top_bar(s);
    draw_connection_banner(s);

    handle_shortcuts(s);
    ImGui::BeginChild("##nav", ImVec2(ImGui::GetFontSize() * (s.nav_collapsed ? 3.2f : 11), 0), true);
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
    case View::Reminders: draw_reminders(s); break;
    }
    ImGui::EndChild();
    draw_conflict_dialog(s);
    draw_palette(s);
    ImGui::End();
}

}  // namespace dt::ui

// Quản trị › Người dùng: the users with their state (active, locked), a new password or
// (de)activation for the one picked, adding a user; and, for every role, one's own password.
#include <imgui.h>

#include <cstring>

#include "ui/views.h"
#include "ui/views/admin_parts.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
const ImVec4 kRed{0.78f, 0.22f, 0.20f, 1.0f};

// Runs a user action whose refusal belongs next to its field (`key`), not in the status line.
template <typename F>
void attempt(AppState& s, const char* key, T done, F&& action) {
    auto& a = s.admin;
    a.field_errors.erase(key);
    try {
        action();
        s.data_changed();
        s.report(tr(done), false);
    } catch (const Error& e) {
        a.field_errors[key] = message(e);
    }
}

void wipe(char* buffer, std::size_t size) { std::memset(buffer, 0, size); }

void draw_user_table(AppState& s) {
    auto& a = s.admin;
    const float w = ImGui::GetFontSize();
    if (!ImGui::BeginTable("##users", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable))
        return;
    ImGui::TableSetupColumn(tr(T::UserName), ImGuiTableColumnFlags_WidthFixed, w * 10);
    ImGui::TableSetupColumn(tr(T::Role), ImGuiTableColumnFlags_WidthFixed, w * 10);
    ImGui::TableSetupColumn(tr(T::Agency), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(T::UserState), ImGuiTableColumnFlags_WidthFixed, w * 15);
    ImGui::TableSetupColumn(tr(T::FailedSignIns), ImGuiTableColumnFlags_WidthFixed, w * 7);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < a.users.size(); ++i) {
        const auto& u = a.users[i];
        ImGui::PushID(static_cast<int>(u.id));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (!u.active) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        if (cell_selectable(u.name, a.picked_user == u.name, ImGuiSelectableFlags_SpanAllColumns)) {
            a.picked_user = u.name;
            wipe(a.reset_password, sizeof a.reset_password);
            a.field_errors.erase("reset");
            a.field_errors.erase("active");
        }
        probe(s, "admin:user:" + u.name);
        ImGui::TableNextColumn();
        cell_text(label(u.role));
        ImGui::TableNextColumn();
        cell_text(u.agency_name);
        if (!u.active) ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        const ImVec4 green = status_color(Status::Done), grey = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
        cell_text(tr(u.active ? T::Active : T::UserInactive), u.active ? &green : &grey);
        if (i < a.user_locks.size() && !a.user_locks[i].empty())
            cell_text(std::string(tr(T::LockedUntil)) + " " + a.user_locks[i], &kRed);
        ImGui::TableNextColumn();
        if (u.failed_logins > 0) ImGui::Text("%d", u.failed_logins);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// A new password, and deactivate or reactivate, for the user picked in the table.
void draw_picked_user(AppState& s) {
    auto& a = s.admin;
    const store::UserRecord* user = nullptr;
    for (const auto& u : a.users)
        if (u.name == a.picked_user) user = &u;
    if (!user) {
        ImGui::TextDisabled("%s", tr(T::PickUser));
        return;
    }
    const std::string name = user->name;  // the list may be read again during the action
    const bool active = user->active;
    section_title(name.c_str());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ImGui::InputText(tr(T::NewPassword), a.reset_password, sizeof a.reset_password, ImGuiInputTextFlags_Password);
    probe(s, "admin:user:password");
    ImGui::SameLine();
    if (ImGui::Button(tr(T::ResetPassword))) {
        if (a.reset_password[0] == '\0') a.field_errors["reset"] = tr(T::NeedPassword);
        else attempt(s, "reset", T::PasswordReset, [&] { s.service.reset_password(s.actor, name, a.reset_password); });
        wipe(a.reset_password, sizeof a.reset_password);
    }
    probe(s, "admin:user:reset");
    field_error(a.field_errors["reset"]);
    if (ImGui::Button(tr(active ? T::Deactivate : T::Activate)))
        attempt(s, "active", T::Saved, [&] { s.service.set_user_active(s.actor, name, !active); });
    probe(s, active ? "admin:user:deactivate" : "admin:user:activate");
    field_error(a.field_errors["active"]);
}

void draw_add_user(AppState& s) {
    auto& a = s.admin;
    section_title(tr(T::AddUser));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::InputText(tr(T::UserName), a.user_name, sizeof a.user_name);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    ImGui::InputText(tr(T::FullName), a.user_full_name, sizeof a.user_full_name);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::InputText(tr(T::Password), a.user_password, sizeof a.user_password, ImGuiInputTextFlags_Password);
    const std::string roles = std::string(label(UserRole::Admin)) + '\0' + label(UserRole::Agency) + '\0' +
                              label(UserRole::Viewer) + '\0';
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ImGui::Combo(tr(T::Role), &a.user_role, roles.c_str());
    if (a.user_role == 1) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
        const char* current = a.user_agency >= 0 ? a.agencies[a.user_agency].name.c_str() : tr(T::ChooseAgency);
        if (ImGui::BeginCombo(tr(T::Agency), current)) {
            for (int i = 0; i < static_cast<int>(a.agencies.size()); ++i)
                if (!a.agencies[i].is_group && ImGui::Selectable(a.agencies[i].name.c_str(), i == a.user_agency))
                    a.user_agency = i;
            ImGui::EndCombo();
        }
    }
    if (ImGui::Button(tr(T::Add))) {
        constexpr UserRole roles_by_index[] = {UserRole::Admin, UserRole::Agency, UserRole::Viewer};
        std::optional<std::string> agency;
        if (a.user_role == 1 && a.user_agency >= 0) agency = a.agencies[a.user_agency].name;
        admin_act(s, [&] {
            s.service.add_user(s.actor, a.user_name, a.user_password, roles_by_index[a.user_role], agency, a.user_full_name);
        });
        wipe(a.user_password, sizeof a.user_password);
    }
}

// Every signed-in user: the current password (checked like a sign-in, so guessing here is
// slowed down the same way), the new one twice.
}  // namespace

void draw_own_password(AppState& s) {
    auto& a = s.admin;
    if (!s.actor.user_id) return;
    section_title(tr(T::ChangeOwnPassword));
    const float w = ImGui::GetFontSize() * 12;
    ImGui::SetNextItemWidth(w);
    ImGui::InputText(tr(T::CurrentPassword), a.own_current, sizeof a.own_current, ImGuiInputTextFlags_Password);
    probe(s, "admin:own:current");
    ImGui::SetNextItemWidth(w);
    ImGui::InputText(tr(T::NewPassword), a.own_new, sizeof a.own_new, ImGuiInputTextFlags_Password);
    probe(s, "admin:own:new");
    ImGui::SetNextItemWidth(w);
    ImGui::InputText(tr(T::RepeatPassword), a.own_repeat, sizeof a.own_repeat, ImGuiInputTextFlags_Password);
    probe(s, "admin:own:repeat");
    if (ImGui::Button(tr(T::ChangeOwnPassword))) {
        a.field_errors.erase("own");
        if (a.own_new[0] == '\0') a.field_errors["own"] = tr(T::NeedPassword);
        else if (std::strcmp(a.own_new, a.own_repeat) != 0) a.field_errors["own"] = tr(T::PasswordsDiffer);
        else
            attempt(s, "own", T::PasswordChanged, [&] {
                // The new credential keeps this window signed in; other sessions end.
                s.actor.credential = s.service.reset_password(s.actor, s.actor.name, a.own_new, a.own_current);
            });
        wipe(a.own_current, sizeof a.own_current);
        wipe(a.own_new, sizeof a.own_new);
        wipe(a.own_repeat, sizeof a.own_repeat);
    }
    probe(s, "admin:own:change");
    field_error(a.field_errors["own"]);
}

void draw_admin_users(AppState& s) {
    // The users are the office's; one's own password is everyone's. Sections with fields of
    // the same label ("Mật khẩu mới") each get their own ID scope.
    if (s.actor.role == UserRole::Admin) {
        draw_user_table(s);
        ImGui::PushID("picked");
        draw_picked_user(s);
        ImGui::PopID();
        ImGui::PushID("add");
        draw_add_user(s);
        ImGui::PopID();
    }
    ImGui::PushID("own");
    draw_own_password(s);
    ImGui::PopID();
}

}  // namespace dt::ui

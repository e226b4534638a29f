// Đăng nhập: the database (this computer's file or a server), then who you are; a new file
// asks for its first administrator.
#include <imgui.h>

#include <cstring>

#include "core/error.h"
#include "core/text.h"
#include "ui/sign_in.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
void record(SignInState& s, const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    s.probes[name] = {(a.x + b.x) / 2, (a.y + b.y) / 2};
}

bool server_address(const std::string& text) {
    return text.starts_with("postgresql://") || text.starts_with("postgres://");
}
}  // namespace

std::optional<service::Actor> draw_sign_in(SignInState& st, const SignInTarget& target) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("##sign-in", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const float w = ImGui::GetFontSize();
    const float column = std::min(w * 30, viewport->WorkSize.x - w * 2);
    if (!st.server && target.file && !st.has_users) st.has_users = target.file->has_users();
    const bool first = !st.server && target.file && st.has_users && !*st.has_users;
    ImGui::SetCursorPos(ImVec2((viewport->WorkSize.x - column) / 2, viewport->WorkSize.y * 0.2f));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    ImGui::TextUnformatted(tr(T::AppTitle));
    // A rule as wide as the column (ImGui's separator would cross the whole window).
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + column, p.y), ImGui::GetColorU32(ImGuiCol_Separator));
    ImGui::Dummy(ImVec2(column, ImGui::GetStyle().ItemSpacing.y));

    // Which database: the file stays the default; a server's address is remembered (gui_main).
    ImGui::TextDisabled("%s", tr(T::DatabaseLabel));
    if (ImGui::RadioButton(tr(T::DbFile), !st.server)) st.server = false, st.error.clear();
    record(st, "sign-in:file");
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(T::DbServer), st.server)) st.server = true, st.error.clear();
    record(st, "sign-in:server");
    if (st.server) {
        ImGui::TextUnformatted(tr(T::ServerAddress));
        ImGui::SetNextItemWidth(column);
        ImGui::InputTextWithHint("##address", "postgresql://may-chu:5432/theodoi", st.address, sizeof st.address);
        record(st, "sign-in:address");
        ImGui::TextDisabled("%s", tr(T::ServerExplain));
    } else {
        ImGui::TextDisabled("%s", st.file.c_str());
    }
    ImGui::Spacing();
    ImGui::TextWrapped("%s", tr(first ? T::FirstAdminExplain : T::SignInExplain));
    ImGui::Spacing();
    if (!st.focus_set) {
        ImGui::SetKeyboardFocusHere();
        st.focus_set = true;
    }
    ImGui::SetNextItemWidth(w * 16);
    ImGui::InputText(tr(T::UserName), st.user, sizeof st.user);
    record(st, "sign-in:user");
    ImGui::SetNextItemWidth(w * 16);
    bool submit = ImGui::InputText(tr(T::Password), st.password, sizeof st.password,
                                   ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    record(st, "sign-in:password");
    if (first) {
        ImGui::SetNextItemWidth(w * 16);
        submit = ImGui::InputText(tr(T::RepeatPassword), st.repeat, sizeof st.repeat,
                                  ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    }
    submit |= ImGui::Button(tr(first ? T::CreateAdmin : T::SignIn));
    record(st, "sign-in:submit");
    field_error(st.error);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::End();
    if (!submit) return std::nullopt;

    std::optional<service::Actor> actor;
    try {
        if (st.server) {
            const std::string address = trim(st.address);
            if (!server_address(address)) throw Error(ErrorKind::Invalid, tr(T::NeedServerAddress));
            if (!target.connect) throw Error(ErrorKind::Usage, tr(T::NeedServerAddress));
            actor = target.connect(address, st.user, st.password);
        } else if (target.file) {
            if (first) {
                if (std::strcmp(st.password, st.repeat) != 0) throw Error(ErrorKind::Invalid, tr(T::PasswordsDiffer));
                actor = target.file->create_first_admin(st.user, st.password);
            } else {
                actor = target.file->sign_in(st.user, st.password);
            }
        }
        st.error.clear();
    } catch (const Error& e) {
        st.error = message(e);
    }
    st.has_users.reset();
    // A password does not stay in memory longer than the attempt.
    std::memset(st.password, 0, sizeof st.password);
    std::memset(st.repeat, 0, sizeof st.repeat);
    return actor;
}

}  // namespace dt::ui

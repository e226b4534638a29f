// Đăng nhập: a new database asks for its first administrator; later starts ask who you are.
#include <imgui.h>

#include <cstring>

#include "core/error.h"
#include "ui/sign_in.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace dt::ui {

std::optional<service::Actor> draw_sign_in(service::Service& service, SignInState& st) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("##sign-in", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const float w = ImGui::GetFontSize();
    const bool first = !service.has_users();
    ImGui::SetCursorPos(ImVec2((viewport->WorkSize.x - w * 24) / 2, viewport->WorkSize.y * 0.25f));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w * 24);
    ImGui::TextUnformatted(tr(T::AppTitle));
    ImGui::Separator();
    ImGui::TextWrapped("%s", tr(first ? T::FirstAdminExplain : T::SignInExplain));
    ImGui::Spacing();
    if (!st.focus_set) {
        ImGui::SetKeyboardFocusHere();
        st.focus_set = true;
    }
    ImGui::SetNextItemWidth(w * 16);
    ImGui::InputText(tr(T::UserName), st.user, sizeof st.user);
    ImGui::SetNextItemWidth(w * 16);
    bool submit = ImGui::InputText(tr(T::Password), st.password, sizeof st.password,
                                   ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    if (first) {
        ImGui::SetNextItemWidth(w * 16);
        submit = ImGui::InputText(tr(T::RepeatPassword), st.repeat, sizeof st.repeat,
                                  ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    }
    submit |= ImGui::Button(tr(first ? T::CreateAdmin : T::SignIn));
    field_error(st.error);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::End();
    if (!submit) return std::nullopt;

    std::optional<service::Actor> actor;
    try {
        if (first) {
            if (std::strcmp(st.password, st.repeat) != 0) throw Error(ErrorKind::Invalid, tr(T::PasswordsDiffer));
            actor = service.create_first_admin(st.user, st.password);
        } else {
            actor = service.sign_in(st.user, st.password);
        }
        st.error.clear();
    } catch (const Error& e) {
        st.error = message(e);
    }
    // A password does not stay in memory longer than the attempt.
    std::memset(st.password, 0, sizeof st.password);
    std::memset(st.repeat, 0, sizeof st.repeat);
    return actor;
}

}  // namespace dt::ui

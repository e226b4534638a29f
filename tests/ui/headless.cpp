#include "headless.h"

#include <imgui.h>

#include "ui/fonts.h"
#include "ui/views.h"

namespace dt::test {

Headless::Headless() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1600, 1000);
    io.DeltaTime = 1.0f / 60.0f;
    // The GLFW backend's key codes, as the real application feeds them.
    io.KeyMap[ImGuiKey_Tab] = 258;
    io.KeyMap[ImGuiKey_Enter] = 257;
    io.KeyMap[ImGuiKey_Backspace] = 259;
    io.KeyMap[ImGuiKey_Escape] = 256;
    io.KeyMap[ImGuiKey_DownArrow] = 264;
    io.KeyMap[ImGuiKey_UpArrow] = 265;
    io.KeyMap[ImGuiKey_LeftArrow] = 263;
    io.KeyMap[ImGuiKey_RightArrow] = 262;
    io.KeyMap[ImGuiKey_Space] = 32;
    io.KeyMap[ImGuiKey_A] = 'A';  // Ctrl+A selects a field's text
    // io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // as the application
    std::string error;
    ui::load_fonts(17.0f, error);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
}

Headless::~Headless() { ImGui::DestroyContext(); }

void Headless::frames(ui::AppState& state, int count) {
    for (int i = 0; i < count; ++i) {
        ImGui::NewFrame();
        ui::draw_frame(state);
        ImGui::Render();
    }
}

bool Headless::click(ui::AppState& state, const std::string& probe) {
    const auto it = state.probes.find(probe);
    if (it == state.probes.end()) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(it->second.first, it->second.second);
    frames(state);
    io.MouseDown[0] = true;
    frames(state);
    io.MouseDown[0] = false;
    frames(state, 2);
    return true;
}

void Headless::frames(const std::function<void()>& draw, int count) {
    for (int i = 0; i < count; ++i) {
        ImGui::NewFrame();
        draw();
        ImGui::Render();
    }
}

bool Headless::click(const Probes& probes, const std::string& probe, const std::function<void()>& draw) {
    const auto it = probes.find(probe);
    if (it == probes.end()) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(it->second.first, it->second.second);
    frames(draw);
    io.MouseDown[0] = true;
    frames(draw);
    io.MouseDown[0] = false;
    frames(draw, 2);
    return true;
}

void Headless::key(ui::AppState& state, int key, bool ctrl, bool shift) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeysDown[key] = true;
    frames(state);
    io.KeysDown[key] = false;
    io.KeyCtrl = io.KeyShift = false;
    frames(state, 2);
}

void Headless::type(ui::AppState& state, const std::string& utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    frames(state, 2);
}

}  // namespace dt::test

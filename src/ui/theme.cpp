#include "ui/theme.h"

#include <imgui.h>

namespace dt::ui {

void apply_theme(float scale) {
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 4.0f;
    style.ChildRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.GrabRounding = 3.0f;
    style.PopupRounding = 4.0f;
    style.TabRounding = 3.0f;
    style.FramePadding = ImVec2(8.0f, 5.0f);
    style.ItemSpacing = ImVec2(10.0f, 7.0f);
    style.CellPadding = ImVec2(6.0f, 4.0f);
    style.WindowPadding = ImVec2(12.0f, 10.0f);
    style.ScrollbarSize = 15.0f;
    style.FrameBorderSize = 1.0f;  // white fields on a pale page need an edge to be seen
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0.97f, 0.97f, 0.96f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.80f, 0.87f, 0.95f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.72f, 0.82f, 0.93f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.62f, 0.75f, 0.90f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.84f, 0.88f, 0.93f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.72f, 0.81f, 0.92f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.60f, 0.73f, 0.89f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.70f, 0.73f, 0.78f, 0.8f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.88f, 0.90f, 0.93f, 1.0f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.93f, 0.94f, 0.95f, 0.6f);
    c[ImGuiCol_Text] = ImVec4(0.12f, 0.14f, 0.17f, 1.0f);
    style.ScaleAllSizes(scale);
}

}  // namespace dt::ui

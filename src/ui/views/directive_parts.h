#pragma once
// Chỉ thị is drawn by directive_view.cpp (the outline beside the text) and
// directive_structure.cpp (the administrator's structure editor on the chosen task).
#include "ui/app_state.h"

namespace dt::ui {

void draw_structure_button(AppState& state);  // nothing for users other than administrators
void draw_structure_editor(AppState& state);  // its own window while open

}  // namespace dt::ui

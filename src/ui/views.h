#pragma once
// One function per view; each draws inside the content area the shell opened.
#include "ui/app_state.h"

namespace dt::ui {

void draw_frame(AppState& state);  // the whole window: navigation, top bar, current view, dialogs

void draw_dashboard(AppState& state);
void draw_directive(AppState& state);
void draw_tasks(AppState& state);
void draw_task_editor(AppState& state);
void draw_my_agency(AppState& state);
void draw_admin(AppState& state);
void draw_reports(AppState& state);
void draw_disbursement(AppState& state);
void draw_conflict_dialog(AppState& state);

// Opens the editor on an assignment (and remembers its task for the directive view).
void select_assignment(AppState& state, Id id);

}  // namespace dt::ui

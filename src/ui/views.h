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
void draw_palette(AppState& state);
// One's own password: current, new, repeated (admin_users.cpp); also in the top bar's popup.
void draw_own_password(AppState& state);
void draw_reminders(AppState& state);
// Reads the reminders again when something they depend on changed (no SQL otherwise).
void refresh_reminders(AppState& state);
// One line on a home view: "Nhắc việc: 2 quá hạn · 3 sắp đến hạn" linking to the list.
void reminder_summary(AppState& state, std::optional<Id> agency);
void open_palette(AppState& state);
void choose_palette_entry(AppState& state, const PaletteEntry& entry);
// Ctrl+1…8, Ctrl+K / Ctrl+Shift+P, Ctrl+S, Esc: read once per frame before the views draw.
void handle_shortcuts(AppState& state);

// Opens the editor on an assignment (and remembers its task for the directive view).
void select_assignment(AppState& state, Id id);

}  // namespace dt::ui

#pragma once
// Quản trị is drawn by several files: admin_view.cpp (the tabs, agencies, groups),
// admin_import.cpp (importing a directive through its editable preview),
// admin_users.cpp (users and one's own password), admin_workflow.cpp (pending extension
// requests, backups and restore). Their lists are read in admin_view.cpp's load, once per
// data revision.
#include <utility>

#include "core/error.h"
#include "ui/app_state.h"
#include "ui/strings.h"

namespace dt::ui {

// Runs an admin action; success bumps the data revision and says `done`, refusal shows the
// service's sentence in the status line.
template <typename F>
bool admin_act(AppState& s, F&& action, T done = T::Saved) {
    try {
        std::forward<F>(action)();
        s.data_changed();
        s.report(tr(done), false);
        return true;
    } catch (const Error& e) {
        s.report(message(e), true);
        return false;
    }
}

void draw_admin_users(AppState& state);
void draw_admin_import(AppState& state);
void draw_admin_extensions(AppState& state);
void draw_admin_backups(AppState& state);

}  // namespace dt::ui

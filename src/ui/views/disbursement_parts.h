#pragma once
// The Giải ngân view's pieces, one file per feature (as Tracy splits its big view).
#include <imgui.h>

#include <string>

#include "ui/app_state.h"

namespace dt::ui {

// Red when behind the ladder, green at or above it.
ImVec4 ladder_color(bool behind);
const char* source_label(store::CapitalSource source);
// Numbers line up on the right of their column.
void right_aligned(const std::string& text, const ImVec4* color = nullptr);

// A cumulative-rate line over the plan year against the ladder's steps, `height` pixels tall.
void draw_ladder_chart(const char* id, const char* title, const DisbursementModel& model, const RateSeries& series,
                       Date as_of, float height);

void draw_entry_form(AppState& state);
void draw_csv_import(AppState& state);

}  // namespace dt::ui

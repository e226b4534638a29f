#pragma once
// The Giải ngân view's pieces, one file per feature (as Tracy splits its big view).
#include <imgui.h>

#include <string>

#include "ui/app_state.h"

namespace dt::ui {

const char* source_label(store::CapitalSource source);
// The height of a table of `rows` one-line rows under its header, capped at `most`:
// short lists take no more room than they need.
float table_height(std::size_t rows, float most, float header_lines = 2.0f);
// Numbers line up on the right of their column.
void right_aligned(const std::string& text, const ImVec4* color = nullptr);

// The lists' look: striped, scrolling, resizable.
constexpr ImGuiTableFlags kListFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersV |
                                       ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable;
// A table cell with the points still to disburse to the next milestone, or "Reached".
void gap_cell(const DisbursementModel& model, const service::Rates& rates);

// A cumulative-rate line over the plan year against the ladder's steps, `height` pixels tall.
void draw_ladder_chart(const char* id, const char* title, const DisbursementModel& model, const RateSeries& series,
                       Date as_of, float height);

// Laggards, and the projects that could give or take capital.
void draw_realloc_tab(AppState& state);
void draw_entry_form(AppState& state);
void draw_csv_import(AppState& state);

}  // namespace dt::ui

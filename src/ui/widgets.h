#pragma once
// Small drawing helpers shared by the views.
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "ui/app_state.h"

namespace dt::ui {

ImVec4 bucket_color(Bucket b);
ImVec4 status_color(Status s);
// Disbursement against the ladder: red when behind, green at or above it.
ImVec4 ladder_color(bool behind);
void bucket_badge(Bucket b);
// Records the centre of the last item under `name`, so headless tests can click it.
void probe(AppState& state, const std::string& name);
// The same, near the left end of the item: for a row that spans all columns, whose centre may
// fall on a column's resize border.
void probe_left(AppState& state, const std::string& name);
// A dd/mm/yyyy text field; sets `out` when the text is a valid date, and `error` otherwise.
bool date_field(const char* label, char* buf, std::size_t size, std::optional<Date>& out, std::string& error);
void field_error(const std::string& message);
// Shows why a disabled control is disabled when hovered.
void disabled_reason(const char* why);
void section_title(const char* text);
// Greyed, wrapped text with a line through each of its lines (withdrawn evidence).
void struck_text(const std::string& text);
// A box with a coloured background around what is drawn between begin and end (one table cell).
bool begin_notice(const char* id, ImVec4 background);
void end_notice();

// `text` cut to `width` pixels with "…" at the end (whole UTF-8 characters), or as it is when it fits.
std::string ellipsize(const std::string& text, float width);
// One table cell's text: cut with "…" when the column is narrower, the full text on hover.
// `color` is the text's colour (none: the style's).
void cell_text(const std::string& text, const ImVec4* color = nullptr);
// A selectable row whose label is `text` cut the same way (its ID is the whole text, or `id`).
bool cell_selectable(const std::string& text, bool selected, ImGuiSelectableFlags flags = 0, const char* id = nullptr);
// The same, on the right of its column (amounts, rates).
void cell_text_right(const std::string& text, const ImVec4* color = nullptr);

// Test mode: every cell_text records what it drew, so a test can check nothing is cut silently.
// `visible` is how much of the cell is on screen: less than `available` when the table is wider
// than its window (scrolled sideways), so text past the window's edge is caught as cut too.
struct CellRecord {
    std::string text, shown;
    float shown_width = 0, available = 0, visible = 0;
};
void record_cells(std::vector<CellRecord>* log);  // nullptr: stop recording

// Opens Nhiệm vụ filtered to exactly `filter`'s rows (the dashboard's and reminders' links).
void open_tasks(AppState& state, const TaskFilter& filter);

}  // namespace dt::ui

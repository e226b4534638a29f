#pragma once
// Small drawing helpers shared by the views.
#include <imgui.h>

#include <optional>
#include <string>

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

}  // namespace dt::ui

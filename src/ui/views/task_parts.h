#pragma once
// Chi tiết nhiệm vụ is drawn by two files: task_editor.cpp (fields, evidence, history, the
// conflict dialog) and task_workflow.cpp (review note, extensions, send-back, withdrawal).
#include <string>
#include <vector>

#include "ui/app_state.h"

namespace dt::ui {

// Reads this assignment's extension requests the actor may see (newest first) into the
// editor, with the pending one's index; at load only.
void load_extensions(AppState& state, Id assignment_id);
// Empties the workflow buffers when the editor moves to another assignment.
void clear_workflow_buffers(EditorState& editor);

// Why the office sent the completion back, in a box under the header; nothing when no note.
void draw_review_note(AppState& state);
// "Original deadline: … · Extensions granted: n", on the current line; nothing without deadlines.
void draw_due_origin(AppState& state, const store::AssignmentRecord& record);
// The agency's difficulties and proposals (report, Part III): two boxes and "Lưu đề xuất".
void draw_proposals(AppState& state, bool editable);
// For an admin on a done assignment: a reason and "Trả lại".
void draw_send_back(AppState& state);
// The request form (disabled with its reason), this assignment's requests, the office's decision.
void draw_extensions(AppState& state, bool editable);
// In an evidence row: the "Thu hồi" button; under the table: the reason and the confirmation.
void draw_withdraw_button(AppState& state, const store::EvidenceRecord& item, bool editable);
void draw_withdraw_form(AppState& state);

// The office decides on a request (the editor and the admin tab share it). On success the data
// revision is bumped, and an editor open on the assignment reloads its buffers (its version
// moved); on failure `error` holds the service's sentence.
bool decide_extension(AppState& state, Id request_id, service::Decision decision, const std::string& note,
                      std::string& error);

}  // namespace dt::ui

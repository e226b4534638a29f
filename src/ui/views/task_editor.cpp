// Chi tiết nhiệm vụ: status, progress, owner, deadline; evidence; history; conflicts.
#include <imgui.h>

#include <cstdio>
#include <cstring>

#include "core/error.h"
#include "service/registry.h"
#include "ui/open_file.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/views/task_parts.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
constexpr Status kStatuses[] = {Status::NotStarted, Status::InProgress, Status::Done, Status::Blocked};

void copy(char* dst, std::size_t size, const std::string& src) { std::snprintf(dst, size, "%s", src.c_str()); }

void fill_buffers(EditorState& e) {
    const auto& r = e.saved.record;
    e.status = static_cast<int>(r.status);
    e.progress = r.progress;
    copy(e.owner, sizeof e.owner, r.owner);
    copy(e.due, sizeof e.due, r.due ? r.due->vn() : "");
    e.base_version = r.version;
    e.field_errors.clear();
}

// What is edited is the assignment as it stands now, not as it stood at the as-of date (which
// the service would rewind to); its bucket is still shown at the as-of date.
service::AssignmentView current(AppState& s, Id id) {
    auto v = s.service.get(id);
    v.bucket = bucket_of(v.record.status, v.record.due, v.record.completed_on, s.as_of);
    return v;
}

void format_lines(EditorState& e) {
    e.history_lines.clear();
    for (auto it = e.history.rbegin(); it != e.history.rend(); ++it) e.history_lines.emplace_back(local_timestamp(it->at), journal_line(*it));
    e.evidence_times.clear();
    for (const auto& item : e.evidence) e.evidence_times.push_back(local_timestamp(item.created_at));
    e.lines_lang = language();
}

// Reads from the service only when the selection or the data changed, never per frame.
void load(AppState& s) {
    auto& e = s.editor;
    if (!s.selected) return;
    const bool new_selection = e.loaded_id != *s.selected;
    if (!new_selection && e.loaded_revision == s.revision) return;
    try {
        e.saved = current(s, *s.selected);
        e.evidence = s.service.evidence(*s.selected);
        e.history = s.service.history(*s.selected);
        load_extensions(s, *s.selected);
        format_lines(e);
    } catch (const Error& err) {
        // A storage fault is the window's (a lost server connection keeps the selection and
        // what is typed, ui/connection.h); an assignment one may not see is closed here.
        if (err.kind() == ErrorKind::Storage) throw;
        s.report(message(err), true);
        s.selected.reset();
        return;
    }
    // What was typed for the workflow stays through a reload, not onto another assignment.
    if (e.workflow_for != *s.selected) {
        clear_workflow_buffers(e);
        e.workflow_for = *s.selected;
    }
    e.loaded_id = *s.selected;
    e.loaded_revision = s.revision;
    if (new_selection) fill_buffers(e);
}

service::AssignmentChange pending_change(EditorState& e) {
    const auto& r = e.saved.record;
    service::AssignmentChange c;
    if (kStatuses[e.status] != r.status) c.status = kStatuses[e.status];
    if (e.progress != r.progress && !(c.status == Status::Done)) c.progress = e.progress;
    if (e.owner != r.owner) c.owner = std::string(e.owner);
    std::optional<Date> due;
    std::string error;
    if (e.due[0]) {
        due = Date::parse_user(e.due);
        if (!due) e.field_errors["due"] = language() == Lang::Vi ? "Ngày không hợp lệ (dd/mm/yyyy)." : "Not a valid date (dd/mm/yyyy).";
    }
    if (due && due != r.due) c.due = due;
    return c;
}
}  // namespace

// Saves the user's change against the version they started from; a stale one opens the dialog.
void save_change(AppState& s, const service::AssignmentChange& change, int base_version) {
    auto& e = s.editor;
    try {
        s.service.update(s.actor, e.loaded_id, change, base_version);
        s.assignment_changed(e.loaded_id);  // its row is patched, the table not read again
        e.loaded_id = 0;  // reload the buffers from what was saved
        s.report(tr(T::Saved), false);
    } catch (const Error& err) {
        if (err.kind() == ErrorKind::Conflict) {
            s.conflict = {true, e.loaded_id, current(s, e.loaded_id), change};
        } else if (err.kind() == ErrorKind::Invalid) {
            e.field_errors["save"] = message(err);
        } else if (err.kind() == ErrorKind::Storage) {
            throw;  // the window's: a lost connection shows its banner, the buffers stay for a second try
        } else {
            s.report(message(err), true);
        }
    }
}

namespace {
void draw_fields(AppState& s, bool editable) {
    auto& e = s.editor;
    const float w = ImGui::GetFontSize();
    const char* why = s.actor.role == UserRole::Viewer ? tr(T::ViewerCannotEdit) : tr(T::NotYourAgency);
    ImGui::BeginDisabled(!editable);
    ImGui::SetNextItemWidth(w * 12);
    if (ImGui::BeginCombo(tr(T::Status), label(kStatuses[e.status]))) {
        for (int i = 0; i < 4; ++i) {
            if (ImGui::Selectable(label(kStatuses[i]), e.status == i)) {
                e.status = i;
                if (kStatuses[i] == Status::Done) e.progress = 100;  // done is all of it
            }
            probe(s, "editor:status:" + std::string(to_string(kStatuses[i])));
        }
        ImGui::EndCombo();
    }
    probe(s, "editor:status");
    ImGui::SetNextItemWidth(w * 12);
    // The value beside the slider, not under its knob.
    ImGui::SliderInt("##progress", &e.progress, 0, 100, "");
    ImGui::SameLine();
    ImGui::Text("%3d %%  %s", e.progress, tr(T::Progress));
    ImGui::SetNextItemWidth(w * 18);
    ImGui::InputText(tr(T::Owner), e.owner, sizeof e.owner);
    probe(s, "editor:owner");
    ImGui::EndDisabled();
    if (!editable) disabled_reason(why);

    const bool due_editable = editable && s.actor.role == UserRole::Admin;
    ImGui::BeginDisabled(!due_editable);
    ImGui::SetNextItemWidth(w * 8);
    ImGui::InputTextWithHint(tr(T::Due), "dd/mm/yyyy", e.due, sizeof e.due);
    ImGui::EndDisabled();
    if (!due_editable) disabled_reason(editable ? tr(T::OnlyOfficeDue) : why);
    draw_due_origin(s, e.saved.record);
    field_error(e.field_errors["due"]);

    ImGui::BeginDisabled(!editable);
    if (ImGui::Button(tr(T::Save)) || (editable && s.save_shortcut)) {  // Ctrl+S too
        e.field_errors.clear();
        const auto change = pending_change(e);
        if (e.field_errors.empty()) save_change(s, change, e.base_version);
    }
    probe(s, "editor:save");
    ImGui::EndDisabled();
    if (!editable) disabled_reason(why);
    ImGui::SameLine();
    if (ImGui::Button(tr(T::Reload))) {
        e.loaded_id = 0;
        s.data_changed();
    }
    field_error(e.field_errors["save"]);
    draw_send_back(s);
}

void add_evidence(AppState& s) {
    auto& e = s.editor;
    service::EvidenceInput input;
    input.note = e.note;
    input.doc_ref = e.doc_ref;
    if (e.doc_date[0]) {
        input.doc_date = Date::parse_user(e.doc_date);
        if (!input.doc_date) {
            e.field_errors["doc_date"] = language() == Lang::Vi ? "Ngày không hợp lệ (dd/mm/yyyy)." : "Not a valid date.";
            return;
        }
    }
    try {
        if (e.file[0]) {
            const std::filesystem::path path(e.file);
            input.file = store::EvidenceFile{path.filename().string(),
                                             service::read_file(path, service::kMaxAttachmentBytes), ""};
        }
        s.service.add_evidence(s.actor, e.loaded_id, input);
        e.note[0] = e.doc_ref[0] = e.doc_date[0] = e.file[0] = '\0';
        s.data_changed();
        s.report(tr(T::Saved), false);
    } catch (const Error& err) {
        e.field_errors["evidence"] = message(err);
    }
}

void draw_evidence(AppState& s, bool editable) {
    auto& e = s.editor;
    section_title(tr(T::Evidence));
    if (ImGui::BeginTable("##evidence", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable)) {
        ImGui::TableSetupColumn(tr(T::DocRef), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7);
        ImGui::TableSetupColumn(tr(T::Note), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr(T::UserName), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8.5f);
        ImGui::TableSetupColumn("##file", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
        for (std::size_t i = 0; i < e.evidence.size(); ++i) {
            const auto& item = e.evidence[i];
            ImGui::PushID(static_cast<int>(item.id));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string doc_date = item.doc_date ? item.doc_date->vn() : std::string();
            if (item.withdrawn()) struck_text(item.doc_ref + " " + doc_date);
            else ImGui::TextWrapped("%s %s", item.doc_ref.c_str(), doc_date.c_str());
            ImGui::TableNextColumn();
            if (item.withdrawn()) {
                struck_text(item.note);
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.60f, 0.35f, 0.10f, 1.0f));
                ImGui::TextWrapped("(%s: %s)", tr(T::WithdrawnMark), item.withdrawal_reason.c_str());
                ImGui::PopStyleColor();
            } else {
                ImGui::TextWrapped("%s", item.note.c_str());
            }
            if (item.file_name) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                ImGui::TextWrapped("%s %s", tr(T::Attachment), item.file_name->c_str());
                ImGui::PopStyleColor();
            }
            ImGui::TableNextColumn();
            cell_text(item.created_by);
            const ImVec4 grey = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
            cell_text(e.evidence_times[i], &grey);
            ImGui::TableNextColumn();
            if (item.file_name && ImGui::SmallButton(tr(T::OpenAttachment))) {
                if (auto file = s.service.evidence_file(item.id)) {
                    std::string error;
                    if (!open_attachment(*file, error)) s.report(error, true);
                }
            }
            if (item.file_name) probe(s, "editor:open:" + *item.file_name);
            draw_withdraw_button(s, item, editable);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    draw_withdraw_form(s);
    ImGui::BeginDisabled(!editable);
    ImGui::InputTextMultiline(tr(T::Note), e.note, sizeof e.note, ImVec2(ImGui::GetFontSize() * 20, ImGui::GetFontSize() * 3));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    ImGui::InputTextWithHint(tr(T::DocRef), "215/BC-STC", e.doc_ref, sizeof e.doc_ref);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputTextWithHint(tr(T::DocDate), "dd/mm/yyyy", e.doc_date, sizeof e.doc_date);
    field_error(e.field_errors["doc_date"]);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 13);
    file_field(s.files, "attach", tr(T::AttachFile), e.file, sizeof e.file, ChooseMode::Open);
    if (ImGui::Button(tr(T::AddEvidence))) add_evidence(s);
    probe(s, "editor:evidence:add");
    ImGui::EndDisabled();
    field_error(e.field_errors["evidence"]);
}

void draw_history(AppState& s) {
    section_title(tr(T::History));
    if (s.editor.lines_lang != language()) format_lines(s.editor);
    for (const auto& [at, line] : s.editor.history_lines) {
        ImGui::TextDisabled("%s", at.c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", line.c_str());
    }
}
}  // namespace

void draw_task_editor(AppState& s) {
    load(s);
    if (!s.selected || s.editor.loaded_id == 0) {
        ImGui::TextDisabled("%s", tr(T::NoSelection));
        return;
    }
    const auto& r = s.editor.saved.record;
    ImGui::Text("%s %s · %s %s", tr(T::Directive), r.directive_code.c_str(), tr(T::Ref), r.task_ref.c_str());
    ImGui::TextUnformatted(r.agency.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("(%s) · %s %d", label(r.role), tr(T::Version), r.version);
    ImGui::SameLine();
    bucket_badge(s.editor.saved.bucket);
    if (r.completed_on) {
        ImGui::SameLine();
        ImGui::TextDisabled("· %s %s", tr(T::Completed), r.completed_on->vn().c_str());
    }
    draw_review_note(s);
    ImGui::BeginChild("##text", ImVec2(0, ImGui::GetFontSize() * 7), true);
    ImGui::TextWrapped("%s", r.text.c_str());
    ImGui::EndChild();

    const bool editable = s.service.can_edit(s.actor, r);
    if (ImGui::BeginTable("##editor", 2, ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableNextColumn();
        draw_fields(s, editable);
        draw_evidence(s, editable);
        ImGui::TableNextColumn();
        draw_extensions(s, editable);
        draw_proposals(s, editable);
        draw_history(s);
        ImGui::EndTable();
    }
}

void draw_conflict_dialog(AppState& s) {
    auto& c = s.conflict;
    if (c.open && !ImGui::IsPopupOpen(tr(T::Conflict))) ImGui::OpenPopup(tr(T::Conflict));
    if (!ImGui::BeginPopupModal(tr(T::Conflict), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted(tr(T::ConflictExplain));
    const auto& theirs = c.theirs.record;
    if (ImGui::BeginTable("##diff", 3, ImGuiTableFlags_Borders)) {
        ImGui::TableSetupColumn("");
        ImGui::TableSetupColumn(tr(T::Theirs));
        ImGui::TableSetupColumn(tr(T::Yours));
        ImGui::TableHeadersRow();
        auto row = [](const char* name, const std::string& a, const std::string& b) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(name);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(b.c_str());
        };
        const auto& m = c.mine;
        row(tr(T::Status), label(theirs.status), m.status ? label(*m.status) : "—");
        row(tr(T::Progress), std::to_string(theirs.progress) + "%", m.progress ? std::to_string(*m.progress) + "%" : "—");
        row(tr(T::Owner), theirs.owner, m.owner.value_or("—"));
        row(tr(T::Due), theirs.due ? theirs.due->vn() : "—", m.due ? m.due->vn() : "—");
        ImGui::EndTable();
    }
    if (ImGui::Button(tr(T::Reload))) {
        c.open = false;
        s.editor.loaded_id = 0;
        s.data_changed();
        ImGui::CloseCurrentPopup();
    }
    probe(s, "conflict:reload");
    ImGui::SameLine();
    if (ImGui::Button(tr(T::ReApply))) {
        c.open = false;
        s.editor.loaded_id = c.id;
        s.editor.saved = c.theirs;
        save_change(s, c.mine, theirs.version);  // on top of what they saved, knowingly
        ImGui::CloseCurrentPopup();
    }
    probe(s, "conflict:reapply");
    ImGui::SameLine();
    if (ImGui::Button(tr(T::Cancel))) {
        c.open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace dt::ui

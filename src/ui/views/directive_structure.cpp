// The Chỉ thị view's structure editor (admin): a popup on the task chosen in the outline to
// correct what the import got wrong — its title, text, deadline; its agencies and their roles;
// a sub-task or a sibling added; the task removed (closed when work was done on it); an
// amendment recorded and cited. Every change goes through the service; the data is read when
// the task or the data revision changes, never per frame.
#include <imgui.h>

#include <cstdio>
#include <string>

#include "core/error.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/views/directive_parts.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
template <std::size_t N>
void copy(char (&buf)[N], const std::string& text) {
    std::snprintf(buf, N, "%s", text.c_str());
}

void load(AppState& s) {
    auto& e = s.structure;
    if (e.task_id == 0) return;
    const bool other_task = e.loaded_task != e.task_id;
    if (!other_task && e.loaded_revision == s.revision) return;
    try {
        e.task = s.service.task(e.task_id);
    } catch (const Error&) {
        e.task_id = 0;  // removed, here or by another program
        e.open = false;
        return;
    }
    e.assignments = s.service.task_assignments(e.task_id);
    e.agencies = s.service.agencies();
    e.amendments = s.service.amendments(e.task.directive_id);
    for (const auto& d : s.service.directives())
        if (d.id == e.task.directive_id) e.directive_code = d.code;
    if (other_task) {
        copy(e.title, e.task.title);
        e.text_too_long = e.task.text.size() >= sizeof e.text;
        copy(e.text, e.text_too_long ? std::string() : e.task.text);
        copy(e.deadline, e.task.deadline ? e.task.deadline->vn() : std::string());
        e.cite = -1;
        e.reason[0] = e.new_text[0] = e.new_deadline[0] = '\0';
    }
    e.loaded_task = e.task_id;
    e.loaded_revision = s.revision;
}

service::Citation citation(const StructureState& e) {
    service::Citation c;
    if (e.cite >= 0 && e.cite < static_cast<int>(e.amendments.size())) c.amendment = e.amendments[e.cite].id;
    return c;
}

// Runs a change; success bumps the data revision (the outline, the tables and this editor are
// read again once) and says so, a refusal shows the service's sentence.
template <typename F>
bool act(AppState& s, F&& change, bool reset_buffers = false) {
    try {
        change();
        s.data_changed();
        if (reset_buffers) s.structure.loaded_task = 0;
        s.report(tr(T::Saved), false);
        return true;
    } catch (const Error& e) {
        s.report(e.what(), true);
        return false;
    }
}

std::string amendment_label(const store::AmendmentRecord& a) {
    return a.kind + " " + a.number + (a.issued_on ? " (" + a.issued_on->vn() + ")" : "");
}

void draw_task_fields(AppState& s) {
    auto& e = s.structure;
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 36);
    ImGui::InputText(tr(T::StructTaskTitle), e.title, sizeof e.title);
    probe(s, "structure:title");
    if (e.text_too_long) {
        ImGui::TextDisabled("%s", e.task.text.substr(0, 200).c_str());
    } else {
        ImGui::InputTextMultiline(tr(T::Text), e.text, sizeof e.text, ImVec2(em * 36, em * 7));
        probe(s, "structure:text");
    }
    ImGui::SetNextItemWidth(em * 8);
    std::optional<Date> due;
    // Labels carry an id: this window has two deadline fields.
    date_field((std::string(tr(T::Deadline)) + "##task-deadline").c_str(), e.deadline, sizeof e.deadline, due, e.deadline_error);
    probe(s, "structure:deadline");
    field_error(e.deadline_error);
    ImGui::SetNextItemWidth(em * 24);
    const std::string none = tr(T::StructNoCitation);
    if (ImGui::BeginCombo(tr(T::StructCite), e.cite < 0 ? none.c_str() : amendment_label(e.amendments[e.cite]).c_str())) {
        if (ImGui::Selectable(none.c_str(), e.cite < 0)) e.cite = -1;
        for (int i = 0; i < static_cast<int>(e.amendments.size()); ++i)
            if (ImGui::Selectable(amendment_label(e.amendments[i]).c_str(), e.cite == i)) e.cite = i;
        ImGui::EndCombo();
    }
    ImGui::BeginDisabled(!e.deadline_error.empty());
    if (ImGui::Button(tr(T::StructSaveTask))) {
        service::TaskEdit edit;
        if (e.title != e.task.title) edit.title = std::string(e.title);
        if (!e.text_too_long && e.text != e.task.text) edit.text = std::string(e.text);
        if (due != e.task.deadline) {
            if (due) edit.deadline = due;
            else edit.clear_deadline = true;
        }
        edit.cite = citation(e);
        act(s, [&] { s.service.edit_task(s.actor, e.task_id, edit); });
    }
    probe(s, "structure:save");
    ImGui::EndDisabled();
}

void draw_agencies(AppState& s) {
    auto& e = s.structure;
    section_title(tr(T::StructAgencies));
    if (ImGui::BeginTable("##structure-agencies", 3,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable)) {
        ImGui::TableSetupColumn(tr(T::Agency), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr(T::Role), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 9);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7);
        for (const auto& a : e.assignments) {
            ImGui::PushID(static_cast<int>(a.id));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            cell_text(a.agency);
            ImGui::TableNextColumn();
            if (a.closed_on) {
                ImGui::TextDisabled("%s: %s", tr(T::StructClosed), a.closed_reason.c_str());
                ImGui::TableNextColumn();
                ImGui::PopID();
                continue;
            }
            int role = a.role == AssignmentRole::Lead ? 0 : 1;
            const char* roles[] = {label(AssignmentRole::Lead), label(AssignmentRole::Coordinate)};
            ImGui::SetNextItemWidth(-1);
            if (ImGui::Combo("##role", &role, roles, 2)) {
                const auto next = role == 0 ? AssignmentRole::Lead : AssignmentRole::Coordinate;
                act(s, [&] { s.service.change_role(s.actor, a.id, next, a.version); });
            }
            probe(s, "structure:role:" + a.agency);
            ImGui::TableNextColumn();
            if (ImGui::SmallButton(tr(T::StructUnassign)))
                act(s, [&] { s.service.unassign(s.actor, e.task_id, a.agency, e.reason, citation(e)); });
            probe(s, "structure:unassign:" + a.agency);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    const float em = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(em * 22);
    const char* picked = e.pick_agency >= 0 ? e.agencies[e.pick_agency].name.c_str() : tr(T::StructPickAgency);
    if (ImGui::BeginCombo("##pick-agency", picked, ImGuiComboFlags_HeightLarge)) {
        for (int i = 0; i < static_cast<int>(e.agencies.size()); ++i)
            if (e.agencies[i].active && ImGui::Selectable(e.agencies[i].name.c_str(), e.pick_agency == i)) e.pick_agency = i;
        ImGui::EndCombo();
    }
    probe(s, "structure:pick-agency");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 8);
    const char* roles[] = {label(AssignmentRole::Lead), label(AssignmentRole::Coordinate)};
    ImGui::Combo("##pick-role", &e.pick_role, roles, 2);
    ImGui::SameLine();
    ImGui::BeginDisabled(e.pick_agency < 0);
    if (ImGui::Button(tr(T::StructAssign))) {
        const auto role = e.pick_role == 0 ? AssignmentRole::Lead : AssignmentRole::Coordinate;
        act(s, [&] { s.service.assign(s.actor, e.task_id, e.agencies[e.pick_agency].name, role, citation(e)); });
    }
    probe(s, "structure:assign");
    ImGui::EndDisabled();
    ImGui::SetNextItemWidth(em * 30);
    ImGui::InputText(tr(T::Reason), e.reason, sizeof e.reason);
    probe(s, "structure:reason");
}

void draw_add_and_remove(AppState& s) {
    auto& e = s.structure;
    const float em = ImGui::GetFontSize();
    section_title(tr(T::StructAddTask));
    ImGui::InputTextMultiline("##new-text", e.new_text, sizeof e.new_text, ImVec2(em * 36, em * 4));
    probe(s, "structure:new-text");
    ImGui::SetNextItemWidth(em * 8);
    std::optional<Date> new_due;
    std::string new_due_error;
    date_field((std::string(tr(T::Deadline)) + "##new-deadline").c_str(), e.new_deadline, sizeof e.new_deadline, new_due,
               new_due_error);
    field_error(new_due_error);
    auto add = [&](bool sub) {
        service::TaskInput in;
        in.directive = e.directive_code;
        for (const auto& sec : s.service.sections(e.task.directive_id))
            if (sec.id == e.task.section_id) in.section = sec.label;
        in.parent = sub ? std::optional<std::string>(e.task.ref) : e.task.parent_ref;
        in.text = e.new_text;
        in.deadline = new_due;
        in.cite = citation(e);
        if (act(s, [&] { s.service.add_task(s.actor, in); })) e.new_text[0] = e.new_deadline[0] = '\0';
    };
    ImGui::BeginDisabled(e.new_text[0] == '\0' || !new_due_error.empty());
    if (ImGui::Button(tr(T::StructAddTask))) add(false);
    probe(s, "structure:add-task");
    ImGui::SameLine();
    if (ImGui::Button(tr(T::StructAddSubtask))) add(true);
    probe(s, "structure:add-subtask");
    ImGui::EndDisabled();

    ImGui::Separator();
    ImGui::TextWrapped("%s", tr(T::StructRemoveExplain));
    if (ImGui::Button(tr(T::StructRemoveTask)))
        act(s, [&] { s.service.remove_task(s.actor, e.task_id, e.reason, citation(e)); });
    probe(s, "structure:remove");
}

void draw_amendments(AppState& s) {
    auto& e = s.structure;
    const float em = ImGui::GetFontSize();
    section_title(tr(T::StructAmendments));
    for (const auto& a : e.amendments) ImGui::BulletText("%s — %s", amendment_label(a).c_str(), a.summary.c_str());
    ImGui::SetNextItemWidth(em * 10);
    ImGui::InputText(tr(T::StructAmendmentNumber), e.amend_number, sizeof e.amend_number);
    probe(s, "structure:amend-number");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 8);
    std::optional<Date> date;
    std::string date_error;
    date_field(tr(T::DocDate), e.amend_date, sizeof e.amend_date, date, date_error);
    probe(s, "structure:amend-date");
    ImGui::SetNextItemWidth(em * 10);
    ImGui::InputText(tr(T::StructAmendmentKind), e.amend_kind, sizeof e.amend_kind);
    ImGui::SetNextItemWidth(em * 30);
    ImGui::InputText(tr(T::StructAmendmentSummary), e.amend_summary, sizeof e.amend_summary);
    probe(s, "structure:amend-summary");
    field_error(date_error);
    ImGui::BeginDisabled(e.amend_number[0] == '\0' || !date || !date_error.empty());
    if (ImGui::Button(tr(T::StructRecordAmendment))) {
        service::AmendmentInput in{e.directive_code, e.amend_number, date, e.amend_kind, e.amend_summary};
        if (act(s, [&] { s.service.add_amendment(s.actor, in); })) e.amend_number[0] = e.amend_date[0] = e.amend_summary[0] = '\0';
    }
    probe(s, "structure:amend-record");
    ImGui::EndDisabled();
}
}  // namespace

void draw_structure_button(AppState& s) {
    if (s.actor.role != UserRole::Admin) return;
    ImGui::BeginDisabled(s.structure.task_id == 0);
    if (ImGui::Button(tr(T::StructEdit))) s.structure.open = true;
    probe(s, "directive:structure");
    ImGui::EndDisabled();
}

void draw_structure_editor(AppState& s) {
    auto& e = s.structure;
    if (s.actor.role != UserRole::Admin || !e.open) return;
    load(s);
    if (e.task_id == 0) return;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 42, ImGui::GetFontSize() * 40), ImGuiCond_Appearing);
    if (!ImGui::Begin(tr(T::StructEdit), &e.open)) {
        ImGui::End();
        return;
    }
    ImGui::TextWrapped("%s %s — %s", e.directive_code.c_str(), e.task.ref.c_str(), e.task.title.c_str());
    if (e.task.closed_on) {
        ImGui::TextDisabled("%s (%s): %s", tr(T::StructTaskClosed), e.task.closed_on->vn().c_str(), e.task.closed_reason.c_str());
    } else {
        draw_task_fields(s);
        ImGui::Separator();
        draw_agencies(s);
        ImGui::Separator();
        draw_add_and_remove(s);
    }
    ImGui::Separator();
    draw_amendments(s);
    ImGui::End();
}

}  // namespace dt::ui

// Chi tiết nhiệm vụ, the workflow between an agency and the office: the review note,
// extension requests and decisions, sending a completion back, withdrawing evidence.
// Everything drawn here comes from EditorState, read when the selection or the data changed.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "core/error.h"
#include "core/text.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/views/task_parts.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
const ImVec4 kReviewBg{1.00f, 0.94f, 0.80f, 1.0f};
const ImVec4 kReviewText{0.55f, 0.30f, 0.02f, 1.0f};

bool blank(const char* text) { return trim(text).empty(); }

const char* not_allowed(const AppState& s) {
    return s.actor.role == UserRole::Viewer ? tr(T::ViewerCannotEdit) : tr(T::NotYourAgency);
}

// Why the actor may not ask for an extension of the loaded assignment; nullptr when it may.
const char* request_refusal(const AppState& s, bool editable) {
    const auto& r = s.editor.saved.record;
    if (!editable) return not_allowed(s);
    if (!r.due) return tr(T::NoDueToExtend);
    if (r.status == Status::Done) return tr(T::DoneNoExtension);
    if (s.editor.pending_extension >= 0) return tr(T::RequestPending);
    return nullptr;
}

void request_extension(AppState& s) {
    auto& e = s.editor;
    for (const char* key : {"ext_due", "ext_reason", "extension"}) e.field_errors.erase(key);
    const auto to = Date::parse_user(e.ext_due);
    if (!to) e.field_errors["ext_due"] = tr(T::NeedNewDue);
    if (blank(e.ext_reason)) e.field_errors["ext_reason"] = tr(T::NeedReason);
    if (!to || blank(e.ext_reason)) return;
    try {
        s.service.request_extension(s.actor, e.loaded_id, *to, e.ext_reason);
        e.ext_due[0] = e.ext_reason[0] = '\0';
        s.data_changed();
        s.report(tr(T::ExtensionSent), false);
    } catch (const Error& err) {
        e.field_errors["extension"] = message(err);
    }
}

void send_back(AppState& s) {
    auto& e = s.editor;
    e.field_errors.erase("send_back");
    if (blank(e.review_reason)) {
        e.field_errors["send_back"] = tr(T::NeedReason);
        return;
    }
    try {
        // Against the version the user has been looking at: a change meanwhile is a conflict.
        s.service.send_back(s.actor, e.loaded_id, e.review_reason, e.base_version);
        e.review_reason[0] = '\0';
        e.loaded_id = 0;  // its version moved: reload the buffers
        s.data_changed();
        s.report(tr(T::SentBack), false);
    } catch (const Error& err) {
        e.field_errors["send_back"] = message(err);
        if (err.kind() == ErrorKind::Conflict) s.report(message(err), true);
    }
}

void withdraw(AppState& s) {
    auto& e = s.editor;
    e.field_errors.erase("withdraw");
    if (blank(e.withdraw_reason)) {
        e.field_errors["withdraw"] = tr(T::NeedReason);
        return;
    }
    try {
        s.service.withdraw_evidence(s.actor, e.withdraw_id, e.withdraw_reason);
        e.withdraw_id = 0;
        e.withdraw_reason[0] = '\0';
        s.data_changed();
        s.report(tr(T::Withdrawn), false);
    } catch (const Error& err) {
        e.field_errors["withdraw"] = message(err);
    }
}

void draw_request_form(AppState& s, bool editable) {
    auto& e = s.editor;
    const float w = ImGui::GetFontSize();
    const char* refusal = request_refusal(s, editable);
    ImGui::TextUnformatted(tr(T::RequestExtension));
    ImGui::BeginDisabled(refusal != nullptr);
    ImGui::SetNextItemWidth(w * 8);
    ImGui::InputTextWithHint(tr(T::RequestedDue), "dd/mm/yyyy", e.ext_due, sizeof e.ext_due);
    probe(s, "editor:ext:due");
    field_error(e.field_errors["ext_due"]);
    ImGui::SetNextItemWidth(w * 22);
    ImGui::InputText(tr(T::Reason), e.ext_reason, sizeof e.ext_reason);
    probe(s, "editor:ext:reason");
    field_error(e.field_errors["ext_reason"]);
    if (ImGui::Button(tr(T::SendRequest))) request_extension(s);
    probe(s, "editor:ext:request");
    ImGui::EndDisabled();
    if (refusal) {
        disabled_reason(refusal);
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", refusal);
        ImGui::PopTextWrapPos();
    }
    field_error(e.field_errors["extension"]);
}

void draw_request_rows(const AppState& s) {
    const auto& list = s.editor.extensions;
    if (list.empty()) {
        ImGui::TextDisabled("%s", tr(T::NoRequests));
        return;
    }
    const float w = ImGui::GetFontSize();
    if (!ImGui::BeginTable("##ext-rows", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable))
        return;
    ImGui::TableSetupColumn(tr(T::ColRequestedDue), ImGuiTableColumnFlags_WidthFixed, w * 6);
    ImGui::TableSetupColumn(tr(T::Reason), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(T::RequestedBy), ImGuiTableColumnFlags_WidthFixed, w * 8);
    ImGui::TableSetupColumn(tr(T::Status), ImGuiTableColumnFlags_WidthFixed, w * 9);
    ImGui::TableHeadersRow();
    for (const auto& x : list) {
        ImGui::PushID(static_cast<int>(x.id));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        cell_text(x.requested_due.vn());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", x.reason.c_str());
        ImGui::TableNextColumn();
        cell_text(x.requested_by);
        const ImVec4 grey = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
        cell_text(local_timestamp(x.requested_at), &grey);
        ImGui::TableNextColumn();
        const ImVec4 colour = x.status == store::ExtensionStatus::Approved  ? status_color(Status::Done)
                              : x.status == store::ExtensionStatus::Refused ? bucket_color(Bucket::OpenOverdue)
                                                                            : status_color(Status::Blocked);
        cell_text(label(x.status), &colour);
        if (!x.decided_by.empty()) cell_text(x.decided_by, &grey);
        if (!x.decision_note.empty()) ImGui::TextWrapped("%s", x.decision_note.c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// The office's decision on this assignment's pending request (one at a time).
void draw_decision(AppState& s) {
    auto& e = s.editor;
    if (s.actor.role != UserRole::Admin || e.pending_extension < 0) return;
    const auto* pending = &e.extensions[e.pending_extension];
    const Id id = pending->id;
    ImGui::Text("%s: %s → %s", label(store::ExtensionStatus::Pending), e.saved.record.due ? e.saved.record.due->vn().c_str() : "—",
                pending->requested_due.vn().c_str());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    ImGui::InputTextWithHint("##decision-note", tr(T::DecisionNote), e.decision_note, sizeof e.decision_note);
    probe(s, "editor:ext:note");
    for (const auto& [decision, key, name] : {std::tuple{service::Decision::Approve, T::Approve, "approve"},
                                             std::tuple{service::Decision::Refuse, T::Refuse, "refuse"}}) {
        ImGui::SameLine();
        if (ImGui::Button(tr(key))) {
            std::string error;
            const std::string note = e.decision_note;
            if (decide_extension(s, id, decision, note, error)) {
                e.decision_note[0] = '\0';
                e.field_errors.erase("decision");
            } else {
                e.field_errors["decision"] = error;
            }
        }
        probe(s, std::string("editor:ext:") + name);
    }
    field_error(e.field_errors["decision"]);
}
}  // namespace

void load_extensions(AppState& s, Id assignment_id) {
    auto& e = s.editor;
    e.extensions = s.service.extensions(s.actor, false);
    std::erase_if(e.extensions, [&](const auto& x) { return x.assignment_id != assignment_id; });
    e.pending_extension = -1;
    for (int i = 0; i < static_cast<int>(e.extensions.size()); ++i)
        if (e.extensions[i].status == store::ExtensionStatus::Pending) e.pending_extension = i;
}

void clear_workflow_buffers(EditorState& e) {
    e.ext_due[0] = e.ext_reason[0] = e.decision_note[0] = e.review_reason[0] = e.withdraw_reason[0] = '\0';
    e.withdraw_id = 0;
    e.proposals_for = 0;
}

bool decide_extension(AppState& s, Id request_id, service::Decision decision, const std::string& note,
                      std::string& error) {
    try {
        const auto decided = s.service.decide_extension(s.actor, request_id, decision, note);
        // Approving moved the deadline and the version: an editor on it starts again from there.
        if (decision == service::Decision::Approve && s.editor.loaded_id == decided.assignment_id) s.editor.loaded_id = 0;
        s.data_changed();
        s.report(tr(decision == service::Decision::Approve ? T::ExtensionApproved : T::ExtensionRefused), false);
        return true;
    } catch (const Error& err) {
        error = message(err);
        return false;
    }
}

void draw_review_note(AppState& s) {
    const auto& r = s.editor.saved.record;
    if (r.review_note.empty()) return;
    if (!begin_notice("##review-note", kReviewBg)) return;
    ImGui::PushStyleColor(ImGuiCol_Text, kReviewText);
    ImGui::TextUnformatted((std::string("⚠ ") + tr(T::ReviewNoteTitle)).c_str());
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", r.review_note.c_str());
    probe(s, "editor:review-note");
    end_notice();
}

void draw_due_origin(AppState& s, const store::AssignmentRecord& r) {
    if (!r.due && !r.original_due && r.extension_count == 0) return;  // nothing to compare
    // A deadline the office set later on an assignment without one has no original date.
    std::string text;
    if (r.original_due) text = std::string(tr(T::OriginalDue)) + ": " + r.original_due->vn() + " · ";
    text += std::string(tr(T::ExtensionCount)) + ": " + format_count(r.extension_count);
    // Beside the deadline when it fits, else under it, wrapped: the count was cut off at the
    // column's edge in a 1366-wide window.
    ImGui::SameLine();
    if (ImGui::CalcTextSize(text.c_str()).x > ImGui::GetContentRegionAvail().x) ImGui::NewLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", text.c_str());
    ImGui::PopTextWrapPos();
    s.probes["editor:due-origin-end"] = {ImGui::GetItemRectMax().x, ImGui::GetItemRectMin().y};
}

void draw_send_back(AppState& s) {
    auto& e = s.editor;
    if (s.actor.role != UserRole::Admin || e.saved.record.status != Status::Done) return;
    section_title(tr(T::SendBackTitle));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", tr(T::SendBackExplain));
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    ImGui::InputTextWithHint("##send-back-reason", tr(T::Reason), e.review_reason, sizeof e.review_reason);
    probe(s, "editor:sendback:reason");
    ImGui::SameLine();
    if (ImGui::Button(tr(T::SendBack))) send_back(s);
    probe(s, "editor:sendback");
    field_error(e.field_errors["send_back"]);
}

void draw_proposals(AppState& s, bool editable) {
    auto& e = s.editor;
    const auto& r = e.saved.record;
    if (e.proposals_for != r.id) {
        std::snprintf(e.difficulties, sizeof e.difficulties, "%s", r.difficulties.c_str());
        std::snprintf(e.proposals, sizeof e.proposals, "%s", r.proposals.c_str());
        e.proposals_for = r.id;
    }
    section_title(tr(T::ProposalsTitle));
    const float w = ImGui::GetFontSize();
    ImGui::BeginDisabled(!editable);
    ImGui::TextUnformatted(tr(T::Difficulties));
    ImGui::InputTextMultiline("##difficulties", e.difficulties, sizeof e.difficulties, ImVec2(w * 22, w * 3));
    probe(s, "editor:difficulties");
    ImGui::TextUnformatted(tr(T::Proposals));
    ImGui::InputTextMultiline("##proposals", e.proposals, sizeof e.proposals, ImVec2(w * 22, w * 3));
    probe(s, "editor:proposals");
    if (ImGui::Button(tr(T::SaveProposals))) {
        e.field_errors.erase("proposals");
        try {
            s.service.propose(s.actor, r.id, {std::string(e.difficulties), std::string(e.proposals)}, r.version);
            s.data_changed();
            e.loaded_id = 0;      // reload: the version moved
            e.proposals_for = 0;  // and refill from what was saved
            s.report(tr(T::ProposalsSaved), false);
        } catch (const Error& err) {
            e.field_errors["proposals"] = message(err);
        }
    }
    probe(s, "editor:proposals:save");
    ImGui::EndDisabled();
    field_error(e.field_errors["proposals"]);
}

void draw_extensions(AppState& s, bool editable) {
    const auto& r = s.editor.saved.record;
    section_title(tr(T::ExtensionRequests));
    ImGui::Text("%s: %s", tr(T::CurrentDue), r.due ? r.due->vn().c_str() : "—");
    draw_request_form(s, editable);
    ImGui::Spacing();
    draw_request_rows(s);
    draw_decision(s);
}

void draw_withdraw_button(AppState& s, const store::EvidenceRecord& item, bool editable) {
    if (item.withdrawn()) return;
    ImGui::BeginDisabled(!editable);
    if (ImGui::SmallButton(tr(T::Withdraw))) {
        s.editor.withdraw_id = item.id;
        s.editor.withdraw_reason[0] = '\0';
        s.editor.field_errors.erase("withdraw");
    }
    probe(s, "editor:evidence:withdraw:" + std::to_string(item.id));
    ImGui::EndDisabled();
    if (!editable) disabled_reason(not_allowed(s));
}

void draw_withdraw_form(AppState& s) {
    auto& e = s.editor;
    if (e.withdraw_id == 0) return;
    const auto item = std::find_if(e.evidence.begin(), e.evidence.end(), [&](const auto& x) { return x.id == e.withdraw_id; });
    if (item == e.evidence.end() || item->withdrawn()) {
        e.withdraw_id = 0;
        return;
    }
    if (!begin_notice("##withdraw", kReviewBg)) return;
    const std::string what = item->doc_ref.empty() ? item->note : item->doc_ref + " — " + item->note;
    ImGui::TextWrapped("%s: %s", tr(T::Withdraw), what.c_str());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    ImGui::InputTextWithHint("##withdraw-reason", tr(T::WithdrawReason), e.withdraw_reason, sizeof e.withdraw_reason);
    probe(s, "editor:withdraw:reason");
    ImGui::SameLine();
    if (ImGui::Button(tr(T::ConfirmWithdraw))) withdraw(s);
    probe(s, "editor:withdraw:confirm");
    ImGui::SameLine();
    if (ImGui::Button(tr(T::Cancel))) e.withdraw_id = 0;
    field_error(e.field_errors["withdraw"]);
    end_notice();
}

}  // namespace dt::ui

// Quản trị › Đề nghị gia hạn: the pending requests, decided here or opened in the editor.
// Quản trị › Sao lưu: a backup now, the automatic backups, a restore behind a confirmation.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "service/recovery.h"
#include "ui/views.h"
#include "ui/views/admin_parts.h"
#include "ui/views/task_parts.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
std::string size_text(std::uintmax_t bytes) {
    char buf[32];
    if (bytes < 1024 * 1024) std::snprintf(buf, sizeof buf, "%ju KB", (bytes + 1023) / 1024);
    else std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

void decision_buttons(AppState& s, const store::ExtensionRecord& x) {
    auto& a = s.admin;
    const bool admin = s.actor.role == UserRole::Admin;
    const std::string id = std::to_string(x.id);
    ImGui::BeginDisabled(!admin);
    for (const auto& [decision, key, name] : {std::tuple{service::Decision::Approve, T::Approve, "approve"},
                                              std::tuple{service::Decision::Refuse, T::Refuse, "refuse"}}) {
        if (ImGui::SmallButton(tr(key))) {
            std::string error;
            const std::string note = a.decision_notes[x.id];
            if (decide_extension(s, x.id, decision, note, error)) a.decision_notes.erase(x.id);
            else s.report(error, true);
        }
        probe(s, "admin:ext:" + std::string(name) + ":" + id);
        ImGui::SameLine();
    }
    ImGui::EndDisabled();
    if (!admin) disabled_reason(tr(T::OnlyAdmin));
    if (ImGui::SmallButton(tr(T::OpenTask))) {
        select_assignment(s, x.assignment_id);
        s.view = View::Task;
    }
    probe(s, "admin:ext:open:" + id);
}

void refresh_backups(AppState& s) {
    auto& a = s.admin;
    a.backups.clear();
    for (const auto& path : service::list_backups(s.database)) {
        std::error_code ec;
        const auto bytes = std::filesystem::file_size(path, ec);
        a.backups.push_back({path.string(), path.filename().string(), ec ? 0 : bytes});
    }
    a.backups_stale = false;
}

void draw_backup_now(AppState& s) {
    auto& a = s.admin;
    section_title(tr(T::BackupNow));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    file_field(s.files, "backup", tr(T::BackupPath), a.backup_path, sizeof a.backup_path, ChooseMode::Save, "*.db");
    probe(s, "admin:backup:path");
    if (ImGui::Button(tr(T::BackupNow))) {
        a.field_errors.erase("backup");
        if (a.backup_path[0] == '\0') {
            a.field_errors["backup"] = tr(T::NeedPath);
        } else {
            try {
                s.service.backup(s.actor, a.backup_path);
                s.report(std::string(tr(T::BackupMade)) + " " + a.backup_path, false);
                a.backups_stale = true;
            } catch (const Error& e) {
                a.field_errors["backup"] = message(e);
            }
        }
    }
    probe(s, "admin:backup:now");
    field_error(a.field_errors["backup"]);
}

void draw_automatic(AppState& s) {
    auto& a = s.admin;
    section_title(tr(T::AutoBackups));
    if (s.database.empty()) {
        ImGui::TextDisabled("%s", tr(T::BackupsUnknown));
        return;
    }
    if (a.backups_stale) refresh_backups(s);  // the folder is read after a change, not per frame
    ImGui::TextDisabled("%s", service::backup_folder(s.database).string().c_str());
    if (a.backups.empty()) {
        ImGui::TextDisabled("%s", tr(T::NoBackups));
        return;
    }
    const float w = ImGui::GetFontSize();
    // As tall as its rows (the header and up to ten), scrolling beyond.
    const float row = ImGui::GetFrameHeight() + ImGui::GetStyle().CellPadding.y;
    const float height = row * static_cast<float>(std::min<std::size_t>(a.backups.size(), 10) + 1) + row * 0.5f;
    if (!ImGui::BeginTable("##backups", 3,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                               ImGuiTableFlags_Resizable,
                           ImVec2(w * 40, height)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(T::ColFile), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(T::ColSize), ImGuiTableColumnFlags_WidthFixed, w * 6);
    ImGui::TableSetupColumn("##use", ImGuiTableColumnFlags_WidthFixed, w * 9);
    ImGui::TableHeadersRow();
    for (const auto& b : a.backups) {
        ImGui::PushID(b.name.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        cell_text(b.name);
        ImGui::TableNextColumn();
        cell_text(size_text(b.bytes));
        ImGui::TableNextColumn();
        if (ImGui::SmallButton(tr(T::UseFile))) std::snprintf(a.restore_path, sizeof a.restore_path, "%s", b.path.c_str());
        probe(s, "admin:backup:use:" + b.name);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void restore(AppState& s) {
    auto& a = s.admin;
    try {
        s.service.restore(s.actor, a.restore_path);
        // Everything may differ now: every cache reads again, the editor from scratch.
        s.editor.loaded_id = 0;
        s.conflict.open = false;
        s.data_changed();
        s.report(std::string(tr(T::Restored)) + " " + a.restore_path, false);
    } catch (const Error& e) {
        a.field_errors["restore"] = message(e);
    }
}

void draw_restore(AppState& s) {
    auto& a = s.admin;
    section_title(tr(T::RestoreNow));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    file_field(s.files, "restore", tr(T::RestoreFrom), a.restore_path, sizeof a.restore_path, ChooseMode::Open, "*.db");
    probe(s, "admin:restore:path");
    if (ImGui::Button(tr(T::Restore))) {
        a.field_errors.erase("restore");
        try {
            if (a.restore_path[0] == '\0') throw Error(ErrorKind::Invalid, tr(T::NeedPath));
            service::check_backup_file(a.restore_path);  // a wrong file is refused before the question
            a.confirm_restore = true;
        } catch (const Error& e) {
            a.field_errors["restore"] = message(e);
        }
    }
    probe(s, "admin:restore");
    field_error(a.field_errors["restore"]);

    const std::string title = std::string(tr(T::ConfirmRestore)) + "###confirm-restore";
    if (a.confirm_restore && !ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted(tr(T::RestoreExplain));
    ImGui::TextUnformatted(a.restore_path);
    ImGui::TextDisabled("%s", tr(T::RestoreKeeps));
    if (ImGui::Button(tr(T::RestoreNow))) {
        restore(s);
        a.confirm_restore = false;
        ImGui::CloseCurrentPopup();
    }
    probe(s, "admin:restore:confirm");
    ImGui::SameLine();
    if (ImGui::Button(tr(T::Cancel))) {
        a.confirm_restore = false;
        ImGui::CloseCurrentPopup();
    }
    probe(s, "admin:restore:cancel");
    ImGui::EndPopup();
}
}  // namespace

void draw_admin_extensions(AppState& s) {
    auto& a = s.admin;
    if (a.pending.empty()) {
        ImGui::TextDisabled("%s", tr(T::NoPendingRequests));
        return;
    }
    const float w = ImGui::GetFontSize();
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("##pending", 9, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(T::Ref), ImGuiTableColumnFlags_WidthFixed, w * 3.5f);
    ImGui::TableSetupColumn(tr(T::Agency), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(T::ColCurrentDue), ImGuiTableColumnFlags_WidthFixed, w * 6);
    ImGui::TableSetupColumn(tr(T::ColRequestedDue), ImGuiTableColumnFlags_WidthFixed, w * 6);
    ImGui::TableSetupColumn(tr(T::Reason), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(tr(T::RequestedBy), ImGuiTableColumnFlags_WidthFixed, w * 6.5f);
    ImGui::TableSetupColumn(tr(T::RequestedAt), ImGuiTableColumnFlags_WidthFixed, w * 8.5f);
    ImGui::TableSetupColumn(tr(T::DecisionNote), ImGuiTableColumnFlags_WidthFixed, w * 10);
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, w * 13);
    ImGui::TableHeadersRow();
    for (const auto& x : a.pending) {
        ImGui::PushID(static_cast<int>(x.id));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        cell_text(x.task_ref);
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", x.agency.c_str());
        ImGui::TableNextColumn();
        cell_text(x.current_due ? x.current_due->vn() : "—");
        ImGui::TableNextColumn();
        cell_text(x.requested_due.vn());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", x.reason.c_str());
        ImGui::TableNextColumn();
        cell_text(x.requested_by);
        ImGui::TableNextColumn();
        cell_text(local_timestamp(x.requested_at));
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1.0f);
        ImGui::InputTextWithHint("##note", tr(T::ColNote), &a.decision_notes[x.id]);
        probe(s, "admin:ext:note:" + std::to_string(x.id));
        ImGui::TableNextColumn();
        decision_buttons(s, x);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void draw_admin_backups(AppState& s) {
    if (s.actor.role != UserRole::Admin) {
        ImGui::TextDisabled("%s", tr(T::OnlyAdmin));
        return;
    }
    draw_backup_now(s);
    draw_automatic(s);
    draw_restore(s);
}

}  // namespace dt::ui

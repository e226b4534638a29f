// Không sử dụng được cơ sở dữ liệu: what is wrong with the file, and the way back.
#include "ui/recovery.h"

#include <imgui.h>
#include <imgui_internal.h>

#include "core/error.h"
#include "service/recovery.h"
#include "ui/strings.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace fs = std::filesystem;
using store::Fault;

RecoveryState recovery_for(const std::exception& error, const fs::path& database) {
    const auto e = service::storage_fault(error, database);
    RecoveryState s;
    s.database = database;
    s.fault = e.fault();
    s.problem = message(e);
    // An error about another file (a backup being read, say) is shown as an I/O error of ours.
    s.restorable = e.mended_by_restore() && e.database() == database;
    if (s.restorable) s.backup = service::newest_usable_backup(database);
    return s;
}

namespace {
T fault_text(Fault f) {
    switch (f) {
    case Fault::Missing: return T::FaultMissing;
    case Fault::Empty: return T::FaultEmpty;
    case Fault::NotDatabase: return T::FaultNotDatabase;
    case Fault::Damaged: return T::FaultDamaged;
    case Fault::Foreign: return T::FaultForeign;
    case Fault::Newer: return T::FaultNewer;
    case Fault::ReadOnlyFile: return T::FaultReadOnlyFile;
    case Fault::ReadOnlyFolder: return T::FaultReadOnlyFolder;
    case Fault::DiskFull: return T::FaultDiskFull;
    case Fault::Locked: return T::FaultLocked;
    case Fault::Unreachable: return T::FaultUnreachable;
    case Fault::Io: break;
    }
    return T::FaultIo;
}

T advice_text(Fault f) {
    switch (f) {
    case Fault::Missing: return T::AdviceMissing;
    case Fault::Newer: return T::AdviceNewer;
    case Fault::ReadOnlyFile:
    case Fault::ReadOnlyFolder: return T::AdviceReadOnly;
    case Fault::DiskFull: return T::AdviceDiskFull;
    case Fault::Locked: return T::AdviceLocked;
    case Fault::Unreachable: return T::AdviceUnreachable;
    default: break;
    }
    return T::AdviceIo;
}

void record(RecoveryState& s, const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    s.probes[name] = {(a.x + b.x) / 2, (a.y + b.y) / 2};
}

void wrapped(const char* text) { ImGui::TextWrapped("%s", text); }

// A separator as wide as the column of text (ImGui's spans the whole window).
void rule(float width) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + width, p.y), ImGui::GetColorU32(ImGuiCol_Separator));
    ImGui::Dummy(ImVec2(width, ImGui::GetStyle().ItemSpacing.y));
}
}  // namespace

RecoveryAction draw_recovery(RecoveryState& s) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("##recovery", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const float w = ImGui::GetFontSize();
    const float width = std::min(w * 40, viewport->WorkSize.x - w * 2);
    ImGui::SetCursorPos(ImVec2((viewport->WorkSize.x - width) / 2, viewport->WorkSize.y * 0.15f));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(tr(T::AppTitle));
    rule(width);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.78f, 0.22f, 0.20f, 1.0f));
    ImGui::SetWindowFontScale(1.3f);
    wrapped(tr(T::RecoveryTitle));
    ImGui::SetWindowFontScale(1.0f);
    ImGui::PopStyleColor();
    ImGui::Spacing();
    ImGui::TextDisabled("%s", tr(T::RecoveryFile));
    ImGui::SameLine();
    wrapped(s.database.string().c_str());
    wrapped(tr(fault_text(s.fault)));
    ImGui::TextDisabled("%s", tr(T::RecoveryDetails));
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    wrapped(s.problem.c_str());
    ImGui::PopStyleColor();
    ImGui::Spacing();
    rule(width);

    RecoveryAction action = RecoveryAction::None;
    if (s.restorable && s.backup) {
        wrapped(tr(T::AdviceRestore));
        ImGui::Bullet();
        wrapped(s.backup->string().c_str());
        wrapped(tr(T::AdviceKeepsDamaged));
        ImGui::Spacing();
        if (ImGui::Button(tr(T::RestoreFromBackup))) {
            try {
                s.kept = service::restore_unusable(s.database, *s.backup);
                s.result.clear();
                action = RecoveryAction::Restored;
            } catch (const Error& e) {
                s.result = e.what();
            }
        }
        record(s, "recovery:restore");
    } else {
        wrapped(tr(s.restorable ? T::AdviceNoBackup : advice_text(s.fault)));
        ImGui::Spacing();
        if (ImGui::Button(tr(T::TryAgain))) action = RecoveryAction::TryAgain;
        record(s, "recovery:retry");
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(T::Quit))) action = RecoveryAction::Quit;
    record(s, "recovery:quit");
    field_error(s.result);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::End();
    return action;
}

namespace {
// Closes whatever the drawing had opened when it threw, innermost first, as if it had returned.
// ImGui's own ErrorCheckEndFrameRecover (1.86) ends a table before popping the IDs pushed inside
// it, and pops tree nodes whose IDs are gone, both of which ImGui asserts against: here the IDs
// above a table's own go first, and tree levels only while there are IDs to pop.
void unwind_frame() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    while (g.CurrentWindowStack.Size > 0) {
        while (g.CurrentTable && g.CurrentTable->InnerWindow == g.CurrentWindow) {
            ImGuiTable* table = g.CurrentTable;
            const ImGuiID own = table->ID + table->InstanceCurrent;
            while (table->InnerWindow->IDStack.Size > 1 && table->InnerWindow->IDStack.back() != own) ImGui::PopID();
            ImGui::EndTable();
        }
        ImGuiWindow* window = g.CurrentWindow;
        while (window->DC.TreeDepth > 0 && window->IDStack.Size > 1) ImGui::TreePop();
        window->DC.TreeDepth = 0;
        ImGui::ErrorCheckEndWindowRecover(nullptr);
        if (g.CurrentWindowStack.Size == 1) break;  // the implicit window every frame has
        if (window->Flags & ImGuiWindowFlags_ChildWindow) ImGui::EndChild();
        else ImGui::End();
    }
}
}  // namespace

std::optional<RecoveryState> guarded_frame(const fs::path& database, const std::function<void()>& draw,
                                           const std::function<void(const std::string&)>& on_error) {
    try {
        draw();
        return std::nullopt;
    } catch (const std::exception& e) {
        unwind_frame();
        if (service::is_database_fault(e)) return recovery_for(e, database);
        if (!on_error) throw;
        on_error(message(e));
        return std::nullopt;
    }
}

}  // namespace dt::ui

// Đơn vị của tôi: one agency's assignments, open work first, soonest deadline first.
#include <imgui.h>

#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace dt::ui {

void draw_my_agency(AppState& s) {
    std::optional<Id> agency = s.actor.agency_id ? s.actor.agency_id : s.agenda_agency;
    if (!s.actor.agency_id) {
        // The office looks at any agency's list as that agency sees it.
        const auto& agencies = s.tasks.agencies();
        std::string current = tr(T::ChooseAgency);
        for (const auto& [id, name] : agencies)
            if (agency == id) current = name;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
        if (ImGui::BeginCombo("##agency", current.c_str())) {
            for (const auto& [id, name] : agencies)
                if (ImGui::Selectable(name.c_str(), agency == id)) s.agenda_agency = agency = id;
            ImGui::EndCombo();
        }
        if (!agency) {
            ImGui::TextDisabled("%s", s.actor.role == UserRole::Agency ? tr(T::NoAgency) : tr(T::ChooseAgency));
            return;
        }
    } else {
        ImGui::Text("%s %s", tr(T::MyAgencyFor), s.actor.agency_name.c_str());
    }
    auto& cache = s.agenda;
    if (cache.revision != s.built_revision || cache.agency != *agency || cache.as_of != s.as_of) {
        cache.rows = agency_agenda(s.tasks, *agency);
        cache.revision = s.built_revision;
        cache.agency = *agency;
        cache.as_of = s.as_of;
    }
    const auto& agenda = cache.rows;
    const auto& rows = s.tasks.rows();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("##agenda", 6, flags)) return;
    const float w = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(T::Due), ImGuiTableColumnFlags_WidthFixed, w * 6);
    ImGui::TableSetupColumn(tr(T::Bucket), ImGuiTableColumnFlags_WidthFixed, w * 11);
    ImGui::TableSetupColumn(tr(T::Ref), ImGuiTableColumnFlags_WidthFixed, w * 5);
    ImGui::TableSetupColumn(tr(T::Status), ImGuiTableColumnFlags_WidthFixed, w * 7);
    ImGui::TableSetupColumn(tr(T::Progress), ImGuiTableColumnFlags_WidthFixed, w * 4);
    ImGui::TableSetupColumn(tr(T::Title), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(agenda.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const TaskRow& r = rows[agenda[i]];
            ImGui::PushID(static_cast<int>(r.id));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(r.due_text.c_str(), s.selected == r.id, ImGuiSelectableFlags_SpanAllColumns)) {
                select_assignment(s, r.id);
                s.view = View::Task;
            }
            ImGui::TableNextColumn();
            bucket_badge(r.bucket);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.ref.c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(status_color(r.status), "%s", label(r.status));
            ImGui::TableNextColumn();
            ImGui::Text("%d%%", r.progress);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.title.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace dt::ui

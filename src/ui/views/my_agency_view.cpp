// Đơn vị của tôi: one agency's assignments, open work first, soonest deadline first.
#include <imgui.h>

#include <algorithm>

#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace dt::ui {

void draw_my_agency(AppState& s) {
    std::optional<Id> agency = s.actor.agency_id ? s.actor.agency_id : s.agenda_agency;
    if (!s.actor.agency_id && !agency) {
        // The office starts on the agency with the most overdue work, not on an empty page.
        for (const auto& line : s.dashboard.agencies)
            if (line.total > line.done) {
                s.agenda_agency = agency = line.id;
                break;
            }
    }
    if (!s.actor.agency_id) {
        // The office looks at any agency's list as that agency sees it.
        const auto& agencies = s.tasks.agencies();
        std::string current = tr(T::ChooseAgency);
        for (const auto& [id, name] : agencies)
            if (agency == id) current = name;
        // The preview ends in "…" when the name is longer than the box (the list shows it whole).
        const float box = ImGui::GetFontSize() * 24;
        ImGui::SetNextItemWidth(box);
        const std::string preview = ellipsize(current, box - ImGui::GetFrameHeight() - ImGui::GetStyle().FramePadding.x * 2);
        if (ImGui::BeginCombo("##agency", preview.c_str())) {
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
    reminder_summary(s, agency);
    auto& cache = s.agenda;
    if (cache.revision != s.built_revision || cache.agency != *agency || cache.as_of != s.as_of) {
        cache.rows = agency_agenda(s.tasks, *agency);
        // The evidence counts the table rows leave out (RowDetail::Table), for this agency only.
        cache.evidence.clear();
        service::ListFilter filter;
        filter.as_of = s.as_of;
        filter.detail = store::RowDetail::List;
        for (const auto& [id, name] : s.tasks.agencies())
            if (id == *agency) filter.agency = name;
        if (filter.agency)
            for (const auto& v : s.service.list(filter)) cache.evidence[v.record.id] = v.record.evidence_count;
        cache.revision = s.built_revision;
        cache.agency = *agency;
        cache.as_of = s.as_of;
    }
    const auto& agenda = cache.rows;
    const auto& rows = s.tasks.rows();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable;
    if (!ImGui::BeginTable("##agenda", 8, flags)) return;
    const float w = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    // Each column as wide as its header or its widest word, whichever is wider; the title takes the rest.
    const auto fit = [](T header, std::initializer_list<const char*> values) {
        float width = ImGui::CalcTextSize(tr(header)).x;
        for (const char* v : values) width = std::max(width, ImGui::CalcTextSize(v).x);
        return width;
    };
    ImGui::TableSetupColumn(tr(T::Due), ImGuiTableColumnFlags_WidthFixed, fit(T::Due, {"00/00/0000"}));
    std::vector<std::string> buckets;
    for (Bucket b : {Bucket::DoneOnTime, Bucket::DoneLate, Bucket::OpenOnTime, Bucket::OpenOverdue, Bucket::NoDeadline})
        buckets.push_back(std::string("● ") + short_label(b));
    ImGui::TableSetupColumn(tr(T::Bucket), ImGuiTableColumnFlags_WidthFixed,
                            fit(T::Bucket, {buckets[0].c_str(), buckets[1].c_str(), buckets[2].c_str(),
                                            buckets[3].c_str(), buckets[4].c_str()}));
    ImGui::TableSetupColumn(tr(T::Ref), ImGuiTableColumnFlags_WidthFixed, std::max(w * 3, fit(T::Ref, {})));
    ImGui::TableSetupColumn(tr(T::Role), ImGuiTableColumnFlags_WidthFixed,
                            fit(T::Role, {label(AssignmentRole::Lead), label(AssignmentRole::Coordinate)}));
    ImGui::TableSetupColumn(tr(T::Status), ImGuiTableColumnFlags_WidthFixed,
                            fit(T::Status, {label(Status::NotStarted), label(Status::InProgress), label(Status::Done),
                                            label(Status::Blocked)}));
    ImGui::TableSetupColumn(tr(T::Progress), ImGuiTableColumnFlags_WidthFixed, fit(T::Progress, {"100%"}));
    ImGui::TableSetupColumn(tr(T::Evidence), ImGuiTableColumnFlags_WidthFixed, fit(T::Evidence, {"000"}));
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
            const ImVec4 bucket_colour = bucket_color(r.bucket);
            cell_text(std::string("● ") + short_label(r.bucket), &bucket_colour);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label(r.bucket));
            ImGui::TableNextColumn();
            cell_text(r.ref);
            ImGui::TableNextColumn();
            cell_text(label(r.role));
            ImGui::TableNextColumn();
            const ImVec4 status_colour = status_color(r.status);
            cell_text(label(r.status), &status_colour);
            ImGui::TableNextColumn();
            cell_text(std::to_string(r.progress) + "%");
            ImGui::TableNextColumn();
            const auto evidence = cache.evidence.find(r.id);
            cell_text(format_count(evidence == cache.evidence.end() ? 0 : evidence->second));
            ImGui::TableNextColumn();
            cell_text(r.title);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace dt::ui

// Nhiệm vụ: every assignment, filtered and sorted from cached rows, with a bulk change.
#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <iterator>

#include "core/error.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
// imgui 1.86 indexes keys by the platform's codes; GLFW's (and ours in tests) for F is 'F'.
constexpr int kKeyF = 'F';

// SameLine when an item `width` wide still fits on this line, else a new line (narrow windows).
void next_to(float width) {
    const float right = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
    if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

template <typename Items, typename Name>
bool filter_combo(const char* id, const char* current, const Items& items, Name name, int& chosen) {
    bool changed = false;
    if (ImGui::BeginCombo(id, current)) {
        if (ImGui::Selectable(tr(T::All), chosen < 0)) { chosen = -1; changed = true; }
        for (int i = 0; i < static_cast<int>(std::size(items)); ++i)
            if (ImGui::Selectable(name(items[i]), chosen == i)) { chosen = i; changed = true; }
        ImGui::EndCombo();
    }
    return changed;
}

void draw_filters(AppState& s) {
    auto& v = s.tasks_view;
    TaskFilter f = s.tasks.filter();
    const float w = ImGui::GetFontSize();
    if (v.focus_search || (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(kKeyF))) {
        ImGui::SetKeyboardFocusHere();
        v.focus_search = false;
    }
    ImGui::SetNextItemWidth(w * 16);
    ImGui::InputTextWithHint("##search", tr(T::FilterHint), v.search, sizeof v.search);
    probe(s, "tasks:search");
    f.text = v.search;

    const auto& sections = s.tasks.sections();
    int section = -1;
    for (int i = 0; i < static_cast<int>(sections.size()); ++i) section = sections[i] == f.section ? i : section;
    next_to(w * 6);
    ImGui::SetNextItemWidth(w * 6);
    if (filter_combo("##section", f.section.empty() ? tr(T::Section) : f.section.c_str(), sections,
                     [](const std::string& x) { return x.c_str(); }, section))
        f.section = section < 0 ? "" : sections[section];

    const auto& agencies = s.tasks.agencies();
    int agency = -1;
    for (int i = 0; i < static_cast<int>(agencies.size()); ++i) agency = f.agency_id == agencies[i].first ? i : agency;
    next_to(w * 14);
    ImGui::SetNextItemWidth(w * 14);
    if (filter_combo("##agency", agency < 0 ? tr(T::Agency) : agencies[agency].second.c_str(), agencies,
                     [](const std::pair<Id, std::string>& x) { return x.second.c_str(); }, agency))
        f.agency_id = agency < 0 ? std::nullopt : std::optional<Id>(agencies[agency].first);

    static const Status statuses[] = {Status::NotStarted, Status::InProgress, Status::Done, Status::Blocked};
    int status = f.status ? static_cast<int>(*f.status) : -1;
    next_to(w * 9);
    ImGui::SetNextItemWidth(w * 9);
    if (filter_combo("##status", f.status ? label(*f.status) : tr(T::Status), statuses,
                     [](Status x) { return label(x); }, status))
        f.status = status < 0 ? std::nullopt : std::optional<Status>(statuses[status]);

    static const Bucket buckets[] = {Bucket::DoneOnTime, Bucket::DoneLate, Bucket::OpenOnTime, Bucket::OpenOverdue,
                                     Bucket::NoDeadline};
    int bucket = f.bucket ? static_cast<int>(*f.bucket) : -1;
    next_to(w * 12);
    ImGui::SetNextItemWidth(w * 12);
    if (filter_combo("##bucket", f.bucket ? label(*f.bucket) : tr(T::Bucket), buckets,
                     [](Bucket x) { return label(x); }, bucket))
        f.bucket = bucket < 0 ? std::nullopt : std::optional<Bucket>(buckets[bucket]);

    const auto& owners = s.tasks.owners();
    int owner = -1;
    for (int i = 0; i < static_cast<int>(owners.size()); ++i) owner = owners[i] == f.owner ? i : owner;
    next_to(w * 9);
    ImGui::SetNextItemWidth(w * 9);
    if (filter_combo("##owner", f.owner.empty() ? tr(T::Owner) : f.owner.c_str(), owners,
                     [](const std::string& x) { return x.c_str(); }, owner))
        f.owner = owner < 0 ? "" : owners[owner];

    next_to(ImGui::CalcTextSize(tr(T::Clear)).x + ImGui::GetStyle().FramePadding.x * 2);
    if (ImGui::Button(tr(T::Clear))) {
        f = TaskFilter{};
        v.search[0] = '\0';
    }
    // What a dashboard link added beyond the combos: said, so the list is never a mystery.
    if (!f.ref.empty() || f.due || f.open_only) {
        std::string what = tr(T::FromLink);
        if (!f.ref.empty()) what += std::string(" · ") + tr(T::Ref) + " " + f.ref;
        if (f.due) what += std::string(" · ") + tr(T::Due) + " " + f.due->vn();
        if (f.open_only) what += std::string(" · ") + tr(T::OpenOnly);
        ImGui::TextDisabled("%s", what.c_str());
    }
    s.tasks.set_filter(f);  // re-filters only when something changed
}

void apply_bulk(AppState& s) {
    auto& v = s.tasks_view;
    service::AssignmentChange change;
    static const Status statuses[] = {Status::NotStarted, Status::InProgress, Status::Done, Status::Blocked};
    if (v.bulk_status > 0) change.status = statuses[v.bulk_status - 1];
    if (v.bulk_owner[0]) change.owner = std::string(v.bulk_owner);
    if (v.bulk_due[0]) {
        auto due = Date::parse_user(v.bulk_due);
        if (!due) return s.report(tr(T::Due) + std::string(": ") + v.bulk_due, true);
        change.due = due;
    }
    int ok = 0;
    std::string first_error;
    for (const auto& [id, on] : v.selected) {
        if (!on) continue;
        const auto* row = s.tasks.find(id);
        if (!row) continue;
        try {
            s.service.update(s.actor, id, change, row->version);  // the same validation as one edit
            ++ok;
        } catch (const Error& e) {
            if (first_error.empty()) first_error = row->ref + " · " + row->agency + ": " + message(e);
        }
    }
    s.data_changed();
    s.report(std::to_string(ok) + " ✓" + (first_error.empty() ? "" : " — " + first_error), !first_error.empty());
}

void draw_bulk_bar(AppState& s) {
    auto& v = s.tasks_view;
    int count = 0;
    for (const auto& [id, on] : v.selected) count += on ? 1 : 0;
    if (count == 0) return;
    ImGui::Text("%s: %d", tr(T::Selected), count);
    ImGui::SameLine();
    const std::string status_items = std::string(tr(T::BulkNone)) + '\0' + label(Status::NotStarted) + '\0' +
                                     label(Status::InProgress) + '\0' + label(Status::Done) + '\0' +
                                     label(Status::Blocked) + '\0';
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    ImGui::Combo("##bulk-status", &v.bulk_status, status_items.c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    ImGui::InputTextWithHint("##bulk-owner", tr(T::Owner), v.bulk_owner, sizeof v.bulk_owner);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    ImGui::BeginDisabled(s.actor.role != UserRole::Admin);
    ImGui::InputTextWithHint("##bulk-due", tr(T::Due), v.bulk_due, sizeof v.bulk_due);
    ImGui::EndDisabled();
    if (s.actor.role != UserRole::Admin) disabled_reason(tr(T::OnlyOfficeDue));
    ImGui::SameLine();
    ImGui::BeginDisabled(s.actor.role == UserRole::Viewer);
    if (ImGui::Button(tr(T::BulkApply))) apply_bulk(s);
    ImGui::EndDisabled();
    if (s.actor.role == UserRole::Viewer) disabled_reason(tr(T::ViewerCannotEdit));
}

float widest(float least, const std::vector<const char*>& texts) {
    float w = least;
    for (const char* t : texts) w = std::max(w, ImGui::CalcTextSize(t).x);
    return w;
}

// Each column as wide as its widest content (within limits), measured when the data changes.
void measure_columns(AppState& s) {
    auto& v = s.tasks_view;
    if (v.widths_revision == s.built_revision && v.widths_lang == language()) return;
    const float font = ImGui::GetFontSize();
    float agency = ImGui::CalcTextSize(tr(T::Agency)).x, owner = ImGui::CalcTextSize(tr(T::Owner)).x;
    std::set<int> seen_agency;
    for (const auto& r : s.tasks.rows())
        if (seen_agency.insert(r.agency_key).second) agency = std::max(agency, ImGui::CalcTextSize(r.agency.c_str()).x);
    for (const auto& o : s.tasks.owners()) owner = std::max(owner, ImGui::CalcTextSize(o.c_str()).x);
    v.agency_width = std::min(agency, font * 16);
    v.owner_width = std::min(owner, font * 10);
    v.status_width = widest(0, {tr(T::Status), label(Status::NotStarted), label(Status::InProgress), label(Status::Done),
                                label(Status::Blocked)});
    v.bucket_width = widest(0, {tr(T::Bucket), label(Bucket::DoneOnTime), label(Bucket::DoneLate), label(Bucket::OpenOnTime),
                                label(Bucket::OpenOverdue), label(Bucket::NoDeadline)}) +
                     ImGui::CalcTextSize("● ").x;
    v.role_width = widest(0, {tr(T::Role), label(AssignmentRole::Lead), label(AssignmentRole::Coordinate)});
    v.widths_revision = s.built_revision;
    v.widths_lang = language();
}

void update_sort(AppState& s) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty || specs->SpecsCount == 0) return;
    static const SortKey keys[] = {SortKey::Ref, SortKey::Ref, SortKey::Agency, SortKey::Role, SortKey::Status,
                                   SortKey::Bucket, SortKey::Due, SortKey::Progress, SortKey::Owner, SortKey::Title};
    const auto& spec = specs->Specs[0];
    s.tasks.set_sort({keys[spec.ColumnIndex], spec.SortDirection == ImGuiSortDirection_Descending});
    specs->SpecsDirty = false;
}
}  // namespace

void draw_tasks(AppState& s) {
    draw_filters(s);
    draw_bulk_bar(s);
    ImGui::TextDisabled("%s / %s %s", format_count(static_cast<long long>(s.tasks.visible().size())).c_str(),
                        format_count(static_cast<long long>(s.tasks.rows().size())).c_str(), tr(T::RowsShown));
    if (s.tasks.visible().empty()) {
        ImGui::SameLine();
        ImGui::TextColored(bucket_color(Bucket::OpenOverdue), "%s", tr(s.tasks.rows().empty() ? T::NoData : T::NothingMatches));
    }

    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersV | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_Reorderable | ImGuiTableFlags_Hideable | ImGuiTableFlags_ScrollX;
    // The title keeps at least 22 em: on a narrow window the table scrolls sideways instead of
    // cutting every title to nothing.
    measure_columns(s);
    const float w = ImGui::GetFontSize();
    const auto& tv = s.tasks_view;
    const float fixed = w * (1.5f + 4 + 1.2f * 7) + tv.agency_width + tv.role_width + tv.status_width + tv.bucket_width +
                        tv.owner_width + ImGui::CalcTextSize("00/00/0000").x + ImGui::CalcTextSize(tr(T::Progress)).x +
                        ImGui::GetStyle().CellPadding.x * 20;
    const float inner = std::max(ImGui::GetContentRegionAvail().x, fixed + w * 22);
    if (!ImGui::BeginTable("##tasks", 10, flags, ImVec2(0, 0), inner)) return;
    // The tick box and the ref stay on the left while the table scrolls sideways: a title
    // scrolled into view still has its row's ref beside it.
    ImGui::TableSetupScrollFreeze(2, 1);
    ImGui::TableSetupColumn("##sel", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed, w * 1.5f);
    // Widths from the content (the initial width; the user's resizing is remembered in imgui.ini).
    measure_columns(s);
    const auto& v = s.tasks_view;
    const float arrow = w * 1.2f;  // the header's sort arrow
    ImGui::TableSetupColumn(tr(T::Ref), ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthFixed, w * 4);
    ImGui::TableSetupColumn(tr(T::Agency), ImGuiTableColumnFlags_WidthFixed, v.agency_width + arrow);
    ImGui::TableSetupColumn(tr(T::Role), ImGuiTableColumnFlags_WidthFixed, v.role_width + arrow);
    ImGui::TableSetupColumn(tr(T::Status), ImGuiTableColumnFlags_WidthFixed, v.status_width + arrow);
    ImGui::TableSetupColumn(tr(T::Bucket), ImGuiTableColumnFlags_WidthFixed, v.bucket_width + arrow);
    ImGui::TableSetupColumn(tr(T::Due), ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("00/00/0000").x + arrow);
    ImGui::TableSetupColumn(tr(T::Progress), ImGuiTableColumnFlags_WidthFixed,
                            std::max(ImGui::CalcTextSize("100%").x, ImGui::CalcTextSize(tr(T::Progress)).x) + arrow);
    ImGui::TableSetupColumn(tr(T::Owner), ImGuiTableColumnFlags_WidthFixed, v.owner_width + arrow);
    ImGui::TableSetupColumn(tr(T::Title), ImGuiTableColumnFlags_WidthStretch, 0, 9);
    ImGui::TableHeadersRow();
    update_sort(s);

    const auto& rows = s.tasks.rows();
    const auto& visible = s.tasks.visible();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(visible.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const TaskRow& r = rows[visible[i]];
            ImGui::PushID(static_cast<int>(r.id));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            bool& checked = s.tasks_view.selected[r.id];
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(1, 1));
            ImGui::Checkbox("##c", &checked);
            ImGui::PopStyleVar();
            ImGui::TableNextColumn();
            const float ref_x = ImGui::GetCursorScreenPos().x;  // the row spans the tick box's column too
            if (ImGui::Selectable(r.ref.c_str(), s.selected == r.id,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap |
                                      ImGuiSelectableFlags_AllowDoubleClick)) {
                select_assignment(s, r.id);
                if (ImGui::IsMouseDoubleClicked(0)) s.view = View::Task;
            }
            s.probes["tasks:row:" + std::to_string(r.id)] = {ref_x + ImGui::GetFontSize(),
                                                             (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2};
            // Keyboard: arrows move between rows (ImGui's navigation), Enter opens the row.
            if (ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) {
                select_assignment(s, r.id);
                s.view = View::Task;
            }
            ImGui::TableNextColumn();
            cell_text(r.agency);
            if (ImGui::IsItemHovered() && r.agency != r.agency_full) ImGui::SetTooltip("%s", r.agency_full.c_str());
            ImGui::TableNextColumn();
            cell_text(label(r.role));
            ImGui::TableNextColumn();
            const ImVec4 status_colour = status_color(r.status);
            cell_text(label(r.status), &status_colour);
            ImGui::TableNextColumn();
            const ImVec4 bucket_colour = bucket_color(r.bucket);
            cell_text(std::string("● ") + label(r.bucket), &bucket_colour);
            ImGui::TableNextColumn();
            cell_text(r.due_text);
            ImGui::TableNextColumn();
            cell_text(std::to_string(r.progress) + "%");
            ImGui::TableNextColumn();
            cell_text(r.owner);
            ImGui::TableNextColumn();
            cell_text(r.title);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace dt::ui

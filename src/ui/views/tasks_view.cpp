// Nhiệm vụ: every assignment, filtered and sorted from cached rows, with a bulk change.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <set>
#include <iterator>

#include "core/error.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
// The table's columns, in the order they are drawn: the title right after the ref, read first.
enum Column { kColSel, kColRef, kColTitle, kColAgency, kColStatus, kColBucket, kColDue, kColProgress, kColOwner,
              kColRole, kColumns };

// A column's width as laid out in this frame (after the user's resizing), without its padding.
float column_width(int c) {
    const ImGuiTable* table = ImGui::GetCurrentTable();
    return table ? table->Columns[c].WidthGiven : 0.0f;
}

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
    // Wide enough for its hint, which says that accents are optional.
    const float hint = ImGui::CalcTextSize(tr(T::FilterHint)).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetNextItemWidth(std::clamp(hint, w * 16, w * 22));
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

// What a sortable header needs: its label and the sort arrow beside it (imgui's TableHeader).
float header(const char* label_text) {
    return ImGui::CalcTextSize(label_text).x + ImGui::GetFontSize() * 0.65f + ImGui::GetStyle().FramePadding.x;
}

// Each column as wide as its widest content or its header (within limits), measured when the
// data or the language changes, not per frame.
void measure_columns(AppState& s) {
    auto& v = s.tasks_view;
    if (v.widths_revision == s.built_revision && v.widths_lang == language()) return;
    const float font = ImGui::GetFontSize();
    float agency = header(tr(T::Agency)), owner = header(tr(T::Owner)), ref = header(tr(T::Ref));
    std::set<int> seen_agency;
    for (const auto& r : s.tasks.rows()) {
        if (seen_agency.insert(r.agency_key).second) agency = std::max(agency, ImGui::CalcTextSize(r.agency.c_str()).x);
        ref = std::max(ref, ImGui::CalcTextSize(r.ref.c_str()).x);
    }
    for (const auto& o : s.tasks.owners()) owner = std::max(owner, ImGui::CalcTextSize(o.c_str()).x);
    auto& c = v.widths;
    c[kColRef] = std::min(ref, font * 6);
    c[kColAgency] = std::min(agency, font * 10);
    c[kColOwner] = std::min(owner, font * 10);
    c[kColStatus] = widest(header(tr(T::Status)), {label(Status::NotStarted), label(Status::InProgress),
                                                   label(Status::Done), label(Status::Blocked)});
    c[kColBucket] = widest(header(tr(T::Bucket)) - ImGui::CalcTextSize("● ").x,
                           {short_label(Bucket::DoneOnTime), short_label(Bucket::DoneLate), short_label(Bucket::OpenOnTime),
                            short_label(Bucket::OpenOverdue), short_label(Bucket::NoDeadline)}) +
                    ImGui::CalcTextSize("● ").x;
    c[kColDue] = std::max(header(tr(T::Due)), ImGui::CalcTextSize("00/00/0000").x);
    c[kColProgress] = std::max(header(tr(T::Progress)), ImGui::CalcTextSize("100%").x);
    c[kColRole] = widest(header(tr(T::Role)), {label(AssignmentRole::Lead), label(AssignmentRole::Coordinate)});
    c[kColSel] = font * 1.5f;
    v.widths_revision = s.built_revision;
    v.widths_lang = language();
}

void update_sort(AppState& s) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty || specs->SpecsCount == 0) return;
    const auto& spec = specs->Specs[0];
    // Each column's user ID is its SortKey (TableSetupColumn), whatever order the user dragged it to.
    s.tasks.set_sort({static_cast<SortKey>(spec.ColumnUserID), spec.SortDirection == ImGuiSortDirection_Descending});
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

    measure_columns(s);
    auto& v = s.tasks_view;
    const float w = ImGui::GetFontSize();
    const float pad = ImGui::GetStyle().CellPadding.x * 2 + 1;  // each column's padding and border
    const float avail = ImGui::GetContentRegionAvail().x;
    const float min_title = w * 24;  // about 40 characters of the title, read without scrolling
    // The title is read first and takes what the others leave. On a narrow window (a 1366×768
    // laptop) the least read columns start hidden until the user shows them again from the
    // header's context menu (right click); imgui.ini then remembers the choice.
    std::array<bool, kColumns> hide{};
    float fixed = 0;
    for (int c = 0; c < kColumns; ++c)
        if (c != kColTitle) fixed += v.widths[c] + pad;
    for (int c : {kColRole, kColOwner, kColProgress}) {
        if (avail - fixed >= min_title) break;
        hide[c] = true;
        fixed -= v.widths[c] + pad;
    }
    // If the user shows every column on a narrow window, the table scrolls sideways rather than
    // squeezing the title to nothing (the last frame's visible columns and widths).
    // Otherwise no sideways scrolling at all: the title stretches over what is left.
    const float room = avail - ImGui::GetStyle().ScrollbarSize - 2;
    const bool sideways = v.shown_fixed + min_title > room;
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersV | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_Reorderable | ImGuiTableFlags_Hideable |
                                  (sideways ? ImGuiTableFlags_ScrollX : 0);
    const float inner = sideways ? v.shown_fixed + min_title : 0.0f;
    if (!ImGui::BeginTable("##tasks-v2", kColumns, flags, ImVec2(0, 0), inner)) return;
    // The tick box and the ref stay on the left if the table scrolls sideways.
    ImGui::TableSetupScrollFreeze(2, 1);
    auto fixed_column = [&](const char* name, int c, SortKey key, ImGuiTableColumnFlags extra = 0) {
        ImGui::TableSetupColumn(name, ImGuiTableColumnFlags_WidthFixed | extra |
                                          (hide[c] ? ImGuiTableColumnFlags_DefaultHide : 0),
                                v.widths[c], static_cast<ImGuiID>(key));
    };
    fixed_column("##sel", kColSel, SortKey::Ref, ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_NoHide);
    fixed_column(tr(T::Ref), kColRef, SortKey::Ref, ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_NoHide);
    ImGui::TableSetupColumn(tr(T::Title), ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoHide, 1.0f,
                            static_cast<ImGuiID>(SortKey::Title));
    fixed_column(tr(T::Agency), kColAgency, SortKey::Agency);
    fixed_column(tr(T::Status), kColStatus, SortKey::Status);
    fixed_column(tr(T::Bucket), kColBucket, SortKey::Bucket);
    fixed_column(tr(T::Due), kColDue, SortKey::Due);
    fixed_column(tr(T::Progress), kColProgress, SortKey::Progress);
    fixed_column(tr(T::Owner), kColOwner, SortKey::Owner);
    fixed_column(tr(T::Role), kColRole, SortKey::Role);
    ImGui::TableHeadersRow();
    update_sort(s);
    v.shown_fixed = 0;
    for (int c = 0; c < kColumns; ++c)
        if (c != kColTitle && (ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_IsEnabled))
            v.shown_fixed += column_width(c) + pad;

    const auto& rows = s.tasks.rows();
    const auto& visible = s.tasks.visible();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(visible.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const TaskRow& r = rows[visible[i]];
            ImGui::PushID(static_cast<int>(r.id));
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(kColSel);
            bool& checked = s.tasks_view.selected[r.id];
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(1, 1));
            ImGui::Checkbox("##c", &checked);
            ImGui::PopStyleVar();
            ImGui::TableSetColumnIndex(kColRef);
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
            if (ImGui::TableSetColumnIndex(kColTitle)) cell_text(r.title);
            if (ImGui::TableSetColumnIndex(kColAgency)) {
                cell_text(r.agency);
                if (ImGui::IsItemHovered() && r.agency != r.agency_full) ImGui::SetTooltip("%s", r.agency_full.c_str());
            }
            if (ImGui::TableSetColumnIndex(kColStatus)) {
                const ImVec4 status_colour = status_color(r.status);
                cell_text(label(r.status), &status_colour);
            }
            if (ImGui::TableSetColumnIndex(kColBucket)) {
                // The short word in the table, the whole one on hover.
                const ImVec4 bucket_colour = bucket_color(r.bucket);
                cell_text(std::string("● ") + short_label(r.bucket), &bucket_colour);
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label(r.bucket));
            }
            if (ImGui::TableSetColumnIndex(kColDue)) cell_text(r.due_text);
            if (ImGui::TableSetColumnIndex(kColProgress)) cell_text(std::to_string(r.progress) + "%");
            if (ImGui::TableSetColumnIndex(kColOwner)) cell_text(r.owner);
            if (ImGui::TableSetColumnIndex(kColRole)) cell_text(label(r.role));
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace dt::ui

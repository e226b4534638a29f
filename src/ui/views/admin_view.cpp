// Quản trị: the tabs; agencies and groups, and importing a directive with a preview.
#include <imgui.h>

#include <cstdio>
#include <imgui_stdlib.h>

#include <cstring>

#include "core/error.h"
#include "importer/importer.h"
#include "service/registry.h"
#include "service/timestamps.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/views/admin_parts.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
void load(AppState& s) {
    auto& a = s.admin;
    if (a.built_revision == s.revision) return;
    a.agencies = s.service.agencies();
    a.members.clear();
    for (const auto& g : a.agencies)
        if (g.is_group) a.members[g.id] = s.service.group_members(g.id);
    a.users = s.actor.role == UserRole::Admin ? s.service.users(s.actor) : std::vector<store::UserRecord>{};
    // A lock shows while it lasts at the time of reading; a later sign-in (ours or another
    // process's) changes the data and reads the list again.
    a.user_locks.clear();
    for (const auto& u : a.users) {
        const auto left = u.locked_until ? service::seconds_until(*u.locked_until) : std::nullopt;
        a.user_locks.push_back(left && *left > 0 ? local_time(*u.locked_until) : std::string());
    }
    a.pending = s.service.extensions(s.actor, true);
    a.backups_stale = true;
    a.built_revision = s.revision;
}

template <typename F>
void act(AppState& s, F&& action) {
    admin_act(s, std::forward<F>(action));
}

// A tab whose probe a headless test can click.
bool tab(AppState& s, T label, const char* name) {
    const bool open = ImGui::BeginTabItem(tr(label));
    probe(s, std::string("admin:tab:") + name);
    return open;
}

void draw_agencies(AppState& s) {
    auto& a = s.admin;
    const bool admin = s.actor.role == UserRole::Admin;
    if (ImGui::BeginTable("##agencies", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH,
                          ImVec2(0, ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 6))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(T::Name), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr(T::ShortName), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8);
        ImGui::TableSetupColumn(tr(T::Kind), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8);
        ImGui::TableSetupColumn(tr(T::Active), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
        ImGui::TableHeadersRow();
        for (int i = 0; i < static_cast<int>(a.agencies.size()); ++i) {
            const auto& ag = a.agencies[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(ag.name.c_str(), a.selected_agency == i, ImGuiSelectableFlags_SpanAllColumns))
                a.selected_agency = i;
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ag.short_name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(agency_kind_label(ag.kind));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ag.active ? "✓" : "—");
        }
        ImGui::EndTable();
    }
    ImGui::BeginDisabled(!admin);
    if (a.selected_agency >= 0 && a.selected_agency < static_cast<int>(a.agencies.size())) {
        const auto& ag = a.agencies[a.selected_agency];
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
        ImGui::InputText(tr(T::NewName), a.new_name, sizeof a.new_name);
        ImGui::SameLine();
        if (ImGui::Button(tr(T::Rename))) act(s, [&] { s.service.rename_agency(s.actor, ag.name, a.new_name); });
        ImGui::SameLine();
        if (ImGui::Button(tr(T::Deactivate))) act(s, [&] { s.service.set_agency_active(s.actor, ag.name, false); });
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 20);
    ImGui::InputText(tr(T::Name), a.agency_name, sizeof a.agency_name);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputText(tr(T::ShortName), a.agency_short, sizeof a.agency_short);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    // The kind in words; the code is what is stored.
    if (ImGui::BeginCombo(tr(T::Kind), agency_kind_label(a.agency_kind))) {
        for (const auto& code : agency_kinds())
            if (ImGui::Selectable(agency_kind_label(code), code == a.agency_kind))
                std::snprintf(a.agency_kind, sizeof a.agency_kind, "%s", code.c_str());
        ImGui::EndCombo();
    }
    if (ImGui::Button(tr(T::Add)))
        act(s, [&] { s.service.add_agency(s.actor, a.agency_name, a.agency_short, a.agency_kind, {}); });
    ImGui::EndDisabled();
    if (!admin) disabled_reason(tr(T::OnlyAdmin));
}

void draw_groups(AppState& s) {
    const auto& a = s.admin;
    for (const auto& g : a.agencies) {
        if (!g.is_group) continue;
        const auto& members = a.members.at(g.id);
        if (ImGui::TreeNode(g.name.c_str(), "%s (%zu)", g.name.c_str(), members.size())) {
            for (Id m : members)
                for (const auto& ag : a.agencies)
                    if (ag.id == m) ImGui::BulletText("%s", ag.name.c_str());
            ImGui::TreePop();
        }
    }
}

void draw_preview(const importer::Outline& o) {
    ImGui::Text("%s — %s", o.directive.code.c_str(), o.directive.title.c_str());
    ImGui::Text("%zu %s · %zu %s · %zu %s", o.sections.size(), tr(T::Sections), o.tasks.size(), tr(T::Tasks),
                o.agencies.size(), tr(T::Agency));
    for (const auto& w : o.warnings) ImGui::TextColored(ImVec4(0.75f, 0.45f, 0.10f, 1.0f), "⚠ %s", w.c_str());
    if (!ImGui::BeginTable("##preview", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH,
                           ImVec2(0, ImGui::GetFontSize() * 18)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(T::Ref), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5);
    ImGui::TableSetupColumn(tr(T::Deadline), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
    ImGui::TableSetupColumn(tr(T::Agency), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (const auto& t : o.tasks) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t.ref.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t.deadline ? t.deadline->vn().c_str() : "—");
        ImGui::TableNextColumn();
        std::string agencies;
        for (const auto& a : t.agencies)
            agencies += (agencies.empty() ? "" : "; ") + a.name + (a.role == AssignmentRole::Coordinate ? " (" + std::string(label(a.role)) + ")" : "");
        ImGui::TextWrapped("%s", agencies.c_str());
    }
    ImGui::EndTable();
}

void draw_import(AppState& s) {
    auto& a = s.admin;
    const bool admin = s.actor.role == UserRole::Admin;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    file_field(s.files, "import", tr(T::ImportFromFile), a.import_path, sizeof a.import_path, ChooseMode::Open,
               "*.txt *.docx *.pdf");
    ImGui::TextUnformatted(tr(T::PasteText));
    ImGui::InputTextMultiline("##paste", &a.import_text, ImVec2(-1, ImGui::GetFontSize() * 8));
    if (ImGui::Button(tr(T::Preview))) {
        a.preview.reset();
        a.preview_error.clear();
        try {
            const std::string text = a.import_path[0]
                                         ? service::read_file(a.import_path, importer::kMaxDirectiveBytes)
                                         : a.import_text;
            a.preview = importer::parse_directive(text, s.service.catalog());
        } catch (const Error& e) {
            a.preview_error = message(e);
        }
    }
    field_error(a.preview_error);
    if (!a.preview) return;
    draw_preview(*a.preview);
    ImGui::BeginDisabled(!admin);
    if (ImGui::Button(tr(T::ImportNow))) {
        act(s, [&] { s.service.import_directive(s.actor, *a.preview); });
        if (!s.message_is_error) a.preview.reset();
    }
    ImGui::EndDisabled();
    if (!admin) disabled_reason(tr(T::OnlyAdmin));
}
}  // namespace

void draw_admin(AppState& s) {
    load(s);
    if (!ImGui::BeginTabBar("##admin")) return;
    if (tab(s, T::AdminAgencies, "agencies")) {
        draw_agencies(s);
        ImGui::EndTabItem();
    }
    if (tab(s, T::AdminGroups, "groups")) {
        draw_groups(s);
        ImGui::EndTabItem();
    }
    if (tab(s, T::AdminUsers, "users")) {
        draw_admin_users(s);
        ImGui::EndTabItem();
    }
    if (tab(s, T::AdminExtensions, "extensions")) {
        draw_admin_extensions(s);
        ImGui::EndTabItem();
    }
    if (tab(s, T::AdminImport, "import")) {
        draw_import(s);
        ImGui::EndTabItem();
    }
    if (tab(s, T::AdminBackup, "backups")) {
        draw_admin_backups(s);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace dt::ui

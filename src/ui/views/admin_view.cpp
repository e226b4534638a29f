// Quản trị: the tabs; agencies and groups (importing a directive: admin_import.cpp).
#include <imgui.h>

#include <cstdio>
#include <imgui_stdlib.h>

#include <cstring>

#include "core/clock.h"
#include "core/error.h"
#include "importer/importer.h"
#include "service/registry.h"
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
        const auto left = u.locked_until ? seconds_until(*u.locked_until) : std::nullopt;
        a.user_locks.push_back(left && *left > 0 ? local_timestamp(*u.locked_until) : std::string());
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
    if (ImGui::BeginTable("##agencies", 4,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                              ImGuiTableFlags_Resizable,
                          ImVec2(0, ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 6))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(T::Name), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr(T::ShortName), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8);
        ImGui::TableSetupColumn(tr(T::Kind), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8);
        ImGui::TableSetupColumn(tr(T::Active), ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize(tr(T::Active)).x);
        ImGui::TableHeadersRow();
        for (int i = 0; i < static_cast<int>(a.agencies.size()); ++i) {
            const auto& ag = a.agencies[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(i);
            if (cell_selectable(ag.name, a.selected_agency == i, ImGuiSelectableFlags_SpanAllColumns, "agency"))
                a.selected_agency = i;
            ImGui::PopID();
            ImGui::TableNextColumn();
            cell_text(ag.short_name);
            ImGui::TableNextColumn();
            cell_text(agency_kind_label(ag.kind));
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
        draw_admin_import(s);
        ImGui::EndTabItem();
    }
    if (tab(s, T::AdminBackup, "backups")) {
        draw_admin_backups(s);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace dt::ui

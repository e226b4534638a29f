// Nhắc việc: per agency, what is overdue, due within 7 or 14 days, sent back, or had its
// extension decided; a printable digest per agency (report/reminders.h) the office can send.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "core/error.h"
#include "core/text.h"
#include "report/reminders.h"
#include "ui/open_file.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
constexpr service::ReminderKind kKinds[] = {service::ReminderKind::Overdue, service::ReminderKind::DueSoon,
                                            service::ReminderKind::SentBack, service::ReminderKind::ExtensionDecided};

const char* kind_label(service::ReminderKind k) {
    switch (k) {
    // core's words (core/messages.h), as dtrack remind says them
    case service::ReminderKind::Overdue: return dt::label(Msg::WordRemindOverdue, language());
    case service::ReminderKind::DueSoon: return dt::label(Msg::WordRemindDueSoon, language());
    case service::ReminderKind::SentBack: return dt::label(Msg::WordRemindSentBack, language());
    case service::ReminderKind::ExtensionDecided: return dt::label(Msg::WordRemindExtension, language());
    }
    return "";
}

std::string days_text(const service::Reminder& r) {
    if (!r.assignment.due) return "—";
    if (r.days == 0) return tr(T::Today);
    const std::string n = format_count(std::abs(r.days));
    std::string pattern = tr(r.days < 0 ? T::DaysLate : T::DaysLeft);
    const auto at = pattern.find("%d");
    return at == std::string::npos ? pattern : pattern.replace(at, 2, n);
}

// The list's agency: an agency user's own, else the office's pick (none: every agency).
std::optional<Id> scope(const AppState& s) { return s.actor.agency_id ? s.actor.agency_id : s.reminders.agency; }

void write_digest(AppState& s) {
    auto& r = s.reminders;
    r.error.clear();
    try {
        report::ReminderDigest digest;
        digest.as_of = s.as_of;
        digest.within = r.within;
        if (auto issuer = s.service.setting("report.issuing_body")) digest.issuer = *issuer;
        for (int i : r.shown) digest.reminders.push_back(r.rows[i]);
        std::string name = "nhac-viec";
        if (!digest.reminders.empty() && scope(s)) {
            const auto& first = digest.reminders.front().assignment;
            name += "-" + safe_file_name(first.agency_short.empty() ? first.agency : first.agency_short);
        }
        name += "-" + s.as_of.iso() + ".pdf";
        const auto path = std::filesystem::path(default_report_folder()) / name;
        report::write_reminder_pdf(digest, path);
        r.written = path.string();
        std::string error;
        if (!open_path(r.written, error)) r.error = error;
    } catch (const std::exception& e) {
        r.error = message(e);
    }
}
}  // namespace

void refresh_reminders(AppState& s) {
    auto& r = s.reminders;
    const auto agency = scope(s);
    const bool same_rows = r.built_revision == s.built_revision && r.built_as_of == s.as_of &&
                           r.built_within == r.within && r.built_revision != 0;
    if (same_rows && r.built_agency == agency) return;
    if (!same_rows) {
        r.error.clear();
        r.rows.clear();
        r.count_by_agency.clear();
        r.count = 0;
        try {
            // The service keeps an agency user to its own agency; the office reads every agency's.
            r.rows = s.service.reminders(s.actor, std::nullopt, r.within, s.as_of);
        } catch (const Error& e) {
            r.error = message(e);
        }
        // Every row counts: a send-back and a decided extension wait for the agency as much as a deadline.
        for (const auto& x : r.rows) {
            ++r.count;
            ++r.count_by_agency[x.assignment.agency_id];
        }
        r.built_revision = s.built_revision;
        r.built_as_of = s.as_of;
        r.built_within = r.within;
    }
    r.shown.clear();
    for (int i = 0; i < static_cast<int>(r.rows.size()); ++i)
        if (!agency || r.rows[i].assignment.agency_id == *agency) r.shown.push_back(i);
    r.built_agency = agency;
}

void reminder_summary(AppState& s, std::optional<Id> agency) {
    refresh_reminders(s);
    int counts[4] = {0, 0, 0, 0};
    for (const auto& x : s.reminders.rows)
        if (!agency || x.assignment.agency_id == *agency) ++counts[static_cast<int>(x.kind)];
    std::string line = std::string(tr(T::RemindSummary)) + " (" + tr(T::RemindWithin) + " " +
                       format_count(s.reminders.within) + " " + tr(T::RemindDays) + "):";
    const char* separator = " ";
    for (auto k : kKinds) {
        line += separator + format_count(counts[static_cast<int>(k)]) + " " + kind_label(k);
        separator = " · ";
    }
    ImGui::TextColored(counts[0] > 0 ? bucket_color(Bucket::OpenOverdue) : ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s",
                       line.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(T::ShowList))) {
        if (!s.actor.agency_id) s.reminders.agency = agency;
        s.view = View::Reminders;
    }
    probe(s, "reminders:open");
}

void draw_reminders(AppState& s) {
    auto& r = s.reminders;
    const float font = ImGui::GetFontSize();
    if (!s.actor.agency_id) {
        std::string current = tr(T::AllAgencies);
        for (const auto& [id, name] : s.tasks.agencies())
            if (r.agency == id) current = name;
        ImGui::SetNextItemWidth(font * 18);
        if (ImGui::BeginCombo("##agency", current.c_str())) {
            if (ImGui::Selectable(tr(T::AllAgencies), !r.agency)) r.agency.reset();
            for (const auto& [id, name] : s.tasks.agencies())
                if (ImGui::Selectable(name.c_str(), r.agency == id)) r.agency = id;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
    } else {
        ImGui::TextUnformatted(s.actor.agency_name.c_str());
        ImGui::SameLine();
    }
    ImGui::TextUnformatted(tr(T::RemindWithin));
    ImGui::SameLine();
    ImGui::RadioButton("7", &r.within, 7);
    ImGui::SameLine();
    ImGui::RadioButton("14", &r.within, 14);
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(T::RemindDays));
    ImGui::SameLine();
    if (ImGui::Button(tr(T::PrintDigest))) write_digest(s);
    probe(s, "reminders:pdf");
    refresh_reminders(s);
    ImGui::TextDisabled("%s %s", tr(T::CountsAt), s.as_of.vn().c_str());
    if (!r.written.empty()) ImGui::TextDisabled("%s %s", tr(T::DigestWritten), r.written.c_str());
    field_error(r.error);
    if (r.shown.empty()) {
        ImGui::TextDisabled("%s", tr(T::NothingToRemind));
        return;
    }

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##reminders", 6, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(T::Agency), ImGuiTableColumnFlags_WidthFixed, font * 9);
    ImGui::TableSetupColumn(tr(T::Due), ImGuiTableColumnFlags_WidthFixed, font * 5.5f);
    // As wide as the longest the language writes ("overdue by 9,999 day(s)"), not cut at 160 days.
    float days_width = font * 4;
    for (T pattern : {T::DaysLate, T::DaysLeft}) {
        std::string widest = tr(pattern);
        if (const auto at = widest.find("%d"); at != std::string::npos) widest.replace(at, 2, format_count(9999));
        days_width = std::max(days_width, ImGui::CalcTextSize(widest.c_str()).x + ImGui::GetStyle().CellPadding.x * 2);
    }
    ImGui::TableSetupColumn("##days", ImGuiTableColumnFlags_WidthFixed, days_width);
    ImGui::TableSetupColumn(tr(T::Ref), ImGuiTableColumnFlags_WidthFixed, font * 4);
    ImGui::TableSetupColumn(tr(T::Status), ImGuiTableColumnFlags_WidthFixed, font * 8);
    ImGui::TableSetupColumn(tr(T::Title), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    // The service's order: by agency, then reason; a heading row where the reason changes.
    std::optional<service::ReminderKind> kind;
    Id agency = 0;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(r.shown.size()));
    while (clipper.Step()) {
        if (clipper.DisplayStart > 0) {
            kind = r.rows[r.shown[clipper.DisplayStart - 1]].kind;
            agency = r.rows[r.shown[clipper.DisplayStart - 1]].assignment.agency_id;
        }
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& x = r.rows[r.shown[i]];
            const auto& a = x.assignment;
            ImGui::PushID(i);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const bool new_group = kind != x.kind || agency != a.agency_id;
            kind = x.kind;
            agency = a.agency_id;
            if (cell_selectable(new_group ? (a.agency_short.empty() ? a.agency : a.agency_short) : "", s.selected == a.id,
                                ImGuiSelectableFlags_SpanAllColumns, "row")) {
                select_assignment(s, a.id);
                s.view = View::Task;
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s · %s", a.agency.c_str(), kind_label(x.kind));
            probe_left(s, "reminders:" + std::to_string(a.id));
            ImGui::TableNextColumn();
            cell_text(a.due ? a.due->vn() : "—");
            ImGui::TableNextColumn();
            const ImVec4 late = bucket_color(Bucket::OpenOverdue);
            cell_text(days_text(x), x.days < 0 && a.due ? &late : nullptr);
            ImGui::TableNextColumn();
            cell_text(a.task_ref);
            ImGui::TableNextColumn();
            const ImVec4 colour = status_color(a.status);
            cell_text(label(a.status), &colour);
            ImGui::TableNextColumn();
            std::string what = std::string(kind_label(x.kind)) + ": " + a.title;
            if (x.kind == service::ReminderKind::SentBack) what += " — " + a.review_note;
            if (x.extension)
                what += " — " + std::string(label(x.extension->status)) + " " + x.extension->requested_due.vn();
            cell_text(what);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace dt::ui

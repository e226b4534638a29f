// Giải ngân data entry: one entry through a form, or many from a CSV file after a preview.
// Only the office (admin) writes; the service checks it again.
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/error.h"
#include "core/money.h"
#include "core/text.h"
#include "service/registry.h"
#include "ui/strings.h"
#include "ui/views/disbursement_parts.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
constexpr std::size_t kMaxCsvBytes = 5 * 1024 * 1024;

// Looks the message up without adding the field to the map, which must stay empty when all is well.
const std::string& error_of(const DisbursementViewState& v, const char* field) {
    static const std::string none;
    const auto it = v.field_errors.find(field);
    return it == v.field_errors.end() ? none : it->second;
}

// The field fills its pane but leaves its label room on the right.
void fill_width(const char* label) {
    ImGui::SetNextItemWidth(-(ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().ItemInnerSpacing.x));
}

void save_entry(AppState& s) {
    auto& v = s.disbursement_view;
    v.field_errors.clear();
    service::EntryInput entry;
    const auto* project = v.form_project ? s.disbursement.project(*v.form_project) : nullptr;
    if (project) entry.project_code = project->project.code;
    else v.field_errors["project"] = tr(T::NeedProject);
    if (const auto date = Date::parse_user(trim(v.date))) entry.date = *date;
    else v.field_errors["date"] = tr(T::NeedDate);
    const auto amount = parse_vnd(trim(v.amount));
    if (amount && *amount > 0) entry.amount = *amount;
    else v.field_errors["amount"] = tr(T::BadAmount);
    entry.note = v.note;
    if (!v.field_errors.empty()) return;
    try {
        s.service.record_disbursement(s.actor, entry);
        s.data_changed();
        s.report(tr(T::Recorded), false);
        v.amount[0] = '\0';
        v.note[0] = '\0';
    } catch (const Error& e) {
        // The service's sentence (over the plan, outside the year, a duplicate) belongs beside the form.
        if (e.kind() == ErrorKind::Invalid) v.field_errors["save"] = message(e);
        else s.report(message(e), true);
    }
}

void draw_project_combo(AppState& s) {
    auto& v = s.disbursement_view;
    const auto& projects = s.disbursement.projects;
    const auto* current = v.form_project ? s.disbursement.project(*v.form_project) : nullptr;
    const std::string shown = current ? current->project.code + " — " + current->project.name : tr(T::ChooseProject);
    fill_width(tr(T::ColProject));
    if (ImGui::BeginCombo(tr(T::ColProject), shown.c_str(), ImGuiComboFlags_HeightLarge)) {
        ImGuiListClipper clipper;  // a province has thousands of projects
        clipper.Begin(static_cast<int>(projects.size()));
        while (clipper.Step()) {
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const auto& p = projects[i].project;
                ImGui::PushID(static_cast<int>(p.id));
                const std::string label = p.code + "  " + p.name;
                if (ImGui::Selectable(label.c_str(), v.form_project == p.id)) v.form_project = p.id;
                probe(s, "disbursement:form:project:" + p.code);
                ImGui::PopID();
            }
        }
        ImGui::EndCombo();
    }
    probe(s, "disbursement:form:project");
    if (current) ImGui::TextDisabled("%s: %s", tr(T::ColInvestor), current->project.investor_name.c_str());
    field_error(error_of(v, "project"));
}
}  // namespace

void draw_entry_form(AppState& s) {
    auto& v = s.disbursement_view;
    const bool admin = s.actor.role == UserRole::Admin;
    const float w = ImGui::GetFontSize();
    section_title(tr(T::EntryFormTitle));
    if (!v.date_prefilled) {
        std::snprintf(v.date, sizeof v.date, "%s", s.as_of.vn().c_str());
        v.date_prefilled = true;
    }
    ImGui::BeginDisabled(!admin);
    draw_project_combo(s);
    ImGui::SetNextItemWidth(w * 8);
    ImGui::InputTextWithHint(tr(T::ColDate), "dd/mm/yyyy", v.date, sizeof v.date);
    probe(s, "disbursement:form:date");
    field_error(error_of(v, "date"));
    ImGui::SetNextItemWidth(w * 11);
    ImGui::InputTextWithHint(tr(T::ColAmount), "1.250.000", v.amount, sizeof v.amount);
    probe(s, "disbursement:form:amount");
    // Echo the amount as it will be stored, so a missing zero shows before saving.
    if (const auto amount = parse_vnd(trim(v.amount)); amount && *amount > 0)
        ImGui::TextDisabled("= %s", format_vnd(*amount).c_str());
    field_error(error_of(v, "amount"));
    fill_width(tr(T::ColNote));
    ImGui::InputText(tr(T::ColNote), v.note, sizeof v.note);
    probe(s, "disbursement:form:note");
    if (ImGui::Button(tr(T::Save))) save_entry(s);
    probe(s, "disbursement:form:save");
    ImGui::EndDisabled();
    if (!admin) disabled_reason(tr(T::OnlyAdmin));
    field_error(error_of(v, "save"));
}

namespace {
void preview_csv(AppState& s) {
    auto& v = s.disbursement_view;
    v.csv_rows.clear();
    v.csv_text.clear();
    v.csv_total = 0;
    v.csv_error.clear();
    try {
        std::string text = service::read_file(v.csv_path, kMaxCsvBytes);
        v.csv_rows = s.service.preview_disbursement_csv(s.actor, text);
        v.csv_text = std::move(text);
        for (const auto& row : v.csv_rows) v.csv_total += row.amount;
    } catch (const Error& e) {
        v.csv_error = message(e);
    }
}

void import_csv(AppState& s) {
    auto& v = s.disbursement_view;
    try {
        const int count = s.service.import_disbursement_csv(s.actor, v.csv_text);
        s.data_changed();
        s.report(std::string(tr(T::CsvImported)) + " " + std::to_string(count), false);
        v.csv_rows.clear();
        v.csv_text.clear();
        v.csv_total = 0;
    } catch (const Error& e) {
        v.csv_error = message(e);  // nothing was stored: the import is all rows or none
    }
}

void draw_csv_rows(const DisbursementViewState& v) {
    ImGui::Text("%zu %s · %s: %s", v.csv_rows.size(), tr(T::RowsShown), tr(T::Total), format_vnd(v.csv_total).c_str());
    const float most = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 2;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersV |
                                  ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("##csv-rows", 5, flags, ImVec2(0, table_height(v.csv_rows.size(), most, 1.0f)))) return;
    const float w = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(T::ColLine), ImGuiTableColumnFlags_WidthFixed, w * 3);
    ImGui::TableSetupColumn(tr(T::ColCode), ImGuiTableColumnFlags_WidthFixed, w * 5);
    ImGui::TableSetupColumn(tr(T::ColDate), ImGuiTableColumnFlags_WidthFixed, w * 6);
    ImGui::TableSetupColumn(tr(T::ColAmount), ImGuiTableColumnFlags_WidthFixed, w * 9);
    ImGui::TableSetupColumn(tr(T::ColNote), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(v.csv_rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& row = v.csv_rows[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%zu", row.line);
            ImGui::TableNextColumn();
            cell_text(row.project_code);
            ImGui::TableNextColumn();
            cell_text(row.date.vn());
            ImGui::TableNextColumn();
            right_aligned(format_count(row.amount));
            ImGui::TableNextColumn();
            cell_text(row.note);
        }
    }
    ImGui::EndTable();
}
}  // namespace

void draw_csv_import(AppState& s) {
    auto& v = s.disbursement_view;
    const bool admin = s.actor.role == UserRole::Admin;
    section_title(tr(T::CsvTitle));
    ImGui::TextDisabled("%s", tr(T::CsvFormat));
    ImGui::BeginDisabled(!admin);
    fill_width(tr(T::CsvPath));
    file_field(s.files, "csv", tr(T::CsvPath), v.csv_path, sizeof v.csv_path, ChooseMode::Open, "*.csv");
    probe(s, "disbursement:csv:path");
    if (ImGui::Button(tr(T::Preview))) preview_csv(s);
    probe(s, "disbursement:csv:preview");
    ImGui::EndDisabled();
    if (!admin) disabled_reason(tr(T::OnlyAdmin));
    field_error(v.csv_error);
    if (v.csv_rows.empty()) return;
    draw_csv_rows(v);
    ImGui::BeginDisabled(!admin);
    if (ImGui::Button(tr(T::ImportNow))) import_csv(s);
    probe(s, "disbursement:csv:import");
    ImGui::EndDisabled();
}

}  // namespace dt::ui

// Báo cáo: pick the as-of (and since) dates, see the report's figures, export, open the folder.
#include <imgui.h>

#include <cstdio>
#include <cstring>

#include "core/error.h"
#include "report/build.h"
#include "report/labels.h"
#include "report/writers.h"
#include "ui/open_file.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
constexpr report::Format kFormats[] = {report::Format::Pdf, report::Format::Xlsx, report::Format::Html, report::Format::Csv};
constexpr const char* kExtensions[] = {"pdf", "xlsx", "html", "csv"};

std::filesystem::path target(const ReportsViewState& v, int format) {
    return std::filesystem::path(v.folder) / (std::string(v.file_stem) + "." + kExtensions[format]);
}

void build_preview(AppState& s) {
    auto& v = s.reports_view;
    v.error.clear();
    v.preview_revision = s.revision;
    v.preview_as_of = s.as_of;
    v.preview_since = v.since;
    report::Request req;
    req.as_of = s.as_of;
    if (v.since[0]) {
        req.since = Date::parse_user(v.since);
        if (!req.since) {
            v.error = tr(T::InvalidDate);
            return;
        }
    }
    try {
        v.preview = report::build_report(s.service, s.actor, req);
    } catch (const Error& e) {
        v.preview.reset();
        v.error = e.what();
    }
}

// One format per frame, so the progress bar moves and the window stays responsive.
void export_step(AppState& s) {
    auto& v = s.reports_view;
    if (v.queue.empty() || !v.preview) return;
    const int format = v.queue.front();
    v.queue.erase(v.queue.begin());
    const auto out = target(v, format);
    try {
        std::error_code ec;
        if (std::filesystem::exists(out, ec) && !v.overwrite)
            fail(ErrorKind::Invalid, out.string() + ": " + tr(T::FileExists));
        report::write_report(*v.preview, kFormats[format], out);
        store::ReportRecord record;
        record.as_of = v.preview->as_of;
        if (v.preview->changes) record.since = v.preview->changes->since;
        record.directive = v.preview->directive_code;
        record.format = kExtensions[format];
        record.path = out.string();
        record.figures = report::figures_json(*v.preview);
        s.service.record_report(s.actor, record);
        v.written.push_back(out.string());
    } catch (const Error& e) {
        v.error = e.what();
        v.queue.clear();
    }
    ++v.done_steps;
}

void draw_figures(const report::Report& r) {
    section_title(tr(T::ReportFigures));
    if (ImGui::BeginTable("##report-figures", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) {
        auto row = [](const char* name, const std::string& value) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(name);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(value.c_str());
        };
        for (auto b : {Bucket::DoneOnTime, Bucket::DoneLate, Bucket::OpenOnTime, Bucket::OpenOverdue, Bucket::NoDeadline})
            row(label(b), std::to_string(r.totals.count(b)));
        row(tr(T::OnTimeRate), report::percent_vi(r.totals.on_time_rate));
        row(tr(T::Assignments), std::to_string(r.totals.total));
        row(tr(T::StatusBlocked), std::to_string(r.blocked.size()));
        if (r.disbursement) {
            row(tr(T::NavDisbursement), report::percent_vi(r.disbursement->province.rate_assigned) + " / " +
                                            std::to_string(r.disbursement->required_percent) + " %");
        }
        if (r.changes) {
            row(tr(T::ChangesSince), r.changes->since.vn());
            row(tr(T::NewlyDone), std::to_string(r.changes->newly_done.size()));
            row(tr(T::NewlyOverdue), std::to_string(r.changes->newly_overdue.size()));
            row(tr(T::DeadlineChanges), std::to_string(r.changes->deadline_changes.size()));
            row(tr(T::NewEvidence), std::to_string(r.changes->new_evidence.size()));
        }
        ImGui::EndTable();
    }
}
}  // namespace

void draw_reports(AppState& s) {
    auto& v = s.reports_view;
    export_step(s);
    if (v.folder[0] == '\0') std::snprintf(v.folder, sizeof v.folder, "%s", default_report_folder().c_str());
    if (v.file_stem[0] == '\0') std::snprintf(v.file_stem, sizeof v.file_stem, "bao-cao-%s", s.as_of.iso().c_str());

    ImGui::Text("%s: %s", tr(T::AsOf), s.as_of.vn().c_str());
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputTextWithHint(tr(T::Since), "dd/mm/yyyy", v.since, sizeof v.since);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(T::SinceHint));
    // Built again only when something it depends on changed; a half-typed date waits.
    const bool since_ready = v.since[0] == '\0' || Date::parse_user(v.since).has_value();
    if (since_ready && (v.preview_revision != s.revision || v.preview_as_of != s.as_of || v.preview_since != v.since))
        build_preview(s);
    field_error(v.error);
    if (!v.preview) return;
    draw_figures(*v.preview);

    section_title(tr(T::Export));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    file_field(s.files, "folder", tr(T::Folder), v.folder, sizeof v.folder, ChooseMode::Folder);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputText(tr(T::FileName), v.file_stem, sizeof v.file_stem);
    for (int f = 0; f < 4; ++f) {
        ImGui::Checkbox(kExtensions[f], &v.formats[f]);
        ImGui::SameLine();
    }
    ImGui::Checkbox(tr(T::Overwrite), &v.overwrite);
    const bool busy = !v.queue.empty();
    ImGui::BeginDisabled(busy);
    if (ImGui::Button(tr(T::Export))) {
        v.written.clear();
        v.error.clear();
        v.done_steps = 0;
        for (int f = 0; f < 4; ++f)
            if (v.formats[f]) v.queue.push_back(f);
        v.total_steps = static_cast<int>(v.queue.size());
    }
    probe(s, "reports:export");
    ImGui::EndDisabled();
    if (v.total_steps > 0) {
        ImGui::SameLine();
        ImGui::ProgressBar(static_cast<float>(v.done_steps) / static_cast<float>(v.total_steps),
                           ImVec2(ImGui::GetFontSize() * 12, 0));
    }
    for (const auto& path : v.written) ImGui::BulletText("%s", path.c_str());
    if (!v.written.empty() && ImGui::Button(tr(T::OpenFolder))) {
        std::string error;
        if (!open_path(v.folder, error)) s.report(error, true);
    }
}

}  // namespace dt::ui

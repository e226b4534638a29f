// Báo cáo: pick the as-of (and since) dates, see the report's figures, export, open the folder.
#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <cstring>

#include "core/error.h"
#include "core/text.h"
#include "report/build.h"
#include "report/labels.h"
#include "report/writers.h"
#include "ui/open_file.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
constexpr report::Format kFormats[] = {report::Format::Pdf, report::Format::Xlsx, report::Format::Html, report::Format::Csv,
                                       report::Format::Docx};
constexpr const char* kExtensions[] = {"pdf", "xlsx", "html", "csv", "docx"};
constexpr int kFormatCount = 5;

report::Format format_named(const std::string& name) {
    for (int f = 0; f < kFormatCount; ++f)
        if (name == kExtensions[f]) return kFormats[f];
    return report::Format::Pdf;
}

// The document fields, prefilled once from the last recorded report (its number one higher).
void load_document(AppState& s) {
    auto& v = s.reports_view;
    const auto d = report::next_document(s.service);
    std::snprintf(v.number, sizeof v.number, "%s", d.number.c_str());
    std::snprintf(v.doc_date, sizeof v.doc_date, "%s", Date::today().vn().c_str());
    std::snprintf(v.signer, sizeof v.signer, "%s", d.signer_name.c_str());
    std::snprintf(v.signer_title, sizeof v.signer_title, "%s", d.signer_title.c_str());
    std::string lines;
    for (const auto& r : d.recipients) lines += (lines.empty() ? "" : "\n") + r;
    std::snprintf(v.recipients, sizeof v.recipients, "%s", lines.c_str());
    v.document_loaded = true;
}

// The preview with this document's fields: what is written and recorded.
report::Report document_of(const ReportsViewState& v, const report::Report& preview) {
    auto r = preview;
    auto& st = r.settings;
    st.number = collapse_spaces(v.number);
    st.issued_on = Date::parse_user(v.doc_date);
    st.signer_name = collapse_spaces(v.signer);
    st.signer_title = collapse_spaces(v.signer_title);
    st.recipients.clear();
    for (const auto& line : split(v.recipients, '\n'))
        if (!collapse_spaces(line).empty()) st.recipients.push_back(collapse_spaces(line));
    return r;
}

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
        v.error = message(e);
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
        const auto doc = document_of(v, *v.preview);
        report::write_report(doc, kFormats[format], out);
        store::ReportRecord record;
        record.as_of = doc.as_of;
        if (doc.changes) record.since = doc.changes->since;
        record.directive = doc.directive_code;
        record.format = kExtensions[format];
        record.path = out.string();
        record.figures = report::figures_json(doc);
        record.document = report::document_json(doc);
        s.service.record_report(s.actor, record);
        s.data_changed();
        v.written.push_back(out.string());
        if (v.queue.empty()) v.document_loaded = false;  // the next report: its number one higher
    } catch (const Error& e) {
        v.error = message(e);
        v.queue.clear();
    }
    ++v.done_steps;
}

void draw_document(AppState& s) {
    auto& v = s.reports_view;
    if (!v.document_loaded) load_document(s);
    section_title(tr(T::ReportDocument));
    const float w = ImGui::GetFontSize();
    ImGui::SetNextItemWidth(w * 10);
    ImGui::InputText(tr(T::DocNumber), v.number, sizeof v.number);
    probe(s, "reports:number");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w * 7);
    ImGui::InputTextWithHint(tr(T::ReportDate), "dd/mm/yyyy", v.doc_date, sizeof v.doc_date);
    ImGui::SetNextItemWidth(w * 12);
    ImGui::InputText(tr(T::Signer), v.signer, sizeof v.signer);
    probe(s, "reports:signer");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w * 10);
    ImGui::InputText(tr(T::SignerTitle), v.signer_title, sizeof v.signer_title);
    ImGui::TextUnformatted(tr(T::Recipients));
    ImGui::InputTextMultiline("##recipients", v.recipients, sizeof v.recipients, ImVec2(w * 24, w * 4));
}

// Every recorded report, with "Xuất lại": the same document again, as it was made.
void draw_recorded(AppState& s) {
    auto& v = s.reports_view;
    if (v.recorded_revision != s.revision) {
        v.recorded = s.service.reports();
        v.recorded_revision = s.revision;
    }
    if (v.recorded.empty()) return;
    section_title(tr(T::RecordedReports));
    if (!ImGui::BeginTable("##recorded", 5, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit |
                                                ImGuiTableFlags_ScrollY,
                           ImVec2(0, ImGui::GetFontSize() * 8)))
        return;
    ImGui::TableSetupColumn("#");
    ImGui::TableSetupColumn(tr(T::ColAsOf));
    ImGui::TableSetupColumn(tr(T::ColFormat));
    ImGui::TableSetupColumn(tr(T::DocNumber));
    ImGui::TableSetupColumn("");
    ImGui::TableHeadersRow();
    for (auto it = v.recorded.rbegin(); it != v.recorded.rend(); ++it) {
        const auto& rec = *it;
        ImGui::PushID(static_cast<int>(rec.id));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(rec.id));
        ImGui::TableNextColumn();
        // Columns sized to their content (SizingFixedFit): nothing here is ever cut.
        ImGui::TextUnformatted(rec.as_of.vn().c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(rec.format.c_str());
        ImGui::TableNextColumn();
        const auto doc = report::parse_document_json(rec.document, report::Settings{});
        ImGui::TextUnformatted(doc.settings.number.c_str());
        ImGui::TableNextColumn();
        if (ImGui::SmallButton(tr(T::Reissue))) {
            const auto out = std::filesystem::path(v.folder) /
                             ("bao-cao-" + std::to_string(rec.id) + "-" + rec.as_of.iso() + "." + rec.format);
            try {
                std::error_code ec;
                if (std::filesystem::exists(out, ec) && !v.overwrite)
                    fail(ErrorKind::Invalid, out.string() + ": " + tr(T::FileExists));
                const auto again = report::build_report(s.service, s.actor, report::reissue_request(s.service, rec.id));
                report::write_report(again, format_named(rec.format), out);
                v.written.push_back(out.string());
            } catch (const Error& e) {
                v.error = message(e);
            }
        }
        probe(s, "reports:reissue:" + std::to_string(rec.id));
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// The PDF of this document to the system's printer (CUPS lp), through a file in a private
// temporary folder (mkdtemp: no other user can put a link where it goes), removed once lp has
// queued it or failed.
void print(AppState& s) {
    auto& v = s.reports_view;
    v.error.clear();
    std::string folder = (std::filesystem::temp_directory_path() / "dtrack-print-XXXXXX").string();
    if (!mkdtemp(folder.data())) {
        v.error = std::string(tr(T::PrintFailed)) + " (" + folder + ")";
        return;
    }
    const auto path = std::filesystem::path(folder) / ("bao-cao-" + s.as_of.iso() + ".pdf");
    try {
        const auto doc = document_of(v, *v.preview);
        report::write_pdf(doc, path);
        const std::string title = "Báo cáo " + doc.settings.number + " (" + doc.as_of.vn() + ")";
        switch (print_pdf(path.string(), title)) {
        case PrintResult::Sent: s.report(std::string(tr(T::SentToPrinter)) + " " + title, false); break;
        case PrintResult::Missing: v.error = tr(T::NoPrinter); break;
        case PrintResult::Failed: v.error = tr(T::PrintFailed); break;
        }
    } catch (const Error& e) {
        v.error = message(e);
    }
    std::error_code ec;
    std::filesystem::remove_all(folder, ec);
}

void draw_figures(const report::Report& r) {
    section_title(tr(T::ReportFigures));
    if (ImGui::BeginTable("##report-figures", 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) {
        auto row = [](const char* name, const std::string& value) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(name);  // sized to their content (SizingFixedFit)
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(value.c_str());
        };
        for (auto b : {Bucket::DoneOnTime, Bucket::DoneLate, Bucket::OpenOnTime, Bucket::OpenOverdue, Bucket::NoDeadline})
            row(label(b), format_count(r.totals.count(b)));  // in the window's language, as the dashboard
        row(tr(T::OnTimeRate), format_percent(r.totals.on_time_rate));
        row(tr(T::Assignments), format_count(r.totals.total));
        row(label(Status::Blocked), format_count(static_cast<long long>(r.blocked.size())));
        if (r.disbursement) {
            row(tr(T::NavDisbursement), format_percent(r.disbursement->province.rate_assigned) + " / " +
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
    draw_document(s);

    section_title(tr(T::Export));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24);
    file_field(s.files, "folder", tr(T::Folder), v.folder, sizeof v.folder, ChooseMode::Folder);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputText(tr(T::FileName), v.file_stem, sizeof v.file_stem);
    for (int f = 0; f < kFormatCount; ++f) {
        ImGui::Checkbox(kExtensions[f], &v.formats[f]);
        probe(s, std::string("reports:format:") + kExtensions[f]);
        ImGui::SameLine();
    }
    ImGui::Checkbox(tr(T::Overwrite), &v.overwrite);
    const bool busy = !v.queue.empty();
    ImGui::BeginDisabled(busy);
    if (ImGui::Button(tr(T::Export))) {
        v.written.clear();
        v.error.clear();
        v.done_steps = 0;
        for (int f = 0; f < kFormatCount; ++f)
            if (v.formats[f]) v.queue.push_back(f);
        v.total_steps = static_cast<int>(v.queue.size());
    }
    probe(s, "reports:export");
    ImGui::SameLine();
    if (ImGui::Button(tr(T::Print))) print(s);
    probe(s, "reports:print");
    ImGui::EndDisabled();
    if (v.total_steps > 0) {
        ImGui::SameLine();
        ImGui::ProgressBar(static_cast<float>(v.done_steps) / static_cast<float>(v.total_steps),
                           ImVec2(ImGui::GetFontSize() * 12, 0));
    }
    // Each written file opens directly in the desktop's program (a PDF viewer, a spreadsheet).
    for (std::size_t i = 0; i < v.written.size(); ++i) {
        const auto& path = v.written[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton(tr(T::OpenWritten))) {
            std::string error;
            if (!open_path(path, error)) s.report(error, true);
        }
        probe(s, "reports:open:" + std::filesystem::path(path).extension().string());
        ImGui::SameLine();
        ImGui::TextUnformatted(path.c_str());
        ImGui::PopID();
    }
    if (!v.written.empty() && ImGui::Button(tr(T::OpenFolder))) {
        std::string error;
        if (!open_path(v.folder, error)) s.report(error, true);
    }
    draw_recorded(s);
}

}  // namespace dt::ui

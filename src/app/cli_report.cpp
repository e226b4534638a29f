// dtrack report …: the progress report in four formats, recorded for "since the last report".
//
// Compiled twice. In dtrack, `report` hands the same command line to dtrack-report beside it:
// the PDF and XLSX libraries (pango, cairo, harfbuzz, libxlsxwriter and some forty libraries
// behind them) cost every start of a program linked to them several milliseconds, more than
// most commands take; dtrack leaves them out (linked --as-needed) and only dtrack-report,
// built with DT_REPORT_WRITERS, loads them.
#include <unistd.h>

#include <climits>
#include <cstdint>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <iostream>

#include "app/cli_commands.h"
#include "app/cli_words.h"
#include "core/numbers.h"
#include "core/error.h"
#include "core/text.h"
#include "report/build.h"
#include "report/reminders.h"
#include "report/writers.h"

namespace dt::cli {


#ifndef DT_REPORT_WRITERS
int run_remind_pdf(const Context& ctx, const RemindOptions&) { return run_report(ctx, {}); }  // the same hand-over

int run_report(const Context& ctx, const ReportOptions&) {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) fail(ErrorKind::System, Msg::CannotFindSelf, {ec.message()});
    const std::string writer = (self.parent_path() / "dtrack-report").string();
    std::cout.flush();
    ctx.argv[0] = const_cast<char*>(writer.c_str());
    execv(writer.c_str(), ctx.argv);
    fail(ErrorKind::System, Msg::CannotStartWriter, {writer, std::string(std::strerror(errno))});
}
#else
namespace {
report::Format format_of(const std::optional<std::string>& name, const std::filesystem::path& out) {
    std::string f = name ? *name : out.extension().string();
    if (!f.empty() && f.front() == '.') f.erase(0, 1);
    if (f == "pdf") return report::Format::Pdf;
    if (f == "xlsx") return report::Format::Xlsx;
    if (f == "html" || f == "htm") return report::Format::Html;
    if (f == "csv") return report::Format::Csv;
    if (f == "docx") return report::Format::Docx;
    fail(ErrorKind::Invalid, Msg::UnknownReportFormat, {quoted_input(f)});
}

store::Id report_id(const std::string& text) {
    return whole_or_fail(text, Msg::NotReportId, {}, 1, INT64_MAX);
}

const char* format_name(report::Format f) {
    switch (f) {
    case report::Format::Pdf: return "pdf";
    case report::Format::Xlsx: return "xlsx";
    case report::Format::Html: return "html";
    case report::Format::Csv: return "csv";
    case report::Format::Docx: return "docx";
    }
    return "";
}
}  // namespace

int run_report(const Context& ctx, const ReportOptions& o) {
    report::Request req;
    const bool reissue = o.reissue.has_value();
    if (reissue && (o.as_of || o.since || o.directive || o.number || o.date || o.signer || o.signer_title || !o.recipients.empty()))
        fail(ErrorKind::Usage, Msg::ReissueOnly);
    req.as_of = o.as_of ? parse_date_or_fail(*o.as_of, "The as-of date") : Date::today();
    if (o.since) req.since = parse_date_or_fail(*o.since, "The since date");
    req.directive = o.directive;
    std::optional<Date> issued_on;
    if (o.date) issued_on = parse_date_or_fail(*o.date, "The report's date");
    const store::Id reissue_id = reissue ? report_id(*o.reissue) : 0;  // 0: a new report
    // The path is recorded with the report and printed: it is text like any other field.
    const std::filesystem::path out(check_single_line("The output path", o.out, 4096));
    const auto format = format_of(o.format, out);
    std::error_code ec;
    if (std::filesystem::is_directory(out, ec))
        fail(ErrorKind::Invalid, Msg::OutIsFolder, {quoted_input(out.string(), 4096)});
    if (std::filesystem::exists(out, ec) && !o.force) fail(ErrorKind::Invalid, Msg::OutExists, {out.string()});
    report::check_target(out);  // never the database, a backup, a device: --force or not
    auto s = open_session(ctx);
    if (reissue) {
        req = report::reissue_request(*s.service, reissue_id);
    } else {
        auto settings = report::next_document(*s.service);
        if (o.number) settings.number = check_single_line("The report's number", *o.number, 200);
        if (issued_on) settings.issued_on = issued_on;
        if (o.signer) settings.signer_name = check_single_line("The signer", *o.signer, 200);
        if (o.signer_title) settings.signer_title = check_multi_line("The signer's title", *o.signer_title, 500);
        if (!o.recipients.empty()) {
            settings.recipients.clear();
            for (const auto& r : o.recipients) settings.recipients.push_back(check_single_line("A recipient", r, 500));
        }
        req.settings = settings;
    }
    const auto started = std::chrono::steady_clock::now();
    s.service->require_sound();  // never a report silently missing the rows of a damaged page
    const auto rep = report::build_report(*s.service, s.actor, req);
    report::write_report(rep, format, out);
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    // A reissue is the same document again: it is not a new report, so it is not recorded.
    if (!reissue) {
        store::ReportRecord record;
        record.as_of = rep.as_of;
        if (rep.changes) record.since = rep.changes->since;
        record.directive = rep.directive_code;
        record.format = format_name(format);
        record.path = std::filesystem::absolute(out, ec).string();
        record.figures = report::figures_json(rep);
        record.document = report::document_json(rep);
        s.service->record_report(s.actor, record);
    }
    const auto wrote = reissue ? cli::say(Msg::OutReissued, {reissue_id, out.string()}) : cli::say(Msg::OutWrote, {out.string()});
    std::cout << cli::say(Msg::OutReportDetails, {wrote, format_name(format), MsgArg::grouped(rep.totals.total), rep.as_of,
                                                  rep.changes ? cli::say(Msg::OutChangesSince, {rep.changes->since}) : std::string(),
                                                  MsgArg::grouped(static_cast<long long>(ms))})
              << "\n";
    return 0;
}

int run_remind_pdf(const Context& ctx, const RemindOptions& o) {
    report::ReminderDigest digest;
    digest.within = within_days(o.within);
    digest.as_of = o.as_of ? parse_date_or_fail(*o.as_of, "The as-of date") : Date::today();
    const std::filesystem::path out(check_single_line("The output path", *o.pdf, 4096));
    std::error_code ec;
    if (std::filesystem::is_directory(out, ec))
        fail(ErrorKind::Invalid, Msg::PdfIsFolder, {quoted_input(out.string(), 4096)});
    if (std::filesystem::exists(out, ec) && !o.force) fail(ErrorKind::Invalid, Msg::OutExists, {out.string()});
    auto s = open_session(ctx);
    digest.issuer = report::load_settings(*s.service).issuing_body;
    digest.reminders = s.service->reminders(s.actor, o.agency, digest.within, digest.as_of);
    report::write_reminder_pdf(digest, out);
    std::cout << cli::say(Msg::OutDigestWritten, {out.string(), MsgArg::grouped(static_cast<long long>(digest.reminders.size())),
                                                  digest.as_of})
              << "\n";
    return 0;
}
#endif

int run_report_settings(const Context& ctx, const std::optional<std::string>& key, const std::optional<std::string>& value) {
    auto s = open_session(ctx);
    if (key) {
        if (!value) fail(ErrorKind::Usage, Msg::SettingNeedsValue);
        report::save_setting(*s.service, s.actor, *key, *value);
    }
    const auto st = report::load_settings(*s.service);
    std::cout << "issuing_body      " << st.issuing_body << "\nparent_body       " << st.parent_body << "\nnumber            "
              << st.number << "\nplace             " << st.place << "\nsigner_authority  " << st.signer_authority
              << "\nsigner_title      " << st.signer_title << "\nsigner_name       " << st.signer_name
              << "\nrecipients        ";
    for (const auto& r : st.recipients) std::cout << r << " | ";
    std::cout << "\n";
    return 0;
}

}  // namespace dt::cli

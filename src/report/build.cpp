// The report model from the service: one pass over the assignments, grouped three ways.
#include "report/build.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>

#include "core/error.h"
#include "core/text.h"

namespace dt::report {

using store::Id;

namespace {
// The same counting as the dashboard's and the CLI summary's (core's BucketTally).
Counts counts_of(const BucketTally& t) {
    Counts c;
    for (int b = 0; b < 5; ++b) c.buckets[b] = t.counts[b];
    c.total = t.total;
    c.deadline_passed = t.deadline_passed;
    c.on_time_rate = t.on_time_rate();
    return c;
}

Evidence to_evidence(const store::EvidenceRecord& e) { return {e.note, e.doc_ref, e.doc_date, e.created_at}; }

Share share_of(const service::AssignmentView& v, const std::map<Id, store::EvidenceRecord>& latest) {
    const auto& r = v.record;
    Share s{r.id, r.agency, r.role, r.status, v.bucket, r.progress, r.owner, r.due, r.completed_on, std::nullopt};
    if (auto it = latest.find(r.id); it != latest.end()) s.latest_evidence = to_evidence(it->second);
    s.original_due = r.original_due;
    s.extensions = r.extension_count;
    s.difficulties = r.difficulties;
    s.proposals = r.proposals;
    return s;
}

Disbursement disbursement_of(const service::DisbursementStatus& now, const std::optional<service::DisbursementStatus>& before) {
    Disbursement d;
    d.required_percent = now.required_percent;
    if (now.next) {
        d.next_milestone = now.next->due;
        d.next_percent = now.next->percent;
    }
    std::map<std::string, std::int64_t> earlier;
    if (before)
        for (const auto& i : before->investors) earlier[i.investor.name] = i.rates.disbursed;
    for (const auto& i : now.investors) {
        InvestorLine line{i.investor.name, i.rates.plan_assigned, i.rates.plan_total, i.rates.disbursed,
                          i.rates.rate_assigned, i.rates.rate_total, i.behind, i.rank, std::nullopt};
        if (before) line.disbursed_since = i.rates.disbursed - earlier[i.investor.name];
        d.investors.push_back(std::move(line));
    }
    const auto& p = now.province;
    d.province = {"Toàn tỉnh", p.plan_assigned, p.plan_total, p.disbursed, p.rate_assigned, p.rate_total,
                  p.rate_assigned < now.required_percent, 0, std::nullopt};
    if (before) d.province.disbursed_since = p.disbursed - before->province.disbursed;
    d.behind = now.behind;
    return d;
}

// The document's one-line fields, by the name they have in the recorded document's JSON and,
// after "report.", in the settings: one list for loading, recording and reading back.
constexpr std::pair<const char*, std::string Settings::*> kTextFields[] = {
    {"parent_body", &Settings::parent_body},       {"issuing_body", &Settings::issuing_body},
    {"number", &Settings::number},                 {"place", &Settings::place},
    {"signer_authority", &Settings::signer_authority}, {"signer_title", &Settings::signer_title},
    {"signer_name", &Settings::signer_name}};

std::string ts_day(const std::string& timestamp) {
    const auto d = Date::parse_iso(timestamp.substr(0, 10));
    return d ? d->vn() : timestamp;
}
}  // namespace

Settings load_settings(const service::Service& service) {
    Settings s;
    auto read = [&](const char* key, std::string& into) {
        if (auto v = service.setting(key)) into = *v;
    };
    for (const auto& [name, field] : kTextFields) read(("report." + std::string(name)).c_str(), s.*field);
    read("report.docx_template", s.docx_template);
    if (auto v = service.setting("report.recipients")) s.recipients = split(*v, '\n');
    return s;
}

void save_setting(service::Service& service, const service::Actor& actor, const std::string& key, const std::string& value) {
    static const char* keys[] = {"parent_body", "issuing_body", "number", "place", "signer_authority",
                                 "signer_title", "signer_name", "recipients", "docx_template"};
    if (std::find(std::begin(keys), std::end(keys), key) == std::end(keys))
        fail(ErrorKind::Invalid, Msg::UnknownReportSetting, {key});
    service.set_setting(actor, "report." + key, value);
}

Report build_report(const service::Service& service, const service::Actor& actor, const Request& req) {
    const auto directives = service.directives();
    if (directives.empty()) fail(ErrorKind::Invalid, Msg::NoDirectiveToReport);
    auto directive = directives.front();
    if (req.directive) {
        const auto it = std::find_if(directives.begin(), directives.end(), [&](auto& d) { return d.code == *req.directive; });
        if (it == directives.end()) fail(ErrorKind::Invalid, Msg::NoSuchDirective, {*req.directive});
        directive = *it;
    }
    std::optional<Date> since = req.since;
    if (!since && req.since_last_report)
        if (auto last = service.last_report(directive.code); last && last->as_of < req.as_of) since = last->as_of;
    if (since && *since > req.as_of)
        fail(ErrorKind::Invalid, Msg::SinceAfterAsOf, {*since, req.as_of});

    Report r;
    r.settings = req.settings ? *req.settings : load_settings(service);
    r.as_of = req.as_of;
    r.generated_on = req.generated_on;
    r.directive_code = directive.code;
    r.directive_title = directive.title;
    r.directive_issued_on = directive.issued_on;
    r.directive_issuer = directive.issuer;

    service::ListFilter filter;
    filter.directive = directive.code;
    filter.as_of = req.as_of;
    const auto rows = service.list(filter);
    const auto latest = service.latest_evidence(req.as_of);
    std::map<std::string, Date> deadlines;
    for (const auto& t : service.tasks(directive.id))
        if (t.deadline) deadlines.emplace(t.ref, *t.deadline);

    std::map<std::string, std::size_t> section_index;
    for (const auto& s : service.sections(directive.id)) {
        section_index[s.label] = r.sections.size();
        r.sections.push_back({s.label, s.title, {}, {}});
    }
    BucketTally totals;
    std::vector<BucketTally> by_section(r.sections.size());
    std::map<std::string, BucketTally> by_agency;
    std::map<std::string, std::vector<AgencyProposals::Item>> by_agency_proposals;
    for (const auto& v : rows) {
        const auto& a = v.record;
        // The task's whole text wherever the report names it: the title is the importer's
        // shortening of it, and an office report may not cut what the directive says.
        const std::string& words = a.text.empty() ? a.title : a.text;
        const std::size_t si = section_index.at(a.section);
        for (BucketTally* t : {&totals, &by_agency[a.agency], &by_section[si]}) t->add(v.bucket, a.due, req.as_of);
        auto& section = r.sections[si];
        if (section.tasks.empty() || section.tasks.back().ref != a.task_ref) {
            const auto d = deadlines.find(a.task_ref);
            section.tasks.push_back({a.task_ref, words, a.text,
                                     d == deadlines.end() ? std::nullopt : std::optional<Date>(d->second), {}});
        }
        const auto share = share_of(v, latest);
        section.tasks.back().shares.push_back(share);
        if (v.bucket == Bucket::OpenOverdue)
            r.overdue.push_back({a.task_ref, words, share, static_cast<int>(req.as_of.serial() - a.due->serial())});
        if (a.status == Status::Blocked) r.blocked.push_back({a.task_ref, words, share, 0});
        if (!a.difficulties.empty() || !a.proposals.empty())
            by_agency_proposals[a.agency].push_back({a.task_ref, words, a.difficulties, a.proposals});
    }
    for (auto& [agency, items] : by_agency_proposals) r.proposals.push_back({agency, std::move(items)});
    r.totals = counts_of(totals);
    for (std::size_t i = 0; i < r.sections.size(); ++i) r.sections[i].counts = counts_of(by_section[i]);
    for (const auto& [agency, tally] : by_agency) r.agencies.push_back({agency, counts_of(tally)});
    std::stable_sort(r.overdue.begin(), r.overdue.end(), [](auto& a, auto& b) { return a.days_overdue > b.days_overdue; });
    std::stable_sort(r.agencies.begin(), r.agencies.end(), [](auto& a, auto& b) {
        return a.counts.count(Bucket::OpenOverdue) > b.counts.count(Bucket::OpenOverdue);
    });

    const auto now = service.disbursement_status(actor, req.as_of);
    if (!now.investors.empty()) {
        std::optional<service::DisbursementStatus> before;
        if (since) before = service.disbursement_status(actor, *since);
        r.disbursement = disbursement_of(now, before);
    }

    if (since) {
        Changes c;
        c.since = *since;
        std::map<Id, const service::AssignmentView*> by_id;
        auto words_of = [](const store::AssignmentRecord& a) -> const std::string& { return a.text.empty() ? a.title : a.text; };
        for (const auto& v : rows) by_id[v.record.id] = &v;
        for (const auto& v : rows) {
            const auto& a = v.record;
            if (a.completed_on && *a.completed_on > *since && *a.completed_on <= req.as_of)
                c.newly_done.push_back({a.task_ref, words_of(a), a.agency, a.due ? "hạn " + a.due->vn() : "", a.completed_on->vn()});
            // Overdue now, but its deadline had not passed at the previous report.
            if (v.bucket == Bucket::OpenOverdue && a.due && *a.due >= *since)
                c.newly_overdue.push_back({a.task_ref, words_of(a), a.agency, "hạn " + a.due->vn(), a.due->plus_days(1).vn()});
        }
        for (const auto& j : service.journal_between(*since, req.as_of, "due")) {
            const auto it = j.assignment_id ? by_id.find(*j.assignment_id) : by_id.end();
            if (it == by_id.end()) continue;
            auto show = [](const std::optional<std::string>& iso) {
                const auto d = iso ? Date::parse_iso(*iso) : std::nullopt;
                return d ? d->vn() : std::string("—");
            };
            const auto& a = it->second->record;
            c.deadline_changes.push_back({a.task_ref, words_of(a), a.agency, show(j.old_value) + " → " + show(j.new_value), ts_day(j.at)});
        }
        // Closed ones are no longer in `rows`: read each (a handful) to name it.
        for (const auto& j : service.journal_between(*since, req.as_of, "closed")) {
            if (!j.assignment_id || !j.new_value) continue;  // a reopening
            const auto a = service.get(*j.assignment_id).record;
            c.closed.push_back({a.task_ref, words_of(a), a.agency, "Đã đóng: " + *j.new_value, ts_day(j.at)});
        }
        for (const auto& e : service.evidence_between(*since, req.as_of)) {
            const auto it = by_id.find(e.assignment_id);
            if (it == by_id.end()) continue;
            const auto& a = it->second->record;
            c.new_evidence.push_back({a.task_ref, words_of(a), a.agency, e.doc_ref.empty() ? e.note : e.doc_ref + ": " + e.note,
                                      ts_day(e.created_at)});
        }
        r.changes = std::move(c);
    }
    return r;
}

std::string figures_json(const Report& r) {
    nlohmann::json buckets = nlohmann::json::object();
    for (auto b : {Bucket::DoneOnTime, Bucket::DoneLate, Bucket::OpenOnTime, Bucket::OpenOverdue, Bucket::NoDeadline})
        buckets[std::string(to_string(b))] = r.totals.count(b);
    nlohmann::json out{{"as_of", r.as_of.iso()}, {"assignments", r.totals.total}, {"buckets", buckets},
                       {"on_time_rate", r.totals.on_time_rate}, {"overdue", r.overdue.size()}, {"blocked", r.blocked.size()}};
    if (r.changes) out["since"] = r.changes->since.iso();
    if (r.disbursement) {
        const auto& d = *r.disbursement;
        out["disbursement"] = {{"required_percent", d.required_percent}, {"rate_assigned", d.province.rate_assigned},
                               {"rate_total", d.province.rate_total}, {"disbursed", d.province.disbursed},
                               {"investors_behind", d.behind}};
    }
    return out.dump();
}

}  // namespace dt::report

namespace dt::report {

std::string document_json(const Report& r) {
    const auto& s = r.settings;
    nlohmann::json out{{"recipients", s.recipients}, {"generated_on", r.generated_on.iso()}};
    for (const auto& [name, field] : kTextFields) out[name] = s.*field;
    if (s.issued_on) out["issued_on"] = s.issued_on->iso();
    return out.dump();
}

RecordedDocument parse_document_json(const std::string& text, const Settings& fallback) {
    RecordedDocument d{fallback, Date::today()};
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return d;
    auto read = [&](const char* key, std::string& into) {
        if (j.contains(key) && j[key].is_string()) into = j[key].get<std::string>();
    };
    auto& s = d.settings;
    for (const auto& [name, field] : kTextFields) read(name, s.*field);
    if (j.contains("recipients") && j["recipients"].is_array()) {
        s.recipients.clear();
        for (const auto& line : j["recipients"])
            if (line.is_string()) s.recipients.push_back(line.get<std::string>());
    }
    std::string date;
    read("issued_on", date);
    s.issued_on = Date::parse_iso(date);
    date.clear();
    read("generated_on", date);
    if (const auto g = Date::parse_iso(date)) d.generated_on = *g;
    return d;
}


Settings next_document(const service::Service& service) {
    const auto saved = load_settings(service);
    const auto directives = service.directives();
    std::optional<store::ReportRecord> last;
    for (const auto& r : service.reports())
        if (!last || r.id > last->id) last = r;
    if (!last) return saved;
    auto s = parse_document_json(last->document, saved).settings;
    s.issued_on.reset();
    s.docx_template = saved.docx_template;
    // The leading number goes up by one; "…/BC-UBND" (no number yet) stays as it is.
    std::size_t digits = 0;
    while (digits < s.number.size() && std::isdigit(static_cast<unsigned char>(s.number[digits]))) ++digits;
    if (digits > 0 && digits < 10) s.number = std::to_string(std::stol(s.number.substr(0, digits)) + 1) + s.number.substr(digits);
    return s;
}

Request reissue_request(const service::Service& service, store::Id id) {
    for (const auto& r : service.reports()) {
        if (r.id != id) continue;
        Request req;
        req.as_of = r.as_of;
        req.since = r.since;
        req.since_last_report = false;
        req.directive = r.directive;
        const auto doc = parse_document_json(r.document, load_settings(service));
        req.settings = doc.settings;
        req.generated_on = doc.generated_on;
        return req;
    }
    fail(ErrorKind::Invalid, Msg::NoSuchReport, {id});
}

}  // namespace dt::report

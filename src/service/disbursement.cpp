// Investors, projects and disbursement entries; rates against the directive's ladder.
#include "service/disbursement.h"
#include "store/store.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/csv.h"
#include "core/error.h"
#include "core/money.h"
#include "core/text.h"
#include "service/service.h"

namespace dt::service {

std::optional<store::MilestoneRecord> current_milestone(const std::vector<store::MilestoneRecord>& ladder, Date as_of) {
    std::optional<store::MilestoneRecord> current;
    for (const auto& m : ladder)
        if (m.due <= as_of && (!current || m.due >= current->due)) current = m;
    return current;
}

int required_percent(const std::vector<store::MilestoneRecord>& ladder, Date as_of) {
    const auto current = current_milestone(ladder, as_of);
    return current ? current->percent : 0;
}

std::optional<store::MilestoneRecord> next_milestone(const std::vector<store::MilestoneRecord>& ladder, Date as_of) {
    for (const auto& m : ladder)
        if (m.due > as_of) return m;
    return std::nullopt;
}

Rates rates_of(std::int64_t plan_assigned, std::int64_t plan_total, std::int64_t disbursed) {
    return {plan_assigned, plan_total, disbursed, percent_of(disbursed, plan_assigned), percent_of(disbursed, plan_total)};
}

bool within_plan_window(int plan_year, Date date) {
    return date >= Date{plan_year, 1, 1} && date <= Date{plan_year + 1, 1, 31};
}

bool Service::may_read_investor(const Actor& actor, const store::InvestorRecord& investor) const {
    if (actor.role != UserRole::Agency) return true;
    if (!actor.agency_id) return false;
    if (investor.agency_id) return *investor.agency_id == *actor.agency_id;
    // An investor added without its agency but named as one (a BQLDA, a district's UBND) is
    // that agency's: its users see it.
    const auto named = store_.find_agency(investor.name);
    return named && named->id == *actor.agency_id;
}

Id Service::add_investor(const Actor& actor, std::string_view name, std::optional<std::string> agency) {
    require_admin(actor, "add investors");
    const auto clean = check_single_line("The investor's name", name, kMaxTitleBytes);
    if (clean.empty()) fail(ErrorKind::Invalid, Msg::InvestorNameEmpty);
    store::Store::WriteTx tx(store_);
    if (auto existing = store_.find_investor(clean))
        fail(ErrorKind::Invalid, Msg::InvestorExists, {existing->name});
    store::InvestorRecord investor{0, clean, std::nullopt, ""};
    if (agency) {
        const auto a = find_agency_or_fail(*agency);
        if (a.is_group) fail(ErrorKind::Invalid, Msg::GroupNotAgency, {a.name});
        investor.agency_id = a.id;
    }
    const Id id = store_.insert_investor(investor);
    journal(actor, "investor", id, std::nullopt, "created", std::nullopt, clean);
    tx.commit();
    return id;
}

Id Service::add_project(const Actor& actor, const ProjectInput& in) {
    require_admin(actor, "add projects");
    store::ProjectRecord p;
    p.code = check_single_line("The project code", in.code, kMaxShortBytes);
    p.name = check_single_line("The project name", in.name, kMaxTitleBytes);
    if (p.code.empty() || p.name.empty()) fail(ErrorKind::Invalid, Msg::ProjectNeedsCodeName);
    if (p.code.find_first_of(" ,") != std::string::npos)
        fail(ErrorKind::Invalid, Msg::ProjectCodeSpaces, {p.code});
    if (in.year < 2000 || in.year > 2100) fail(ErrorKind::Invalid, Msg::PlanYearImplausible, {in.year});
    if (in.plan_assigned < 0 || in.plan_total < 0 || in.plan_assigned > kMaxVnd || in.plan_total > kMaxVnd)
        fail(ErrorKind::Invalid, Msg::PlansPositive);
    if (in.plan_total == 0) fail(ErrorKind::Invalid, Msg::WholePlanZero);
    if (in.plan_total < in.plan_assigned)
        fail(ErrorKind::Invalid, Msg::WholePlanSmaller, {MsgArg::grouped(in.plan_total), MsgArg::grouped(in.plan_assigned)});
    p.year = in.year;
    p.plan_assigned = in.plan_assigned;
    p.plan_total = in.plan_total;
    p.source = in.source;
    store::Store::WriteTx tx(store_);
    if (store_.find_project(p.code)) fail(ErrorKind::Invalid, Msg::ProjectExists, {p.code});
    const auto investor = store_.find_investor(in.investor);
    if (!investor) fail(ErrorKind::Invalid, Msg::UnknownInvestor, {quoted_input(in.investor)});
    p.investor_id = investor->id;
    const Id id = store_.insert_project(p);
    journal(actor, "project", id, std::nullopt, "created", std::nullopt,
            p.code + ": " + group_thousands(p.plan_assigned) + " / " + group_thousands(p.plan_total));
    tx.commit();
    return id;
}

store::DisbursementRecord Service::check_entry(const EntryInput& e, std::map<Id, std::int64_t>& totals) const {
    const auto where = MsgArg::line(static_cast<long long>(e.line));
    const auto project = store_.find_project(e.project_code);
    if (!project) fail(ErrorKind::Invalid, Msg::EntryUnknownProject, {where, quoted_input(e.project_code)});
    if (e.amount <= 0) fail(ErrorKind::Invalid, Msg::EntryAmountPositive, {where});
    if (!within_plan_window(project->year, e.date))
        fail(ErrorKind::Invalid, Msg::EntryOutsideWindow, {where, e.date, project->year, project->year + 1});
    auto it = totals.find(project->id);
    if (it == totals.end()) it = totals.emplace(project->id, store_.disbursed_total(project->id)).first;
    const std::int64_t before = it->second;
    if (before + e.amount > project->plan_total)
        fail(ErrorKind::Invalid, Msg::EntryBeyondPlan, {where, project->code, MsgArg::grouped(before + e.amount), MsgArg::grouped(project->plan_total)});
    if (store_.disbursement_exists(project->id, e.date, e.amount))
        fail(ErrorKind::Invalid, Msg::EntryAlreadyRecorded, {where, MsgArg::grouped(e.amount), e.date, project->code});
    store::DisbursementRecord r;
    r.project_id = project->id;
    r.date = e.date;
    r.amount = e.amount;
    r.note = check_single_line(e.line ? "Line " + std::to_string(e.line) + ": the note" : "The note", e.note, kMaxReasonBytes);
    return r;
}

Id Service::record_disbursement(const Actor& actor, const EntryInput& entry) {
    require_admin(actor, "record disbursements");
    store::Store::WriteTx tx(store_);
    std::map<Id, std::int64_t> totals;
    auto record = check_entry(entry, totals);
    record.created_by = actor.name;
    const Id id = store_.insert_disbursement(record);
    journal(actor, "disbursement", id, std::nullopt, "recorded", std::nullopt,
            entry.project_code + " " + entry.date.iso() + " " + group_thousands(entry.amount));
    tx.commit();
    return id;
}

namespace {
std::vector<EntryInput> read_entries_csv(std::string_view csv) {
    if (!is_valid_utf8(csv)) fail(ErrorKind::Invalid, Msg::CsvNotUtf8);
    const auto records = parse_csv(csv);
    if (records.empty()) fail(ErrorKind::Invalid, Msg::CsvEmpty);
    const auto& header = records.front().fields;
    if (header.size() != 4 || header[0] != "project_code" || header[1] != "date" || header[2] != "amount" ||
        header[3] != "note")
        fail(ErrorKind::Invalid, Msg::CsvEntriesHeader);
    std::vector<EntryInput> out;
    std::set<std::tuple<std::string, Date, std::int64_t>> seen;
    for (std::size_t i = 1; i < records.size(); ++i) {
        const auto& r = records[i];
        const auto where = MsgArg::line(static_cast<long long>(r.line));
        if (r.fields.size() != 4)
            fail(ErrorKind::Invalid, Msg::CsvFieldCount, {where, r.fields.size()});
        EntryInput e;
        e.line = r.line;
        e.project_code = trim(r.fields[0]);
        const auto date = Date::parse_user(trim(r.fields[1]));
        if (!date) fail(ErrorKind::Invalid, Msg::CsvBadDate, {where, quoted_input(r.fields[1])});
        e.date = *date;
        const auto amount = parse_vnd(trim(r.fields[2]));
        if (!amount)
            fail(ErrorKind::Invalid, Msg::CsvBadAmount, {where, quoted_input(r.fields[2])});
        e.amount = *amount;
        e.note = r.fields[3];
        if (!seen.insert({e.project_code, e.date, e.amount}).second)
            fail(ErrorKind::Invalid, Msg::CsvDuplicateEntry, {where, e.project_code, e.date, MsgArg::grouped(e.amount)});
        out.push_back(std::move(e));
    }
    if (out.empty()) fail(ErrorKind::Invalid, Msg::CsvNoEntries);
    return out;
}
}  // namespace

std::vector<EntryInput> Service::preview_disbursement_csv(const Actor& actor, std::string_view csv) const {
    require_admin(actor, "import disbursements");
    auto entries = read_entries_csv(csv);
    std::map<Id, std::int64_t> totals;
    for (const auto& e : entries) {
        const auto r = check_entry(e, totals);
        totals[r.project_id] += r.amount;
    }
    return entries;
}

int Service::import_disbursement_csv(const Actor& actor, std::string_view csv) {
    require_admin(actor, "import disbursements");
    const auto entries = read_entries_csv(csv);
    store::Store::WriteTx tx(store_);
    // One pass: each project's sum is read once and kept running (it was re-summed for every
    // row, 5k rows 5.8 s and 40k 282 s, holding the write lock). Duplicates within the file were
    // refused while reading it; against stored rows, the (project, date) index answers.
    std::map<Id, std::int64_t> totals;
    for (const auto& e : entries) {
        auto r = check_entry(e, totals);
        r.created_by = actor.name;
        store_.insert_disbursement(r);
        totals[r.project_id] += r.amount;
    }
    journal(actor, "disbursement", 0, std::nullopt, "imported", std::nullopt,
            std::to_string(entries.size()) + " entries from CSV");
    tx.commit();
    return static_cast<int>(entries.size());
}

std::vector<store::InvestorRecord> Service::investors(const Actor& actor) const {
    auto all = store_.investors();
    std::erase_if(all, [&](const auto& i) { return !may_read_investor(actor, i); });
    return all;
}

std::optional<Id> Service::ladder_directive() const {
    const auto all = store_.directives();
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (!store_.ladder(it->id).empty()) return it->id;
    return std::nullopt;
}

std::vector<store::MilestoneRecord> Service::ladder() const { return store_.ladder(std::nullopt); }

void Service::set_milestone(const Actor& actor, Date due, int percent) {
    require_admin(actor, "change the ladder");
    if (percent < 0 || percent > 100) fail(ErrorKind::Invalid, Msg::MilestonePercentRange);
    store::Store::WriteTx tx(store_);
    auto directive = ladder_directive();
    if (!directive) {
        const auto all = store_.directives();
        if (all.empty()) fail(ErrorKind::Invalid, Msg::LadderNeedsDirective);
        directive = all.back().id;
    }
    // A ladder only climbs: a later milestone never asks for less than an earlier one.
    for (const auto& m : store_.ladder(*directive)) {
        if (m.due == due) continue;
        if ((m.due < due && m.percent > percent) || (m.due > due && m.percent < percent))
            fail(ErrorKind::Invalid, Msg::LadderGoesDown, {m.due, m.percent, due, percent});
    }
    store_.set_milestone(*directive, {due, percent, ""});
    journal(actor, "ladder", *directive, std::nullopt, due.iso(), std::nullopt, std::to_string(percent));
    tx.commit();
}

void Service::remove_milestone(const Actor& actor, Date due) {
    require_admin(actor, "change the ladder");
    store::Store::WriteTx tx(store_);
    const auto directive = ladder_directive();
    if (!directive || !store_.remove_milestone(*directive, due))
        fail(ErrorKind::Invalid, Msg::NoMilestone, {due});
    journal(actor, "ladder", *directive, std::nullopt, due.iso(), "removed", std::nullopt);
    tx.commit();
}

std::vector<ProjectStatus> Service::project_status(const Actor& actor, Date as_of, std::optional<Id> investor_id) const {
    const int required = required_percent(ladder(), as_of);
    std::map<Id, bool> readable;
    for (const auto& i : store_.investors()) readable[i.id] = may_read_investor(actor, i);
    std::vector<ProjectStatus> out;
    for (auto& p : store_.projects(as_of)) {
        if (!readable[p.investor_id] || (investor_id && p.investor_id != *investor_id)) continue;
        const auto rates = rates_of(p.plan_assigned, p.plan_total, p.disbursed);
        out.push_back({std::move(p), rates, rates.rate_assigned < required});
    }
    return out;
}

DisbursementStatus Service::disbursement_status(const Actor& actor, Date as_of) const {
    return disbursement_status(actor, as_of, project_status(actor, as_of, std::nullopt));
}

DisbursementStatus Service::disbursement_status(const Actor& actor, Date as_of,
                                                const std::vector<ProjectStatus>& projects) const {
    DisbursementStatus s;
    s.as_of = as_of;
    s.ladder = ladder();
    s.required_percent = required_percent(s.ladder, as_of);
    s.next = next_milestone(s.ladder, as_of);
    std::map<Id, Rates> sums;
    for (const auto& ps : projects) {
        auto& r = sums[ps.project.investor_id];
        r.plan_assigned += ps.project.plan_assigned;
        r.plan_total += ps.project.plan_total;
        r.disbursed += ps.project.disbursed;
    }
    for (const auto& investor : investors(actor)) {
        const auto& sum = sums[investor.id];
        InvestorStatus st{investor, rates_of(sum.plan_assigned, sum.plan_total, sum.disbursed), false, 0};
        st.behind = st.rates.rate_assigned < s.required_percent;
        s.behind += st.behind ? 1 : 0;
        s.province.plan_assigned += sum.plan_assigned;
        s.province.plan_total += sum.plan_total;
        s.province.disbursed += sum.disbursed;
        s.investors.push_back(std::move(st));
    }
    s.province = rates_of(s.province.plan_assigned, s.province.plan_total, s.province.disbursed);
    std::stable_sort(s.investors.begin(), s.investors.end(), [](const auto& a, const auto& b) {
        if (a.rates.rate_assigned != b.rates.rate_assigned) return a.rates.rate_assigned < b.rates.rate_assigned;
        return a.investor.name < b.investor.name;
    });
    for (std::size_t i = 0; i < s.investors.size(); ++i) s.investors[i].rank = static_cast<int>(i + 1);
    return s;
}

std::vector<store::DisbursementRecord> Service::disbursement_entries(const Actor& actor, std::optional<Id> project_id) const {
    std::map<Id, bool> readable;
    for (const auto& p : project_status(actor, Date{2999, 12, 31}, std::nullopt)) readable[p.project.id] = true;
    auto all = store_.disbursements(project_id);
    std::erase_if(all, [&](const auto& e) { return !readable[e.project_id]; });
    return all;
}

}  // namespace dt::service

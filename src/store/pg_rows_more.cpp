// PostgreSQL rows: assignments, evidence, journal, extension requests, disbursement, reports.
#include <algorithm>
#include <unordered_map>

#include "store/pg_conn.h"
#include "store/pg_store.h"
#include "store/queries.h"
#include "store/rows.h"

namespace dt::store {

namespace {
Id returning_id(const PgResult& r) { return r.i64(0, 0); }

std::string day_after(Date d) { return d.plus_days(1).iso(); }
}  // namespace

Id PgStore::insert_assignment(const AssignmentRecord& a) {
    return returning_id(conn_->exec(
        "INSERT INTO assignments(task_id, agency_id, role, via_group_id, status, progress, owner, due, completed_on, "
        "version, updated_at, original_due, exists_from) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $8, $11) "
        "RETURNING id",
        PgParams().add(a.task_id).add(a.agency_id).add(std::string(to_string(a.role))).add(a.via_group_id)
            .add(std::string(to_string(a.status))).add(a.progress).add(a.owner).add(a.due).add(a.completed_on)
            .add(now_timestamp()).add(a.exists_from.value_or(Date::today()).iso())));
}

namespace {
// "{1,2,3}": ids as one bigint[] parameter.
std::string id_array(const std::vector<Id>& ids) {
    std::string out = "{";
    for (const auto id : ids) out += (out.size() > 1 ? "," : "") + std::to_string(id);
    return out + "}";
}

// Many assignments (the GUI's table, a directive's report, a list): each assignment's own
// columns, and the names (and text) of its task and its agency read once per task and per
// agency, not once per row. At 100,000 assignments that is 11 MB of text over the socket
// instead of 26 MB, and the result libpq holds in memory while it is converted is a third
// the size (a report's 20,000 rows, each with its task's text, were 48 MB). `where` and `p`:
// the query's conditions; `joined`: whether they name the task, section, directive or agency
// (aliases t, s, d, g), which a list in the directive's order does too.
std::vector<AssignmentRecord> many_rows(const PgConn& c, RowDetail detail, const std::string& where, const PgParams& p,
                                        bool joined) {
    const bool counts = detail != RowDetail::Table;
    const std::string select = assignment_select(detail);
    const std::string from = joined || counts ? select.substr(select.find(" FROM assignments a ")) : " FROM assignments a";
    std::vector<AssignmentRecord> out;
    std::vector<Id> task_ids, agency_ids;
    // The columns assignment_from reads (store/rows.h), with the task's and agency's names
    // left empty here and filled in below.
    out = read_rows(
        c.exec(std::string("SELECT a.id, a.task_id, a.agency_id, a.role, a.via_group_id, a.status, a.progress, a.owner, "
                           "a.due, a.completed_on, a.version, a.updated_at, '', '', '', '', '', '', '', '', ") +
                   (counts ? "(SELECT count(*) FROM evidence e WHERE e.assignment_id = a.id AND e.withdrawn_at IS NULL)"
                           : "0") +
                   ", a.original_due, a.review_note, " +
                   (counts ? "(SELECT count(*) FROM extension_requests x WHERE x.assignment_id = a.id AND "
                             "x.status = 'approved')"
                           : "0") +
                   ", a.difficulties, a.proposals, a.closed_on, a.closed_reason" + from + where +
                   (counts ? " ORDER BY d.id, t.position, a.role DESC, g.id" : ""),
               p),
        assignment_from<PgRow>);  // the result freed before the names are read
    for (const auto& a : out) {
        task_ids.push_back(a.task_id);
        agency_ids.push_back(a.agency_id);
    }
    if (out.empty()) return out;
    for (auto* ids : {&task_ids, &agency_ids}) {
        std::sort(ids->begin(), ids->end());
        ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
    }
    struct TaskNames {
        std::string code, section, ref, title, text;
        Recurrence recurrence = Recurrence::None;
    };
    std::unordered_map<Id, TaskNames> tasks;
    const auto t = c.exec(std::string("SELECT t.id, d.code, s.label, t.ref, t.title, t.recurrence, ") +
                              (detail == RowDetail::Full ? "t.text" : "''") +
                              " FROM tasks t JOIN sections s ON s.id = t.section_id JOIN directives d ON d.id = t.directive_id "
                              "WHERE t.id = ANY($1::bigint[])",
                          PgParams().add(id_array(task_ids)));
    for (int i = 0; i < t.rows(); ++i)
        tasks[t.i64(i, 0)] = {t.text(i, 1), t.text(i, 2), t.text(i, 3), t.text(i, 4), t.text(i, 6),
                              parse_recurrence(t.text(i, 5)).value_or(Recurrence::None)};
    std::unordered_map<Id, std::pair<std::string, std::string>> agencies;
    const auto g = c.exec("SELECT id, name, short_name FROM agencies WHERE id = ANY($1::bigint[])",
                          PgParams().add(id_array(agency_ids)));
    for (int i = 0; i < g.rows(); ++i) agencies[g.i64(i, 0)] = {g.text(i, 1), g.text(i, 2)};
    // A task or agency gone between the reads (another client's change) drops its rows: the
    // change's notification rebuilds the table anyway.
    for (auto& a : out) {
        const auto task = tasks.find(a.task_id);
        const auto agency = agencies.find(a.agency_id);
        if (task == tasks.end() || agency == agencies.end()) {
            a.id = 0;
            continue;
        }
        a.directive_code = task->second.code;
        a.section = task->second.section;
        a.task_ref = task->second.ref;
        a.title = task->second.title;
        a.text = task->second.text;
        a.recurrence = task->second.recurrence;
        a.agency = agency->second.first;
        a.agency_short = agency->second.second;
    }
    std::erase_if(out, [](const AssignmentRecord& a) { return a.id == 0; });
    return out;
}
}  // namespace

std::vector<AssignmentRecord> PgStore::assignments(const AssignmentQuery& query) const {
    std::string sql = " WHERE true";  // the conditions; the select list is added below
    PgParams p;
    int n = 0;
    auto param = [&](auto value) {
        p.add(value);
        return "$" + std::to_string(++n);
    };
    if (query.id) sql += " AND a.id = " + param(*query.id);
    if (query.task_id) sql += " AND a.task_id = " + param(*query.task_id);
    if (!query.id && !query.include_closed)
        sql += query.as_of.year == 0 ? " AND a.closed_on IS NULL"
                                     : " AND (a.closed_on IS NULL OR a.closed_on > " + param(query.as_of.iso()) + ")";
    if (query.directive_code) sql += " AND d.code = " + param(*query.directive_code);
    if (query.section) sql += " AND s.label = " + param(*query.section);
    if (query.agency_id) sql += " AND a.agency_id = " + param(*query.agency_id);
    if (query.status) sql += " AND a.status = " + param(std::string(to_string(*query.status)));
    if (query.owner) sql += " AND a.owner = " + param(*query.owner);
    if (query.existing_on) sql += " AND a.exists_from <= " + param(query.existing_on->iso());
    if (query.reminder_horizon)
        sql += " AND a.status <> 'done' AND ((a.due IS NOT NULL AND a.due <= " + param(query.reminder_horizon->iso()) +
               ") OR coalesce(a.review_note, '') <> '')";
    if (query.bucket) {
        const std::string as_of = param(query.as_of.iso());
        const std::string done = "(a.status = 'done' AND a.completed_on <= " + as_of + ")";
        switch (*query.bucket) {
        case Bucket::DoneOnTime:
        case Bucket::DoneLate: sql += " AND a.due IS NOT NULL AND " + done; break;
        case Bucket::OpenOnTime: sql += " AND a.due >= " + as_of + " AND NOT " + done; break;
        case Bucket::OpenOverdue: sql += " AND a.due < " + as_of + " AND NOT " + done; break;
        case Bucket::NoDeadline: sql += " AND a.due IS NULL AND " + as_of + "::text IS NOT NULL"; break;
        }
    }
    for (const auto& word : query.folded_words) {
        const std::string q = param(word);
        sql += " AND (strpos(t.search_key, " + q + ") > 0 OR strpos(g.search_key, " + q + ") > 0)";
    }
    // One assignment, or one task's few: one request. More: the rows and their names apart.
    if (!query.id && !query.task_id)
        return many_rows(*conn_, query.detail, sql, p, query.directive_code || query.section || !query.folded_words.empty());
    sql = assignment_select(query.detail) + sql + " ORDER BY d.id, t.position, a.role DESC, g.id";
    return read_rows(conn_->exec(sql, p), assignment_from<PgRow>);
}

std::optional<AssignmentRecord> PgStore::assignment(Id id) const {
    AssignmentQuery query;
    query.id = id;
    auto rows = assignments(query);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

bool PgStore::update_assignment_structure(const AssignmentRecord& next, int expected_version) {
    // The trigger journals a changed role and a closing (migration 0006).
    return conn_->exec("UPDATE assignments SET role = $1, closed_on = $2, closed_reason = $3, version = version + 1, "
                       "updated_at = $4 WHERE id = $5 AND version = $6",
                       PgParams().add(std::string(to_string(next.role))).add(next.closed_on)
                           .add(next.closed_on ? next.closed_reason : std::string()).add(now_timestamp()).add(next.id)
                           .add(expected_version)).affected() == 1;
}

bool PgStore::delete_assignment(Id id) {
    return conn_->exec("DELETE FROM assignments WHERE id = $1 AND status = 'not_started' AND progress = 0 "
                       "AND NOT EXISTS (SELECT 1 FROM evidence WHERE assignment_id = $1) "
                       "AND NOT EXISTS (SELECT 1 FROM extension_requests WHERE assignment_id = $1) "
                       "AND NOT EXISTS (SELECT 1 FROM journal WHERE assignment_id = $1)",
                       PgParams().add(id)).affected() == 1;
}

bool PgStore::update_assignment(AssignmentRecord& next, int expected_version) {
    // An agency may not write the deadline column at all (a column grant): the deadline is set
    // only when it changes, which only the office may do. The usual save keeps it, and is one
    // request: the row is updated only where the deadline is already `next.due`. When that
    // touches nothing, either the version moved (someone saved first) or the deadline changes.
    const std::string now = now_timestamp();
    PgParams p;
    p.add(std::string(to_string(next.status))).add(next.progress).add(next.owner).add(next.completed_on).add(now)
        .add(next.review_note.empty() ? std::nullopt : std::optional<std::string>(next.review_note))
        .add(next.id).add(expected_version).add(next.difficulties).add(next.proposals).add(next.due);
    const std::string set = "UPDATE assignments SET status = $1, progress = $2, owner = $3, completed_on = $4, "
                            "version = version + 1, updated_at = $5, review_note = $6, difficulties = $9, proposals = $10";
    // Under READ COMMITTED a second writer waits for the first and then finds the version gone.
    auto r = conn_->exec(set + " WHERE id = $7 AND version = $8 AND due IS NOT DISTINCT FROM $11 RETURNING version", p);
    if (r.rows() == 0) {
        const auto stored = conn_->exec("SELECT due, version FROM assignments WHERE id = $1", PgParams().add(next.id));
        if (stored.rows() == 0 || stored.i32(0, 1) != expected_version || stored.opt_date(0, 0) == next.due) return false;
        r = conn_->exec(set + ", due = $11 WHERE id = $7 AND version = $8 RETURNING version", p);
        if (r.rows() == 0) return false;
    }
    next.version = r.i32(0, 0);
    next.updated_at = now;
    return true;
}

Id PgStore::insert_evidence(const EvidenceRecord& e, const std::optional<EvidenceFile>& file) {
    PgParams p;
    p.add(e.assignment_id).add(e.note).add(e.doc_ref).add(e.doc_date);
    if (file) p.add(file->name).add(static_cast<std::int64_t>(file->data.size())).add(file->sha256).bytes(file->data);
    else p.null().null().null().null();
    p.add(now_timestamp()).add(e.created_by);
    return returning_id(conn_->exec(
        "INSERT INTO evidence(assignment_id, note, doc_ref, doc_date, file_name, file_size, file_sha256, file_data, "
        "created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, (SELECT id FROM users WHERE name = $10)) "
        "RETURNING id",
        p));
}

std::vector<EvidenceRecord> PgStore::evidence(Id assignment_id) const {
    return read_rows(conn_->exec(std::string(kEvidenceSelect) + " WHERE e.assignment_id = $1 ORDER BY e.id",
                                 PgParams().add(assignment_id)),
                     evidence_from<PgRow>);
}

std::optional<EvidenceFile> PgStore::evidence_file(Id evidence_id) const {
    auto r = conn_->exec("SELECT file_name, file_data, file_sha256 FROM evidence WHERE id = $1 AND file_name IS NOT NULL",
                         PgParams().add(evidence_id));
    if (r.rows() == 0) return std::nullopt;
    return EvidenceFile{r.text(0, 0), r.bytes(0, 1), r.text(0, 2)};
}

std::optional<EvidenceRecord> PgStore::evidence_item(Id evidence_id) const {
    auto r = conn_->exec(std::string(kEvidenceSelect) + " WHERE e.id = $1", PgParams().add(evidence_id));
    if (r.rows() == 0) return std::nullopt;
    return evidence_from(PgRow{r, 0});
}

bool PgStore::withdraw_evidence(Id evidence_id, std::optional<Id> by, const std::string& reason) {
    return conn_->exec("UPDATE evidence SET withdrawn_at = $1, withdrawn_by = $2, withdrawal_reason = $3 "
                       "WHERE id = $4 AND withdrawn_at IS NULL",
                       PgParams().add(now_timestamp()).add(by).add(reason).add(evidence_id)).affected() == 1;
}

void PgStore::append_journal(const JournalRecord& j) {
    if (journaled_by_trigger(j)) return;  // the database wrote it (pg_store.h: journal rule)
    conn_->exec("INSERT INTO journal(at, user_id, user_name, entity, entity_id, assignment_id, field, old_value, "
                "new_value) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                PgParams().add(j.at.empty() ? now_timestamp() : j.at).add(j.user_id).add(j.user_name).add(j.entity)
                    .add(j.entity_id).add(j.assignment_id).add(j.field).add(j.old_value).add(j.new_value));
}

std::vector<JournalRecord> PgStore::journal(Id assignment_id) const {
    return read_rows(conn_->exec(std::string(kJournalSelect) + " WHERE j.assignment_id = $1 ORDER BY j.id",
                                 PgParams().add(assignment_id)),
                     journal_from<PgRow>);
}

int PgStore::journal_count() const { return conn_->exec("SELECT count(*) FROM journal").i32(0, 0); }

// Extension requests.

Id PgStore::insert_extension(Id assignment_id, Date requested_due, const std::string& reason, std::optional<Id> requested_by) {
    return returning_id(conn_->exec(
        "INSERT INTO extension_requests(assignment_id, requested_due, reason, status, requested_by, requested_at) "
        "VALUES ($1, $2, $3, 'pending', $4, $5) RETURNING id",
        PgParams().add(assignment_id).add(requested_due).add(reason).add(requested_by).add(now_timestamp())));
}

std::optional<ExtensionRecord> PgStore::extension(Id id) const {
    ExtensionQuery query;
    query.id = id;
    auto rows = extensions(query);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

std::vector<ExtensionRecord> PgStore::extensions(const ExtensionQuery& query) const {
    std::string sql = std::string(kExtensionSelect) + " WHERE true";
    PgParams p;
    int n = 0;
    auto param = [&](Id v) {
        p.add(v);
        return "$" + std::to_string(++n);
    };
    if (query.id) sql += " AND x.id = " + param(*query.id);
    if (query.pending_only) sql += " AND x.status = 'pending'";
    if (query.assignment_id) sql += " AND x.assignment_id = " + param(*query.assignment_id);
    if (query.agency_id) sql += " AND a.agency_id = " + param(*query.agency_id);
    return read_rows(conn_->exec(sql + " ORDER BY x.id DESC", p), extension_from<PgRow>);
}

bool PgStore::decide_extension(Id id, ExtensionStatus decision, std::optional<Id> decided_by, const std::string& note) {
    return conn_->exec("UPDATE extension_requests SET status = $1, decided_by = $2, decided_at = $3, decision_note = $4 "
                       "WHERE id = $5 AND status = 'pending'",
                       PgParams().add(std::string(to_string(decision))).add(decided_by).add(now_timestamp())
                           .add(note.empty() ? std::nullopt : std::optional<std::string>(note)).add(id))
               .affected() == 1;
}

// Reports.
// Evidence counts from its document's date when it has one, else from the day it was entered
// (as SqliteStore's report_store.cpp).
constexpr const char* kEffectiveDate = "coalesce(doc_date, substr(created_at, 1, 10))";

std::map<Id, EvidenceRecord> PgStore::latest_evidence(Date until) const {
    // Withdrawn by then, evidence is never the latest; withdrawn later, it still was at `until`.
    auto r = conn_->exec(std::string(kEvidenceSelect) + " WHERE e.id IN (SELECT DISTINCT ON (assignment_id) id FROM evidence "
                             "WHERE " + kEffectiveDate + " <= $1 AND (withdrawn_at IS NULL OR withdrawn_at >= $2) "
                             "ORDER BY assignment_id, " + kEffectiveDate + " DESC, id DESC)",
                         PgParams().add(until.iso()).add(day_after(until)));
    std::map<Id, EvidenceRecord> out;
    for (int i = 0; i < r.rows(); ++i) {
        auto e = evidence_from(PgRow{r, i});
        out.emplace(e.assignment_id, std::move(e));
    }
    return out;
}

std::vector<EvidenceRecord> PgStore::evidence_between(Date after, Date until) const {
    return read_rows(conn_->exec(std::string(kEvidenceSelect) + " WHERE coalesce(e.doc_date, substr(e.created_at, 1, 10)) > $1 "
                                 "AND coalesce(e.doc_date, substr(e.created_at, 1, 10)) <= $2 "
                                 "AND (e.withdrawn_at IS NULL OR e.withdrawn_at >= $3) ORDER BY e.id",
                                 PgParams().add(after.iso()).add(until.iso()).add(day_after(until))),
                     evidence_from<PgRow>);
}

std::vector<JournalRecord> PgStore::journal_between(Date after, Date until, std::string_view field) const {
    return read_rows(conn_->exec(std::string(kJournalSelect) + " WHERE j.field = $1 AND j.at >= $2 AND j.at < $3 ORDER BY j.at, j.id",
                                 PgParams().add(std::string(field)).add(day_after(after)).add(day_after(until))),
                     journal_from<PgRow>);
}

std::vector<JournalRecord> PgStore::first_changes_after(Date after, const std::vector<std::string>& fields,
                                                        std::optional<Date> through) const {
    if (fields.empty()) return {};
    PgParams p;
    std::string in;
    int n = 1;
    for (const auto& f : fields) {
        in += (n > 1 ? ", $" : "$") + std::to_string(n);
        ++n;
        p.add(f);
    }
    p.add(day_after(after));
    p.add(through ? day_after(*through) : std::string("9999-12-31"));
    auto r = conn_->exec("SELECT DISTINCT ON (assignment_id, field) assignment_id, field, old_value, id FROM journal "
                         "WHERE field IN (" + in + ") AND at >= $" + std::to_string(n) + " AND at < $" +
                             std::to_string(n + 1) +
                             " AND entity = 'assignment' AND assignment_id IS NOT NULL ORDER BY assignment_id, field, id",
                         p);
    std::vector<JournalRecord> out;
    for (int i = 0; i < r.rows(); ++i) {
        JournalRecord j;
        j.assignment_id = r.i64(i, 0);
        j.field = r.text(i, 1);
        j.old_value = r.opt_text(i, 2);
        j.id = r.i64(i, 3);
        out.push_back(std::move(j));
    }
    return out;
}

std::optional<std::vector<AssignmentState>> PgStore::assignment_states(Date day) const {
    if (conn_->exec("SELECT 1 FROM kept_days WHERE day = $1", PgParams().add(day.iso())).rows() == 0) return std::nullopt;
    auto r = conn_->exec("SELECT assignment_id, status, progress, owner, due, completed_on, review_note, difficulties, "
                         "proposals FROM assignment_states WHERE day = $1",
                         PgParams().add(day.iso()));
    std::vector<AssignmentState> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
        AssignmentState s;
        s.assignment_id = r.i64(i, 0);
        s.status = parse_status(r.text(i, 1)).value_or(Status::NotStarted);
        s.progress = r.i32(i, 2);
        s.owner = r.text(i, 3);
        s.due = r.opt_date(i, 4);
        s.completed_on = r.opt_date(i, 5);
        s.review_note = r.text(i, 6);
        s.difficulties = r.text(i, 7);
        s.proposals = r.text(i, 8);
        out.push_back(std::move(s));
    }
    return out;
}

// Computed by the server (SECURITY DEFINER): no user writes the kept states themselves.
void PgStore::keep_assignment_states(Date day) { conn_->exec("SELECT dtrack_keep_states($1)", PgParams().add(day.iso())); }


Id PgStore::insert_report(const ReportRecord& r) {
    return returning_id(conn_->exec(
        "INSERT INTO reports(generated_at, as_of, since, directive, format, path, figures, created_by, document) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT id FROM users WHERE name = $8), $9) RETURNING id",
        PgParams().add(now_timestamp()).add(r.as_of).add(r.since).add(r.directive).add(r.format).add(r.path)
            .add(r.figures).add(r.created_by).add(r.document)));
}

std::optional<ReportRecord> PgStore::last_report(std::string_view directive) const {
    auto r = conn_->exec(std::string(kReportSelect) + " WHERE r.directive = $1 ORDER BY r.id DESC LIMIT 1",
                         PgParams().add(std::string(directive)));
    if (r.rows() == 0) return std::nullopt;
    return report_from(PgRow{r, 0});
}

std::vector<ReportRecord> PgStore::reports() const {
    return read_rows(conn_->exec(std::string(kReportSelect) + " ORDER BY r.id"), report_from<PgRow>);
}

}  // namespace dt::store

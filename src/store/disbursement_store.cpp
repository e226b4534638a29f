// Investors, projects, disbursement entries and ladders.
#include "core/text.h"
#include "store/impl.h"

namespace dt::store {

std::string_view to_string(CapitalSource s) {
    switch (s) {
    case CapitalSource::Domestic: return "domestic";
    case CapitalSource::Oda: return "oda";
    case CapitalSource::NationalTargetProgramme: return "ntp";
    }
    return "domestic";
}

std::optional<CapitalSource> parse_capital_source(std::string_view s) {
    for (auto source : {CapitalSource::Domestic, CapitalSource::Oda, CapitalSource::NationalTargetProgramme})
        if (to_string(source) == s) return source;
    return std::nullopt;
}

Id SqliteStore::insert_investor(const InvestorRecord& investor) {
    SQLite::Statement q(impl_->db, "INSERT INTO investors(name, search_key, agency_id, created_at) VALUES (?, ?, ?, ?)");
    q.bind(1, investor.name);
    q.bind(2, fold(investor.name));
    bind_opt(q, 3, investor.agency_id);
    q.bind(4, now_timestamp());
    q.exec();
    return impl_->db.getLastInsertRowid();
}

std::optional<InvestorRecord> SqliteStore::find_investor(std::string_view name) const {
    SQLite::Statement q(impl_->db, std::string(kInvestorSelect) + " WHERE i.search_key = ?");
    q.bind(1, fold(trim(name)));
    if (!q.executeStep()) return std::nullopt;
    return investor_from(SqliteRow{q});
}

std::vector<InvestorRecord> SqliteStore::investors() const {
    SQLite::Statement q(impl_->db, std::string(kInvestorSelect) + " ORDER BY i.name");
    return read_rows(q, investor_from<SqliteRow>);
}

Id SqliteStore::insert_project(const ProjectRecord& p) {
    SQLite::Statement q(impl_->db, "INSERT INTO projects(code, name, investor_id, year, source, plan_assigned, plan_total, "
                                   "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, p.code);
    q.bind(2, p.name);
    q.bind(3, static_cast<int64_t>(p.investor_id));
    q.bind(4, p.year);
    q.bind(5, std::string(to_string(p.source)));
    q.bind(6, static_cast<int64_t>(p.plan_assigned));
    q.bind(7, static_cast<int64_t>(p.plan_total));
    q.bind(8, now_timestamp());
    q.exec();
    return impl_->db.getLastInsertRowid();
}

std::optional<ProjectRecord> SqliteStore::find_project(std::string_view code) const {
    SQLite::Statement q(impl_->db, std::string(kProjectColumns) +
                                       " FROM projects p JOIN investors i ON i.id = p.investor_id WHERE p.code = ?");
    q.bind(1, std::string(code));
    if (!q.executeStep()) return std::nullopt;
    return project_from(SqliteRow{q});
}

std::vector<ProjectRecord> SqliteStore::projects(Date as_of) const {
    SQLite::Statement q(impl_->db, std::string(kProjectColumns) +
                                       ", (SELECT coalesce(sum(d.amount), 0) FROM disbursements d "
                                       "   WHERE d.project_id = p.id AND d.entry_date <= ?) "
                                       "FROM projects p JOIN investors i ON i.id = p.investor_id ORDER BY i.name, p.code");
    q.bind(1, as_of.iso());
    std::vector<ProjectRecord> out;
    while (q.executeStep()) {
        auto p = project_from(SqliteRow{q});
        p.disbursed = q.getColumn(9).getInt64();
        out.push_back(std::move(p));
    }
    return out;
}

Id SqliteStore::insert_disbursement(const DisbursementRecord& e) {
    SQLite::Statement q(impl_->db, "INSERT INTO disbursements(project_id, entry_date, amount, note, created_at, created_by) "
                                   "VALUES (?, ?, ?, ?, ?, (SELECT id FROM users WHERE name = ?))");
    q.bind(1, static_cast<int64_t>(e.project_id));
    q.bind(2, e.date.iso());
    q.bind(3, static_cast<int64_t>(e.amount));
    q.bind(4, e.note);
    q.bind(5, now_timestamp());
    q.bind(6, e.created_by);
    q.exec();
    return impl_->db.getLastInsertRowid();
}

std::int64_t SqliteStore::disbursed_total(Id project_id) const {
    SQLite::Statement q(impl_->db, "SELECT coalesce(sum(amount), 0) FROM disbursements WHERE project_id = ?");
    q.bind(1, static_cast<int64_t>(project_id));
    q.executeStep();
    return q.getColumn(0).getInt64();
}

bool SqliteStore::disbursement_exists(Id project_id, Date date, std::int64_t amount) const {
    SQLite::Statement q(impl_->db, "SELECT 1 FROM disbursements WHERE project_id = ? AND entry_date = ? AND amount = ?");
    q.bind(1, static_cast<int64_t>(project_id));
    q.bind(2, date.iso());
    q.bind(3, static_cast<int64_t>(amount));
    return q.executeStep();
}

std::vector<DisbursementRecord> SqliteStore::disbursements(std::optional<Id> project_id) const {
    SQLite::Statement q(impl_->db, std::string(kDisbursementSelect) +
                                       " WHERE ?1 IS NULL OR d.project_id = ?1 ORDER BY d.entry_date, d.id");
    bind_opt(q, 1, project_id);
    return read_rows(q, disbursement_from<SqliteRow>);
}

std::vector<MilestoneRecord> SqliteStore::ladder(std::optional<Id> directive_id) const {
    SQLite::Statement q(impl_->db, directive_id ? "SELECT due, percent, coalesce(task_ref, '') FROM ladder_milestones "
                                                  "WHERE directive_id = ? ORDER BY due"
                                                : "SELECT due, percent, coalesce(task_ref, '') FROM ladder_milestones "
                                                  "WHERE directive_id = (SELECT max(directive_id) FROM ladder_milestones) "
                                                  "ORDER BY due");
    if (directive_id) q.bind(1, static_cast<int64_t>(*directive_id));
    std::vector<MilestoneRecord> out;
    while (q.executeStep())
        out.push_back({Date::parse_iso(q.getColumn(0).getString()).value_or(Date{}), q.getColumn(1).getInt(),
                       q.getColumn(2).getString()});
    return out;
}

void SqliteStore::set_milestone(Id directive_id, const MilestoneRecord& m) {
    SQLite::Statement q(impl_->db, "INSERT INTO ladder_milestones(directive_id, due, percent, task_ref) VALUES (?, ?, ?, ?) "
                                   "ON CONFLICT(directive_id, due) DO UPDATE SET percent = excluded.percent");
    q.bind(1, static_cast<int64_t>(directive_id));
    q.bind(2, m.due.iso());
    q.bind(3, m.percent);
    if (m.task_ref.empty()) q.bind(4); else q.bind(4, m.task_ref);
    q.exec();
}

bool SqliteStore::remove_milestone(Id directive_id, Date due) {
    SQLite::Statement q(impl_->db, "DELETE FROM ladder_milestones WHERE directive_id = ? AND due = ?");
    q.bind(1, static_cast<int64_t>(directive_id));
    q.bind(2, due.iso());
    return q.exec() == 1;
}

}  // namespace dt::store

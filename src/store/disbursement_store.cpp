// Investors, projects, disbursement entries and ladders.
#include "core/text.h"
#include "store/impl.h"

namespace dt::store {

namespace {
std::string_view source_name(CapitalSource s) {
    switch (s) {
    case CapitalSource::Domestic: return "domestic";
    case CapitalSource::Oda: return "oda";
    case CapitalSource::NationalTargetProgramme: return "ntp";
    }
    return "domestic";
}
CapitalSource source_of(const std::string& s) {
    return s == "oda" ? CapitalSource::Oda : s == "ntp" ? CapitalSource::NationalTargetProgramme : CapitalSource::Domestic;
}

constexpr const char* kProjectColumns =
    "SELECT p.id, p.code, p.name, p.investor_id, i.name, p.year, p.source, p.plan_assigned, p.plan_total";

ProjectRecord read_project(SQLite::Statement& q) {
    ProjectRecord p;
    p.id = q.getColumn(0).getInt64();
    p.code = q.getColumn(1).getString();
    p.name = q.getColumn(2).getString();
    p.investor_id = q.getColumn(3).getInt64();
    p.investor_name = q.getColumn(4).getString();
    p.year = q.getColumn(5).getInt();
    p.source = source_of(q.getColumn(6).getString());
    p.plan_assigned = q.getColumn(7).getInt64();
    p.plan_total = q.getColumn(8).getInt64();
    return p;
}
}  // namespace

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
    SQLite::Statement q(impl_->db, "SELECT i.id, i.name, i.agency_id, coalesce(a.name, '') FROM investors i "
                                   "LEFT JOIN agencies a ON a.id = i.agency_id WHERE i.search_key = ?");
    q.bind(1, fold(trim(name)));
    if (!q.executeStep()) return std::nullopt;
    InvestorRecord r{q.getColumn(0).getInt64(), q.getColumn(1).getString(), std::nullopt, q.getColumn(3).getString()};
    if (!q.getColumn(2).isNull()) r.agency_id = q.getColumn(2).getInt64();
    return r;
}

std::vector<InvestorRecord> SqliteStore::investors() const {
    SQLite::Statement q(impl_->db, "SELECT i.id, i.name, i.agency_id, coalesce(a.name, '') FROM investors i "
                                   "LEFT JOIN agencies a ON a.id = i.agency_id ORDER BY i.name");
    std::vector<InvestorRecord> out;
    while (q.executeStep()) {
        InvestorRecord r{q.getColumn(0).getInt64(), q.getColumn(1).getString(), std::nullopt, q.getColumn(3).getString()};
        if (!q.getColumn(2).isNull()) r.agency_id = q.getColumn(2).getInt64();
        out.push_back(std::move(r));
    }
    return out;
}

Id SqliteStore::insert_project(const ProjectRecord& p) {
    SQLite::Statement q(impl_->db, "INSERT INTO projects(code, name, investor_id, year, source, plan_assigned, plan_total, "
                                   "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, p.code);
    q.bind(2, p.name);
    q.bind(3, static_cast<int64_t>(p.investor_id));
    q.bind(4, p.year);
    q.bind(5, std::string(source_name(p.source)));
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
    return read_project(q);
}

std::vector<ProjectRecord> SqliteStore::projects(Date as_of) const {
    SQLite::Statement q(impl_->db, std::string(kProjectColumns) +
                                       ", (SELECT coalesce(sum(d.amount), 0) FROM disbursements d "
                                       "   WHERE d.project_id = p.id AND d.entry_date <= ?) "
                                       "FROM projects p JOIN investors i ON i.id = p.investor_id ORDER BY i.name, p.code");
    q.bind(1, as_of.iso());
    std::vector<ProjectRecord> out;
    while (q.executeStep()) {
        auto p = read_project(q);
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
    SQLite::Statement q(impl_->db, "SELECT d.id, d.project_id, d.entry_date, d.amount, d.note, d.created_at, "
                                   "coalesce(u.name, '') FROM disbursements d LEFT JOIN users u ON u.id = d.created_by "
                                   "WHERE ?1 IS NULL OR d.project_id = ?1 ORDER BY d.entry_date, d.id");
    bind_opt(q, 1, project_id);
    std::vector<DisbursementRecord> out;
    while (q.executeStep()) {
        DisbursementRecord e;
        e.id = q.getColumn(0).getInt64();
        e.project_id = q.getColumn(1).getInt64();
        e.date = Date::parse_iso(q.getColumn(2).getString()).value_or(Date{});
        e.amount = q.getColumn(3).getInt64();
        e.note = q.getColumn(4).getString();
        e.created_at = q.getColumn(5).getString();
        e.created_by = q.getColumn(6).getString();
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<MilestoneRecord> SqliteStore::ladder(Id directive_id) const {
    SQLite::Statement q(impl_->db, "SELECT due, percent, coalesce(task_ref, '') FROM ladder_milestones "
                                   "WHERE directive_id = ? ORDER BY due");
    q.bind(1, static_cast<int64_t>(directive_id));
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

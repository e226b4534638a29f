// PostgreSQL rows: investors, projects, disbursement entries and ladders.
#include "core/text.h"
#include "store/pg_conn.h"
#include "store/pg_store.h"
#include "store/queries.h"
#include "store/rows.h"

namespace dt::store {


Id PgStore::insert_investor(const InvestorRecord& investor) {
    return conn_->exec("INSERT INTO investors(name, search_key, agency_id, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
                       PgParams().add(investor.name).add(fold(investor.name)).add(investor.agency_id).add(now_timestamp()))
        .i64(0, 0);
}

std::optional<InvestorRecord> PgStore::find_investor(std::string_view name) const {
    auto r = conn_->exec(std::string(kInvestorSelect) + " WHERE i.search_key = $1", PgParams().add(fold(trim(name))));
    if (r.rows() == 0) return std::nullopt;
    return investor_from(PgRow{r, 0});
}

std::vector<InvestorRecord> PgStore::investors() const {
    auto r = conn_->exec(std::string(kInvestorSelect) + " ORDER BY i.name COLLATE \"C\"");
    std::vector<InvestorRecord> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(investor_from(PgRow{r, i}));
    return out;
}

Id PgStore::insert_project(const ProjectRecord& p) {
    return conn_->exec("INSERT INTO projects(code, name, investor_id, year, source, plan_assigned, plan_total, created_at) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                       PgParams().add(p.code).add(p.name).add(p.investor_id).add(p.year).add(std::string(to_string(p.source)))
                           .add(p.plan_assigned).add(p.plan_total).add(now_timestamp()))
        .i64(0, 0);
}

std::optional<ProjectRecord> PgStore::find_project(std::string_view code) const {
    auto r = conn_->exec(std::string(kProjectColumns) + " FROM projects p JOIN investors i ON i.id = p.investor_id "
                                                         "WHERE p.code = $1",
                         PgParams().add(std::string(code)));
    if (r.rows() == 0) return std::nullopt;
    return project_from(PgRow{r, 0});
}

std::vector<ProjectRecord> PgStore::projects(Date as_of) const {
    auto r = conn_->exec(std::string(kProjectColumns) +
                             ", (SELECT coalesce(sum(d.amount), 0) FROM disbursements d "
                             "   WHERE d.project_id = p.id AND d.entry_date <= $1) "
                             "FROM projects p JOIN investors i ON i.id = p.investor_id "
                             "ORDER BY i.name COLLATE \"C\", p.code COLLATE \"C\"",
                         PgParams().add(as_of));
    std::vector<ProjectRecord> out;
    for (int i = 0; i < r.rows(); ++i) {
        auto p = project_from(PgRow{r, i});
        p.disbursed = r.i64(i, 9);
        out.push_back(std::move(p));
    }
    return out;
}

Id PgStore::insert_disbursement(const DisbursementRecord& e) {
    return conn_->exec("INSERT INTO disbursements(project_id, entry_date, amount, note, created_at, created_by) "
                       "VALUES ($1, $2, $3, $4, $5, (SELECT id FROM users WHERE name = $6)) RETURNING id",
                       PgParams().add(e.project_id).add(e.date).add(e.amount).add(e.note).add(now_timestamp())
                           .add(e.created_by))
        .i64(0, 0);
}

std::int64_t PgStore::disbursed_total(Id project_id) const {
    return conn_->exec("SELECT coalesce(sum(amount), 0) FROM disbursements WHERE project_id = $1",
                       PgParams().add(project_id)).i64(0, 0);
}

bool PgStore::disbursement_exists(Id project_id, Date date, std::int64_t amount) const {
    return conn_->exec("SELECT 1 FROM disbursements WHERE project_id = $1 AND entry_date = $2 AND amount = $3",
                       PgParams().add(project_id).add(date).add(amount)).rows() > 0;
}

std::vector<DisbursementRecord> PgStore::disbursements(std::optional<Id> project_id) const {
    auto r = conn_->exec(std::string(kDisbursementSelect) +
                             " WHERE $1::bigint IS NULL OR d.project_id = $1 ORDER BY d.entry_date, d.id",
                         PgParams().add(project_id));
    std::vector<DisbursementRecord> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(disbursement_from(PgRow{r, i}));
    return out;
}

std::vector<MilestoneRecord> PgStore::ladder(std::optional<Id> directive_id) const {
    auto r = directive_id ? conn_->exec("SELECT due, percent, coalesce(task_ref, '') FROM ladder_milestones "
                                        "WHERE directive_id = $1 ORDER BY due COLLATE \"C\"",
                                        PgParams().add(*directive_id))
                          : conn_->exec("SELECT due, percent, coalesce(task_ref, '') FROM ladder_milestones "
                                        "WHERE directive_id = (SELECT max(directive_id) FROM ladder_milestones) "
                                        "ORDER BY due COLLATE \"C\"");
    std::vector<MilestoneRecord> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({Date::parse_iso(r.text(i, 0)).value_or(Date{}), r.i32(i, 1), r.text(i, 2)});
    return out;
}

void PgStore::set_milestone(Id directive_id, const MilestoneRecord& m) {
    conn_->exec("INSERT INTO ladder_milestones(directive_id, due, percent, task_ref) VALUES ($1, $2, $3, $4) "
                "ON CONFLICT (directive_id, due) DO UPDATE SET percent = excluded.percent",
                PgParams().add(directive_id).add(m.due).add(m.percent)
                    .add(m.task_ref.empty() ? std::nullopt : std::optional<std::string>(m.task_ref)));
}

bool PgStore::remove_milestone(Id directive_id, Date due) {
    return conn_->exec("DELETE FROM ladder_milestones WHERE directive_id = $1 AND due = $2",
                       PgParams().add(directive_id).add(due)).affected() == 1;
}

}  // namespace dt::store

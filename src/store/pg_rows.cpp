// PostgreSQL rows: agencies, users, sessions, directives and their outline, assignments,
// evidence and the journal. The same queries as the SQLite store's, in PostgreSQL's dialect;
// names are sorted byte-wise (COLLATE "C") as SQLite sorts them, so lists and reports match.
#include "core/text.h"
#include "store/pg_conn.h"
#include "store/pg_store.h"
#include "store/queries.h"
#include "store/rows.h"

namespace dt::store {

namespace {
Id returning_id(const PgResult& r) { return r.i64(0, 0); }
}  // namespace

Id PgStore::insert_agency(const AgencyRecord& agency, const std::vector<std::string>& aliases) {
    const Id id = returning_id(conn_->exec(
        "INSERT INTO agencies(name, short_name, kind, is_group, active, search_key) VALUES ($1, $2, $3, $4, $5, $6) "
        "RETURNING id",
        PgParams().add(agency.name).add(agency.short_name).add(agency.kind).add(agency.is_group ? 1 : 0)
            .add(agency.active ? 1 : 0).add(fold(agency.name))));
    for (const auto& alias : aliases)
        conn_->exec("INSERT INTO agency_aliases(agency_id, alias) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                    PgParams().add(id).add(fold(alias)));
    return id;
}

void PgStore::add_group_member(Id group_id, Id member_id) {
    conn_->exec("INSERT INTO group_members(group_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                PgParams().add(group_id).add(member_id));
}

std::optional<AgencyRecord> PgStore::agency(Id id) const {
    auto r = conn_->exec(std::string(kAgencyColumns) + " WHERE id = $1", PgParams().add(id));
    if (r.rows() == 0) return std::nullopt;
    return agency_from(PgRow{r, 0});
}

std::optional<AgencyRecord> PgStore::find_agency(std::string_view name) const {
    const std::string key = fold(trim(name));
    if (key.empty()) return std::nullopt;
    auto r = conn_->exec(std::string(kAgencyColumns) +
                             " WHERE search_key = $1 OR id IN (SELECT agency_id FROM agency_aliases WHERE alias = $1) "
                             "ORDER BY id LIMIT 1",
                         PgParams().add(key));
    if (r.rows() > 0) return agency_from(PgRow{r, 0});
    for (auto& a : agencies())
        if (!a.short_name.empty() && fold(a.short_name) == key) return a;
    return std::nullopt;
}

std::vector<AgencyRecord> PgStore::agencies() const {
    auto r = conn_->exec(std::string(kAgencyColumns) + " ORDER BY is_group DESC, id");
    std::vector<AgencyRecord> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(agency_from(PgRow{r, i}));
    return out;
}

std::vector<std::string> PgStore::aliases_of(Id agency_id) const {
    auto r = conn_->exec("SELECT alias FROM agency_aliases WHERE agency_id = $1 ORDER BY alias COLLATE \"C\"",
                         PgParams().add(agency_id));
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
    return out;
}

std::vector<Id> PgStore::all_group_members(Id group_id) const {
    auto r = conn_->exec("SELECT member_id FROM group_members WHERE group_id = $1 ORDER BY member_id",
                         PgParams().add(group_id));
    std::vector<Id> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.i64(i, 0));
    return out;
}

std::vector<Id> PgStore::group_members(Id group_id) const {
    auto r = conn_->exec("SELECT m.member_id FROM group_members m JOIN agencies a ON a.id = m.member_id "
                         "WHERE m.group_id = $1 AND a.active = 1 ORDER BY m.member_id",
                         PgParams().add(group_id));
    std::vector<Id> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.i64(i, 0));
    return out;
}

void PgStore::rename_agency(Id id, const std::string& new_name) {
    conn_->exec("INSERT INTO agency_aliases(agency_id, alias) SELECT id, search_key FROM agencies WHERE id = $1 "
                "ON CONFLICT DO NOTHING",
                PgParams().add(id));
    conn_->exec("UPDATE agencies SET name = $1, search_key = $2 WHERE id = $3",
                PgParams().add(new_name).add(fold(new_name)).add(id));
}

void PgStore::set_agency_active(Id id, bool active) {
    conn_->exec("UPDATE agencies SET active = $1 WHERE id = $2", PgParams().add(active ? 1 : 0).add(id));
}

// Users. The password hash column stays empty: the server checks passwords (SCRAM).
Id PgStore::insert_user(const UserRecord& user) {
    return returning_id(conn_->exec(
        "INSERT INTO users(name, role, agency_id, password_hash, active, created_at, full_name) "
        "VALUES ($1, $2, $3, '', $4, $5, $6) "
        "RETURNING id",
        PgParams().add(user.name).add(std::string(to_string(user.role))).add(user.agency_id).add(user.active ? 1 : 0)
            .add(now_timestamp()).add(user.full_name)));
}

std::optional<UserRecord> PgStore::find_user(std::string_view name) const {
    auto r = conn_->exec(std::string(kUserColumns) + " WHERE u.name = $1", PgParams().add(std::string(name)));
    if (r.rows() == 0) return std::nullopt;
    return user_from(PgRow{r, 0});
}

std::vector<UserRecord> PgStore::users() const {
    auto r = conn_->exec(std::string(kUserColumns) + " ORDER BY u.name COLLATE \"C\"");
    std::vector<UserRecord> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(user_from(PgRow{r, i}));
    return out;
}

int PgStore::count_users() const { return conn_->exec("SELECT count(*) FROM users").i32(0, 0); }

int PgStore::count_active_admins() const {
    return conn_->exec("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1").i32(0, 0);
}

void PgStore::set_user_password(Id, const std::string&) {
    // The server keeps the password (set_login_password); no hash is stored here.
}

void PgStore::set_user_active(Id user_id, bool active) {
    conn_->exec("UPDATE users SET active = $1 WHERE id = $2", PgParams().add(active ? 1 : 0).add(user_id));
}

// The server checks passwords and throttles nothing for us: failures are not counted here.
void PgStore::set_login_failures(Id, int, const std::optional<std::string>&) {}

// Command-line sessions are a file's: a server checks each connection. The rows are kept so
// that `migrate` can copy a file's; nothing here creates new ones.
Id PgStore::insert_session(Id user_id, const std::string& token_hash, const std::string& expires_at) {
    return returning_id(conn_->exec("INSERT INTO sessions(user_id, token_hash, created_at, expires_at) "
                                    "VALUES ($1, $2, $3, $4) RETURNING id",
                                    PgParams().add(user_id).add(token_hash).add(now_timestamp()).add(expires_at)));
}

std::optional<SessionRecord> PgStore::find_session(const std::string& token_hash) const {
    auto r = conn_->exec("SELECT id, user_id, token_hash, created_at, expires_at, revoked FROM sessions "
                         "WHERE token_hash = $1",
                         PgParams().add(token_hash));
    if (r.rows() == 0) return std::nullopt;
    return SessionRecord{r.i64(0, 0), r.i64(0, 1), r.text(0, 2), r.text(0, 3), r.text(0, 4), r.i64(0, 5) != 0};
}

bool PgStore::revoke_session(const std::string& token_hash) {
    return conn_->exec("UPDATE sessions SET revoked = 1 WHERE token_hash = $1 AND revoked = 0",
                       PgParams().add(token_hash)).affected() > 0;
}

// A server's sessions are connections: set_login_enabled ends them.
int PgStore::revoke_sessions_of(Id) { return 0; }

// Directives and their outline.
bool PgStore::directive_exists(std::string_view code) const {
    return conn_->exec("SELECT 1 FROM directives WHERE code = $1", PgParams().add(std::string(code))).rows() > 0;
}

Id PgStore::insert_directive(const DirectiveRecord& d, std::optional<Id> imported_by) {
    return returning_id(conn_->exec(
        "INSERT INTO directives(code, issued_on, issuer, signer, title, body, imported_at, imported_by) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        PgParams().add(d.code).add(d.issued_on).add(d.issuer).add(d.signer).add(d.title).add(d.body)
            .add(now_timestamp()).add(imported_by)));
}

Id PgStore::insert_section(const SectionRecord& s) {
    return returning_id(conn_->exec(
        "INSERT INTO sections(directive_id, label, title, position) VALUES ($1, $2, $3, $4) RETURNING id",
        PgParams().add(s.directive_id).add(s.label).add(s.title).add(s.position)));
}

Id PgStore::insert_task(const TaskRecord& t) {
    return returning_id(conn_->exec(
        "INSERT INTO tasks(directive_id, section_id, ref, parent_ref, title, text, deadline, recurrence, position, "
        "search_key, exists_from) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        PgParams().add(t.directive_id).add(t.section_id).add(t.ref).add(t.parent_ref).add(t.title).add(t.text)
            .add(t.deadline).add(std::string(to_string(t.recurrence))).add(t.position)
            .add(task_search_key(t)).add(t.exists_from.value_or(Date::today()).iso())));
}

std::vector<DirectiveRecord> PgStore::directives() const {
    return read_rows(conn_->exec(std::string(kDirectiveSelect) + " ORDER BY id"), directive_from<PgRow>);
}

std::vector<SectionRecord> PgStore::sections(std::optional<Id> directive_id) const {
    if (!directive_id)
        return read_rows(conn_->exec(std::string(kSectionSelect) + " ORDER BY directive_id, position"), section_from<PgRow>);
    return read_rows(conn_->exec(std::string(kSectionSelect) + " WHERE directive_id = $1 ORDER BY position",
                                 PgParams().add(*directive_id)),
                     section_from<PgRow>);
}

std::vector<TaskRecord> PgStore::tasks(Id directive_id) const {
    return read_rows(conn_->exec(std::string(kTaskSelect) + " WHERE directive_id = $1 ORDER BY position, id",
                                 PgParams().add(directive_id)),
                     task_from<PgRow>);
}

void PgStore::update_task(const TaskRecord& t) {
    conn_->exec("UPDATE tasks SET section_id = $1, ref = $2, parent_ref = $3, title = $4, text = $5, deadline = $6, "
                "recurrence = $7, position = $8, search_key = $9, closed_on = $10, closed_reason = $11 WHERE id = $12",
                PgParams().add(t.section_id).add(t.ref).add(t.parent_ref).add(t.title).add(t.text).add(t.deadline)
                    .add(std::string(to_string(t.recurrence))).add(t.position).add(task_search_key(t))
                    .add(t.closed_on).add(t.closed_on ? t.closed_reason : std::string()).add(t.id));
}

bool PgStore::delete_task(Id task_id) {
    return conn_->exec("DELETE FROM tasks WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM assignments WHERE task_id = $1)",
                       PgParams().add(task_id)).affected() == 1;
}

Id PgStore::insert_amendment(const AmendmentRecord& a) {
    return conn_->exec("INSERT INTO amendments(directive_id, number, issued_on, kind, summary, created_at, created_by) "
                       "VALUES ($1, $2, $3, $4, $5, $6, (SELECT id FROM users WHERE name = $7)) RETURNING id",
                       PgParams().add(a.directive_id).add(a.number).add(a.issued_on).add(a.kind).add(a.summary)
                           .add(now_timestamp()).add(a.created_by)).i64(0, 0);
}

std::vector<AmendmentRecord> PgStore::amendments(Id directive_id) const {
    auto r = conn_->exec("SELECT a.id, a.directive_id, a.number, a.issued_on, a.kind, a.summary, a.created_at, "
                         "coalesce(u.name, '') FROM amendments a LEFT JOIN users u ON u.id = a.created_by "
                         "WHERE a.directive_id = $1 ORDER BY a.id",
                         PgParams().add(directive_id));
    std::vector<AmendmentRecord> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.i64(i, 0), r.i64(i, 1), r.text(i, 2), r.opt_date(i, 3), r.text(i, 4), r.text(i, 5), r.text(i, 6),
                       r.text(i, 7)});
    return out;
}

std::vector<std::pair<Id, std::string>> PgStore::task_search_keys() const {
    auto r = conn_->exec("SELECT id, search_key FROM tasks");
    std::vector<std::pair<Id, std::string>> out;
    for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.i64(i, 0), r.text(i, 1));
    return out;
}

}  // namespace dt::store

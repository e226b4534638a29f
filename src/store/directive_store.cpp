// Directives and their outline: sections and tasks.
#include "core/text.h"
#include "store/impl.h"
#include "store/rows.h"

namespace dt::store {

bool SqliteStore::directive_exists(std::string_view code) const {
    SQLite::Statement q(impl_->db, "SELECT 1 FROM directives WHERE code = ?");
    q.bind(1, std::string(code));
    return q.executeStep();
}

Id SqliteStore::insert_directive(const DirectiveRecord& d, std::optional<Id> imported_by) {
    SQLite::Statement q(impl_->db, "INSERT INTO directives(code, issued_on, issuer, signer, title, body, "
                                   "imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, d.code);
    bind_opt(q, 2, d.issued_on);
    q.bind(3, d.issuer);
    q.bind(4, d.signer);
    q.bind(5, d.title);
    q.bind(6, d.body);
    q.bind(7, now_timestamp());
    bind_opt(q, 8, imported_by);
    q.exec();
    return impl_->db.getLastInsertRowid();
}

Id SqliteStore::insert_section(const SectionRecord& s) {
    SQLite::Statement q(impl_->db, "INSERT INTO sections(directive_id, label, title, position) VALUES (?, ?, ?, ?)");
    q.bind(1, static_cast<int64_t>(s.directive_id));
    q.bind(2, s.label);
    q.bind(3, s.title);
    q.bind(4, s.position);
    q.exec();
    return impl_->db.getLastInsertRowid();
}

Id SqliteStore::insert_task(const TaskRecord& t) {
    SQLite::Statement q(impl_->db, "INSERT INTO tasks(directive_id, section_id, ref, parent_ref, title, text, "
                                   "deadline, recurrence, position, search_key, exists_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, static_cast<int64_t>(t.directive_id));
    q.bind(2, static_cast<int64_t>(t.section_id));
    q.bind(3, t.ref);
    bind_opt(q, 4, t.parent_ref);
    q.bind(5, t.title);
    q.bind(6, t.text);
    bind_opt(q, 7, t.deadline);
    q.bind(8, std::string(to_string(t.recurrence)));
    q.bind(9, t.position);
    q.bind(10, task_search_key(t));
    q.bind(11, t.exists_from.value_or(Date::today()).iso());
    q.exec();
    return impl_->db.getLastInsertRowid();
}

std::vector<DirectiveRecord> SqliteStore::directives() const {
    SQLite::Statement q(impl_->db, std::string(kDirectiveSelect) + " ORDER BY id");
    return read_rows(q, directive_from<SqliteRow>);
}

std::vector<SectionRecord> SqliteStore::sections(std::optional<Id> directive_id) const {
    if (!directive_id) {
        SQLite::Statement all(impl_->db, std::string(kSectionSelect) + " ORDER BY directive_id, position");
        return read_rows(all, section_from<SqliteRow>);
    }
    SQLite::Statement q(impl_->db, std::string(kSectionSelect) + " WHERE directive_id = ? ORDER BY position");
    q.bind(1, static_cast<int64_t>(*directive_id));
    return read_rows(q, section_from<SqliteRow>);
}

std::vector<TaskRecord> SqliteStore::tasks(Id directive_id) const {
    SQLite::Statement q(impl_->db, std::string(kTaskSelect) + " WHERE directive_id = ? ORDER BY position, id");
    q.bind(1, static_cast<int64_t>(directive_id));
    return read_rows(q, task_from<SqliteRow>);
}

std::vector<std::pair<Id, std::string>> SqliteStore::task_search_keys() const {
    SQLite::Statement q(impl_->db, "SELECT id, search_key FROM tasks");
    std::vector<std::pair<Id, std::string>> out;
    while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
    return out;
}

void SqliteStore::update_task(const TaskRecord& t) {
    SQLite::Statement q(impl_->db, "UPDATE tasks SET section_id = ?, ref = ?, parent_ref = ?, title = ?, text = ?, deadline = ?, "
                                   "recurrence = ?, position = ?, search_key = ?, closed_on = ?, closed_reason = ? WHERE id = ?");
    q.bind(1, static_cast<int64_t>(t.section_id));
    q.bind(2, t.ref);
    bind_opt(q, 3, t.parent_ref);
    q.bind(4, t.title);
    q.bind(5, t.text);
    bind_opt(q, 6, t.deadline);
    q.bind(7, std::string(to_string(t.recurrence)));
    q.bind(8, t.position);
    q.bind(9, task_search_key(t));
    bind_opt(q, 10, t.closed_on);
    q.bind(11, t.closed_on ? t.closed_reason : std::string());
    q.bind(12, static_cast<int64_t>(t.id));
    q.exec();
}

bool SqliteStore::delete_task(Id task_id) {
    SQLite::Statement q(impl_->db, "DELETE FROM tasks WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM assignments WHERE task_id = ?1)");
    q.bind(1, static_cast<int64_t>(task_id));
    return q.exec() == 1;
}

Id SqliteStore::insert_amendment(const AmendmentRecord& a) {
    SQLite::Statement q(impl_->db, "INSERT INTO amendments(directive_id, number, issued_on, kind, summary, created_at, created_by) "
                                   "VALUES (?, ?, ?, ?, ?, ?, (SELECT id FROM users WHERE name = ?))");
    q.bind(1, static_cast<int64_t>(a.directive_id));
    q.bind(2, a.number);
    bind_opt(q, 3, a.issued_on);
    q.bind(4, a.kind);
    q.bind(5, a.summary);
    q.bind(6, now_timestamp());
    q.bind(7, a.created_by);
    q.exec();
    return impl_->db.getLastInsertRowid();
}

std::vector<AmendmentRecord> SqliteStore::amendments(Id directive_id) const {
    SQLite::Statement q(impl_->db, "SELECT a.id, a.directive_id, a.number, a.issued_on, a.kind, a.summary, a.created_at, "
                                   "coalesce(u.name, '') FROM amendments a LEFT JOIN users u ON u.id = a.created_by "
                                   "WHERE a.directive_id = ? ORDER BY a.id");
    q.bind(1, static_cast<int64_t>(directive_id));
    std::vector<AmendmentRecord> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                       opt_date(q.getColumn(3)), q.getColumn(4).getString(), q.getColumn(5).getString(),
                       q.getColumn(6).getString(), q.getColumn(7).getString()});
    return out;
}

}  // namespace dt::store

// Directives and their outline: sections and tasks.
#include "core/text.h"
#include "store/impl.h"

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
    q.bind(10, fold(t.ref + " " + t.title + "\n" + t.text));
    q.bind(11, t.exists_from.value_or(Date::today()).iso());
    q.exec();
    return impl_->db.getLastInsertRowid();
}

std::vector<DirectiveRecord> SqliteStore::directives() const {
    SQLite::Statement q(impl_->db, "SELECT id, code, issued_on, issuer, signer, title, body FROM directives ORDER BY id");
    std::vector<DirectiveRecord> out;
    while (q.executeStep()) {
        DirectiveRecord d;
        d.id = q.getColumn(0).getInt64();
        d.code = q.getColumn(1).getString();
        d.issued_on = opt_date(q.getColumn(2));
        d.issuer = q.getColumn(3).getString();
        d.signer = q.getColumn(4).getString();
        d.title = q.getColumn(5).getString();
        d.body = q.getColumn(6).getString();
        out.push_back(std::move(d));
    }
    return out;
}

std::vector<SectionRecord> SqliteStore::sections(Id directive_id) const {
    SQLite::Statement q(impl_->db, "SELECT id, directive_id, label, title, position FROM sections "
                                   "WHERE directive_id = ? ORDER BY position");
    q.bind(1, static_cast<int64_t>(directive_id));
    std::vector<SectionRecord> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                       q.getColumn(3).getString(), q.getColumn(4).getInt()});
    return out;
}

std::vector<TaskRecord> SqliteStore::tasks(Id directive_id) const {
    SQLite::Statement q(impl_->db, "SELECT id, directive_id, section_id, ref, parent_ref, title, text, deadline, "
                                   "recurrence, position, exists_from FROM tasks WHERE directive_id = ? ORDER BY position");
    q.bind(1, static_cast<int64_t>(directive_id));
    std::vector<TaskRecord> out;
    while (q.executeStep()) {
        TaskRecord t;
        t.id = q.getColumn(0).getInt64();
        t.directive_id = q.getColumn(1).getInt64();
        t.section_id = q.getColumn(2).getInt64();
        t.ref = q.getColumn(3).getString();
        t.parent_ref = opt_text(q.getColumn(4));
        t.title = q.getColumn(5).getString();
        t.text = q.getColumn(6).getString();
        t.deadline = opt_date(q.getColumn(7));
        t.recurrence = parse_recurrence(q.getColumn(8).getString()).value_or(Recurrence::None);
        t.position = q.getColumn(9).getInt();
        t.exists_from = opt_date(q.getColumn(10));
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<std::pair<Id, std::string>> SqliteStore::task_search_keys() const {
    SQLite::Statement q(impl_->db, "SELECT id, search_key FROM tasks");
    std::vector<std::pair<Id, std::string>> out;
    while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
    return out;
}

}  // namespace dt::store

// Agencies and groups.
#include "core/error.h"
#include "core/text.h"
#include "store/impl.h"

namespace dt::store {

Id SqliteStore::insert_agency(const AgencyRecord& agency, const std::vector<std::string>& aliases) {
    SQLite::Statement q(impl_->db, "INSERT INTO agencies(name, short_name, kind, is_group, active, search_key) "
                                   "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, agency.name);
    q.bind(2, agency.short_name);
    q.bind(3, agency.kind);
    q.bind(4, agency.is_group ? 1 : 0);
    q.bind(5, agency.active ? 1 : 0);
    q.bind(6, fold(agency.name));
    q.exec();
    const Id id = impl_->db.getLastInsertRowid();
    SQLite::Statement a(impl_->db, "INSERT OR IGNORE INTO agency_aliases(agency_id, alias) VALUES (?, ?)");
    for (const auto& alias : aliases) {
        a.bind(1, static_cast<int64_t>(id));
        a.bind(2, fold(alias));
        a.exec();
        a.reset();
    }
    return id;
}

void SqliteStore::add_group_member(Id group_id, Id member_id) {
    SQLite::Statement q(impl_->db, "INSERT OR IGNORE INTO group_members(group_id, member_id) VALUES (?, ?)");
    q.bind(1, static_cast<int64_t>(group_id));
    q.bind(2, static_cast<int64_t>(member_id));
    q.exec();
}

std::optional<AgencyRecord> SqliteStore::agency(Id id) const {
    SQLite::Statement q(impl_->db, std::string(kAgencyColumns) + " WHERE id = ?");
    q.bind(1, static_cast<int64_t>(id));
    if (!q.executeStep()) return std::nullopt;
    return agency_from(SqliteRow{q});
}

std::optional<AgencyRecord> SqliteStore::find_agency(std::string_view name) const {
    const std::string key = fold(trim(name));
    if (key.empty()) return std::nullopt;
    SQLite::Statement q(impl_->db, std::string(kAgencyColumns) +
                                       " WHERE search_key = ?1 OR id IN "
                                       "(SELECT agency_id FROM agency_aliases WHERE alias = ?1)");
    q.bind(1, key);
    if (q.executeStep()) return agency_from(SqliteRow{q});
    // Short names are few and typed by people: compare them folded here.
    for (auto& a : agencies())
        if (!a.short_name.empty() && fold(a.short_name) == key) return a;
    return std::nullopt;
}

std::vector<AgencyRecord> SqliteStore::agencies() const {
    SQLite::Statement q(impl_->db, std::string(kAgencyColumns) + " ORDER BY is_group DESC, id");
    std::vector<AgencyRecord> out;
    while (q.executeStep()) out.push_back(agency_from(SqliteRow{q}));
    return out;
}

std::vector<std::string> SqliteStore::aliases_of(Id agency_id) const {
    SQLite::Statement q(impl_->db, "SELECT alias FROM agency_aliases WHERE agency_id = ? ORDER BY alias");
    q.bind(1, static_cast<int64_t>(agency_id));
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

std::vector<Id> SqliteStore::all_group_members(Id group_id) const {
    SQLite::Statement q(impl_->db, "SELECT member_id FROM group_members WHERE group_id = ? ORDER BY member_id");
    q.bind(1, static_cast<int64_t>(group_id));
    std::vector<Id> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    return out;
}

std::vector<Id> SqliteStore::group_members(Id group_id) const {
    SQLite::Statement q(impl_->db, "SELECT m.member_id FROM group_members m JOIN agencies a ON a.id = m.member_id "
                                   "WHERE m.group_id = ? AND a.active = 1 ORDER BY m.member_id");
    q.bind(1, static_cast<int64_t>(group_id));
    std::vector<Id> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
    return out;
}

void SqliteStore::rename_agency(Id id, const std::string& new_name) {
    // The old name stays an alias, so texts and people using it still find the agency.
    SQLite::Statement keep(impl_->db, "INSERT OR IGNORE INTO agency_aliases(agency_id, alias) "
                                      "SELECT id, search_key FROM agencies WHERE id = ?");
    keep.bind(1, static_cast<int64_t>(id));
    keep.exec();
    SQLite::Statement q(impl_->db, "UPDATE agencies SET name = ?, search_key = ? WHERE id = ?");
    q.bind(1, new_name);
    q.bind(2, fold(new_name));
    q.bind(3, static_cast<int64_t>(id));
    q.exec();
}

void SqliteStore::set_agency_active(Id id, bool active) {
    SQLite::Statement q(impl_->db, "UPDATE agencies SET active = ? WHERE id = ?");
    q.bind(1, active ? 1 : 0);
    q.bind(2, static_cast<int64_t>(id));
    q.exec();
}

}  // namespace dt::store

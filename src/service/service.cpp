// Sign-in, users, agencies and maintenance.
#include "service/service.h"
#include "store/store.h"

#include "core/confusable.h"
#include "core/error.h"
#include "core/text.h"
#include "service/passwords.h"
#include "store/backups.h"

namespace dt::service {

Service::Service(store::Store& store) : store_(store) {}

bool Service::has_users() const { return store_.count_users() > 0; }

Actor Service::anonymous() const {
    // On a server the connection is already someone: a tracker user, or the database's owner.
    if (const auto connected = store_.server_user())
        if (const auto user = store_.find_user(*connected); user && user->active)
            return Actor{user->id, user->name, user->role, user->agency_id, user->agency_name, credential_of(user->password_hash)};
    if (has_users()) fail(ErrorKind::Denied, Msg::SignInFirst);
    return Actor{std::nullopt, "anonymous", UserRole::Viewer, std::nullopt, "", ""};
}

Actor Service::system() { return Actor{std::nullopt, "system", UserRole::Admin, std::nullopt, "", ""}; }

void Service::require_admin(const Actor& actor, std::string_view what) const {
    if (actor.role != UserRole::Admin)
        fail(ErrorKind::Denied, Msg::OnlyAdminCan, {MsgArg::field(what), actor.name, MsgArg::of(actor.role)});
}

namespace {
std::string checked_user_name(std::string_view name) {
    auto clean = check_single_line("The user name", name, kMaxNameBytes);
    if (clean.empty()) fail(ErrorKind::Invalid, Msg::UserNameEmpty);
    return clean;
}
}  // namespace

Actor Service::create_first_admin(std::string_view name, std::string_view password) {
    const auto clean = checked_user_name(name);
    const auto clean_password = check_new_password(password);
    const auto hash = hash_password(clean_password);  // slow: outside the write lock
    store::Store::WriteTx tx(store_);
    if (store_.count_users() > 0)
        fail(ErrorKind::Denied, Msg::AlreadyHasUsers);
    store::UserRecord user{0, clean, UserRole::Admin, std::nullopt, "", hash, true};
    user.id = store_.insert_user(user);
    store_.create_login(clean, clean_password, UserRole::Admin);
    // The credential of the row as stored: on a server the hash stays with PostgreSQL (SCRAM).
    const auto stored = store_.find_user(clean);
    Actor actor{user.id, clean, UserRole::Admin, std::nullopt, "", credential_of(stored ? stored->password_hash : hash)};
    journal(actor, "user", user.id, std::nullopt, "created", std::nullopt, "admin");
    tx.commit();
    return actor;
}

Id Service::add_user(const Actor& actor, std::string_view name, std::string_view password, UserRole role,
                     std::optional<std::string> agency, std::string_view full_name) {
    require_admin(actor, "add users");
    const auto clean = checked_user_name(name);
    const auto clean_full_name = check_single_line("The full name", full_name, kMaxNameBytes);
    const auto clean_password = check_new_password(password);
    std::optional<store::AgencyRecord> bound;
    if (role == UserRole::Agency) {
        if (!agency) fail(ErrorKind::Invalid, Msg::AgencyUserNeedsAgency);
        bound = store_.find_agency(*agency);
        if (!bound) fail(ErrorKind::Invalid, Msg::UnknownAgency, {quoted_input(*agency)});
        if (bound->is_group) fail(ErrorKind::Invalid, Msg::UserBoundToGroup, {bound->name});
    } else if (agency) {
        fail(ErrorKind::Invalid, Msg::OnlyAgencyUsersBound);
    }
    const auto hash = hash_password(clean_password);
    store::Store::WriteTx tx(store_);
    if (store_.find_user(clean)) fail(ErrorKind::Invalid, Msg::UserExists, {clean});
    // Case and look-alike letters (Cyrillic а, Greek ο, …) folded: a reader could not tell them apart.
    const auto skeleton = name_skeleton(clean);
    for (const auto& other : store_.users())
        if (name_skeleton(other.name) == skeleton)
            fail(ErrorKind::Invalid, Msg::UserLookalike, {quoted_input(clean), other.name});
    store::UserRecord user{0, clean, role, bound ? std::optional<Id>(bound->id) : std::nullopt, "", hash, true};
    user.full_name = clean_full_name;
    const Id id = store_.insert_user(user);
    store_.create_login(clean, clean_password, role);
    journal(actor, "user", id, std::nullopt, "created",
            std::nullopt, std::string(to_string(role)) + (bound ? " " + bound->name : ""));
    tx.commit();
    return id;
}

std::vector<store::UserRecord> Service::users(const Actor& actor) const {
    require_admin(actor, "list users");
    auto all = store_.users();
    for (auto& u : all) u.password_hash.clear();
    return all;
}

std::vector<store::AgencyRecord> Service::agencies() const { return store_.agencies(); }
std::vector<Id> Service::group_members(Id group_id) const { return store_.group_members(group_id); }
std::vector<store::DirectiveRecord> Service::directives() const { return store_.directives(); }
std::vector<store::SectionRecord> Service::sections(std::optional<Id> directive_id) const { return store_.sections(directive_id); }
std::vector<store::TaskRecord> Service::tasks(Id directive_id) const { return store_.tasks(directive_id); }

store::AgencyRecord Service::find_agency_or_fail(std::string_view name) const {
    auto agency = store_.find_agency(name);
    if (!agency) fail(ErrorKind::Invalid, Msg::UnknownAgency, {quoted_input(name)});
    return std::move(*agency);
}

Id Service::add_agency(const Actor& actor, std::string_view name, std::string_view short_name, std::string_view kind,
                       const std::vector<std::string>& groups) {
    require_admin(actor, "add agencies");
    const auto clean = check_single_line("The agency name", name, kMaxTitleBytes);
    const auto clean_short = check_single_line("The short name", short_name, kMaxShortBytes);
    const auto clean_kind = check_single_line("The kind", kind, kMaxShortBytes);
    if (clean.empty() || clean_kind.empty()) fail(ErrorKind::Invalid, Msg::AgencyNeedsNameKind);
    store::Store::WriteTx tx(store_);
    if (auto existing = store_.find_agency(clean))
        fail(ErrorKind::Invalid, Msg::AgencyKnownAs, {clean, existing->name});
    const Id id = store_.insert_agency({0, clean, clean_short, clean_kind, clean_kind == "group", true}, {});
    for (const auto& g : groups) {
        const auto group = find_agency_or_fail(g);
        if (!group.is_group) fail(ErrorKind::Invalid, Msg::NotAGroup, {group.name});
        store_.add_group_member(group.id, id);
    }
    journal(actor, "agency", id, std::nullopt, "created", std::nullopt, clean);
    tx.commit();
    return id;
}

void Service::rename_agency(const Actor& actor, std::string_view name, std::string_view new_name) {
    require_admin(actor, "rename agencies");
    const auto clean = check_single_line("The new name", new_name, kMaxTitleBytes);
    if (clean.empty()) fail(ErrorKind::Invalid, Msg::NewNameEmpty);
    store::Store::WriteTx tx(store_);
    const auto agency = find_agency_or_fail(name);
    if (auto other = store_.find_agency(clean); other && other->id != agency.id)
        fail(ErrorKind::Invalid, Msg::AgencyNameTaken, {clean});
    store_.rename_agency(agency.id, clean);
    journal(actor, "agency", agency.id, std::nullopt, "name", agency.name, clean);
    tx.commit();
}

void Service::set_agency_active(const Actor& actor, std::string_view name, bool active) {
    require_admin(actor, "deactivate agencies");
    store::Store::WriteTx tx(store_);
    const auto agency = find_agency_or_fail(name);
    store_.set_agency_active(agency.id, active);
    journal(actor, "agency", agency.id, std::nullopt, "active", agency.active ? "1" : "0", active ? "1" : "0");
    tx.commit();
}

std::string credential_of(const std::string& password_hash) { return sha256_hex(password_hash).substr(0, 32); }

bool Service::is_current(const Actor& actor) const {
    if (!actor.user_id) return true;  // the system, or the reader of a database without users
    const auto user = store_.find_user(actor.name);
    return user && user->id == *actor.user_id && user->active && user->role == actor.role &&
           user->agency_id == actor.agency_id && credential_of(user->password_hash) == actor.credential;
}

void Service::require_current(const Actor& actor) const {
    if (!is_current(actor))
        throw AccountChanged(actor.name);
}

void Service::journal(const Actor& actor, std::string_view entity, Id entity_id, std::optional<Id> assignment_id,
                      std::string_view field, std::optional<std::string> old_value,
                      std::optional<std::string> new_value) {
    // Every journalled write passes here, inside its transaction: a stale actor undoes it all.
    require_current(actor);
    record(actor, entity, entity_id, assignment_id, field, std::move(old_value), std::move(new_value));
}

void Service::record(const Actor& actor, std::string_view entity, Id entity_id, std::optional<Id> assignment_id,
                     std::string_view field, std::optional<std::string> old_value,
                     std::optional<std::string> new_value) {
    store::JournalRecord entry;
    entry.user_id = actor.user_id;
    entry.user_name = actor.name;
    entry.entity = std::string(entity);
    entry.entity_id = entity_id;
    entry.assignment_id = assignment_id;
    entry.field = std::string(field);
    entry.old_value = std::move(old_value);
    entry.new_value = std::move(new_value);
    store_.append_journal(entry);
}

void Service::backup(const Actor& actor, const std::filesystem::path& target) const {
    require_admin(actor, "make a backup");
    std::error_code ec;
    if (std::filesystem::exists(target, ec))
        fail(ErrorKind::Invalid, Msg::BackupTargetExists, {target.string()});
    store::write_backup(store_, target);  // 0600, a temporary name, fsynced, renamed
}

void Service::restore(const Actor& actor, const std::filesystem::path& source) {
    require_admin(actor, "restore a backup");
    store::verify_tracker_file(source);
    // Keep what is being replaced, so a mistaken restore can itself be undone.
    const auto keep = store_.path().string() + ".before-restore-" + now_timestamp() + ".bak";
    store_.backup_to(keep);
    store_.restore_from(source);
}

std::map<Id, store::EvidenceRecord> Service::latest_evidence(Date until) const { return store_.latest_evidence(until); }
std::vector<store::EvidenceRecord> Service::evidence_between(Date after, Date until) const {
    return store_.evidence_between(after, until);
}
std::vector<store::JournalRecord> Service::journal_between(Date after, Date until, std::string_view field) const {
    return store_.journal_between(after, until, field);
}
std::optional<std::string> Service::setting(std::string_view key) const { return store_.setting(key); }

void Service::set_setting(const Actor& actor, std::string_view key, std::string_view value) {
    require_admin(actor, "change settings");
    const auto clean_key = check_single_line("The setting's name", key, kMaxShortBytes);
    if (clean_key.empty()) fail(ErrorKind::Invalid, Msg::SettingNameEmpty);
    // Only a list (one item a line) may hold line breaks: every other value is printed on one line.
    const auto clean = clean_key.ends_with("recipients") ? check_multi_line("The setting's value", value, kMaxReasonBytes)
                                                         : check_single_line("The setting's value", value, kMaxReasonBytes);
    store::Store::WriteTx tx(store_);
    const auto before = store_.setting(clean_key);
    store_.set_setting(clean_key, clean);
    journal(actor, "setting", 0, std::nullopt, clean_key, before, clean);
    tx.commit();
}

std::optional<Id> Service::record_report(const Actor& actor, store::ReportRecord report) {
    // "Since the last report" is the office's: a viewer's or an agency's report is written for
    // them but not recorded, so it never moves the office's starting point.
    if (actor.role != UserRole::Admin) return std::nullopt;
    store::Store::WriteTx tx(store_);
    require_current(actor);
    report.created_by = actor.name;
    const Id id = store_.insert_report(report);
    tx.commit();
    return id;
}

std::optional<store::ReportRecord> Service::last_report(std::string_view directive) const { return store_.last_report(directive); }
std::vector<store::ReportRecord> Service::reports() const { return store_.reports(); }

std::vector<std::string> Service::check() const { return store_.check(); }
std::vector<std::string> Service::inconsistencies() const { return store_.inconsistencies(); }
void Service::require_sound() const { store_.require_sound(); }
int Service::data_version() const { return store_.data_version(); }
store::Link Service::reconnect() { return store_.reconnect(); }

}  // namespace dt::service

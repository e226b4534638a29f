#pragma once
// The only door to SQL. A Store is one open tracker database; its methods read and write
// rows. Writes happen inside a WriteTx, which the service opens around each use case so that
// a use case is one transaction.
//
// Store is an interface with two implementations (couchbase-lite-core's DataFile /
// SQLiteDataFile split): SqliteStore (store/sqlite_store.h, a database file) and PgStore
// (store/pg_store.h, a PostgreSQL database named by a postgresql:// URI). Store::open decides
// by the spec. Nothing outside store/ knows which one it has. To add a Store method: declare
// it pure virtual here, `... override;` in sqlite_store.h and pg_store.h, and implement it in
// both (the SQLite one in the *_store.cpp of its topic, the PostgreSQL one in pg_*.cpp).
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "store/records.h"

namespace dt::store {

struct OpenOptions {
    bool create = true;                 // create the file when it does not exist
    std::optional<int> target_version;  // migrate only up to here (tests of upgrades)
    bool backup_before_migrating = true;
    bool accept_empty = false;          // an existing empty file becomes a new database (dtrack init)
    std::optional<std::string> user;    // server mode: connect as this user (else the URI's, or PGUSER)
    // Server mode: the user's password, checked by the server (the GUI's sign-in screen); else
    // DTRACK_PASSWORD when `user` is given, else libpq's PGPASSWORD, ~/.pgpass or PGSERVICE.
    std::optional<std::string> password;
};

enum class Backend { Sqlite, Postgres };

// True when `spec` names a PostgreSQL database (postgresql:// or postgres:// URI), not a file.
bool is_server_spec(std::string_view spec);

class Store {
public:
    // Opens `spec`: a postgresql:// URI opens a PgStore, anything else a SqliteStore file.
    // Checks the database is ours and not newer than this program, migrates.
    // Throws Error(Storage) with one sentence saying what is wrong.
    static std::unique_ptr<Store> open(const std::filesystem::path& spec, const OpenOptions& options = {});
    virtual ~Store() = default;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    static int latest_version();  // of the SQLite schema (db/migrations/sqlite)
    virtual Backend backend() const = 0;
    virtual int schema_version() const = 0;
    // The file, or for a server the URI without its password.
    virtual const std::filesystem::path& path() const = 0;
    // Changes whenever another connection commits (SQLite: PRAGMA data_version;
    // PostgreSQL: a NOTIFY from the change triggers). Cheap enough to call every second: it
    // reads no table. On a server whose connection is lost it throws
    // StorageError(Fault::Unreachable): reconnect() connects again.
    virtual int data_version() const = 0;
    // Server mode, after a lost connection: connects again without ever making the caller wait
    // on the network (the window keeps drawing frames). Each call: Up when connected (after a
    // new connection, data_version has changed: commits may have been missed meanwhile);
    // Connecting while an attempt runs in the background; an attempt that failed throws its
    // StorageError(Unreachable), or Error(Denied) when the server refuses the user now, and the
    // next call starts another. Never inside a write. A file is always Up.
    virtual Link reconnect() = 0;

    class WriteTx {
    public:
        // BEGIN IMMEDIATE (SQLite, waiting up to the busy timeout) / BEGIN (PostgreSQL); a
        // savepoint inside an open transaction.
        explicit WriteTx(Store& store);
        ~WriteTx();                      // rolls back unless committed
        void commit();
        WriteTx(const WriteTx&) = delete;
        WriteTx& operator=(const WriteTx&) = delete;

    private:
        Store& store_;
        bool open_ = true;
        bool nested_ = false;  // a savepoint inside an outer transaction
    };

    // Agencies and groups
    virtual Id insert_agency(const AgencyRecord& agency, const std::vector<std::string>& aliases) = 0;
    virtual void add_group_member(Id group_id, Id member_id) = 0;
    virtual std::optional<AgencyRecord> agency(Id id) const = 0;
    // By name, short name or alias, ignoring case and diacritics.
    virtual std::optional<AgencyRecord> find_agency(std::string_view name) const = 0;
    virtual std::vector<AgencyRecord> agencies() const = 0;
    virtual std::vector<std::string> aliases_of(Id agency_id) const = 0;
    virtual std::vector<Id> group_members(Id group_id) const = 0;  // active members only
    // Inactive members too: a directive issued before they were retired (district committees
    // before 1/7/2025) still reaches them through its groups.
    virtual std::vector<Id> all_group_members(Id group_id) const = 0;
    virtual void rename_agency(Id id, const std::string& new_name) = 0;
    virtual void set_agency_active(Id id, bool active) = 0;

    // Users
    virtual Id insert_user(const UserRecord& user) = 0;
    virtual std::optional<UserRecord> find_user(std::string_view name) const = 0;
    virtual std::vector<UserRecord> users() const = 0;
    virtual int count_users() const = 0;
    virtual int count_active_admins() const = 0;
    virtual void set_user_password(Id user_id, const std::string& password_hash) = 0;
    virtual void set_user_active(Id user_id, bool active) = 0;
    // Server mode: users are PostgreSQL login roles whose passwords the server checks (SCRAM).
    // The file keeps its argon2 hashes in the users row, so these do nothing there.
    // Server mode: the user the server authenticated this connection as; none for a file.
    virtual std::optional<std::string> server_user() const = 0;
    virtual void create_login(const std::string& name, const std::string& password, UserRole role) = 0;
    virtual void set_login_password(const std::string& name, const std::string& password) = 0;
    // NOLOGIN/LOGIN; a disabled user's open connections are ended. Returns how many were.
    virtual int set_login_enabled(const std::string& name, bool enabled) = 0;
    // Consecutive failed sign-ins and the lock they earned; (0, none) after a success.
    virtual void set_login_failures(Id user_id, int failures, const std::optional<std::string>& locked_until) = 0;

    // Command-line sessions (session_store.cpp); the caller hashes the token.
    virtual Id insert_session(Id user_id, const std::string& token_hash, const std::string& expires_at) = 0;
    virtual std::optional<SessionRecord> find_session(const std::string& token_hash) const = 0;
    virtual bool revoke_session(const std::string& token_hash) = 0;  // false when unknown or already revoked
    virtual int revoke_sessions_of(Id user_id) = 0;                   // every open session of a user

    // Directives and their outline
    virtual bool directive_exists(std::string_view code) const = 0;
    virtual Id insert_directive(const DirectiveRecord& directive, std::optional<Id> imported_by) = 0;
    virtual Id insert_section(const SectionRecord& section) = 0;
    virtual Id insert_task(const TaskRecord& task) = 0;
    virtual std::vector<DirectiveRecord> directives() const = 0;
    // A directive's sections in order; none: every directive's, by directive then position (one
    // read instead of one per directive).
    virtual std::vector<SectionRecord> sections(std::optional<Id> directive_id) const = 0;
    virtual std::vector<TaskRecord> tasks(Id directive_id) const = 0;
    // Every task's folded reference, title and text (as stored for search), by task id.
    virtual std::vector<std::pair<Id, std::string>> task_search_keys() const = 0;

    // The structure the office corrects after an import (service/structure.cpp).
    // Writes every column of the task but its directive (the search key follows the text).
    virtual void update_task(const TaskRecord& task) = 0;
    // Deletes a task no assignment refers to any more; false when one still does.
    virtual bool delete_task(Id task_id) = 0;
    // Writes an assignment's role and closed state and bumps its version, only if the stored
    // version is `expected_version`; false when someone else saved first.
    virtual bool update_assignment_structure(const AssignmentRecord& next, int expected_version) = 0;
    // Deletes an assignment that was never started and that nothing refers to (evidence, an
    // extension request, a journal row); false, deleting nothing, otherwise.
    virtual bool delete_assignment(Id id) = 0;
    virtual Id insert_amendment(const AmendmentRecord& amendment) = 0;
    virtual std::vector<AmendmentRecord> amendments(Id directive_id) const = 0;  // oldest first

    // Assignments, evidence, journal
    virtual Id insert_assignment(const AssignmentRecord& assignment) = 0;
    virtual std::vector<AssignmentRecord> assignments(const AssignmentQuery& query) const = 0;
    virtual std::optional<AssignmentRecord> assignment(Id id) const = 0;
    // Writes the editable fields and bumps the version, only if the stored version is
    // `expected_version`; false when someone else saved first. On success `next` holds the
    // version and the updated_at written, so that the caller need not read the row again.
    virtual bool update_assignment(AssignmentRecord& next, int expected_version) = 0;
    virtual Id insert_evidence(const EvidenceRecord& evidence, const std::optional<EvidenceFile>& file) = 0;
    virtual std::vector<EvidenceRecord> evidence(Id assignment_id) const = 0;
    virtual std::optional<EvidenceFile> evidence_file(Id evidence_id) const = 0;
    virtual std::optional<EvidenceRecord> evidence_item(Id evidence_id) const = 0;
    // Marks evidence withdrawn; false when it already was (the content itself never changes).
    virtual bool withdraw_evidence(Id evidence_id, std::optional<Id> by, const std::string& reason) = 0;
    virtual void append_journal(const JournalRecord& entry) = 0;
    virtual std::vector<JournalRecord> journal(Id assignment_id) const = 0;
    virtual int journal_count() const = 0;

    // Extension requests (gia hạn)
    virtual Id insert_extension(Id assignment_id, Date requested_due, const std::string& reason, std::optional<Id> requested_by) = 0;
    virtual std::optional<ExtensionRecord> extension(Id id) const = 0;
    virtual std::vector<ExtensionRecord> extensions(const ExtensionQuery& query) const = 0;  // newest first
    // Records the decision only on a pending request; false when it was already decided.
    virtual bool decide_extension(Id id, ExtensionStatus decision, std::optional<Id> decided_by, const std::string& note) = 0;

    // Disbursement: investors, projects, entries, and each directive's ladder
    virtual Id insert_investor(const InvestorRecord& investor) = 0;
    virtual std::optional<InvestorRecord> find_investor(std::string_view name) const = 0;  // ignoring case and diacritics
    virtual std::vector<InvestorRecord> investors() const = 0;
    virtual Id insert_project(const ProjectRecord& project) = 0;
    virtual std::optional<ProjectRecord> find_project(std::string_view code) const = 0;
    // Every project with `disbursed` summed over its entries dated on or before `as_of`.
    virtual std::vector<ProjectRecord> projects(Date as_of) const = 0;
    virtual Id insert_disbursement(const DisbursementRecord& entry) = 0;
    virtual std::int64_t disbursed_total(Id project_id) const = 0;  // all entries, whatever their date
    virtual bool disbursement_exists(Id project_id, Date date, std::int64_t amount) const = 0;
    virtual std::vector<DisbursementRecord> disbursements(std::optional<Id> project_id) const = 0;  // by date
    // A directive's ladder by date; none: the ladder of the latest directive (highest id) that
    // has one, in one read (Service::ladder).
    virtual std::vector<MilestoneRecord> ladder(std::optional<Id> directive_id) const = 0;
    virtual void set_milestone(Id directive_id, const MilestoneRecord& milestone) = 0;
    virtual bool remove_milestone(Id directive_id, Date due) = 0;

    // Reports: what the report needs in one query each, and the record of past reports
    virtual std::map<Id, EvidenceRecord> latest_evidence(Date until) const = 0;  // by assignment, created on or before `until`
    virtual std::vector<EvidenceRecord> evidence_between(Date after, Date until) const = 0;
    virtual std::vector<JournalRecord> journal_between(Date after, Date until, std::string_view field) const = 0;
    // For each assignment and each of `fields`, the first journalled change made after the end
    // of day `after` and (when given) up to the end of day `through` (assignment_id, field and
    // old_value filled): the value that day ended with. One grouped read (service/history.cpp).
    virtual std::vector<JournalRecord> first_changes_after(Date after, const std::vector<std::string>& fields,
                                                           std::optional<Date> through) const = 0;
    // The past's checkpoints: every assignment's own fields at the end of `day` when that day is
    // kept, none otherwise. keep_assignment_states keeps it (inside a WriteTx), computed by the
    // database from the nearest later kept day (or today's rows) and the journal in between;
    // the database forgets kept days that a later journal row or assignment would change.
    virtual std::optional<std::vector<AssignmentState>> assignment_states(Date day) const = 0;
    virtual void keep_assignment_states(Date day) = 0;
    virtual Id insert_report(const ReportRecord& report) = 0;
    virtual std::optional<ReportRecord> last_report(std::string_view directive) const = 0;
    virtual std::vector<ReportRecord> reports() const = 0;

    // Settings
    virtual std::optional<std::string> setting(std::string_view key) const = 0;
    virtual void set_setting(std::string_view key, std::string_view value) = 0;

    // Maintenance
    virtual void backup_to(const std::filesystem::path& target) const = 0;
    // Replaces this database's content with `source`'s (online backup API).
    virtual void restore_from(const std::filesystem::path& source) = 0;
    // Problems found by integrity and foreign-key checks; empty when healthy.
    virtual std::vector<std::string> check() const = 0;
    // Broken business rules (done without evidence, …), each naming its rows (up to 50): an
    // inconsistency to show and repair, not damage. Empty when every rule holds.
    virtual std::vector<std::string> inconsistencies() const = 0;
    // Throws StorageError(Damaged) when the database's pages are damaged (SQLite: quick_check,
    // pages and b-trees, not the indexes' content). Run before a report or a backup, so a
    // damaged file never yields a report silently missing rows, nor a backup that looks good.
    // PostgreSQL checks its own pages as it reads them: there it only asks the server to answer.
    virtual void require_sound() const = 0;

protected:
    Store() = default;

private:
    // What WriteTx calls: begin returns true when it opened a savepoint (nested).
    virtual bool begin_write() = 0;
    virtual void commit_write(bool nested) = 0;
    virtual void rollback_write(bool nested) noexcept = 0;
};

// Checks that `path` is a database of this program that this version can open; throws
// Error(Storage) otherwise. Used before a restore.
void verify_tracker_file(const std::filesystem::path& path);

// Requests sent to the database server and answered so far on this store's connection (each
// a wait of one round trip over the network); 0 for a file, which has no server. Counted,
// not timed, so that the benchmark and the tests can hold a use case to a number of them
// whatever the machine's load (docs/PERFORMANCE.md).
std::uint64_t server_round_trips(const Store& store);

// Timestamps (now_timestamp, seconds_until, …) are core's: core/clock.h.

}  // namespace dt::store

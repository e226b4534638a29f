#pragma once
// The only door to SQL. A Store is one open database file; its methods read and write
// rows. Writes happen inside a WriteTx (BEGIN IMMEDIATE), which the service opens around
// each use case so that a use case is one transaction.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/records.h"

namespace dt::store {

struct OpenOptions {
    bool create = true;                 // create the file when it does not exist
    std::optional<int> target_version;  // migrate only up to here (tests of upgrades)
    bool backup_before_migrating = true;
    bool accept_empty = false;          // an existing empty file becomes a new database (dtrack init)
};

class Store {
public:
    // Opens or creates, checks the file is ours and not newer than this program, migrates.
    // Throws Error(Storage) with one sentence saying what is wrong.
    static std::unique_ptr<Store> open(const std::filesystem::path& path, const OpenOptions& options = {});
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    static int latest_version();
    int schema_version() const;
    const std::filesystem::path& path() const;
    // Changes whenever another connection commits (PRAGMA data_version).
    int data_version() const;

    class WriteTx {
    public:
        explicit WriteTx(Store& store);  // BEGIN IMMEDIATE, waiting up to the busy timeout
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
    Id insert_agency(const AgencyRecord& agency, const std::vector<std::string>& aliases);
    void add_group_member(Id group_id, Id member_id);
    std::optional<AgencyRecord> agency(Id id) const;
    // By name, short name or alias, ignoring case and diacritics.
    std::optional<AgencyRecord> find_agency(std::string_view name) const;
    std::vector<AgencyRecord> agencies() const;
    std::vector<std::string> aliases_of(Id agency_id) const;
    std::vector<Id> group_members(Id group_id) const;
    void rename_agency(Id id, const std::string& new_name);
    void set_agency_active(Id id, bool active);

    // Users
    Id insert_user(const UserRecord& user);
    std::optional<UserRecord> find_user(std::string_view name) const;
    std::vector<UserRecord> users() const;
    int count_users() const;
    int count_active_admins() const;
    void set_user_password(Id user_id, const std::string& password_hash);
    void set_user_active(Id user_id, bool active);
    // Consecutive failed sign-ins and the lock they earned; (0, none) after a success.
    void set_login_failures(Id user_id, int failures, const std::optional<std::string>& locked_until);

    // Command-line sessions (session_store.cpp); the caller hashes the token.
    Id insert_session(Id user_id, const std::string& token_hash, const std::string& expires_at);
    std::optional<SessionRecord> find_session(const std::string& token_hash) const;
    bool revoke_session(const std::string& token_hash);  // false when unknown or already revoked
    int revoke_sessions_of(Id user_id);                   // every open session of a user

    // Directives and their outline
    bool directive_exists(std::string_view code) const;
    Id insert_directive(const DirectiveRecord& directive, std::optional<Id> imported_by);
    Id insert_section(const SectionRecord& section);
    Id insert_task(const TaskRecord& task);
    std::vector<DirectiveRecord> directives() const;
    std::vector<SectionRecord> sections(Id directive_id) const;
    std::vector<TaskRecord> tasks(Id directive_id) const;
    // Every task's folded reference, title and text (as stored for search), by task id.
    std::vector<std::pair<Id, std::string>> task_search_keys() const;

    // Assignments, evidence, journal
    Id insert_assignment(const AssignmentRecord& assignment);
    std::vector<AssignmentRecord> assignments(const AssignmentQuery& query) const;
    std::optional<AssignmentRecord> assignment(Id id) const;
    // Writes the editable fields and bumps the version, only if the stored version is
    // `expected_version`; false when someone else saved first.
    bool update_assignment(const AssignmentRecord& next, int expected_version);
    Id insert_evidence(const EvidenceRecord& evidence, const std::optional<EvidenceFile>& file);
    std::vector<EvidenceRecord> evidence(Id assignment_id) const;
    std::optional<EvidenceFile> evidence_file(Id evidence_id) const;
    std::optional<EvidenceRecord> evidence_item(Id evidence_id) const;
    // Marks evidence withdrawn; false when it already was (the content itself never changes).
    bool withdraw_evidence(Id evidence_id, std::optional<Id> by, const std::string& reason);
    void append_journal(const JournalRecord& entry);
    std::vector<JournalRecord> journal(Id assignment_id) const;
    int journal_count() const;

    // Extension requests (gia hạn)
    Id insert_extension(Id assignment_id, Date requested_due, const std::string& reason, std::optional<Id> requested_by);
    std::optional<ExtensionRecord> extension(Id id) const;
    std::vector<ExtensionRecord> extensions(const ExtensionQuery& query) const;  // newest first
    // Records the decision only on a pending request; false when it was already decided.
    bool decide_extension(Id id, ExtensionStatus decision, std::optional<Id> decided_by, const std::string& note);

    // Disbursement: investors, projects, entries, and each directive's ladder
    Id insert_investor(const InvestorRecord& investor);
    std::optional<InvestorRecord> find_investor(std::string_view name) const;  // ignoring case and diacritics
    std::vector<InvestorRecord> investors() const;
    Id insert_project(const ProjectRecord& project);
    std::optional<ProjectRecord> find_project(std::string_view code) const;
    // Every project with `disbursed` summed over its entries dated on or before `as_of`.
    std::vector<ProjectRecord> projects(Date as_of) const;
    Id insert_disbursement(const DisbursementRecord& entry);
    std::int64_t disbursed_total(Id project_id) const;  // all entries, whatever their date
    bool disbursement_exists(Id project_id, Date date, std::int64_t amount) const;
    std::vector<DisbursementRecord> disbursements(std::optional<Id> project_id) const;  // by date
    std::vector<MilestoneRecord> ladder(Id directive_id) const;
    void set_milestone(Id directive_id, const MilestoneRecord& milestone);
    bool remove_milestone(Id directive_id, Date due);

    // Reports: what the report needs in one query each, and the record of past reports
    std::map<Id, EvidenceRecord> latest_evidence(Date until) const;  // by assignment, created on or before `until`
    std::vector<EvidenceRecord> evidence_between(Date after, Date until) const;
    std::vector<JournalRecord> journal_between(Date after, Date until, std::string_view field) const;
    // For each assignment and each of `fields`, the first journalled change made after the end
    // of day `after` (assignment_id, field and old_value filled): the value that day ended with.
    // One grouped read, however long the history after it (the past, service/history.cpp).
    std::vector<JournalRecord> first_changes_after(Date after, const std::vector<std::string>& fields) const;
    Id insert_report(const ReportRecord& report);
    std::optional<ReportRecord> last_report(std::string_view directive) const;
    std::vector<ReportRecord> reports() const;

    // Settings
    std::optional<std::string> setting(std::string_view key) const;
    void set_setting(std::string_view key, std::string_view value);

    // Maintenance
    void backup_to(const std::filesystem::path& target) const;
    // Replaces this database's content with `source`'s (online backup API).
    void restore_from(const std::filesystem::path& source);
    // Problems found by integrity and foreign-key checks; empty when healthy.
    std::vector<std::string> check() const;

    struct Impl;

private:
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Checks that `path` is a database of this program that this version can open; throws
// Error(Storage) otherwise. Used before a restore.
void verify_tracker_file(const std::filesystem::path& path);

std::string now_timestamp();  // UTC, ISO 8601 to the second
std::string timestamp_after(long seconds);  // now + seconds, in the same form
// Seconds from now until a timestamp of that form (negative when past); none when unreadable.
std::optional<long> seconds_until(std::string_view timestamp);

}  // namespace dt::store

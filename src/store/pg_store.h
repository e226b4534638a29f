#pragma once
// The PostgreSQL implementation of Store (server mode): one libpq connection per Store, made as
// the signed-in user, so that the server's grants and row-level security apply to everything
// this program does (db/migrations/postgresql/0002_roles_and_security.sql).
//
// Journal rule: on PostgreSQL, triggers write the journal rows of assignment field changes
// (its role and its closing too, migration 0006),
// evidence added or withdrawn and extension requests, under session_user, whoever changes the
// row (this program or psql). append_journal drops the service's copies of exactly those rows
// (journaled_by_trigger) and inserts every other one.
#include <memory>
#include <string>

#include "store/store.h"

namespace dt::store {

class PgConn;

// Connects to `uri` (postgresql://…; libpq reads PGPASSWORD, ~/.pgpass, PGSERVICE itself, and
// DTRACK_PASSWORD is passed as the password when set), checks the database is a tracker no
// newer than this program, migrates when options.create allows.
std::unique_ptr<Store> open_postgres(const std::string& uri, const OpenOptions& options);

// True when the connection's user is the database's owner (a member of its role, or a
// superuser): who may run migrations (server upgrade).
bool owns_database(const PgConn& conn);

// True for the journal rows the database's triggers write on PostgreSQL.
bool journaled_by_trigger(const JournalRecord& entry);

class PgStore final : public Store {
public:
    PgStore(std::unique_ptr<PgConn> conn, std::filesystem::path shown);
    ~PgStore() override;
    static int latest_pg_version();

    Backend backend() const override;
    int schema_version() const override;
    const std::filesystem::path& path() const override;
    int data_version() const override;
    Link reconnect() override;
    Id insert_agency(const AgencyRecord& agency, const std::vector<std::string>& aliases) override;
    void add_group_member(Id group_id, Id member_id) override;
    std::optional<AgencyRecord> agency(Id id) const override;
    std::optional<AgencyRecord> find_agency(std::string_view name) const override;
    std::vector<AgencyRecord> agencies() const override;
    std::vector<std::string> aliases_of(Id agency_id) const override;
    std::vector<Id> group_members(Id group_id) const override;
    std::vector<Id> all_group_members(Id group_id) const override;
    void rename_agency(Id id, const std::string& new_name) override;
    void set_agency_active(Id id, bool active) override;
    Id insert_user(const UserRecord& user) override;
    std::optional<UserRecord> find_user(std::string_view name) const override;
    std::vector<UserRecord> users() const override;
    int count_users() const override;
    int count_active_admins() const override;
    void set_user_password(Id user_id, const std::string& password_hash) override;
    void set_user_active(Id user_id, bool active) override;
    std::optional<std::string> server_user() const override;
    void create_login(const std::string& name, const std::string& password, UserRole role) override;
    void set_login_password(const std::string& name, const std::string& password) override;
    int set_login_enabled(const std::string& name, bool enabled) override;
    void set_login_failures(Id user_id, int failures, const std::optional<std::string>& locked_until) override;
    Id insert_session(Id user_id, const std::string& token_hash, const std::string& expires_at) override;
    std::optional<SessionRecord> find_session(const std::string& token_hash) const override;
    bool revoke_session(const std::string& token_hash) override;
    int revoke_sessions_of(Id user_id) override;
    bool directive_exists(std::string_view code) const override;
    Id insert_directive(const DirectiveRecord& directive, std::optional<Id> imported_by) override;
    Id insert_section(const SectionRecord& section) override;
    Id insert_task(const TaskRecord& task) override;
    std::vector<DirectiveRecord> directives() const override;
    std::vector<SectionRecord> sections(std::optional<Id> directive_id) const override;
    std::vector<TaskRecord> tasks(Id directive_id) const override;
    std::vector<std::pair<Id, std::string>> task_search_keys() const override;
    void update_task(const TaskRecord& task) override;
    bool delete_task(Id task_id) override;
    bool update_assignment_structure(const AssignmentRecord& next, int expected_version) override;
    bool delete_assignment(Id id) override;
    Id insert_amendment(const AmendmentRecord& amendment) override;
    std::vector<AmendmentRecord> amendments(Id directive_id) const override;
    Id insert_assignment(const AssignmentRecord& assignment) override;
    std::vector<AssignmentRecord> assignments(const AssignmentQuery& query) const override;
    std::optional<AssignmentRecord> assignment(Id id) const override;
    bool update_assignment(AssignmentRecord& next, int expected_version) override;
    Id insert_evidence(const EvidenceRecord& evidence, const std::optional<EvidenceFile>& file) override;
    std::vector<EvidenceRecord> evidence(Id assignment_id) const override;
    std::optional<EvidenceFile> evidence_file(Id evidence_id) const override;
    std::optional<EvidenceRecord> evidence_item(Id evidence_id) const override;
    bool withdraw_evidence(Id evidence_id, std::optional<Id> by, const std::string& reason) override;
    void append_journal(const JournalRecord& entry) override;
    std::vector<JournalRecord> journal(Id assignment_id) const override;
    int journal_count() const override;
    Id insert_extension(Id assignment_id, Date requested_due, const std::string& reason, std::optional<Id> requested_by) override;
    std::optional<ExtensionRecord> extension(Id id) const override;
    std::vector<ExtensionRecord> extensions(const ExtensionQuery& query) const override;
    bool decide_extension(Id id, ExtensionStatus decision, std::optional<Id> decided_by, const std::string& note) override;
    Id insert_investor(const InvestorRecord& investor) override;
    std::optional<InvestorRecord> find_investor(std::string_view name) const override;
    std::vector<InvestorRecord> investors() const override;
    Id insert_project(const ProjectRecord& project) override;
    std::optional<ProjectRecord> find_project(std::string_view code) const override;
    std::vector<ProjectRecord> projects(Date as_of) const override;
    Id insert_disbursement(const DisbursementRecord& entry) override;
    std::int64_t disbursed_total(Id project_id) const override;
    bool disbursement_exists(Id project_id, Date date, std::int64_t amount) const override;
    std::vector<DisbursementRecord> disbursements(std::optional<Id> project_id) const override;
    std::vector<MilestoneRecord> ladder(std::optional<Id> directive_id) const override;
    void set_milestone(Id directive_id, const MilestoneRecord& milestone) override;
    bool remove_milestone(Id directive_id, Date due) override;
    std::map<Id, EvidenceRecord> latest_evidence(Date until) const override;
    std::vector<EvidenceRecord> evidence_between(Date after, Date until) const override;
    std::vector<JournalRecord> journal_between(Date after, Date until, std::string_view field) const override;
    std::vector<JournalRecord> first_changes_after(Date after, const std::vector<std::string>& fields,
                                                   std::optional<Date> through) const override;
    std::optional<std::vector<AssignmentState>> assignment_states(Date day) const override;
    void keep_assignment_states(Date day) override;
    Id insert_report(const ReportRecord& report) override;
    std::optional<ReportRecord> last_report(std::string_view directive) const override;
    std::vector<ReportRecord> reports() const override;
    std::optional<std::string> setting(std::string_view key) const override;
    void set_setting(std::string_view key, std::string_view value) override;
    void backup_to(const std::filesystem::path& target) const override;
    void restore_from(const std::filesystem::path& source) override;
    std::vector<std::string> check() const override;
    std::vector<std::string> inconsistencies() const override;
    void require_sound() const override;

    PgConn& conn() const { return *conn_; }

private:
    bool begin_write() override;
    void commit_write(bool nested) override;
    void rollback_write(bool nested) noexcept override;
    std::unique_ptr<PgConn> conn_;
    std::filesystem::path shown_;  // the URI without its password
    mutable int data_version_ = 0;
    int writes_ = 0;  // open WriteTx levels: no reconnection while one is open
};

}  // namespace dt::store

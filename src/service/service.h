#pragma once
// The one API the GUI and the CLI call. Every write is one transaction, checked for the
// actor's rights, validated, version-checked and journalled here.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "core/status.h"
#include "importer/outline.h"
#include "service/disbursement.h"
#include "service/limits.h"
#include "service/registry.h"
#include "store/records.h"

namespace dt::store {
class Store;  // store/store.h: only the service and the mains (app/) see the store itself
}  // namespace dt::store

namespace dt::service {

using store::Id;


// Sign-in slow-down: from the 5th consecutive failure the account is locked for 30 s,
// doubling with each further failure, never longer than 15 minutes.
constexpr int kFailuresBeforeLock = 5;
constexpr long kFirstLockSeconds = 30;
constexpr long kMaxLockSeconds = 15 * 60;
long lock_seconds(int consecutive_failures);  // 0 below kFailuresBeforeLock

enum class Decision { Approve, Refuse };

// The signed-in user on whose behalf the service acts.
struct Actor {
    std::optional<Id> user_id;  // none for the system (seeding) and for a database without users
    std::string name;
    UserRole role = UserRole::Viewer;
    std::optional<Id> agency_id;
    std::string agency_name;
    // A fingerprint of the password hash it signed in with: a long-lived actor (the GUI's) is
    // refused once the password changes (Service::require_current).
    std::string credential;
};

// The signed-in user was deactivated, or its password, role or agency changed, since the
// actor was made: every write refuses it (Denied), and the GUI returns to the sign-in screen.
class AccountChanged : public Error {
public:
    explicit AccountChanged(const std::string& name) : Error(ErrorKind::Denied, Msg::AccountChanged, {name}) {}
};

// The credential fingerprint of a stored password hash (not the hash itself).
std::string credential_of(const std::string& password_hash);

struct ImportSummary {
    Id directive_id = 0;
    std::string code;
    int sections = 0;
    int tasks = 0;
    int assignments = 0;
    std::vector<Notice> warnings;
};

struct ListFilter {
    std::optional<std::string> directive;
    std::optional<std::string> section;
    std::optional<std::string> agency;  // name, short name or alias
    std::optional<Status> status;
    std::optional<Bucket> bucket;
    std::optional<std::string> owner;
    std::optional<std::string> search;  // ignores diacritics and case
    Date as_of = Date::today();
    store::RowDetail detail = store::RowDetail::Full;
};

struct AssignmentView {
    store::AssignmentRecord record;
    Bucket bucket = Bucket::NoDeadline;
};

struct AssignmentChange {
    std::optional<Status> status;
    std::optional<int> progress;
    std::optional<std::string> owner;
    std::optional<Date> due;
    std::optional<Date> completed_on;  // defaults to today when the status becomes done
};

// What an agency writes about an assignment (khó khăn, vướng mắc; đề xuất, kiến nghị); an
// absent field stays as it was, an empty one clears it.
struct ProposalInput {
    std::optional<std::string> difficulties;
    std::optional<std::string> proposals;
};

struct EvidenceInput {
    std::string note;
    std::string doc_ref;
    std::optional<Date> doc_date;
    std::optional<store::EvidenceFile> file;  // name and bytes; the service checks size, computes sha256
};

struct DirectiveSummary {
    store::DirectiveRecord directive;
    struct SectionLine {
        std::string label;
        std::string title;
        int tasks = 0;
        int assignments = 0;
    };
    std::vector<SectionLine> sections;
    int tasks = 0;
    int assignments = 0;
    int bucket_counts[5] = {0, 0, 0, 0, 0};  // indexed by Bucket
    double on_time_rate = 0.0;              // percent; done_on_time ÷ deadline passed
};

// The structure the office corrects after an import (structure.cpp). A change may cite the
// later document behind it: a recorded amendment, or a document named in words.
struct Citation {
    std::optional<Id> amendment;   // an amendment of the task's directive
    std::optional<std::string> by; // "Công văn 123/UBND-TH ngày 05/6/2025"
};

struct TaskInput {
    std::string directive;                     // its number (code)
    std::string section;                       // label; a new label adds the section
    std::optional<std::string> section_title;  // for a new section (else its label)
    std::optional<std::string> parent;         // a task's reference: the new one is its sub-task
    std::optional<std::string> ref;            // else the next free number under the parent or section
    std::string text;
    std::optional<std::string> title;          // else the text's first clause
    std::optional<Date> deadline;
    Recurrence recurrence = Recurrence::None;
    Citation cite;
};

// An absent field stays as it was; `clear_deadline` removes the deadline.
struct TaskEdit {
    std::optional<std::string> text;
    std::optional<std::string> title;
    std::optional<Date> deadline;
    bool clear_deadline = false;
    std::optional<Recurrence> recurrence;
    Citation cite;
};

// Where a task goes: another section and/or under another task (an empty parent: top level of
// its section). Its reference stays unless `ref` gives a new one (refs are what letters cite).
struct TaskMove {
    std::optional<std::string> section;
    std::optional<std::string> parent;
    std::optional<std::string> ref;
};

struct DirectiveInput {
    std::string code;
    std::optional<Date> issued_on;
    std::string title;
    std::string issuer;
    std::string signer;
    std::string body;  // empty for a meeting's conclusions entered by hand
};

struct AmendmentInput {
    std::string directive;
    std::string number;
    std::optional<Date> issued_on;
    std::string kind;
    std::string summary;
};

// What a removal did: deleted outright (nothing was done on it yet), or closed with its
// reason, kept in the history and out of the open work.
enum class Removal { Deleted, Closed };

struct AssignOutcome {
    std::vector<Id> added;     // new or reopened assignments
    std::vector<Id> changed;   // an existing assignment given the new role
    std::vector<Id> unchanged; // already assigned so (a group's members already there)
};

// Nhắc việc: what an agency must look at now. One entry per assignment and reason; an
// assignment both overdue and sent back appears under both.
enum class ReminderKind { Overdue, DueSoon, SentBack, ExtensionDecided };
struct Reminder {
    ReminderKind kind = ReminderKind::DueSoon;
    store::AssignmentRecord assignment;
    Bucket bucket = Bucket::NoDeadline;
    int days = 0;  // to its deadline from the as-of date (negative: overdue by that many)
    std::optional<store::ExtensionRecord> extension;  // ExtensionDecided: the decision
};
constexpr int kMaxReminderDays = 366;

// THE READ POLICY (one place; tests/service/read_policy_test.cpp holds it on both backends).
// Everyone who may open the database reads the directives, tasks, assignments, their history
// and evidence, agencies, the ladder, settings and past reports: the office works in the open
// ("xem được toàn bộ nhưng chỉ sửa được phần của đơn vị mình", docs/HUONG-DAN.md; on a server
// the `reading` policy of every table, migration 0002). Those reads take no Actor.
// A read takes the Actor exactly when a rule depends on who reads:
//   users(actor)                      administrators only (Denied otherwise); no password hashes
//   extensions(actor, …)              an agency user: its own agency's requests; others: all
//   reminders(actor, agency, …)       an agency user: its own agency's (asking for another: Denied)
//   investors(actor)                  an agency user: the investors of its own agency (linked, or
//   project_status(actor, …)            named as the agency); projects and entries follow their
//   disbursement_status(actor, …)       investor. Administrators and viewers: all
//   disbursement_entries(actor, …)
//   preview_disbursement_csv(actor, …) administrators only (it is the first half of a write)
//   can_edit(actor, assignment)       what a write would allow: the GUI greys out the rest
// Writes all take the Actor: rights, then require_current (a changed account writes nothing),
// then the journal (Service::journal, the one writer of the journal; Sessions goes through it).
class Service {
public:
    explicit Service(store::Store& store);

    // Sign-in. Error(Denied) on failure; a failure is recorded (not const), and a locked
    // account is refused without looking at the password.
    bool has_users() const;
    // Error AccountChanged unless `actor` still matches its stored user (active, same role,
    // agency and password). Every write calls it; the GUI also asks after each change.
    void require_current(const Actor& actor) const;
    bool is_current(const Actor& actor) const;
    Actor sign_in(std::string_view name, std::string_view password);
    Actor anonymous() const;  // read-only actor, only while the database has no users
    static Actor system();
    Actor create_first_admin(std::string_view name, std::string_view password);

    // Setup: agencies from the registry (adds what is missing), then directives.
    void seed_registry(const std::vector<RegistryRow>& rows);
    // `agency import`: another province's list (admin). All rows or none: a row without name or
    // kind, a name twice, or a group that is neither in the file nor known refuses the whole
    // file, naming its line. Agencies already known are kept; new ones and memberships are added.
    // Returns how many agencies were added.
    std::size_t import_agencies(const Actor& actor, const std::vector<RegistryRow>& rows);
    importer::AgencyCatalog catalog() const;
    ImportSummary import_directive(const Actor& actor, const importer::Outline& outline);

    // Assignments
    std::vector<AssignmentView> list(const ListFilter& filter) const;
    AssignmentView get(Id id, Date as_of = Date::today()) const;
    // Each task's folded text for search, by task id: what a RowDetail::Table list leaves out.
    std::vector<std::pair<Id, std::string>> task_search_keys() const;
    AssignmentView update(const Actor& actor, Id id, const AssignmentChange& change,
                          std::optional<int> expect_version);
    Id add_evidence(const Actor& actor, Id assignment_id, const EvidenceInput& input);
    // The agency (or the office) writes its difficulties and proposals; journalled (history.cpp).
    AssignmentView propose(const Actor& actor, Id id, const ProposalInput& input, std::optional<int> expect_version);
    // The past as it was: `rows` (today's state) become the state the journal says held at the
    // end of `as_of` (statuses, progress, owners, deadlines, completion, extensions, review
    // notes, proposals). Every reader at an as-of date goes through it: list, get, summary,
    // the reports and the dashboard (history.cpp).
    // It starts from the kept states of the end of as_of's week (Sunday) when that day is over,
    // keeping them first if need be, so that it undoes at most a week of changes; otherwise,
    // or with use_kept_states(false) (tests and the bench compare the two), from today's rows.
    void rewind(std::vector<store::AssignmentRecord>& rows, Date as_of) const;
    void use_kept_states(bool use) { kept_states_ = use; }
    std::vector<store::EvidenceRecord> evidence(Id assignment_id) const;
    std::optional<store::EvidenceFile> evidence_file(Id evidence_id) const;
    std::vector<store::JournalRecord> history(Id assignment_id) const;
    bool can_edit(const Actor& actor, const store::AssignmentRecord& assignment) const;
    // The office sends a 'done' back to in_progress with a reason (workflow.cpp).
    AssignmentView send_back(const Actor& actor, Id assignment_id, std::string_view reason,
                             std::optional<int> expect_version);
    // Evidence is never edited or deleted; its agency or the office withdraws it with a reason.
    // Withdrawing the last evidence of a done assignment reopens it (in progress, journalled,
    // the reason as its review note): true when it did.
    bool withdraw_evidence(const Actor& actor, Id evidence_id, std::string_view reason);

    // Nhắc việc at `as_of`, by agency then kind then deadline: open assignments overdue or due
    // within `within` days (1…366), those the office sent back, and extension requests decided
    // in the last `within` days. `agency` (name, short name or alias) narrows to one agency; an
    // agency user sees only its own (another agency is refused).
    std::vector<Reminder> reminders(const Actor& actor, std::optional<std::string> agency, int within, Date as_of) const;

    // Extensions (gia hạn): the agency asks, the office decides (workflow.cpp)
    Id request_extension(const Actor& actor, Id assignment_id, Date to, std::string_view reason);
    store::ExtensionRecord decide_extension(const Actor& actor, Id request_id, Decision decision, std::string_view note);
    // Agency users see their own agency's requests; the office and viewers see all. Newest first.
    std::vector<store::ExtensionRecord> extensions(const Actor& actor, bool pending_only) const;

    // Users and agencies
    Id add_user(const Actor& actor, std::string_view name, std::string_view password, UserRole role,
                std::optional<std::string> agency, std::string_view full_name = {});
    std::vector<store::UserRecord> users(const Actor& actor) const;
    // An admin resets anyone else's password (which also lifts a sign-in lock); a user changes
    // its own only with its current password (checked as a sign-in: counted, locked), so that
    // a session token alone cannot take the account over. Returns the new credential
    // fingerprint (a changer of its own password keeps its actor current with it).
    std::string reset_password(const Actor& actor, std::string_view name, std::string_view new_password,
                               std::optional<std::string_view> current_password = std::nullopt);
    // Users are never deleted, only deactivated; the office always keeps one active admin.
    void set_user_active(const Actor& actor, std::string_view name, bool active);
    std::vector<store::AgencyRecord> agencies() const;
    std::vector<Id> group_members(Id group_id) const;
    // An admin adds, renames (the old name stays an alias) and deactivates agencies; an
    // agency is never deleted, so its assignments and journal keep their meaning.
    Id add_agency(const Actor& actor, std::string_view name, std::string_view short_name, std::string_view kind,
                  const std::vector<std::string>& groups);
    void rename_agency(const Actor& actor, std::string_view name, std::string_view new_name);
    void set_agency_active(const Actor& actor, std::string_view name, bool active);

    // Directives
    std::vector<store::DirectiveRecord> directives() const;
    std::vector<store::SectionRecord> sections(std::optional<Id> directive_id) const;  // none: every directive's
    std::vector<store::TaskRecord> tasks(Id directive_id) const;
    DirectiveSummary summary(const store::DirectiveRecord& directive, Date as_of) const;

    // Structure (structure.cpp; admin only, each one transaction, journalled). A task is named
    // by its directive's number and its reference.
    store::TaskRecord find_task(std::string_view directive, std::string_view ref) const;
    store::TaskRecord task(Id task_id) const;
    Id add_directive(const Actor& actor, const DirectiveInput& input);
    Id add_task(const Actor& actor, const TaskInput& input);
    // A new deadline moves the deadline of every open assignment still on the old one (those
    // moved on their own, by an extension or the office, and those done keep theirs).
    store::TaskRecord edit_task(const Actor& actor, Id task_id, const TaskEdit& edit);
    store::TaskRecord move_task(const Actor& actor, Id task_id, const TaskMove& move);
    // Deleted when none of its assignments was worked on; else the untouched ones are deleted,
    // the others and the task closed with `reason` (required then).
    Removal remove_task(const Actor& actor, Id task_id, std::string_view reason, const Citation& cite = {});
    // An agency, or a group (its members, as the importer does), given `role` on a task: new,
    // reopened when it was closed, or an existing assignment's role changed.
    AssignOutcome assign(const Actor& actor, Id task_id, std::string_view agency, AssignmentRole role,
                         const Citation& cite = {});
    // Deleted when never worked on, else closed with `reason` (required then). A group: each of
    // its members assigned to the task.
    Removal unassign(const Actor& actor, Id task_id, std::string_view agency, std::string_view reason,
                     const Citation& cite = {});
    AssignmentView change_role(const Actor& actor, Id assignment_id, AssignmentRole role, std::optional<int> expect_version);
    Id add_amendment(const Actor& actor, const AmendmentInput& input);
    std::vector<store::AmendmentRecord> amendments(Id directive_id) const;
    // A task's assignments, the closed ones too (the Chỉ thị view's editor).
    std::vector<store::AssignmentRecord> task_assignments(Id task_id) const;

    // Disbursement (only the admin writes; agency users read their own investors)
    Id add_investor(const Actor& actor, std::string_view name, std::optional<std::string> agency);
    Id add_project(const Actor& actor, const ProjectInput& input);
    Id record_disbursement(const Actor& actor, const EntryInput& entry);
    // Checks a CSV of entries (header project_code,date,amount,note) without storing it.
    std::vector<EntryInput> preview_disbursement_csv(const Actor& actor, std::string_view csv) const;
    // All rows or none; a bad row is refused with its line number.
    int import_disbursement_csv(const Actor& actor, std::string_view csv);
    std::vector<store::InvestorRecord> investors(const Actor& actor) const;
    DisbursementStatus disbursement_status(const Actor& actor, Date as_of) const;
    // The same from project_status(actor, as_of, std::nullopt) already read (the GUI shows both).
    DisbursementStatus disbursement_status(const Actor& actor, Date as_of, const std::vector<ProjectStatus>& projects) const;
    std::vector<ProjectStatus> project_status(const Actor& actor, Date as_of, std::optional<Id> investor_id) const;
    std::vector<store::DisbursementRecord> disbursement_entries(const Actor& actor, std::optional<Id> project_id) const;
    // The ladder of the latest directive that has one; the admin edits it.
    std::vector<store::MilestoneRecord> ladder() const;
    void set_milestone(const Actor& actor, Date due, int percent);
    void remove_milestone(const Actor& actor, Date due);

    // Reports: bulk reads, settings the admin sets, and the record of past reports
    std::map<Id, store::EvidenceRecord> latest_evidence(Date until) const;
    std::vector<store::EvidenceRecord> evidence_between(Date after, Date until) const;
    std::vector<store::JournalRecord> journal_between(Date after, Date until, std::string_view field) const;
    std::optional<std::string> setting(std::string_view key) const;
    void set_setting(const Actor& actor, std::string_view key, std::string_view value);
    // Records a report made by the office (an administrator); others' reports are not recorded
    // (none returned), so that "since the last report" is always the office's last report.
    std::optional<Id> record_report(const Actor& actor, store::ReportRecord report);
    std::optional<store::ReportRecord> last_report(std::string_view directive) const;
    std::vector<store::ReportRecord> reports() const;

    // Runs `body`'s service calls in ONE write transaction (bulk changes, the benchmark's
    // generator): each call keeps its own rights, validation, version check and journal, as a
    // savepoint, so a refused call whose error `body` catches undoes only itself. Everything is
    // committed at the end; if `body` throws, nothing is kept (batch.cpp).
    void batch(const std::function<void()>& body);

    // Maintenance
    void backup(const Actor& actor, const std::filesystem::path& target) const;
    void restore(const Actor& actor, const std::filesystem::path& source);
    std::vector<std::string> check() const;            // damage: restore a backup
    std::vector<std::string> inconsistencies() const;  // broken rules: repair them, never restore
    void require_sound() const;                        // before a report: StorageError when damaged
    // Changes when another process commits to the database (PRAGMA data_version).
    int data_version() const;
    // Server mode: connects again after a lost connection, never waiting on the network
    // (store::Store::reconnect).
    store::Link reconnect();

private:
    store::AgencyRecord find_agency_or_fail(std::string_view name) const;
    void require_admin(const Actor& actor, std::string_view what) const;
    store::AssignmentRecord load(Id id) const;
    store::DirectiveRecord find_directive_or_fail(std::string_view code) const;
    std::optional<std::string> citation_text(const Citation& cite, Id directive_id) const;
    // Closes (or deletes, when nothing was done on it) one assignment inside the caller's transaction.
    Removal remove_assignment(const Actor& actor, const store::AssignmentRecord& a, const std::string& reason,
                              const std::optional<std::string>& basis);
    store::UserRecord find_user_or_fail(std::string_view name) const;
    // Counts a sign-in attempt as a failure, and locks the account at the limit, in one
    // IMMEDIATE transaction before the password is checked; Error(Denied) while locked.
    // False when the file is read-only for this user (nothing can be counted).
    bool claim_sign_in_attempt(std::string_view name);
    std::optional<Id> ladder_directive() const;
    // Adds the agencies of `rows` not yet known and their memberships, journalled as `actor`;
    // a group that is not one is refused by `refuse_not_a_group`, in the caller's words (import.cpp).
    std::size_t add_registry(const Actor& actor, const std::vector<RegistryRow>& rows,
                             const std::function<void(const RegistryRow&, const std::string&)>& refuse_not_a_group);
    bool may_read_investor(const Actor& actor, const store::InvestorRecord& investor) const;
    // Validates one entry against its project (window, plan, duplicates). `totals` is each
    // project's running sum: read from the store once per project, then kept by the caller
    // (who adds an accepted entry), so an import of n rows checks in one pass, not n sums.
    store::DisbursementRecord check_entry(const EntryInput& entry, std::map<Id, std::int64_t>& totals) const;
    // The journal's one writer: `journal` refuses a stale actor (require_current) and calls
    // `record`, which appends the entry as it is (Sessions::revoke, for a token's holder).
    void journal(const Actor& actor, std::string_view entity, Id entity_id, std::optional<Id> assignment_id,
                 std::string_view field, std::optional<std::string> old_value, std::optional<std::string> new_value);
    void record(const Actor& actor, std::string_view entity, Id entity_id, std::optional<Id> assignment_id,
                std::string_view field, std::optional<std::string> old_value, std::optional<std::string> new_value);
    friend class Sessions;  // service/sessions.cpp: the store and the journal through this class

    store::Store& store_;
    bool kept_states_ = true;
};

}  // namespace dt::service

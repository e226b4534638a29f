#pragma once
// Rows as the store reads and writes them: plain data, no SQL types.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace dt::store {

using Id = std::int64_t;

// Store::reconnect's answer: the connection is up, or an attempt to make it again is under way.
enum class Link { Up, Connecting };

struct AgencyRecord {
    Id id = 0;
    std::string name;
    std::string short_name;
    std::string kind;
    bool is_group = false;
    bool active = true;
};

struct UserRecord {
    Id id = 0;
    std::string name;
    UserRole role = UserRole::Viewer;
    std::optional<Id> agency_id;
    std::string agency_name;
    std::string password_hash;
    bool active = true;
    int failed_logins = 0;                    // consecutive, since the last success
    std::optional<std::string> locked_until{};  // UTC timestamp; sign-in refused before it
    std::string full_name{};                    // "Nguyễn Thị Lan"; may be empty (migration 0010)
};

// A command-line session (dtrack login): the token itself is never stored, only its sha256.
struct SessionRecord {
    Id id = 0;
    Id user_id = 0;
    std::string token_hash;
    std::string created_at;  // UTC timestamps, as now_timestamp() writes them
    std::string expires_at;
    bool revoked = false;
};

struct DirectiveRecord {
    Id id = 0;
    std::string code;
    std::optional<Date> issued_on;
    std::string issuer;
    std::string signer;
    std::string title;
    std::string body;
};

struct SectionRecord {
    Id id = 0;
    Id directive_id = 0;
    std::string label;
    std::string title;
    int position = 0;
};

struct TaskRecord {
    Id id = 0;
    Id directive_id = 0;
    Id section_id = 0;
    std::string ref;
    std::optional<std::string> parent_ref;
    std::string title;
    std::string text;
    std::optional<Date> deadline;
    Recurrence recurrence = Recurrence::None;
    int position = 0;
    // A task removed after work was done on it stays, closed (migration 0010): from that day it
    // is no longer open work. Never set on a task that is still open.
    std::optional<Date> closed_on{};
    std::string closed_reason{};
    // The day from which the task counts at an as-of date; on insert, none means today.
    std::optional<Date> exists_from{};
};

// A later document recorded against a directive (công văn, quyết định, thông báo kết luận):
// it moves deadlines, adds or ends tasks; the journal rows of those changes cite it.
struct AmendmentRecord {
    Id id = 0;
    Id directive_id = 0;
    std::string number;  // "123/UBND-TH"
    std::optional<Date> issued_on;
    std::string kind;     // "Công văn", "Quyết định", …
    std::string summary;  // what it changes
    std::string created_at{};
    std::string created_by{};  // user name, "" when the user is gone or was the system
};

// An assignment with what a list shows beside it (task, section, agency, directive).
struct AssignmentRecord {
    Id id = 0;
    Id task_id = 0;
    Id agency_id = 0;
    AssignmentRole role = AssignmentRole::Lead;
    std::optional<Id> via_group_id;
    Status status = Status::NotStarted;
    int progress = 0;
    std::string owner;
    std::optional<Date> due;
    std::optional<Date> completed_on;
    int version = 1;
    std::string updated_at;
    // joined, read-only
    std::string directive_code;
    std::string section;
    std::string task_ref;
    std::string title;
    std::string text;
    std::string agency;
    std::string agency_short;
    Recurrence recurrence = Recurrence::None;
    int evidence_count = 0;  // evidence not withdrawn: what "done requires evidence" counts
    std::optional<Date> original_due{};  // as first assigned; `due` moves with extensions
    std::string review_note{};           // why the office sent a 'done' back; empty when none
    int extension_count = 0;             // approved extensions
    std::string difficulties{};          // the agency's khó khăn, vướng mắc
    std::string proposals{};             // the agency's đề xuất, kiến nghị
    // Closed (unassigned, or its task removed) after work was done on it: kept with its
    // history, but from closed_on on it is no longer open work (migration 0010).
    std::optional<Date> closed_on{};
    std::string closed_reason{};
    // Written on insert only (none: today): the day from which it counts at an as-of date.
    std::optional<Date> exists_from{};
};

// What an assignment row carries beyond its own columns. A list of many assignments needs
// neither the task's text (the same for each of its agencies) nor, for a table that sorts its
// rows itself, the evidence and extension counts or SQL's order; at province scale reading
// them is most of the cost.
enum class RowDetail {
    Full,   // everything, in the directive's order
    List,   // no task text (empty), in the directive's order
    Table,  // no task text, evidence and extension counts 0, unordered
};

struct AssignmentQuery {
    RowDetail detail = RowDetail::Full;
    std::optional<std::string> directive_code;
    std::optional<std::string> section;
    std::optional<Id> agency_id;
    std::optional<Status> status;
    std::optional<std::string> owner;
    // Already folded by the caller; each word is found in the task's or the agency's search key.
    std::vector<std::string> folded_words;
    std::optional<Id> id;
    // Narrows to rows that can be in this bucket at this date (the caller still computes the
    // bucket exactly); lets SQLite skip most rows of a large province.
    std::optional<Bucket> bucket;
    Date as_of;
    std::optional<Id> task_id{};
    // Closed assignments are left out, except those closed after `as_of` (they were still open
    // work that day; an unset as_of leaves out every closed one); a query by id or with
    // include_closed reads them too.
    bool include_closed = false;
    // Only rows that existed at the end of this day (exists_from on or before it).
    std::optional<Date> existing_on;
    // Only rows that can be a reminder (Service::reminders) by this day: not done, and due on or
    // before it or sent back by the office (a review note). Today's values: not for a past date.
    std::optional<Date> reminder_horizon;
};

// An assignment's own fields as they were at the end of a kept day (the past's checkpoints).
struct AssignmentState {
    Id assignment_id = 0;
    Status status = Status::NotStarted;
    int progress = 0;
    std::string owner;
    std::optional<Date> due;
    std::optional<Date> completed_on;
    std::string review_note;
    std::string difficulties;
    std::string proposals;
};

struct EvidenceRecord {
    Id id = 0;
    Id assignment_id = 0;
    std::string note;
    std::string doc_ref;
    std::optional<Date> doc_date;
    std::optional<std::string> file_name;
    std::int64_t file_size = 0;
    std::string file_sha256;
    std::string created_at;
    std::string created_by;
    std::optional<std::string> withdrawn_at{};  // UTC timestamp; withdrawn evidence stays listed
    std::string withdrawn_by{};
    std::string withdrawal_reason{};
    bool withdrawn() const { return withdrawn_at.has_value(); }
};

struct EvidenceFile {
    std::string name;
    std::string data;
    std::string sha256;
};

struct JournalRecord {
    Id id = 0;
    std::string at;
    std::optional<Id> user_id;
    std::string user_name;
    std::string entity;
    Id entity_id = 0;
    std::optional<Id> assignment_id;
    std::string field;
    std::optional<std::string> old_value;
    std::optional<std::string> new_value;
    std::string user_full_name{};  // the user's full name now, "" when none or the user is gone
};

enum class ExtensionStatus { Pending, Approved, Refused };
std::string_view to_string(ExtensionStatus status);
std::optional<ExtensionStatus> parse_extension_status(std::string_view text);

// A request to move an assignment's deadline, with what a list shows beside it.
struct ExtensionRecord {
    Id id = 0;
    Id assignment_id = 0;
    Date requested_due;
    std::string reason;
    ExtensionStatus status = ExtensionStatus::Pending;
    std::string requested_by;  // user names, "" when the user is gone or was the system
    std::string requested_at;
    std::string decided_by;
    std::optional<std::string> decided_at;
    std::string decision_note;
    // joined, read-only
    std::string task_ref;
    Id agency_id = 0;
    std::string agency;
    std::optional<Date> current_due;
};

struct ExtensionQuery {
    bool pending_only = false;
    std::optional<Id> assignment_id;
    std::optional<Id> agency_id;
    std::optional<Id> id;
};

struct InvestorRecord {
    Id id = 0;
    std::string name;
    std::optional<Id> agency_id;
    std::string agency_name;
};

enum class CapitalSource { Domestic, Oda, NationalTargetProgramme };
// "domestic", "oda", "ntp": as both schemas store them and `dtrack invest project add --source` takes them.
std::string_view to_string(CapitalSource source);
std::optional<CapitalSource> parse_capital_source(std::string_view text);

struct ProjectRecord {
    Id id = 0;
    std::string code;
    std::string name;
    Id investor_id = 0;
    std::string investor_name;
    int year = 0;
    CapitalSource source = CapitalSource::Domestic;
    std::int64_t plan_assigned = 0;
    std::int64_t plan_total = 0;
    std::int64_t disbursed = 0;  // filled by queries that sum entries up to a date
};

struct DisbursementRecord {
    Id id = 0;
    Id project_id = 0;
    Date date;
    std::int64_t amount = 0;
    std::string note;
    std::string created_at;
    std::string created_by;
};

struct MilestoneRecord {
    Date due;
    int percent = 0;
    std::string task_ref;
};

struct ReportRecord {
    Id id = 0;
    std::string generated_at;
    Date as_of;
    std::optional<Date> since;
    std::string directive;
    std::string format;
    std::string path;
    std::string figures;  // JSON
    std::string created_by;
    std::string document = "{}";  // JSON: number, date, signer, title, recipients (report::Document)
};

}  // namespace dt::store

#pragma once
// The select lists both backends read (plain SQL, the same columns in the same order as the
// readers of store/rows.h take them): each backend adds its own WHERE with its own parameter
// style and wraps its rows for those readers (SqliteRow, PgRow).
#include <string>

#include "store/records.h"

namespace dt::store {

// Assignments with their task, section, directive and agency; columns 16, 20 and 23 (text,
// evidence count, extension count) depend on the RowDetail.
std::string assignment_select(RowDetail detail);
// Evidence as every query reads it: kEvidenceSelect, then WHERE … (alias e).
extern const char* const kEvidenceSelect;
// Journal rows with the user's full name: kJournalSelect, then WHERE … (aliases j, u).
extern const char* const kJournalSelect;

// Directives, their sections and tasks, in that order of columns.
inline constexpr const char* kDirectiveSelect = "SELECT id, code, issued_on, issuer, signer, title, body FROM directives";
inline constexpr const char* kSectionSelect = "SELECT id, directive_id, label, title, position FROM sections";
inline constexpr const char* kTaskSelect =
    "SELECT id, directive_id, section_id, ref, parent_ref, title, text, deadline, recurrence, position, closed_on, "
    "closed_reason, exists_from FROM tasks";

// Agencies and users (user_from reads the user's agency name, alias a).
inline constexpr const char* kAgencyColumns = "SELECT id, name, short_name, kind, is_group, active FROM agencies";
inline constexpr const char* kUserColumns =
    "SELECT u.id, u.name, u.role, u.agency_id, a.name, u.password_hash, u.active, u.failed_logins, u.locked_until, "
    "u.full_name FROM users u LEFT JOIN agencies a ON a.id = u.agency_id";

// Extension requests with their task, agency and people (aliases x, a, t, g, r, d).
inline constexpr const char* kExtensionSelect =
    "SELECT x.id, x.assignment_id, x.requested_due, x.reason, x.status, coalesce(r.name, ''), x.requested_at, "
    "coalesce(d.name, ''), x.decided_at, coalesce(x.decision_note, ''), t.ref, a.agency_id, g.name, a.due "
    "FROM extension_requests x JOIN assignments a ON a.id = x.assignment_id JOIN tasks t ON t.id = a.task_id "
    "JOIN agencies g ON g.id = a.agency_id LEFT JOIN users r ON r.id = x.requested_by "
    "LEFT JOIN users d ON d.id = x.decided_by";

// Investors (alias i), projects' first columns (p, i: each backend adds its sums and FROM),
// disbursement entries (d, u), reports (r, u).
inline constexpr const char* kInvestorSelect =
    "SELECT i.id, i.name, i.agency_id, coalesce(a.name, '') FROM investors i LEFT JOIN agencies a ON a.id = i.agency_id";
inline constexpr const char* kProjectColumns =
    "SELECT p.id, p.code, p.name, p.investor_id, i.name, p.year, p.source, p.plan_assigned, p.plan_total";
inline constexpr const char* kDisbursementSelect =
    "SELECT d.id, d.project_id, d.entry_date, d.amount, d.note, d.created_at, coalesce(u.name, '') "
    "FROM disbursements d LEFT JOIN users u ON u.id = d.created_by";
inline constexpr const char* kReportSelect =
    "SELECT r.id, r.generated_at, r.as_of, r.since, r.directive, r.format, r.path, r.figures, coalesce(u.name, ''), "
    "r.document FROM reports r LEFT JOIN users u ON u.id = r.created_by";

}  // namespace dt::store

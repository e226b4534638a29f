#pragma once
// Private to store/: one reader per record, for both backends. Each backend wraps a row of its
// own (a SQLite statement, a libpq result and a row number) in an adapter with the same
// accessors — text, i64, i32, opt_text, opt_i64, opt_date, by column — and the select lists
// (store/queries.h) name the columns in the order these readers take them.
#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/text.h"
#include "store/records.h"

namespace dt::store {

// What a task is searched by (its stored search_key): reference, title and text, folded. Written
// on insert and on every edit, by both backends.
inline std::string task_search_key(const TaskRecord& t) { return fold(t.ref + " " + t.title + "\n" + t.text); }

template <class Row>
Date date_at(const Row& r, int c) {
    return Date::parse_iso(r.text(c)).value_or(Date{});
}

template <class Row>
DirectiveRecord directive_from(const Row& r) {
    return {r.i64(0), r.text(1), r.opt_date(2), r.text(3), r.text(4), r.text(5), r.text(6)};
}

template <class Row>
SectionRecord section_from(const Row& r) {
    return {r.i64(0), r.i64(1), r.text(2), r.text(3), r.i32(4)};
}

template <class Row>
TaskRecord task_from(const Row& r) {
    TaskRecord t;
    t.id = r.i64(0);
    t.directive_id = r.i64(1);
    t.section_id = r.i64(2);
    t.ref = r.text(3);
    t.parent_ref = r.opt_text(4);
    t.title = r.text(5);
    t.text = r.text(6);
    t.deadline = r.opt_date(7);
    t.recurrence = parse_recurrence(r.text(8)).value_or(Recurrence::None);
    t.position = r.i32(9);
    t.closed_on = r.opt_date(10);
    t.closed_reason = r.text(11);
    t.exists_from = r.opt_date(12);
    return t;
}

template <class Row>
AgencyRecord agency_from(const Row& r) {
    return {r.i64(0), r.text(1), r.text(2), r.text(3), r.i64(4) != 0, r.i64(5) != 0};
}

template <class Row>
UserRecord user_from(const Row& r) {
    UserRecord u;
    u.id = r.i64(0);
    u.name = r.text(1);
    u.role = parse_user_role(r.text(2)).value_or(UserRole::Viewer);
    u.agency_id = r.opt_i64(3);
    u.agency_name = r.opt_text(4).value_or("");
    u.password_hash = r.text(5);
    u.active = r.i64(6) != 0;
    u.failed_logins = r.i32(7);
    u.locked_until = r.opt_text(8);
    u.full_name = r.text(9);
    return u;
}

template <class Row>
AssignmentRecord assignment_from(const Row& r) {
    AssignmentRecord a;
    a.id = r.i64(0);
    a.task_id = r.i64(1);
    a.agency_id = r.i64(2);
    a.role = parse_assignment_role(r.text(3)).value_or(AssignmentRole::Lead);
    a.via_group_id = r.opt_i64(4);
    a.status = parse_status(r.text(5)).value_or(Status::NotStarted);
    a.progress = r.i32(6);
    a.owner = r.text(7);
    a.due = r.opt_date(8);
    a.completed_on = r.opt_date(9);
    a.version = r.i32(10);
    a.updated_at = r.text(11);
    a.directive_code = r.text(12);
    a.section = r.text(13);
    a.task_ref = r.text(14);
    a.title = r.text(15);
    a.text = r.text(16);
    a.agency = r.text(17);
    a.agency_short = r.text(18);
    a.recurrence = parse_recurrence(r.text(19)).value_or(Recurrence::None);
    a.evidence_count = r.i32(20);
    a.original_due = r.opt_date(21);
    a.review_note = r.opt_text(22).value_or("");
    a.extension_count = r.i32(23);
    a.difficulties = r.text(24);
    a.proposals = r.text(25);
    a.closed_on = r.opt_date(26);
    a.closed_reason = r.text(27);
    return a;
}

template <class Row>
EvidenceRecord evidence_from(const Row& r) {
    EvidenceRecord e;
    e.id = r.i64(0);
    e.assignment_id = r.i64(1);
    e.note = r.text(2);
    e.doc_ref = r.text(3);
    e.doc_date = r.opt_date(4);
    e.file_name = r.opt_text(5);
    e.file_size = r.i64(6);
    e.file_sha256 = r.text(7);
    e.created_at = r.text(8);
    e.created_by = r.text(9);
    e.withdrawn_at = r.opt_text(10);
    e.withdrawn_by = r.text(11);
    e.withdrawal_reason = r.text(12);
    return e;
}

template <class Row>
JournalRecord journal_from(const Row& r) {
    JournalRecord j;
    j.id = r.i64(0);
    j.at = r.text(1);
    j.user_id = r.opt_i64(2);
    j.user_name = r.text(3);
    j.entity = r.text(4);
    j.entity_id = r.i64(5);
    j.assignment_id = r.opt_i64(6);
    j.field = r.text(7);
    j.old_value = r.opt_text(8);
    j.new_value = r.opt_text(9);
    j.user_full_name = r.text(10);
    return j;
}

template <class Row>
ExtensionRecord extension_from(const Row& r) {
    ExtensionRecord x;
    x.id = r.i64(0);
    x.assignment_id = r.i64(1);
    x.requested_due = date_at(r, 2);
    x.reason = r.text(3);
    x.status = parse_extension_status(r.text(4)).value_or(ExtensionStatus::Pending);
    x.requested_by = r.text(5);
    x.requested_at = r.text(6);
    x.decided_by = r.text(7);
    x.decided_at = r.opt_text(8);
    x.decision_note = r.text(9);
    x.task_ref = r.text(10);
    x.agency_id = r.i64(11);
    x.agency = r.text(12);
    x.current_due = r.opt_date(13);
    return x;
}

template <class Row>
InvestorRecord investor_from(const Row& r) {
    return {r.i64(0), r.text(1), r.opt_i64(2), r.text(3)};
}

template <class Row>
ProjectRecord project_from(const Row& r) {
    ProjectRecord p;
    p.id = r.i64(0);
    p.code = r.text(1);
    p.name = r.text(2);
    p.investor_id = r.i64(3);
    p.investor_name = r.text(4);
    p.year = r.i32(5);
    p.source = parse_capital_source(r.text(6)).value_or(CapitalSource::Domestic);
    p.plan_assigned = r.i64(7);
    p.plan_total = r.i64(8);
    return p;
}

template <class Row>
DisbursementRecord disbursement_from(const Row& r) {
    DisbursementRecord e;
    e.id = r.i64(0);
    e.project_id = r.i64(1);
    e.date = date_at(r, 2);
    e.amount = r.i64(3);
    e.note = r.text(4);
    e.created_at = r.text(5);
    e.created_by = r.text(6);
    return e;
}

template <class Row>
ReportRecord report_from(const Row& r) {
    ReportRecord x;
    x.id = r.i64(0);
    x.generated_at = r.text(1);
    x.as_of = date_at(r, 2);
    x.since = r.opt_date(3);
    x.directive = r.text(4);
    x.format = r.text(5);
    x.path = r.text(6);
    x.figures = r.text(7);
    x.created_by = r.text(8);
    x.document = r.text(9);
    return x;
}

}  // namespace dt::store

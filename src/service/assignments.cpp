// Assignments: reading with buckets, updating with rights, validation and versions; evidence.
#include "core/error.h"
#include "core/text.h"
#include "service/passwords.h"
#include "store/store.h"
#include "service/service.h"

namespace dt::service {

namespace {
constexpr Date kEarliestCompletion{2000, 1, 1};  // whatever the directive: a floor for typing errors

std::optional<std::string> iso_or_null(const std::optional<Date>& d) {
    if (!d) return std::nullopt;
    return d->iso();
}
}  // namespace

bool Service::can_edit(const Actor& actor, const store::AssignmentRecord& a) const {
    if (actor.role == UserRole::Admin) return true;
    return actor.role == UserRole::Agency && actor.agency_id && *actor.agency_id == a.agency_id;
}

store::AssignmentRecord Service::load(Id id) const {
    auto a = store_.assignment(id);
    if (!a) fail(ErrorKind::Invalid, Msg::NoSuchAssignment, {id});
    return std::move(*a);
}

std::vector<AssignmentView> Service::list(const ListFilter& filter) const {
    // At a past date the stored status, owner and deadline are today's: those filters are
    // applied after the rows are rewound to that date, not in SQL.
    const bool past = filter.as_of < Date::today();
    store::AssignmentQuery query;
    query.detail = filter.detail;
    query.directive_code = filter.directive;
    query.section = filter.section;
    if (!past) {
        query.status = filter.status;
        query.owner = filter.owner;
        query.bucket = filter.bucket;
    }
    query.as_of = filter.as_of;
    if (past) query.existing_on = filter.as_of;  // what was added later did not exist yet
    if (filter.agency) {
        const auto agency = store_.find_agency(*filter.agency);
        if (!agency) fail(ErrorKind::Invalid, Msg::UnknownAgency, {quoted_input(*filter.agency)});
        query.agency_id = agency->id;
    }
    if (filter.search) {
        // Several words: each must be found, in any order ("ngan giai" finds "giải ngân"), as the GUI's filter.
        const auto folded = fold(collapse_spaces(check_single_line("The search text", *filter.search, kMaxSearchBytes)));
        for (auto& word : split(folded, ' '))
            if (!word.empty()) query.folded_words.push_back(std::move(word));
    }
    auto records = store_.assignments(query);
    rewind(records, filter.as_of);
    std::vector<AssignmentView> out;
    out.reserve(records.size());
    for (auto& record : records) {
        const Bucket bucket = bucket_of(record.status, record.due, record.completed_on, filter.as_of);
        if (filter.bucket && *filter.bucket != bucket) continue;
        if (past && filter.status && *filter.status != record.status) continue;
        if (past && filter.owner && *filter.owner != record.owner) continue;
        out.push_back({std::move(record), bucket});
    }
    return out;
}

std::vector<std::pair<Id, std::string>> Service::task_search_keys() const {
    return store_.task_search_keys();
}

AssignmentView Service::get(Id id, Date as_of) const {
    std::vector<store::AssignmentRecord> one{load(id)};
    rewind(one, as_of);
    auto record = std::move(one.front());
    const Bucket bucket = bucket_of(record.status, record.due, record.completed_on, as_of);
    return {std::move(record), bucket};
}

AssignmentView Service::update(const Actor& actor, Id id, const AssignmentChange& change,
                               std::optional<int> expect_version) {
    // Validate what needs no database first: a bad value is refused before any lock is taken.
    if (change.progress && (*change.progress < 0 || *change.progress > 100))
        fail(ErrorKind::Invalid, Msg::ProgressRange, {*change.progress});
    std::optional<std::string> owner;
    if (change.owner) owner = check_single_line("The owner", *change.owner, kMaxNameBytes);
    const Date today = Date::today();
    if (change.completed_on && *change.completed_on > today)
        fail(ErrorKind::Invalid, Msg::CompletionInFuture, {*change.completed_on});
    if (change.completed_on && *change.completed_on < kEarliestCompletion)
        fail(ErrorKind::Invalid, Msg::CompletionTooOld, {*change.completed_on, kEarliestCompletion});

    store::Store::WriteTx tx(store_);
    require_current(actor);
    const auto current = load(id);
    if (actor.role == UserRole::Viewer) fail(ErrorKind::Denied, Msg::ViewerReadsOnly, {actor.name});
    if (!can_edit(actor, current))
        fail(ErrorKind::Denied, Msg::NotYourAgency, {actor.name, actor.agency_name, id, current.agency});
    if (current.closed_on)
        fail(ErrorKind::Invalid, Msg::AssignmentClosedOn, {id, *current.closed_on, current.closed_reason});
    if (expect_version && *expect_version != current.version)
        fail(ErrorKind::Conflict, Msg::StaleVersion, {id, current.version, *expect_version});
    if (change.due && actor.role != UserRole::Admin)
        fail(ErrorKind::Denied, Msg::OnlyOfficeDue);

    auto next = current;
    if (change.status) next.status = *change.status;
    if (change.progress) next.progress = *change.progress;
    if (owner) next.owner = *owner;
    if (change.due) next.due = change.due;
    if (next.status == Status::Done) {
        if (change.completed_on) {
            // Not before the assignment existed: its directive's date (a completion may well
            // precede its import, never the directive). The journal keeps who set which date.
            for (const auto& d : store_.directives())
                if (d.code == current.directive_code && d.issued_on && *change.completed_on < *d.issued_on)
                    fail(ErrorKind::Invalid, Msg::CompletionBeforeDirective, {*change.completed_on, d.code, *d.issued_on});
        }
        if (current.status != Status::Done || change.completed_on)
            next.completed_on = change.completed_on.value_or(today);
        if (change.progress && *change.progress != 100)
            fail(ErrorKind::Invalid, Msg::DoneMeansHundred, {*change.progress});
        next.progress = 100;
        if (current.evidence_count == 0)
            fail(ErrorKind::Invalid, Msg::DoneNeedsEvidence, {id});
        next.review_note.clear();  // the office's objection is answered by the new 'done'
    } else {
        if (change.completed_on) fail(ErrorKind::Invalid, Msg::CompletionOnlyWithDone);
        next.completed_on.reset();
    }

    if (!store_.update_assignment(next, current.version))
        fail(ErrorKind::Conflict, Msg::ChangedMeanwhile, {id});
    // The actor was checked above, in this transaction: the journal's rows need not check it
    // again (on a server each check is a round trip; there the triggers write these rows).
    auto record = [&](std::string_view field, std::optional<std::string> before, std::optional<std::string> after) {
        if (before != after) this->record(actor, "assignment", id, id, field, std::move(before), std::move(after));
    };
    record("status", std::string(to_string(current.status)), std::string(to_string(next.status)));
    record("progress", std::to_string(current.progress), std::to_string(next.progress));
    record("owner", current.owner, next.owner);
    record("due", iso_or_null(current.due), iso_or_null(next.due));
    record("completed_on", iso_or_null(current.completed_on), iso_or_null(next.completed_on));
    if (!current.review_note.empty() && next.review_note.empty()) record("review", current.review_note, std::nullopt);
    tx.commit();
    // What was written, as get(id) would read it again (today: nothing to rewind): the store
    // filled in the new version and time.
    const Bucket bucket = bucket_of(next.status, next.due, next.completed_on, Date::today());
    return {std::move(next), bucket};
}

Id Service::add_evidence(const Actor& actor, Id assignment_id, const EvidenceInput& input) {
    store::EvidenceRecord e;
    e.assignment_id = assignment_id;
    e.note = check_multi_line("The note", input.note, kMaxNoteBytes);
    if (e.note.empty()) fail(ErrorKind::Invalid, Msg::EvidenceNeedsNote);
    e.doc_ref = check_single_line("The document reference", input.doc_ref, kMaxTitleBytes);
    e.doc_date = input.doc_date;
    e.created_by = actor.name;
    std::optional<store::EvidenceFile> file;
    if (input.file) {
        if (input.file->data.size() > kMaxAttachmentBytes)
            fail(ErrorKind::Invalid, Msg::AttachmentTooLarge, {input.file->data.size() / (1024 * 1024)});
        // Only the last path component is kept: a name is never a path when saved out again.
        auto name = check_file_name("The attachment's name", input.file->name);
        file = store::EvidenceFile{name, input.file->data, sha256_hex(input.file->data)};
    }

    store::Store::WriteTx tx(store_);
    const auto current = load(assignment_id);
    if (!can_edit(actor, current))
        fail(ErrorKind::Denied, Msg::EvidenceNotYours, {actor.name, assignment_id, current.agency});
    if (current.closed_on)
        fail(ErrorKind::Invalid, Msg::AssignmentClosed, {assignment_id, current.closed_reason});
    const Id id = store_.insert_evidence(e, file);
    std::string summary = e.doc_ref.empty() ? e.note : e.doc_ref + ": " + e.note;
    if (file) summary += " [" + file->name + "]";
    journal(actor, "evidence", id, assignment_id, "evidence", std::nullopt, summary);
    tx.commit();
    return id;
}

std::vector<store::EvidenceRecord> Service::evidence(Id assignment_id) const {
    load(assignment_id);
    return store_.evidence(assignment_id);
}

std::optional<store::EvidenceFile> Service::evidence_file(Id evidence_id) const {
    return store_.evidence_file(evidence_id);
}

std::vector<store::JournalRecord> Service::history(Id assignment_id) const {
    load(assignment_id);
    return store_.journal(assignment_id);
}

DirectiveSummary Service::summary(const store::DirectiveRecord& directive, Date as_of) const {
    DirectiveSummary s;
    s.directive = directive;
    auto tasks = store_.tasks(directive.id);
    // A task closed on or before the day is no longer work of that day.
    std::erase_if(tasks, [&](const store::TaskRecord& t) { return t.closed_on && *t.closed_on <= as_of; });
    std::erase_if(tasks, [&](const store::TaskRecord& t) { return t.exists_from && *t.exists_from > as_of; });
    s.tasks = static_cast<int>(tasks.size());
    for (const auto& section : store_.sections(directive.id)) {
        DirectiveSummary::SectionLine line{section.label, section.title, 0, 0};
        for (const auto& t : tasks) line.tasks += t.section_id == section.id ? 1 : 0;
        s.sections.push_back(line);
    }
    store::AssignmentQuery query;
    query.directive_code = directive.code;
    query.as_of = as_of;  // assignments closed later were still open work that day
    if (as_of < Date::today()) query.existing_on = as_of;
    BucketTally tally;
    auto rows = store_.assignments(query);
    rewind(rows, as_of);
    for (const auto& a : rows) {
        ++s.assignments;
        for (auto& line : s.sections) line.assignments += line.label == a.section ? 1 : 0;
        tally.add(bucket_of(a.status, a.due, a.completed_on, as_of), a.due, as_of);
    }
    for (int b = 0; b < 5; ++b) s.bucket_counts[b] = tally.counts[b];
    s.on_time_rate = tally.on_time_rate();
    return s;
}

}  // namespace dt::service

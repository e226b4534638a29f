// The structure the office corrects after an import (issue 13, items 7 and 8): directives made
// by hand, tasks added, edited, moved and removed, agencies assigned and unassigned, roles
// changed, amendments recorded and cited. Admin only; each use case one transaction.
//
// Nothing that was worked on is deleted: an assignment with progress, evidence, an extension
// request or any journal row is closed with a reason (it stays, with its history, and leaves
// the open work from that day: store::AssignmentQuery), and so is a task that keeps such an
// assignment. Task references never change by themselves: letters, reports and milestones
// cite them; a move keeps the reference unless the office gives a new one.
#include <algorithm>
#include <map>
#include <set>

#include "core/error.h"
#include "core/text.h"
#include "importer/importer.h"
#include "service/service.h"
#include "store/store.h"

namespace dt::service {

namespace {
constexpr std::size_t kMaxTaskTitleBytes = 300;

std::string role_name(AssignmentRole role) { return std::string(to_string(role)); }

// The text's first clause (to a full stop, a semicolon, a colon or the line's end), as a title.
std::string first_clause(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const char c = line[i];
        if ((c == '.' || c == ';' || c == ':') && line[i + 1] == ' ' && i > 20) {
            line.resize(i);
            break;
        }
    }
    while (!line.empty() && (line.back() == '.' || line.back() == ';' || line.back() == ':' || line.back() == ' '))
        line.pop_back();
    if (line.size() > kMaxTaskTitleBytes) {
        std::size_t cut = kMaxTaskTitleBytes;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a letter
        line = line.substr(0, line.rfind(' ', cut) == std::string::npos ? cut : line.rfind(' ', cut)) + " …";
    }
    return line;
}

// "2.3" → "2.4", "I.9" → "I.10"; none when the reference does not end in a number.
std::optional<std::string> next_number(const std::string& ref) {
    std::size_t digits = ref.size();
    while (digits > 0 && ref[digits - 1] >= '0' && ref[digits - 1] <= '9') --digits;
    if (digits == ref.size() || ref.size() - digits > 6) return std::nullopt;
    return ref.substr(0, digits) + std::to_string(std::stoi(ref.substr(digits)) + 1);
}

bool ref_taken(const std::vector<store::TaskRecord>& tasks, const std::string& ref, Id except = 0) {
    return std::any_of(tasks.begin(), tasks.end(), [&](auto& t) { return t.ref == ref && t.id != except; });
}

// The task's reference and those of every task below it.
std::set<std::string> subtree(const std::vector<store::TaskRecord>& tasks, const std::string& root) {
    std::set<std::string> refs{root};
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& t : tasks)
            if (t.parent_ref && refs.count(*t.parent_ref) && refs.insert(t.ref).second) grew = true;
    }
    return refs;
}

std::optional<std::string> iso_or_null(const std::optional<Date>& d) {
    if (!d) return std::nullopt;
    return d->iso();
}
}  // namespace

store::DirectiveRecord Service::find_directive_or_fail(std::string_view code) const {
    for (auto& d : store_.directives())
        if (d.code == code) return d;
    fail(ErrorKind::Invalid, Msg::NoSuchDirective, {quoted_input(code)});
}

store::TaskRecord Service::find_task(std::string_view directive, std::string_view ref) const {
    const auto d = find_directive_or_fail(directive);
    for (auto& t : store_.tasks(d.id))
        if (t.ref == ref) return t;
    fail(ErrorKind::Invalid, Msg::DirectiveNoTask, {d.code, quoted_input(ref)});
}

store::TaskRecord Service::task(Id task_id) const {
    for (const auto& d : store_.directives())
        for (auto& t : store_.tasks(d.id))
            if (t.id == task_id) return t;
    fail(ErrorKind::Invalid, Msg::NoSuchTaskId, {task_id});
}

std::vector<store::AssignmentRecord> Service::task_assignments(Id task_id) const {
    store::AssignmentQuery query;
    query.task_id = task_id;
    query.include_closed = true;
    return store_.assignments(query);
}

std::vector<store::AmendmentRecord> Service::amendments(Id directive_id) const { return store_.amendments(directive_id); }

std::optional<std::string> Service::citation_text(const Citation& cite, Id directive_id) const {
    if (cite.amendment && cite.by) fail(ErrorKind::Invalid, Msg::CiteOneBasis);
    if (cite.by) {
        auto text = check_single_line("The document cited", *cite.by, kMaxTitleBytes);
        if (text.empty()) fail(ErrorKind::Invalid, Msg::CitedDocumentEmpty);
        return text;
    }
    if (!cite.amendment) return std::nullopt;
    for (const auto& a : store_.amendments(directive_id))
        if (a.id == *cite.amendment) {
            std::string text = a.kind.empty() ? a.number : a.kind + " " + a.number;
            if (a.issued_on) text += " ngày " + a.issued_on->vn();
            if (!a.summary.empty()) text += ": " + a.summary;
            return text;
        }
    fail(ErrorKind::Invalid, Msg::AmendmentNotRecorded, {*cite.amendment});
}

Id Service::add_directive(const Actor& actor, const DirectiveInput& input) {
    require_admin(actor, "add a directive");
    store::DirectiveRecord d;
    d.code = check_single_line("The directive's number", input.code, kMaxShortBytes);
    if (d.code.empty()) fail(ErrorKind::Invalid, Msg::DirectiveNeedsNumber);
    d.issued_on = input.issued_on;
    d.title = check_single_line("The directive's title", input.title, kMaxReasonBytes);
    if (d.title.empty()) fail(ErrorKind::Invalid, Msg::DirectiveNeedsTitle);
    d.issuer = check_single_line("The directive's issuer", input.issuer, kMaxTitleBytes);
    d.signer = check_single_line("The directive's signer", input.signer, kMaxNameBytes);
    d.body = check_multi_line("The directive's text", input.body, importer::kMaxDirectiveBytes);
    store::Store::WriteTx tx(store_);
    if (store_.directive_exists(d.code)) fail(ErrorKind::Invalid, Msg::DirectiveExists, {d.code});
    const Id id = store_.insert_directive(d, actor.user_id);
    journal(actor, "directive", id, std::nullopt, "created", std::nullopt, d.code + ": " + d.title);
    tx.commit();
    return id;
}

Id Service::add_amendment(const Actor& actor, const AmendmentInput& input) {
    require_admin(actor, "record an amendment");
    store::AmendmentRecord a;
    a.number = check_single_line("The amendment's number", input.number, kMaxShortBytes);
    if (a.number.empty()) fail(ErrorKind::Invalid, Msg::AmendmentNeedsNumber);
    a.issued_on = input.issued_on;
    a.kind = check_single_line("The kind of document", input.kind, kMaxShortBytes);
    a.summary = check_single_line("The amendment's summary", input.summary, kMaxReasonBytes);
    a.created_by = actor.name;
    store::Store::WriteTx tx(store_);
    const auto d = find_directive_or_fail(input.directive);
    if (a.issued_on && d.issued_on && *a.issued_on < *d.issued_on)
        fail(ErrorKind::Invalid, Msg::AmendmentBeforeDirective, {*a.issued_on, d.code, *d.issued_on});
    a.directive_id = d.id;
    const Id id = store_.insert_amendment(a);
    journal(actor, "directive", d.id, std::nullopt, "amendment", std::nullopt, *citation_text({id, {}}, d.id));
    tx.commit();
    return id;
}

namespace {
// Lays `order` out again as positions 1…n, writing only the tasks whose position moved.
void renumber(store::Store& store, std::vector<store::TaskRecord>& order, Id skip) {
    for (std::size_t i = 0; i < order.size(); ++i) {
        const int position = static_cast<int>(i) + 1;
        if (order[i].position == position) continue;
        order[i].position = position;
        if (order[i].id != skip) store.update_task(order[i]);
    }
}

// Where a task (or block) under `parent`, else at the top of section `section_id`, goes in
// `order` (which no longer holds it): after the parent's last descendant, else after the
// section's last task, else after the tasks of the sections before it.
std::size_t insertion_index(const std::vector<store::TaskRecord>& order, const std::vector<store::SectionRecord>& sections,
                            Id section_id, const std::optional<std::string>& parent) {
    std::optional<std::size_t> after;
    if (parent) {
        const auto refs = subtree(order, *parent);
        for (std::size_t i = 0; i < order.size(); ++i)
            if (refs.count(order[i].ref)) after = i;
    } else {
        int section_position = 0;
        for (const auto& s : sections)
            if (s.id == section_id) section_position = s.position;
        std::map<Id, int> position_of;
        for (const auto& s : sections) position_of[s.id] = s.position;
        for (std::size_t i = 0; i < order.size(); ++i)
            if (order[i].section_id == section_id || position_of[order[i].section_id] < section_position) after = i;
    }
    return after ? *after + 1 : 0;
}
}  // namespace

Id Service::add_task(const Actor& actor, const TaskInput& input) {
    require_admin(actor, "add a task");
    const auto text = check_multi_line("The task's text", input.text, kMaxTaskTextBytes);
    if (text.empty()) fail(ErrorKind::Invalid, Msg::TaskNeedsText);
    auto title = input.title ? check_single_line("The task's title", *input.title, kMaxReasonBytes) : first_clause(text);
    if (title.empty()) title = first_clause(text);
    const auto label = check_single_line("The section", input.section, kMaxShortBytes);
    std::optional<std::string> ref;
    if (input.ref) ref = check_single_line("The task's reference", *input.ref, kMaxShortBytes);
    if (ref && ref->empty()) fail(ErrorKind::Invalid, Msg::TaskRefEmpty);

    store::Store::WriteTx tx(store_);
    const auto d = find_directive_or_fail(input.directive);
    const auto basis = citation_text(input.cite, d.id);
    if (input.deadline && d.issued_on && *input.deadline < *d.issued_on)
        fail(ErrorKind::Invalid, Msg::DeadlineBeforeDirective, {*input.deadline, d.code, *d.issued_on});
    auto sections = store_.sections(d.id);
    auto order = store_.tasks(d.id);
    std::optional<store::TaskRecord> parent;
    if (input.parent) {
        for (const auto& t : order)
            if (t.ref == *input.parent) parent = t;
        if (!parent) fail(ErrorKind::Invalid, Msg::DirectiveNoTask, {d.code, quoted_input(*input.parent)});
        if (parent->closed_on) fail(ErrorKind::Invalid, Msg::ParentClosed, {parent->ref});
    }
    Id section_id = parent ? parent->section_id : 0;
    if (!parent) {
        if (label.empty()) fail(ErrorKind::Invalid, Msg::TaskNeedsPlace);
        for (const auto& s : sections)
            if (s.label == label) section_id = s.id;
        if (section_id == 0) {
            const auto section_title = check_single_line("The section's title", input.section_title.value_or(label), kMaxReasonBytes);
            const int position = sections.empty() ? 1 : sections.back().position + 1;
            section_id = store_.insert_section({0, d.id, label, section_title.empty() ? label : section_title, position});
            sections.push_back({section_id, d.id, label, section_title, position});
            journal(actor, "section", section_id, std::nullopt, "created", std::nullopt, label + ". " + section_title);
        }
    }
    if (ref) {
        if (ref_taken(order, *ref)) fail(ErrorKind::Invalid, Msg::TaskRefTaken, {d.code, *ref});
    } else {
        // The next number under the parent, or after the section's last top-level task.
        std::vector<const store::TaskRecord*> siblings;
        for (const auto& t : order)
            if (parent ? t.parent_ref == parent->ref : (t.section_id == section_id && !t.parent_ref)) siblings.push_back(&t);
        std::string prefix = parent ? parent->ref : label;
        std::string candidate = prefix + "." + std::to_string(siblings.size() + 1);
        if (!siblings.empty())
            if (auto next = next_number(siblings.back()->ref)) candidate = *next;
        while (ref_taken(order, candidate)) candidate = next_number(candidate).value_or(candidate + ".1");
        ref = candidate;
    }

    store::TaskRecord t{0, d.id, section_id, *ref, parent ? std::optional<std::string>(parent->ref) : std::nullopt,
                        title, text, input.deadline, input.recurrence, 0};
    const auto at = insertion_index(order, sections, section_id, t.parent_ref);
    order.insert(order.begin() + static_cast<std::ptrdiff_t>(at), t);
    renumber(store_, order, 0);
    t.position = order[at].position;
    const Id id = store_.insert_task(t);
    journal(actor, "task", id, std::nullopt, "created", std::nullopt, d.code + " " + t.ref + ": " + t.title);
    if (basis) journal(actor, "task", id, std::nullopt, "basis", std::nullopt, *basis);
    tx.commit();
    return id;
}

store::TaskRecord Service::edit_task(const Actor& actor, Id task_id, const TaskEdit& edit) {
    require_admin(actor, "edit a task");
    std::optional<std::string> text, title;
    if (edit.text) {
        text = check_multi_line("The task's text", *edit.text, kMaxTaskTextBytes);
        if (text->empty()) fail(ErrorKind::Invalid, Msg::TaskTextEmpty);
    }
    if (edit.title) {
        title = check_single_line("The task's title", *edit.title, kMaxReasonBytes);
        if (title->empty()) fail(ErrorKind::Invalid, Msg::TaskTitleEmpty);
    }
    if (edit.deadline && edit.clear_deadline) fail(ErrorKind::Invalid, Msg::DeadlineSetOrClear);

    store::Store::WriteTx tx(store_);
    const auto current = task(task_id);
    const auto d = find_directive_or_fail([&] {
        for (const auto& x : store_.directives())
            if (x.id == current.directive_id) return x.code;
        return std::string();
    }());
    if (current.closed_on) fail(ErrorKind::Invalid, Msg::TaskClosed, {current.ref, current.closed_reason});
    const auto basis = citation_text(edit.cite, d.id);
    auto next = current;
    if (text) next.text = *text;
    if (title) next.title = *title;
    if (edit.deadline) next.deadline = edit.deadline;
    if (edit.clear_deadline) next.deadline.reset();
    if (edit.recurrence) next.recurrence = *edit.recurrence;
    if (next.deadline && next.deadline != current.deadline && d.issued_on && *next.deadline < *d.issued_on)
        fail(ErrorKind::Invalid, Msg::DeadlineBeforeDirective, {*next.deadline, d.code, *d.issued_on});
    if (next.text == current.text && next.title == current.title && next.deadline == current.deadline &&
        next.recurrence == current.recurrence)
        fail(ErrorKind::Invalid, Msg::TaskNothingToChange);
    store_.update_task(next);

    auto record = [&](std::string_view field, std::optional<std::string> before, std::optional<std::string> after) {
        if (before != after) journal(actor, "task", task_id, std::nullopt, field, std::move(before), std::move(after));
    };
    record("text", current.text, next.text);
    record("title", current.title, next.title);
    record("deadline", iso_or_null(current.deadline), iso_or_null(next.deadline));
    record("recurrence", std::string(to_string(current.recurrence)), std::string(to_string(next.recurrence)));
    if (basis) journal(actor, "task", task_id, std::nullopt, "basis", std::nullopt, *basis);

    if (next.deadline != current.deadline) {
        // The assignments still on the task's deadline follow it; one moved on its own keeps its own.
        store::AssignmentQuery query;
        query.task_id = task_id;
        for (auto a : store_.assignments(query)) {
            if (a.status == Status::Done || a.due != current.deadline) continue;
            const auto before = a.due;
            const int version = a.version;
            a.due = next.deadline;
            if (!store_.update_assignment(a, version))
                fail(ErrorKind::Conflict, Msg::ChangedTryAgain, {a.id});
            journal(actor, "assignment", a.id, a.id, "due", iso_or_null(before), iso_or_null(a.due));
            if (basis) journal(actor, "assignment", a.id, a.id, "basis", std::nullopt, *basis);
        }
    }
    tx.commit();
    return task(task_id);
}

store::TaskRecord Service::move_task(const Actor& actor, Id task_id, const TaskMove& move) {
    require_admin(actor, "move a task");
    std::optional<std::string> label, parent_ref, new_ref;
    if (move.section) label = check_single_line("The section", *move.section, kMaxShortBytes);
    if (move.parent) parent_ref = check_single_line("The parent task", *move.parent, kMaxShortBytes);
    if (move.ref) {
        new_ref = check_single_line("The task's reference", *move.ref, kMaxShortBytes);
        if (new_ref->empty()) fail(ErrorKind::Invalid, Msg::TaskRefEmpty);
    }
    if (!label && !parent_ref && !new_ref) fail(ErrorKind::Invalid, Msg::MoveNeedsTarget);

    store::Store::WriteTx tx(store_);
    const auto current = task(task_id);
    const auto sections = store_.sections(current.directive_id);
    auto order = store_.tasks(current.directive_id);
    const auto block_refs = subtree(order, current.ref);
    std::vector<store::TaskRecord> block, rest;
    for (auto& t : order) (block_refs.count(t.ref) ? block : rest).push_back(t);

    auto& moved = block.front().id == task_id ? block.front()
                                              : *std::find_if(block.begin(), block.end(), [&](auto& t) { return t.id == task_id; });
    const auto before = moved;
    if (parent_ref) {
        if (parent_ref->empty()) {
            moved.parent_ref.reset();
        } else {
            if (block_refs.count(*parent_ref))
                fail(ErrorKind::Invalid, Msg::MoveUnderItself, {current.ref});
            const auto p = std::find_if(rest.begin(), rest.end(), [&](auto& t) { return t.ref == *parent_ref; });
            if (p == rest.end()) fail(ErrorKind::Invalid, Msg::NoTaskHere, {quoted_input(*parent_ref)});
            moved.parent_ref = p->ref;
            moved.section_id = p->section_id;
        }
    }
    if (label) {
        const auto s = std::find_if(sections.begin(), sections.end(), [&](auto& x) { return x.label == *label; });
        if (s == sections.end()) fail(ErrorKind::Invalid, Msg::NoSectionHere, {quoted_input(*label)});
        if (moved.parent_ref && !parent_ref) moved.parent_ref.reset();  // a new section: the top of it
        if (moved.parent_ref && moved.section_id != s->id)
            fail(ErrorKind::Invalid, Msg::ParentNotInSection, {*moved.parent_ref, *label});
        moved.section_id = s->id;
    }
    if (new_ref && *new_ref != current.ref) {
        if (ref_taken(order, *new_ref)) fail(ErrorKind::Invalid, Msg::RefTakenHere, {*new_ref});
        moved.ref = *new_ref;
        for (auto& t : block)
            if (t.parent_ref == current.ref) t.parent_ref = *new_ref;  // its sub-tasks follow
    }
    if (moved.section_id == before.section_id && moved.parent_ref == before.parent_ref && moved.ref == before.ref)
        fail(ErrorKind::Invalid, Msg::TaskAlreadyThere, {current.ref});
    for (auto& t : block) t.section_id = moved.section_id;  // a sub-task stays in its parent's section

    const auto at = insertion_index(rest, sections, moved.section_id, moved.parent_ref);
    rest.insert(rest.begin() + static_cast<std::ptrdiff_t>(at), block.begin(), block.end());
    // Every task of the block is written (section, parent, reference may have changed).
    for (std::size_t i = 0; i < rest.size(); ++i) {
        const bool in_block = block_refs.count(rest[i].ref) || rest[i].id == task_id;
        if (in_block || rest[i].position != static_cast<int>(i) + 1) {
            rest[i].position = static_cast<int>(i) + 1;
            store_.update_task(rest[i]);
        }
    }
    auto label_of = [&](Id section_id) {
        for (const auto& s : sections)
            if (s.id == section_id) return s.label;
        return std::string();
    };
    auto record = [&](std::string_view field, std::optional<std::string> old_value, std::optional<std::string> new_value) {
        if (old_value != new_value) journal(actor, "task", task_id, std::nullopt, field, std::move(old_value), std::move(new_value));
    };
    record("section", label_of(before.section_id), label_of(moved.section_id));
    record("parent", before.parent_ref, moved.parent_ref);
    record("ref", before.ref, moved.ref);
    tx.commit();
    return task(task_id);
}

Removal Service::remove_assignment(const Actor& actor, const store::AssignmentRecord& a, const std::string& reason,
                                   const std::optional<std::string>& basis) {
    const std::string shown = a.agency + " (" + role_name(a.role) + ")";
    if (store_.delete_assignment(a.id)) {
        // The row is gone: its removal is the task's history (a journal row may not point at it).
        journal(actor, "task", a.task_id, std::nullopt, "unassigned", shown, std::nullopt);
        if (basis) journal(actor, "task", a.task_id, std::nullopt, "basis", std::nullopt, *basis);
        return Removal::Deleted;
    }
    if (reason.empty())
        fail(ErrorKind::Invalid, Msg::AssignmentNeedsReason, {a.id, a.agency, a.task_ref});
    auto next = a;
    next.closed_on = Date::today();
    next.closed_reason = reason;
    if (!store_.update_assignment_structure(next, a.version))
        fail(ErrorKind::Conflict, Msg::ChangedMeanwhile, {a.id});
    journal(actor, "assignment", a.id, a.id, "closed", std::nullopt, reason);
    if (basis) journal(actor, "assignment", a.id, a.id, "basis", std::nullopt, *basis);
    return Removal::Closed;
}

Removal Service::remove_task(const Actor& actor, Id task_id, std::string_view reason_text, const Citation& cite) {
    require_admin(actor, "remove a task");
    const auto reason = check_single_line("The reason", reason_text, kMaxReasonBytes);
    store::Store::WriteTx tx(store_);
    auto current = task(task_id);
    if (current.closed_on) fail(ErrorKind::Invalid, Msg::TaskAlreadyClosed, {current.ref, current.closed_reason});
    const auto basis = citation_text(cite, current.directive_id);
    for (const auto& t : store_.tasks(current.directive_id))
        if (t.parent_ref == current.ref && !t.closed_on)
            fail(ErrorKind::Invalid, Msg::TaskHasSubtasks, {current.ref, t.ref});
    bool kept = false;
    for (const auto& a : task_assignments(task_id)) {
        if (a.closed_on) {
            kept = true;
            continue;
        }
        if (remove_assignment(actor, a, reason, basis) == Removal::Closed) kept = true;
    }
    if (!kept && store_.delete_task(task_id)) {
        journal(actor, "task", task_id, std::nullopt, "removed", current.ref + ": " + current.title, std::nullopt);
        if (basis) journal(actor, "task", task_id, std::nullopt, "basis", std::nullopt, *basis);
        tx.commit();
        return Removal::Deleted;
    }
    if (reason.empty())
        fail(ErrorKind::Invalid, Msg::TaskNeedsReason, {current.ref});
    current.closed_on = Date::today();
    current.closed_reason = reason;
    store_.update_task(current);
    journal(actor, "task", task_id, std::nullopt, "closed", std::nullopt, reason);
    if (basis) journal(actor, "task", task_id, std::nullopt, "basis", std::nullopt, *basis);
    tx.commit();
    return Removal::Closed;
}

AssignOutcome Service::assign(const Actor& actor, Id task_id, std::string_view agency_name, AssignmentRole role,
                              const Citation& cite) {
    require_admin(actor, "assign agencies");
    store::Store::WriteTx tx(store_);
    const auto t = task(task_id);
    if (t.closed_on) fail(ErrorKind::Invalid, Msg::TaskClosed, {t.ref, t.closed_reason});
    const auto basis = citation_text(cite, t.directive_id);
    const auto agency = find_agency_or_fail(agency_name);
    const auto members = agency.is_group ? store_.group_members(agency.id) : std::vector<Id>{agency.id};
    if (members.empty()) fail(ErrorKind::Invalid, Msg::GroupEmpty, {agency.name});
    std::map<Id, store::AssignmentRecord> existing;
    for (auto& a : task_assignments(task_id)) existing.emplace(a.agency_id, std::move(a));

    AssignOutcome out;
    for (const Id m : members) {
        const auto found = existing.find(m);
        if (found == existing.end()) {
            store::AssignmentRecord a;
            a.task_id = task_id;
            a.agency_id = m;
            a.role = role;
            if (agency.is_group) a.via_group_id = agency.id;
            a.due = t.deadline;
            out.added.push_back(store_.insert_assignment(a));
            const auto member = store_.agency(m);
            journal(actor, "task", task_id, std::nullopt, "assigned", std::nullopt,
                    (member ? member->name : agency.name) + " (" + role_name(role) + ")");
            continue;
        }
        const auto& a = found->second;
        auto next = a;
        if (a.closed_on) {
            next.closed_on.reset();
            next.closed_reason.clear();
            next.role = role;
        } else if (a.role != role && (!agency.is_group || role == AssignmentRole::Lead)) {
            next.role = role;  // a group never lowers a member's own lead
        } else {
            out.unchanged.push_back(a.id);
            continue;
        }
        if (!store_.update_assignment_structure(next, a.version))
            fail(ErrorKind::Conflict, Msg::ChangedMeanwhile, {a.id});
        if (a.closed_on) journal(actor, "assignment", a.id, a.id, "closed", a.closed_reason, std::nullopt);
        if (next.role != a.role) journal(actor, "assignment", a.id, a.id, "role", role_name(a.role), role_name(next.role));
        (a.closed_on ? out.added : out.changed).push_back(a.id);
    }
    if (out.added.empty() && out.changed.empty())
        fail(ErrorKind::Invalid, agency.is_group ? Msg::GroupAlreadyAssigned : Msg::AgencyAlreadyAssigned,
             {agency.name, t.ref, MsgArg::of(role)});
    if (basis) journal(actor, "task", task_id, std::nullopt, "basis", std::nullopt, *basis);
    tx.commit();
    return out;
}

Removal Service::unassign(const Actor& actor, Id task_id, std::string_view agency_name, std::string_view reason_text,
                          const Citation& cite) {
    require_admin(actor, "unassign agencies");
    const auto reason = check_single_line("The reason", reason_text, kMaxReasonBytes);
    store::Store::WriteTx tx(store_);
    const auto t = task(task_id);
    const auto basis = citation_text(cite, t.directive_id);
    const auto agency = find_agency_or_fail(agency_name);
    const auto members = agency.is_group ? store_.group_members(agency.id) : std::vector<Id>{agency.id};
    Removal result = Removal::Deleted;
    bool any = false;
    for (const auto& a : task_assignments(task_id)) {
        if (a.closed_on || std::find(members.begin(), members.end(), a.agency_id) == members.end()) continue;
        any = true;
        if (remove_assignment(actor, a, reason, basis) == Removal::Closed) result = Removal::Closed;
    }
    if (!any) fail(ErrorKind::Invalid, Msg::AgencyNotAssigned, {agency.name, t.ref});
    tx.commit();
    return result;
}

AssignmentView Service::change_role(const Actor& actor, Id assignment_id, AssignmentRole role, std::optional<int> expect_version) {
    require_admin(actor, "change an agency's role");
    store::Store::WriteTx tx(store_);
    const auto a = load(assignment_id);
    if (a.closed_on) fail(ErrorKind::Invalid, Msg::AssignmentClosed, {assignment_id, a.closed_reason});
    if (expect_version && *expect_version != a.version)
        fail(ErrorKind::Conflict, Msg::StaleVersion, {assignment_id, a.version, *expect_version});
    if (a.role != role) {
        auto next = a;
        next.role = role;
        if (!store_.update_assignment_structure(next, a.version))
            fail(ErrorKind::Conflict, Msg::ChangedMeanwhile, {assignment_id});
        journal(actor, "assignment", a.id, a.id, "role", role_name(a.role), role_name(role));
    }
    tx.commit();
    return get(assignment_id);
}

}  // namespace dt::service

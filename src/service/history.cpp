// The past as it was: assignments at the end of a day, from the journal the service keeps.
// Every change to an assignment is journalled with its field, old and new value and time, so
// the state at the end of day D is today's state with every change made after D undone: for
// each field, the old value of the first change after D is the value D ended with. The cost
// grows with the changes made after D, not with the whole history.
#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "core/error.h"
#include "core/text.h"
#include "service/service.h"
#include "store/store.h"

namespace dt::service {

namespace {
constexpr Date kEndOfTime{2999, 12, 30};

std::optional<Date> date_of(const std::optional<std::string>& iso) {
    return iso ? Date::parse_iso(*iso) : std::nullopt;
}
}  // namespace

namespace {
using Apply = void (*)(store::AssignmentRecord&, const std::optional<std::string>&);
const std::vector<std::pair<std::string, Apply>>& rewound_fields() {
    static const std::vector<std::pair<std::string, Apply>> fields = {
        {"status", [](store::AssignmentRecord& r, const std::optional<std::string>& v) {
             if (v) r.status = parse_status(*v).value_or(r.status);
         }},
        {"progress", [](store::AssignmentRecord& r, const std::optional<std::string>& v) {
             if (v) r.progress = std::clamp(std::atoi(v->c_str()), 0, 100);
         }},
        {"owner", [](store::AssignmentRecord& r, const std::optional<std::string>& v) { r.owner = v.value_or(""); }},
        {"due", [](store::AssignmentRecord& r, const std::optional<std::string>& v) { r.due = date_of(v); }},
        {"completed_on", [](store::AssignmentRecord& r, const std::optional<std::string>& v) { r.completed_on = date_of(v); }},
        {"review", [](store::AssignmentRecord& r, const std::optional<std::string>& v) { r.review_note = v.value_or(""); }},
        {"difficulties", [](store::AssignmentRecord& r, const std::optional<std::string>& v) { r.difficulties = v.value_or(""); }},
        {"proposals", [](store::AssignmentRecord& r, const std::optional<std::string>& v) { r.proposals = v.value_or(""); }},
        // The office's corrections (structure.cpp): the role an agency had that day.
        {"role", [](store::AssignmentRecord& r, const std::optional<std::string>& v) {
             if (v) r.role = parse_assignment_role(*v).value_or(r.role);
         }},
    };
    return fields;
}

// The end of the week (Sunday) holding `d`: the kept day a date is rewound from. 1970-01-01,
// serial 0, was a Thursday.
Date week_end(Date d) { return d.plus_days(static_cast<int>(6 - (d.serial() + 3) % 7)); }
}  // namespace

void Service::rewind(std::vector<store::AssignmentRecord>& rows, Date as_of) const {
    const Date today = Date::today();
    if (rows.empty() || as_of >= today) return;
    std::unordered_map<Id, store::AssignmentRecord*> by_id;
    by_id.reserve(rows.size());
    for (auto& r : rows) by_id.emplace(r.id, &r);

    // From the kept day at the end of as_of's week when that day is over (its states can no
    // longer change), else from today's rows. A row the kept states lack (read without its
    // existence date, as get does) sends the whole read back to today's rows: the same result.
    std::optional<Date> kept;
    if (kept_states_ && week_end(as_of) < today) {
        const Date day = week_end(as_of);
        auto states = store_.assignment_states(day);
        if (!states) {
            try {
                store::Store::WriteTx tx(store_);
                store_.keep_assignment_states(day);
                tx.commit();
                states = store_.assignment_states(day);
            } catch (const Error&) {
                // A read-only database or a viewer's read-only transaction: rewind from today.
            }
        }
        if (states) {
            std::size_t found = 0;
            for (const auto& s : *states)
                if (by_id.count(s.assignment_id)) ++found;
            if (found == rows.size()) {
                for (const auto& s : *states) {
                    const auto it = by_id.find(s.assignment_id);
                    if (it == by_id.end()) continue;
                    auto& r = *it->second;
                    r.status = s.status;
                    r.progress = s.progress;
                    r.owner = s.owner;
                    r.due = s.due;
                    r.completed_on = s.completed_on;
                    r.review_note = s.review_note;
                    r.difficulties = s.difficulties;
                    r.proposals = s.proposals;
                }
                kept = day;
            }
        }
    }

    // The first change after as_of of each (assignment, field), up to the kept day: its old
    // value is what as_of ended with.
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const auto& f : rewound_fields()) n.push_back(f.first);
        return n;
    }();
    for (const auto& j : store_.first_changes_after(as_of, names, kept)) {
        const auto it = by_id.find(*j.assignment_id);
        if (it == by_id.end()) continue;
        for (const auto& [name, apply] : rewound_fields())
            if (name == j.field) apply(*it->second, j.old_value);
    }
    // Extensions approved after as_of had not happened yet (decide_extension journals "approved …"):
    // counted back from today's number whichever the start, since a table's rows carry none.
    for (const auto& j : store_.journal_between(as_of, kEndOfTime, "extension")) {
        if (!j.assignment_id || !j.new_value || !j.new_value->starts_with("approved ")) continue;
        if (const auto it = by_id.find(*j.assignment_id); it != by_id.end() && it->second->extension_count > 0)
            --it->second->extension_count;
    }
    // Evidence: today's count (not withdrawn) less what was added after as_of, plus what was
    // withdrawn after it (still there that day). Added and withdrawn after it: neither.
    std::unordered_map<Id, int> evidence_delta;
    for (const char* field : {"evidence", "evidence_withdrawn"})
        for (const auto& j : store_.journal_between(as_of, kEndOfTime, field))
            if (j.assignment_id && by_id.count(*j.assignment_id))
                evidence_delta[*j.assignment_id] += std::string_view(field) == "evidence" ? -1 : 1;
    for (const auto& [id, delta] : evidence_delta) {
        auto& count = by_id.at(id)->evidence_count;
        count = std::max(0, count + delta);
    }
}

AssignmentView Service::propose(const Actor& actor, Id id, const ProposalInput& input, std::optional<int> expect_version) {
    std::optional<std::string> difficulties, proposals;
    if (input.difficulties) difficulties = check_multi_line("The difficulties", *input.difficulties, kMaxNoteBytes);
    if (input.proposals) proposals = check_multi_line("The proposals", *input.proposals, kMaxNoteBytes);
    if (!difficulties && !proposals) fail(ErrorKind::Invalid, Msg::ProposalsEmpty);

    store::Store::WriteTx tx(store_);
    const auto current = load(id);
    if (actor.role == UserRole::Viewer) fail(ErrorKind::Denied, Msg::ViewerReadsOnly, {actor.name});
    if (!can_edit(actor, current))
        fail(ErrorKind::Denied, Msg::ProposalsNotYours, {actor.name, actor.agency_name, id, current.agency});
    if (expect_version && *expect_version != current.version)
        fail(ErrorKind::Conflict, Msg::StaleVersion, {id, current.version, *expect_version});
    auto next = current;
    if (difficulties) next.difficulties = *difficulties;
    if (proposals) next.proposals = *proposals;
    if (next.difficulties == current.difficulties && next.proposals == current.proposals) return get(id);
    if (!store_.update_assignment(next, current.version))
        fail(ErrorKind::Conflict, Msg::ChangedMeanwhile, {id});
    auto record = [&](std::string_view field, const std::string& before, const std::string& after) {
        if (before != after)
            journal(actor, "assignment", id, id, field, before.empty() ? std::nullopt : std::optional<std::string>(before),
                    after.empty() ? std::nullopt : std::optional<std::string>(after));
    };
    record("difficulties", current.difficulties, next.difficulties);
    record("proposals", current.proposals, next.proposals);
    tx.commit();
    return get(id);
}

}  // namespace dt::service

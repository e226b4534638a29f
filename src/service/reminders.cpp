// Nhắc việc: a read over the assignment list and the extension requests the store already has.
#include <algorithm>

#include "core/error.h"
#include "core/text.h"
#include "service/service.h"
#include "store/store.h"

namespace dt::service {

std::vector<Reminder> Service::reminders(const Actor& actor, std::optional<std::string> agency, int within,
                                         Date as_of) const {
    if (within < 1 || within > kMaxReminderDays)
        fail(ErrorKind::Invalid, Msg::RemindDaysRange, {kMaxReminderDays, within});
    std::optional<Id> agency_id;
    if (agency) {
        const auto found = store_.find_agency(*agency);
        if (!found) fail(ErrorKind::Invalid, Msg::UnknownAgency, {quoted_input(*agency)});
        agency_id = found->id;
    }
    if (actor.role == UserRole::Agency) {
        if (!actor.agency_id) return {};
        if (agency_id && agency_id != actor.agency_id)
            fail(ErrorKind::Denied, Msg::RemindersNotYours, {actor.name, actor.agency_name});
        agency_id = actor.agency_id;
    }

    std::vector<Reminder> out;
    const Date horizon = as_of.plus_days(within);
    store::AssignmentQuery query;
    // The review note and deadlines, not the task's text nor the counts (a reminder shows
    // neither); unordered, since the list is sorted below.
    query.detail = store::RowDetail::Table;
    query.agency_id = agency_id;
    query.as_of = as_of;
    // At a past date: the rows that existed then, as they were then. Today or later: only the
    // rows that can be a reminder (a province's reminders are a quarter of its rows).
    if (as_of < Date::today()) query.existing_on = as_of;
    else query.reminder_horizon = horizon;
    auto records = store_.assignments(query);
    rewind(records, as_of);
    std::map<Id, store::AssignmentRecord> by_id;  // for the extension decisions below
    for (auto& record : records) {
        if (record.status == Status::Done) continue;
        const Bucket bucket = bucket_of(record.status, record.due, record.completed_on, as_of);
        const int days = record.due ? static_cast<int>(record.due->serial() - as_of.serial()) : 0;
        if (record.due && *record.due < as_of) out.push_back({ReminderKind::Overdue, record, bucket, days, {}});
        else if (record.due && *record.due <= horizon) out.push_back({ReminderKind::DueSoon, record, bucket, days, {}});
        if (!record.review_note.empty()) out.push_back({ReminderKind::SentBack, record, bucket, days, {}});
        by_id.emplace(record.id, std::move(record));
    }

    // Decisions of the last `within` days, up to the end of the as-of day (decided_at is UTC ISO).
    store::ExtensionQuery extensions;
    extensions.agency_id = agency_id;
    const Date since = as_of.plus_days(-within);
    for (auto& e : store_.extensions(extensions)) {
        if (e.status == store::ExtensionStatus::Pending || !e.decided_at || e.decided_at->size() < 10) continue;
        const auto decided = Date::parse_iso(e.decided_at->substr(0, 10));
        if (!decided || *decided <= since || *decided > as_of) continue;
        store::AssignmentRecord record;
        if (auto found = by_id.find(e.assignment_id); found != by_id.end()) record = found->second;
        else {
            // Done by then: the decision is still news, shown as the assignment was.
            std::vector<store::AssignmentRecord> one{load(e.assignment_id)};
            rewind(one, as_of);
            record = std::move(one.front());
        }
        const Bucket bucket = bucket_of(record.status, record.due, record.completed_on, as_of);
        const int days = record.due ? static_cast<int>(record.due->serial() - as_of.serial()) : 0;
        out.push_back({ReminderKind::ExtensionDecided, std::move(record), bucket, days, std::move(e)});
    }

    std::stable_sort(out.begin(), out.end(), [](const Reminder& a, const Reminder& b) {
        if (a.assignment.agency != b.assignment.agency) return a.assignment.agency < b.assignment.agency;
        if (a.kind != b.kind) return a.kind < b.kind;
        if (a.days != b.days) return a.days < b.days;
        return a.assignment.id < b.assignment.id;
    });
    return out;
}

}  // namespace dt::service

#include "core/status.h"

#include <array>
#include <utility>

namespace dt {

namespace {
template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view s) {
    for (const auto& [e, name] : table)
        if (name == s) return e;
    return std::nullopt;
}
template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
    for (const auto& [k, name] : table)
        if (k == e) return name;
    return {};
}

constexpr std::array<std::pair<Status, std::string_view>, 4> kStatus{{
    {Status::NotStarted, "not_started"}, {Status::InProgress, "in_progress"},
    {Status::Done, "done"}, {Status::Blocked, "blocked"}}};
constexpr std::array<std::pair<AssignmentRole, std::string_view>, 2> kRole{{
    {AssignmentRole::Lead, "lead"}, {AssignmentRole::Coordinate, "coordinate"}}};
constexpr std::array<std::pair<UserRole, std::string_view>, 3> kUserRole{{
    {UserRole::Admin, "admin"}, {UserRole::Agency, "agency"}, {UserRole::Viewer, "viewer"}}};
constexpr std::array<std::pair<Recurrence, std::string_view>, 6> kRecurrence{{
    {Recurrence::None, ""}, {Recurrence::Monthly, "monthly"},
    {Recurrence::Quarterly, "quarterly"}, {Recurrence::Yearly, "yearly"},
    {Recurrence::Weekly, "weekly"}, {Recurrence::HalfYearly, "half_yearly"}}};
constexpr std::array<std::pair<Bucket, std::string_view>, 5> kBucket{{
    {Bucket::DoneOnTime, "done_on_time"}, {Bucket::DoneLate, "done_late"},
    {Bucket::OpenOnTime, "open_on_time"}, {Bucket::OpenOverdue, "open_overdue"},
    {Bucket::NoDeadline, "no_deadline"}}};
}  // namespace

std::string_view to_string(Status s) { return name_of(kStatus, s); }
std::string_view to_string(AssignmentRole r) { return name_of(kRole, r); }
std::string_view to_string(UserRole r) { return name_of(kUserRole, r); }
std::string_view to_string(Recurrence r) { return name_of(kRecurrence, r); }
std::string_view to_string(Bucket b) { return name_of(kBucket, b); }

std::optional<Status> parse_status(std::string_view s) { return lookup(kStatus, s); }
std::optional<AssignmentRole> parse_assignment_role(std::string_view s) { return lookup(kRole, s); }
std::optional<UserRole> parse_user_role(std::string_view s) { return lookup(kUserRole, s); }
std::optional<Recurrence> parse_recurrence(std::string_view s) { return lookup(kRecurrence, s); }
std::optional<Bucket> parse_bucket(std::string_view s) { return lookup(kBucket, s); }

Bucket bucket_of(Status status, std::optional<Date> due, std::optional<Date> completed_on, Date as_of) {
    const bool done = status == Status::Done && completed_on && *completed_on <= as_of;
    if (!due) return Bucket::NoDeadline;
    if (done) return *completed_on <= *due ? Bucket::DoneOnTime : Bucket::DoneLate;
    return as_of > *due ? Bucket::OpenOverdue : Bucket::OpenOnTime;
}

void BucketTally::add(Bucket bucket, std::optional<Date> due, Date as_of) {
    ++total;
    ++counts[static_cast<int>(bucket)];
    if (due && *due < as_of) {
        ++deadline_passed;
        on_time_passed += bucket == Bucket::DoneOnTime ? 1 : 0;
    }
}

double BucketTally::on_time_rate() const {
    return deadline_passed > 0 ? 100.0 * on_time_passed / deadline_passed : 0.0;
}

}  // namespace dt

#pragma once
// The vocabulary of the domain (docs/ARCHITECTURE.md, "The domain"): statuses, roles, buckets, recurrences.
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace dt {

enum class Status { NotStarted, InProgress, Done, Blocked };
enum class AssignmentRole { Lead, Coordinate };
enum class UserRole { Admin, Agency, Viewer };
enum class Recurrence { None, Monthly, Quarterly, Yearly, Weekly, HalfYearly };
enum class Bucket { DoneOnTime, DoneLate, OpenOnTime, OpenOverdue, NoDeadline };

std::string_view to_string(Status s);
std::string_view to_string(AssignmentRole r);
std::string_view to_string(UserRole r);
std::string_view to_string(Recurrence r);  // "" for None
std::string_view to_string(Bucket b);

std::optional<Status> parse_status(std::string_view s);
std::optional<AssignmentRole> parse_assignment_role(std::string_view s);
std::optional<UserRole> parse_user_role(std::string_view s);
std::optional<Recurrence> parse_recurrence(std::string_view s);
std::optional<Bucket> parse_bucket(std::string_view s);

// The domain's words, in Vietnamese and English, are the message catalog's (core/messages.h:
// word() in a sentence, label() heading a cell): the one table the GUI, the command line and the
// reports all read, so a status is called the same everywhere.

// Timeliness at an as-of date, never stored: a done assignment is judged by the day it was
// completed, an open one by whether its deadline has passed by `as_of`.
Bucket bucket_of(Status status, std::optional<Date> due, std::optional<Date> completed_on, Date as_of);

// Counts of assignments per bucket at one as-of date, and the on-time rate the Government
// Office reports: done on time ÷ assignments whose deadline has passed (both among the latter).
struct BucketTally {
    int counts[5] = {0, 0, 0, 0, 0};  // indexed by Bucket
    int total = 0;
    int deadline_passed = 0;
    int on_time_passed = 0;

    void add(Bucket bucket, std::optional<Date> due, Date as_of);
    int count(Bucket b) const { return counts[static_cast<int>(b)]; }
    double on_time_rate() const;  // percent; 0 when no deadline has passed
};

}  // namespace dt

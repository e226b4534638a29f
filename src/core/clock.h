#pragma once
// The one source of "now" for dates and timestamps. Tests fix it to replay a database changed
// over several days (the journal's timestamps and "today" move together); programs never do.
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace dt::clock {

std::time_t now();
// Fixes now() at `t` (seconds since the epoch, UTC); std::nullopt restores the system clock.
void set_fixed(std::optional<std::time_t> t);

}  // namespace dt::clock

namespace dt {

// The timestamps the database keeps (journal, sessions, locks, files): UTC, ISO 8601 to the
// second, "2026-11-26T03:33:10Z". One writer and one reader of that form for every layer.
std::string utc_timestamp(std::time_t t);
std::string now_timestamp();                // clock::now()
std::string timestamp_after(long seconds);  // clock::now() + seconds
// Seconds from now until such a timestamp (negative when past); none when it cannot be read.
std::optional<long> seconds_until(std::string_view timestamp);
// The same instant in local time, "26/11/2026 10:33" (with_zone: the zone's abbreviation after it),
// or the text as it is when it cannot be read.
std::string local_timestamp(std::string_view utc, bool with_zone = false);

}  // namespace dt

#pragma once
// The one source of "now" for dates and timestamps. Tests fix it to replay a database changed
// over several days (the journal's timestamps and "today" move together); programs never do.
#include <ctime>
#include <optional>

namespace dt::clock {

std::time_t now();
// Fixes now() at `t` (seconds since the epoch, UTC); std::nullopt restores the system clock.
void set_fixed(std::optional<std::time_t> t);

}  // namespace dt::clock

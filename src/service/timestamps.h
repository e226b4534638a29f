#pragma once
// The store's timestamps (UTC, ISO 8601 to the second: lock ends, session ends) for the layers
// above the service, which do not see the store itself.
#include <optional>
#include <string_view>

namespace dt::service {

// Seconds from now until `timestamp` (negative when past); none when it cannot be read.
std::optional<long> seconds_until(std::string_view timestamp);

}  // namespace dt::service

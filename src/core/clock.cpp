#include "core/clock.h"

#include <atomic>
#include <ctime>

namespace dt::clock {

namespace {
// -1: the system clock. Atomic because the GUI's and the tests' threads may read it.
std::atomic<std::time_t> fixed{-1};
}  // namespace

std::time_t now() {
    const std::time_t f = fixed.load();
    return f >= 0 ? f : std::time(nullptr);
}

void set_fixed(std::optional<std::time_t> t) { fixed.store(t ? *t : -1); }

}  // namespace dt::clock

namespace dt {

namespace {
constexpr const char* kUtcForm = "%Y-%m-%dT%H:%M:%SZ";

std::optional<std::time_t> parse_timestamp(std::string_view text) {
    std::tm tm{};
    const std::string copy(text);
    const char* end = strptime(copy.c_str(), kUtcForm, &tm);
    if (end == nullptr || *end != '\0') return std::nullopt;
    return timegm(&tm);
}
}  // namespace

std::string utc_timestamp(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, kUtcForm, &tm);
    return buf;
}

std::string now_timestamp() { return utc_timestamp(clock::now()); }

std::string timestamp_after(long seconds) { return utc_timestamp(clock::now() + seconds); }

std::optional<long> seconds_until(std::string_view timestamp) {
    const auto t = parse_timestamp(timestamp);
    if (!t) return std::nullopt;
    return static_cast<long>(*t - clock::now());
}

std::string local_timestamp(std::string_view utc, bool with_zone) {
    const auto t = parse_timestamp(utc);
    if (!t) return std::string(utc);
    std::tm local{};
    localtime_r(&*t, &local);
    char buf[64];
    std::strftime(buf, sizeof buf, with_zone ? "%d/%m/%Y %H:%M %Z" : "%d/%m/%Y %H:%M", &local);
    return buf;
}

}  // namespace dt

#include "core/clock.h"

#include <atomic>

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

#include "service/timestamps.h"

#include "store/store.h"

namespace dt::service {

std::optional<long> seconds_until(std::string_view timestamp) { return store::seconds_until(timestamp); }

}  // namespace dt::service

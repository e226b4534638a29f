#pragma once
#include "service/service.h"

namespace dt::service {

// First start: the Cao Bằng agency registry and Chỉ thị 07/CT-UBND from assets/, imported
// by the system. Does nothing when a directive is already there; returns whether it seeded.
bool seed_defaults(Service& service, ImportSummary* summary = nullptr);

}  // namespace dt::service

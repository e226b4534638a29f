#pragma once
#include "service/service.h"
#include "store/store.h"

namespace dt::app {

// Today's automatic copy, on the first open of the day; a failure is said on stderr and never
// stops the program (the copy is a safety net, not the work). The warning is in `lang`.
void take_daily_backup(const store::Store& store, const service::Service& service, Lang lang = Lang::En);

}  // namespace dt::app

#pragma once
// Vietnamese words the writers share, so every format says the same thing.
#include <string>

#include "core/status.h"
#include "report/model.h"

namespace dt::report {

const char* status_vi(Status s);
const char* bucket_vi(Bucket b);
const char* role_vi(AssignmentRole r);
std::string date_vi(const std::optional<Date>& d);  // dd/mm/yyyy or ""
std::string evidence_vi(const std::optional<Evidence>& e);  // "215/BC-STC ngày 30/06/2025: note"
std::string percent_vi(double value);                // "37,5 %" with a decimal comma

}  // namespace dt::report

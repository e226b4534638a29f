#pragma once
// Vietnamese words the writers share, so every format says the same thing.
#include <cstdint>
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
std::string decimal_vi(double value);                // "37,5"
std::string millions(std::int64_t vnd);              // whole đồng to million đồng: "46.209"
std::string issuing_lines(const std::string& name);  // upper case, broken into the letterhead's two lines
std::string lower_first(const std::string& text);    // "Về việc …" → "về việc …"
std::string status_text(const Share& s);             // "Hoàn thành ngày 30/06/2025 (quá hạn)"
std::string agency_text(const Share& s);             // "Sở Tài chính (phối hợp)"

}  // namespace dt::report

#pragma once
// Deadlines, recurrences and disbursement percentages written in a task's own words.
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"

namespace dt::importer::detail {

struct DeadlineFinding {
    std::optional<Date> date;  // empty when the written date names no real day
    std::string written;       // the date as written, e.g. "31/2/2026", for a warning
};

// All readers below take folded text (detail::fold_fast): one folding serves them all.

// The first deadline phrase ("trước ngày 18/4/2025", "trong quý II năm 2026", …) in the text;
// nullopt when there is none. Dates without such a phrase (references) never count.
std::optional<DeadlineFinding> find_deadline(std::string_view folded);

// A written day at `pos` of folded text: "18/4/2025", "18-04-2025", "31 thang 3 nam 2026".
std::optional<DeadlineFinding> date_at(std::string_view folded, std::size_t pos);

// Monthly, quarterly or yearly only when the text clearly asks for a periodic action.
Recurrence find_recurrence(std::string_view folded);

// The disbursement rate a milestone asks for: the percentage after "tối thiểu", else the last
// one; nullopt when the text is not about disbursement ("giải ngân") or names no percentage.
std::optional<int> disbursement_percent(std::string_view folded);

}  // namespace dt::importer::detail

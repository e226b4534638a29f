#pragma once
// Deadlines, recurrences and disbursement percentages written in a task's own words.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
// `issued`, the directive's date, gives a year to "trước ngày 31/3" and a start to "trong
// thời hạn 30 ngày kể từ ngày ký"; a date followed by "hằng năm" is a recurrence, no deadline.
std::optional<DeadlineFinding> find_deadline(std::string_view folded, std::optional<Date> issued = std::nullopt);

// A written day at `pos` of folded text: "18/4/2025", "18-04-2025", "31 thang 3 nam 2026".
std::optional<DeadlineFinding> date_at(std::string_view folded, std::size_t pos);

// Monthly, quarterly or yearly only when the text clearly asks for a periodic action.
Recurrence find_recurrence(std::string_view folded);

// The recurrence with its day when the text gives one: "trước ngày 25 hằng tháng" → day 25;
// "trước ngày 15/6 và 15/12 hằng năm" → half-yearly on 15/6 and 15/12.
struct RecurrenceFinding {
    Recurrence every = Recurrence::None;
    int day = 0;                                 // day of the month (or of the period's last month)
    std::vector<std::pair<int, int>> dates;      // (day, month) of a yearly or half-yearly rule
};
RecurrenceFinding find_recurrence_rule(std::string_view folded);

// The disbursement rate a milestone asks for: the percentage after "tối thiểu", else the last
// one; nullopt when the text is not about disbursement ("giải ngân") or names no percentage.
std::optional<int> disbursement_percent(std::string_view folded);

}  // namespace dt::importer::detail

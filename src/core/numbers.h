#pragma once
// Numbers as each language writes them: English "1,250,000" and "48.3", Vietnamese "1.250.000"
// and "48,3". One helper for the GUI and the CLI, so both say the same figure the same way.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/messages.h"

namespace dt {

enum class NumberStyle { Vi, En };

// Whole numbers with thousands grouped: 1250000 → "1.250.000" (Vi) or "1,250,000" (En).
std::string format_integer(std::int64_t value, NumberStyle style);
// A decimal with `decimals` digits after the mark, grouped too: 1234.5 → "1.234,5" / "1,234.5".
std::string format_decimal(double value, int decimals, NumberStyle style);
// A percentage with one decimal and a space before the sign: "48,3 %" / "48.3 %".
std::string format_percent(double percent, NumberStyle style);

// A whole number written in ASCII digits (a leading '-' allowed) that is all of `text` and fits
// 64 bits; none otherwise (" 12", "12a", "1.5", "" are not).
std::optional<std::int64_t> parse_whole(std::string_view text);
// The same between `min` and `max`, else Error(Invalid, refusal, args + the text quoted as
// core/text.h quotes what a user typed, as the last value): every whole number a command takes.
std::int64_t whole_or_fail(std::string_view text, Msg refusal, std::vector<MsgArg> args, std::int64_t min,
                           std::int64_t max);

}  // namespace dt

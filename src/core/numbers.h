#pragma once
// Numbers as each language writes them: English "1,250,000" and "48.3", Vietnamese "1.250.000"
// and "48,3". One helper for the GUI and the CLI, so both say the same figure the same way.
#include <cstdint>
#include <string>

namespace dt {

enum class NumberStyle { Vi, En };

// Whole numbers with thousands grouped: 1250000 → "1.250.000" (Vi) or "1,250,000" (En).
std::string format_integer(std::int64_t value, NumberStyle style);
// A decimal with `decimals` digits after the mark, grouped too: 1234.5 → "1.234,5" / "1,234.5".
std::string format_decimal(double value, int decimals, NumberStyle style);
// A percentage with one decimal and a space before the sign: "48,3 %" / "48.3 %".
std::string format_percent(double percent, NumberStyle style);

}  // namespace dt

#pragma once
// Amounts of money in whole đồng.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dt {

constexpr std::int64_t kMaxVnd = 1'000'000'000'000'000;  // 10^15 đồng: beyond any provincial plan

// Accepts "1250000" and the Vietnamese grouping "1.250.000" (dots between groups of three
// digits). Refuses signs, decimals, commas, spaces, empty text and amounts above kMaxVnd.
std::optional<std::int64_t> parse_vnd(std::string_view text);

// Throws Error(Invalid) naming the field when the text is not an amount as parse_vnd reads it.
std::int64_t parse_vnd_or_fail(std::string_view text, std::string_view field);

// 1250000 → "1.250.000"
std::string group_thousands(std::int64_t amount);

// disbursed ÷ plan in percent, 0 when there is no plan.
double percent_of(std::int64_t part, std::int64_t whole);

}  // namespace dt

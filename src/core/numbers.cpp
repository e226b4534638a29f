#include "core/numbers.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/error.h"
#include "core/text.h"

namespace dt {

namespace {
std::string grouped(const std::string& digits, char mark) {
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += mark;
        out += digits[i];
    }
    return out;
}
}  // namespace

std::string format_integer(std::int64_t value, NumberStyle style) {
    const bool negative = value < 0;
    // The magnitude as unsigned, so that the smallest int64 has one too.
    const auto magnitude = negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    const std::string out = grouped(std::to_string(magnitude), style == NumberStyle::Vi ? '.' : ',');
    return negative ? "-" + out : out;
}

std::string format_decimal(double value, int decimals, NumberStyle style) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
    std::string text = buf;
    const auto point = text.find('.');
    std::string whole = text.substr(0, point);
    std::string out = grouped(whole, style == NumberStyle::Vi ? '.' : ',');
    if (point != std::string::npos) out += (style == NumberStyle::Vi ? ',' : '.') + text.substr(point + 1);
    const bool zero = text.find_first_not_of("0.") == std::string::npos;
    return value < 0 && !zero ? "-" + out : out;
}

std::string format_percent(double percent, NumberStyle style) { return format_decimal(percent, 1, style) + " %"; }

std::optional<std::int64_t> parse_whole(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::int64_t whole_or_fail(std::string_view text, Msg refusal, std::vector<MsgArg> args, std::int64_t min,
                           std::int64_t max) {
    const auto value = parse_whole(text);
    if (!value || *value < min || *value > max) {
        args.emplace_back(quoted_input(text));
        fail(ErrorKind::Invalid, refusal, std::move(args));
    }
    return *value;
}

}  // namespace dt

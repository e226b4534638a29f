#include "core/money.h"

#include "core/error.h"

namespace dt {

std::optional<std::int64_t> parse_vnd(std::string_view text) {
    if (text.empty()) return std::nullopt;
    const bool grouped = text.find('.') != std::string_view::npos;
    std::int64_t value = 0;
    std::size_t digits_in_group = 0, groups = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.') {
            // Every dot closes a group: the first of 1–3 digits, the others of exactly 3.
            if (digits_in_group == 0 || digits_in_group > 3 || (groups > 0 && digits_in_group != 3)) return std::nullopt;
            ++groups;
            digits_in_group = 0;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        ++digits_in_group;
        value = value * 10 + (c - '0');
        if (value > kMaxVnd) return std::nullopt;
    }
    if (grouped && digits_in_group != 3) return std::nullopt;
    return value;
}

std::int64_t parse_vnd_or_fail(std::string_view text, std::string_view field) {
    if (auto v = parse_vnd(text)) return *v;
    fail(ErrorKind::Invalid, Msg::AmountInvalid, {MsgArg::field(field), "'" + std::string(text) + "'"});
}

std::string group_thousands(std::int64_t amount) {
    const bool negative = amount < 0;
    const std::string digits = std::to_string(negative ? -amount : amount);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

double percent_of(std::int64_t part, std::int64_t whole) {
    return whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

}  // namespace dt

// Amounts in whole đồng (parse_vnd, parse_vnd_or_fail, group_thousands).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/money.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto value = dt::parse_vnd(text);
    try {
        const auto v = dt::parse_vnd_or_fail(text, "The amount");
        FUZZ_CHECK(value && v == *value, "parse_vnd_or_fail disagrees with parse_vnd");
    } catch (const dt::Error& e) {
        FUZZ_CHECK(!value && e.kind() == dt::ErrorKind::Invalid, "parse_vnd_or_fail refused what parse_vnd read");
    }
    if (!value) return 0;
    const std::int64_t v = *value;
    FUZZ_CHECK(v >= 0 && v <= dt::kMaxVnd, "out of range: %lld", static_cast<long long>(v));
    // Only digits and dots were read, never a sign, a space or a comma.
    for (char c : text) FUZZ_CHECK((c >= '0' && c <= '9') || c == '.', "accepted the byte 0x%02x", c & 0xff);
    // Both spellings the program writes read back as the same amount.
    const std::string grouped = dt::group_thousands(v);
    const auto again = dt::parse_vnd(grouped);
    FUZZ_CHECK(again && *again == v, "%s does not re-read as %lld", grouped.c_str(), static_cast<long long>(v));
    const std::string plain = std::to_string(v);
    const auto plain_again = dt::parse_vnd(plain);
    FUZZ_CHECK(plain_again && *plain_again == v, "%s does not re-read", plain.c_str());
    // A grouped text is exactly the program's own grouping, up to leading zeros of the first group.
    if (text.find('.') != std::string_view::npos) {
        std::string digits;
        for (char c : text)
            if (c != '.') digits += c;
        const auto first = digits.find_first_not_of('0');
        const std::string stripped = first == std::string::npos ? "0" : digits.substr(first);
        FUZZ_CHECK(stripped == plain, "grouped '%.*s' reads as %s", static_cast<int>(size), text.data(), plain.c_str());
    }
    return 0;
}

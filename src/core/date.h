#pragma once
// Calendar dates without time zones: deadlines and as-of dates are whole days.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace dt {

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    auto operator<=>(const Date&) const = default;

    static bool valid(int year, int month, int day);
    static std::optional<Date> make(int year, int month, int day);
    static int days_in_month(int year, int month);
    static Date last_of_month(int year, int month);
    static Date today();

    // "2025-04-18"
    static std::optional<Date> parse_iso(std::string_view text);
    // "18/4/2025", "18/04/2025", "18-4-2025", or ISO: what a user types on a command line.
    static std::optional<Date> parse_user(std::string_view text);

    std::string iso() const;  // 2025-04-18
    std::string vn() const;   // 18/04/2025
    long serial() const;      // days since 1970-01-01, for differences
    Date plus_days(int days) const;
};

// Parses a user-typed date or throws Error(Invalid) naming the field.
Date parse_date_or_fail(std::string_view text, std::string_view field);

}  // namespace dt

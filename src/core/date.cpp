#include "core/date.h"

#include <charconv>
#include <chrono>
#include <cstdio>

#include "core/clock.h"
#include "core/error.h"
#include "core/text.h"

namespace dt {

namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool parse_int(std::string_view s, int& out) {
    if (s.empty() || s.size() > 4) return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}
}  // namespace

int Date::days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && leap(year) ? 29 : days[month - 1];
}

bool Date::valid(int year, int month, int day) {
    return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

std::optional<Date> Date::make(int year, int month, int day) {
    if (!valid(year, month, day)) return std::nullopt;
    return Date{year, month, day};
}

Date Date::last_of_month(int year, int month) { return Date{year, month, days_in_month(year, month)}; }

Date Date::today() {
    const auto now = std::chrono::system_clock::from_time_t(clock::now());
    const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(now)};
    return Date{int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

std::optional<Date> Date::parse_iso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!parse_int(text.substr(0, 4), y) || !parse_int(text.substr(5, 2), m) ||
        !parse_int(text.substr(8, 2), d))
        return std::nullopt;
    return make(y, m, d);
}

std::optional<Date> Date::parse_user(std::string_view text) {
    if (auto iso = parse_iso(text)) return iso;
    const char sep = text.find('/') != std::string_view::npos ? '/' : '-';
    const auto a = text.find(sep);
    if (a == std::string_view::npos) return std::nullopt;
    const auto b = text.find(sep, a + 1);
    if (b == std::string_view::npos) return std::nullopt;
    int d = 0, m = 0, y = 0;
    if (!parse_int(text.substr(0, a), d) || !parse_int(text.substr(a + 1, b - a - 1), m) ||
        !parse_int(text.substr(b + 1), y) || text.size() - b - 1 != 4)
        return std::nullopt;
    return make(y, m, d);
}

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string Date::vn() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", day, month, year);
    return buf;
}

long Date::serial() const {
    using namespace std::chrono;
    const sys_days days{std::chrono::year{year} / std::chrono::month{unsigned(month)} / std::chrono::day{unsigned(day)}};
    return days.time_since_epoch().count();
}

Date Date::plus_days(int days) const {
    using namespace std::chrono;
    const sys_days moved = sys_days{std::chrono::year{year} / std::chrono::month{unsigned(month)} / std::chrono::day{unsigned(day)}} +
                           std::chrono::days{days};
    const year_month_day ymd{moved};
    return Date{int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

Date parse_date_or_fail(std::string_view text, std::string_view field) {
    if (auto d = Date::parse_user(text)) return *d;
    fail(ErrorKind::Invalid, Msg::DateInvalid, {MsgArg::field(field), quoted_input(text)});
}

}  // namespace dt

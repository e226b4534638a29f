// Dates as users type them (Date::parse_user, parse_iso, parse_date_or_fail), and as directives
// write them (the importer's date_at / find_deadline over folded text).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/error.h"
#include "core/text.h"
#include "fuzz_check.h"
#include "importer/deadlines.h"
#include "importer/text_scan.h"

using dt::Date;

namespace {
void check_date(const Date& d, std::string_view from) {
    const std::string in(from);
    FUZZ_CHECK(Date::valid(d.year, d.month, d.day), "'%s' gave %d-%d-%d", in.c_str(), d.year, d.month, d.day);
    // Written out either way, it reads back as the same day.
    const auto iso = Date::parse_iso(d.iso());
    FUZZ_CHECK(iso && *iso == d, "'%s' → %s does not re-read", in.c_str(), d.iso().c_str());
    const auto user_iso = Date::parse_user(d.iso());
    FUZZ_CHECK(user_iso && *user_iso == d, "'%s' → %s does not re-read as a user date", in.c_str(), d.iso().c_str());
    const auto vn = Date::parse_user(d.vn());
    FUZZ_CHECK(vn && *vn == d, "'%s' → %s does not re-read", in.c_str(), d.vn().c_str());
    // Day arithmetic agrees with the calendar.
    FUZZ_CHECK(d.plus_days(0) == d, "plus_days(0) of %s", d.iso().c_str());
    const Date next = d.plus_days(1);
    FUZZ_CHECK(next.serial() == d.serial() + 1 && next > d, "the day after %s", d.iso().c_str());
    FUZZ_CHECK(next.plus_days(-1) == d, "back from the day after %s", d.iso().c_str());
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const auto user = Date::parse_user(text);
    if (user) check_date(*user, text);
    if (const auto iso = Date::parse_iso(text)) {
        check_date(*iso, text);
        FUZZ_CHECK(user && *user == *iso, "parse_user disagrees with parse_iso on an ISO date");
    }
    try {
        const Date d = dt::parse_date_or_fail(text, "The date");
        FUZZ_CHECK(user && d == *user, "parse_date_or_fail disagrees with parse_user");
    } catch (const dt::Error& e) {
        FUZZ_CHECK(!user && e.kind() == dt::ErrorKind::Invalid, "parse_date_or_fail refused a date parse_user read");
    }

    // The importer's reader of written dates, on folded NFC text as the importer calls it.
    if (size <= 4096 && dt::is_valid_utf8(text)) {
        const std::string folded = dt::importer::detail::fold_fast(dt::to_nfc(text));
        for (std::size_t pos = 0; pos < folded.size() && pos < 64; ++pos)
            if (const auto f = dt::importer::detail::date_at(folded, pos); f && f->date)
                FUZZ_CHECK(Date::valid(f->date->year, f->date->month, f->date->day), "date_at gave an invalid date");
        if (const auto f = dt::importer::detail::find_deadline(folded); f && f->date)
            FUZZ_CHECK(Date::valid(f->date->year, f->date->month, f->date->day), "find_deadline gave an invalid date");
    }
    return 0;
}

// The helpers every layer shares, each written once in core/: stored timestamps, whole-number
// input, the domain's words, numbers in both languages.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include "core/clock.h"
#include "core/error.h"
#include "core/numbers.h"
#include "core/status.h"

using namespace dt;

namespace {
// Sets TZ while it lives (local_timestamp's zone), and puts the old one back.
struct Zone {
    std::string old;
    bool had = false;
    explicit Zone(const char* tz) {
        if (const char* o = std::getenv("TZ")) {
            old = o;
            had = true;
        }
        setenv("TZ", tz, 1);
        tzset();
    }
    ~Zone() {
        if (had) setenv("TZ", old.c_str(), 1);
        else unsetenv("TZ");
        tzset();
    }
};
}  // namespace

TEST_CASE("stored timestamps: one form written, read back, shown in local time") {
    CHECK(utc_timestamp(0) == "1970-01-01T00:00:00Z");
    CHECK(utc_timestamp(1764142390) == "2025-11-26T07:33:10Z");
    clock::set_fixed(1764142390);
    CHECK(now_timestamp() == "2025-11-26T07:33:10Z");
    CHECK(timestamp_after(3600) == "2025-11-26T08:33:10Z");
    CHECK(seconds_until("2025-11-26T08:33:10Z") == 3600);
    CHECK(seconds_until("2025-11-26T07:33:00Z") == -10);
    CHECK_FALSE(seconds_until("26/11/2025 07:33").has_value());
    CHECK_FALSE(seconds_until("2025-11-26T07:33:10Z trailing").has_value());
    clock::set_fixed(std::nullopt);
    {
        Zone hanoi("Asia/Ho_Chi_Minh");
        CHECK(local_timestamp("2025-11-26T07:33:10Z") == "26/11/2025 14:33");
        CHECK(local_timestamp("2025-11-26T07:33:10Z", true).rfind("26/11/2025 14:33 ", 0) == 0);
    }
    CHECK(local_timestamp("not a time") == "not a time");  // shown as it is
}

TEST_CASE("whole numbers: all of the text in ASCII digits, within its range, or a sentence that quotes it") {
    CHECK(parse_whole("42") == 42);
    CHECK(parse_whole("-7") == -7);
    CHECK(parse_whole("9223372036854775807") == INT64_MAX);
    for (const char* bad : {"", " 1", "1 ", "1.5", "12a", "+3", "１２", "9223372036854775808"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_whole(bad).has_value());
    }
    CHECK(whole_or_fail("14", "--within ", "a number of days from 1 to 366", 1, 366) == 14);
    try {
        whole_or_fail("0", "--within ", "a number of days from 1 to 366", 1, 366);
        FAIL("0 was taken");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Invalid);
        CHECK(std::string(e.what()) == "--within '0' is not a number of days from 1 to 366.");
    }
    try {
        whole_or_fail("5\x1b[2J", "", "an assignment id (a positive whole number)", 1, INT64_MAX);
        FAIL("a control sequence was taken");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Invalid);
        CHECK(std::string(e.what()).find('\x1b') == std::string::npos);  // quoted, not echoed raw
    }
}

TEST_CASE("the domain's words: one table, both languages") {
    CHECK(std::string(words(Status::InProgress).vi) == "Đang thực hiện");
    CHECK(std::string(words(Status::InProgress).en) == "In progress");
    CHECK(std::string(words(Bucket::OpenOverdue).vi) == "Chưa hoàn thành, quá hạn");
    CHECK(std::string(words(AssignmentRole::Coordinate).vi) == "Phối hợp");
    for (auto s : {Status::NotStarted, Status::InProgress, Status::Done, Status::Blocked}) {
        CHECK(std::string(words(s).vi).size() > 0);
        CHECK(std::string(words(s).en).size() > 0);
    }
}

TEST_CASE("percentages and decimals as each language writes them") {
    CHECK(format_percent(37.5, NumberStyle::Vi) == "37,5 %");
    CHECK(format_percent(37.5, NumberStyle::En) == "37.5 %");
    CHECK(format_decimal(1234.56, 1, NumberStyle::Vi) == "1.234,6");
    CHECK(format_decimal(-0.04, 1, NumberStyle::En) == "0.0");  // no "-0.0"
}

// The helpers every layer shares, each written once in core/: stored timestamps, whole-number
// input, the domain's words, numbers in both languages.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include "core/clock.h"
#include "core/error.h"
#include "core/messages.h"
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
    CHECK(whole_or_fail("14", Msg::WithinNotDays, {366}, 1, 366) == 14);
    try {
        whole_or_fail("0", Msg::WithinNotDays, {366}, 1, 366);
        FAIL("0 was taken");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Invalid);
        CHECK(std::string(e.what()) == "--within '0' is not a number of days from 1 to 366.");
    }
    try {
        whole_or_fail("5\x1b[2J", Msg::NotAssignmentId, {}, 1, INT64_MAX);
        FAIL("a control sequence was taken");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Invalid);
        CHECK(std::string(e.what()).find('\x1b') == std::string::npos);  // quoted, not echoed raw
    }
}

TEST_CASE("the domain's words: one table, both languages, as a label and in a sentence") {
    CHECK(std::string(label(Status::InProgress, Lang::Vi)) == "Đang thực hiện");
    CHECK(std::string(label(Status::InProgress, Lang::En)) == "In progress");
    CHECK(std::string(word(Status::InProgress, Lang::Vi)) == "đang thực hiện");
    CHECK(std::string(label(Bucket::OpenOverdue, Lang::Vi)) == "Chưa hoàn thành, quá hạn");
    CHECK(std::string(label(AssignmentRole::Coordinate, Lang::Vi)) == "Phối hợp");
    CHECK(std::string(label(UserRole::Viewer, Lang::Vi)) == "Lãnh đạo (chỉ xem)");
    CHECK(std::string(label(Msg::WordPending, Lang::Vi)) == "Chờ quyết định");
    CHECK(std::string(label(Msg::KindBoard, Lang::Vi)) == "Ban quản lý");
    CHECK(std::string(label(Msg::WordRemindSentBack, Lang::Vi)) == "Bị trả lại, cần bổ sung");
    CHECK(std::string(agency_kind_label("department", Lang::Vi)) == "Sở, ngành");
    CHECK(std::string(agency_kind_label("district", Lang::En)) == "District");
    CHECK(std::string(agency_kind_label("unheard_of", Lang::Vi)) == "unheard_of");
    for (auto s : {Status::NotStarted, Status::InProgress, Status::Done, Status::Blocked}) {
        CHECK(std::string(label(s, Lang::Vi)).size() > 0);
        CHECK(std::string(label(s, Lang::En)).size() > 0);
    }
}

TEST_CASE("percentages and decimals as each language writes them") {
    CHECK(format_percent(37.5, NumberStyle::Vi) == "37,5 %");
    CHECK(format_percent(37.5, NumberStyle::En) == "37.5 %");
    CHECK(format_decimal(1234.56, 1, NumberStyle::Vi) == "1.234,6");
    CHECK(format_decimal(-0.04, 1, NumberStyle::En) == "0.0");  // no "-0.0"
}

TEST_CASE("the two ways of writing a number differ exactly by the marks: English , and . / Vietnamese . and ,") {
    // The same figure, the marks swapped: grouping and decimals are never mixed up between languages.
    auto swapped = [](std::string s) {
        for (char& c : s) c = c == ',' ? '.' : c == '.' ? ',' : c;
        return s;
    };
    for (const long long n : {0LL, 7LL, 999LL, 1000LL, 1250000LL, -45000LL, 120000000000LL}) {
        CAPTURE(n);
        const auto en = format_integer(n, NumberStyle::En), vi = format_integer(n, NumberStyle::Vi);
        CHECK(vi == swapped(en));
        CHECK(phrase_arg(MsgArg::grouped(n), Lang::Vi) == vi);
        CHECK(phrase_arg(MsgArg::grouped(n), Lang::En) == en);
    }
    CHECK(format_integer(1250000, NumberStyle::En) == "1,250,000");
    CHECK(format_integer(1250000, NumberStyle::Vi) == "1.250.000");
    for (const double p : {0.0, 3.25, 37.5, 100.0, 1234.56}) {
        CAPTURE(p);
        const auto en = format_percent(p, NumberStyle::En), vi = format_percent(p, NumberStyle::Vi);
        CHECK(vi == swapped(en));
        CHECK(phrase_arg(MsgArg::percent(p), Lang::Vi) == vi);
        CHECK(phrase_arg(MsgArg::percent(p), Lang::En) == en);
    }
    CHECK(format_percent(1234.56, NumberStyle::En) == "1,234.6 %");
    CHECK(format_percent(1234.56, NumberStyle::Vi) == "1.234,6 %");
    // Below a thousand an integer is the same in both; a decimal never is.
    CHECK(format_integer(999, NumberStyle::En) == format_integer(999, NumberStyle::Vi));
    CHECK(format_decimal(0.5, 1, NumberStyle::En) != format_decimal(0.5, 1, NumberStyle::Vi));
}

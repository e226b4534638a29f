#include <doctest/doctest.h>

#include "core/date.h"
#include "core/error.h"
#include "core/status.h"
#include "core/text.h"

using namespace dt;

TEST_CASE("dates parse in the forms people type, and impossible ones are refused") {
    CHECK(Date::parse_user("18/4/2025") == Date{2025, 4, 18});
    CHECK(Date::parse_user("18/04/2025") == Date{2025, 4, 18});
    CHECK(Date::parse_user("2025-04-18") == Date{2025, 4, 18});
    CHECK(Date::parse_user("29/02/2024") == Date{2024, 2, 29});
    CHECK_FALSE(Date::parse_user("31/02/2025"));
    CHECK_FALSE(Date::parse_user("29/02/2025"));
    CHECK_FALSE(Date::parse_user("2025-13-01"));
    CHECK_FALSE(Date::parse_user("1/1/25"));
    CHECK_FALSE(Date::parse_user("hôm nay"));
    CHECK_FALSE(Date::parse_user(""));
    CHECK(Date{2025, 4, 18}.vn() == "18/04/2025");
    CHECK(Date{2025, 4, 18}.iso() == "2025-04-18");
    CHECK(Date::last_of_month(2024, 2) == Date{2024, 2, 29});
    CHECK(Date{2025, 1, 1}.serial() - Date{2024, 12, 31}.serial() == 1);
    CHECK_THROWS_AS(parse_date_or_fail("31/02/2025", "The due date"), Error);
}

TEST_CASE("folding removes case and Vietnamese diacritics, including đ") {
    CHECK(fold("Giải Ngân") == "giai ngan");
    CHECK(fold("ĐẨY MẠNH đầu tư") == "day manh dau tu");
    CHECK(fold("Sở Nông nghiệp và Môi trường") == "so nong nghiep va moi truong");
    // NFD input folds to the same key as NFC input.
    CHECK(fold("Gia\xCC\x89i ngân") == fold("Giải ngân"));
}

TEST_CASE("NFC normalisation and field validation") {
    CHECK(to_nfc("Gia\xCC\x89i") == "Giải");
    CHECK_THROWS_AS(to_nfc("\xC3\x28"), Error);
    CHECK(collapse_spaces("a\xC2\xA0\t  b ") == "a b");
    CHECK(check_single_line("The owner", "  Nguyễn Văn A ", 50) == "Nguyễn Văn A");
    CHECK_THROWS_AS(check_single_line("The owner", "a\x01" "b", 50), Error);
    CHECK_THROWS_AS(check_single_line("The owner", "dòng\nhai", 50), Error);
    CHECK_THROWS_AS(check_single_line("The owner", std::string(100, 'x'), 50), Error);
}

TEST_CASE("timeliness buckets at several as-of dates") {
    const Date due{2025, 6, 30};
    SUBCASE("open before, on and after the deadline") {
        CHECK(bucket_of(Status::InProgress, due, std::nullopt, Date{2025, 6, 1}) == Bucket::OpenOnTime);
        CHECK(bucket_of(Status::InProgress, due, std::nullopt, Date{2025, 6, 30}) == Bucket::OpenOnTime);
        CHECK(bucket_of(Status::Blocked, due, std::nullopt, Date{2025, 7, 1}) == Bucket::OpenOverdue);
    }
    SUBCASE("done on time or late, judged by the day of completion") {
        CHECK(bucket_of(Status::Done, due, Date{2025, 6, 30}, Date{2025, 9, 1}) == Bucket::DoneOnTime);
        CHECK(bucket_of(Status::Done, due, Date{2025, 7, 2}, Date{2025, 9, 1}) == Bucket::DoneLate);
    }
    SUBCASE("a task completed later is still open when looking back before that day") {
        CHECK(bucket_of(Status::Done, due, Date{2025, 7, 2}, Date{2025, 7, 1}) == Bucket::OpenOverdue);
        CHECK(bucket_of(Status::Done, due, Date{2025, 6, 10}, Date{2025, 6, 1}) == Bucket::OpenOnTime);
    }
    SUBCASE("no deadline") {
        CHECK(bucket_of(Status::NotStarted, std::nullopt, std::nullopt, Date{2025, 7, 1}) == Bucket::NoDeadline);
    }
}

TEST_CASE("domain words round-trip") {
    for (auto s : {Status::NotStarted, Status::InProgress, Status::Done, Status::Blocked})
        CHECK(parse_status(to_string(s)) == s);
    for (auto b : {Bucket::DoneOnTime, Bucket::DoneLate, Bucket::OpenOnTime, Bucket::OpenOverdue, Bucket::NoDeadline})
        CHECK(parse_bucket(to_string(b)) == b);
    CHECK_FALSE(parse_status("finished"));
    CHECK_FALSE(parse_user_role("root"));
}

TEST_CASE("the on-time rate counts only assignments whose deadline has passed") {
    BucketTally t;
    const Date as_of{2025, 7, 15};
    t.add(Bucket::DoneOnTime, Date{2025, 6, 30}, as_of);  // passed, on time
    t.add(Bucket::OpenOverdue, Date{2025, 6, 30}, as_of);  // passed, late
    t.add(Bucket::DoneOnTime, Date{2025, 12, 31}, as_of);  // done early: not yet in the rate
    t.add(Bucket::NoDeadline, std::nullopt, as_of);
    CHECK(t.total == 4);
    CHECK(t.count(Bucket::DoneOnTime) == 2);
    CHECK(t.deadline_passed == 2);
    CHECK(t.on_time_rate() == doctest::Approx(50.0));
    CHECK(BucketTally{}.on_time_rate() == 0.0);
}

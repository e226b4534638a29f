#include <doctest/doctest.h>

#include "core/csv.h"
#include "core/error.h"
#include "core/money.h"

using namespace dt;

TEST_CASE("amounts: whole đồng, plain or grouped the Vietnamese way, nothing else") {
    CHECK(parse_vnd("1250000") == 1250000);
    CHECK(parse_vnd("1.250.000") == 1250000);
    CHECK(parse_vnd("250.000") == 250000);
    CHECK(parse_vnd("0") == 0);
    CHECK_FALSE(parse_vnd("-5"));
    CHECK_FALSE(parse_vnd("+5"));
    CHECK_FALSE(parse_vnd("1,250,000"));  // English grouping would read as decimals in Vietnamese
    CHECK_FALSE(parse_vnd("1250000.5"));
    CHECK_FALSE(parse_vnd("1.25"));
    CHECK_FALSE(parse_vnd("12.34.567"));
    CHECK_FALSE(parse_vnd("1.2345.678"));
    CHECK_FALSE(parse_vnd(".250"));
    CHECK_FALSE(parse_vnd("250."));
    CHECK_FALSE(parse_vnd("1 250 000"));
    CHECK_FALSE(parse_vnd("một triệu"));
    CHECK_FALSE(parse_vnd(""));
    CHECK_FALSE(parse_vnd("99999999999999999999"));
    CHECK(parse_vnd("1.000.000.000.000.000") == kMaxVnd);
    CHECK_FALSE(parse_vnd("1.000.000.000.000.001"));
    CHECK_THROWS_AS(parse_vnd_or_fail("1,5", "The amount"), Error);
    CHECK(group_thousands(1250000) == "1.250.000");
    CHECK(group_thousands(999) == "999");
    CHECK(percent_of(60, 120) == doctest::Approx(50.0));
    CHECK(percent_of(5, 0) == 0.0);
}

TEST_CASE("CSV: quotes, doubled quotes, CRLF, BOM and line numbers") {
    const auto records = parse_csv("\xEF\xBB\xBFproject_code,date,amount,note\r\nVD-1,2025-06-30,100,\"Ghi chú, có dấu phẩy\"\r\n"
                                   "VD-2,2025-07-01,200,\"dòng\nhai \"\"trích\"\"\"\nVD-3,2025-07-02,300,\n");
    REQUIRE(records.size() == 4);
    CHECK(records[0].fields[0] == "project_code");
    CHECK(records[1].fields[3] == "Ghi chú, có dấu phẩy");
    CHECK(records[2].fields[3] == "dòng\nhai \"trích\"");
    CHECK(records[3].line == 5);
    CHECK(records[3].fields.size() == 4);
    CHECK_THROWS_AS(parse_csv("a,\"b\nc"), Error);
    CHECK(csv_field("Sở Tài chính") == "Sở Tài chính");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
}

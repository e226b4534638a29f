// Issue 17, item 15: the CSV report neutralises text cells a spreadsheet would run as formulas.
#include <doctest/doctest.h>

#include "app/storage_advice.h"
#include "report/writers.h"
#include "support.h"

using namespace dt;

TEST_CASE("text_cell prefixes = + - @ tab and CR with an apostrophe, and leaves other text alone") {
    CHECK(report::csv_text_cell("=HYPERLINK(\"http://x\",\"y\")") == "'=HYPERLINK(\"http://x\",\"y\")");
    CHECK(report::csv_text_cell("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0");
    CHECK(report::csv_text_cell("-2+3") == "'-2+3");
    CHECK(report::csv_text_cell("@SUM(1+1)") == "'@SUM(1+1)");
    CHECK(report::csv_text_cell("\t=1") == "'\t=1");
    CHECK(report::csv_text_cell("\r=1") == "'\r=1");
    CHECK(report::csv_text_cell("Sở Tài chính") == "Sở Tài chính");
    CHECK(report::csv_text_cell("a=b") == "a=b");
    CHECK(report::csv_text_cell("").empty());
}

TEST_CASE("the CSV report writes an owner '=HYPERLINK(…)' and evidence '@SUM(…)' as text, numbers as they are") {
    test::TempDir dir;
    const std::string db = "--db " + app::shell_word((dir / "t.db").string());
    const std::string env = "DTRACK_PASSWORD='mật khẩu quản trị'";
    REQUIRE(test::run_dtrack(db + " init --admin admin", env).exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user admin update 7 --owner '=HYPERLINK(\"http://x.invalid\",\"Bấm\")'", env).exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user admin update 8 --owner '+cmd|calc'", env).exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user admin evidence add 7 --note '@SUM(1+1)'", env).exit_code == 0);
    const auto out = dir / "r.csv";
    REQUIRE(test::run_dtrack(db + " --user admin report --out " + app::shell_word(out.string()), env).exit_code == 0);
    const auto csv = test::read_text(out);
    CHECK(csv.find("'=HYPERLINK(") != std::string::npos);
    CHECK(csv.find(",=HYPERLINK(") == std::string::npos);
    CHECK(csv.find("\"=HYPERLINK(") == std::string::npos);
    CHECK(csv.find("'+cmd|calc") != std::string::npos);
    CHECK(csv.find(",+cmd") == std::string::npos);
    CHECK(csv.find("'@SUM(1+1)") != std::string::npos);
    // No cell starts with a formula character, whatever its quoting.
    for (const std::string bad : {",=", ",+", ",-", ",@", ",\"=", ",\"+", ",\"-", ",\"@"}) CHECK_MESSAGE(csv.find(bad) == std::string::npos, bad);
}

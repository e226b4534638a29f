// dtrack-bench on a small province, once: every figure is there and plausible. Not a timing
// test: the benchmark's figures are measured (README, Benchmarks), never asserted.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "support.h"

namespace {
int run(const std::string& args, const std::filesystem::path& out, const std::filesystem::path& err) {
    const std::string cmd = std::string(DT_BENCH_EXE) + " " + args + " >'" + out.string() + "' 2>'" + err.string() + "' </dev/null";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
}  // namespace

TEST_CASE("dtrack-bench generates a province and measures it as one JSON object") {
    dt::test::TempDir dir;
    const auto db = dir / "province.db";
    const auto out = dir / "out", err = dir / "err";
    REQUIRE_MESSAGE(run("generate --out '" + db.string() + "' --assignments 2000 --quiet", out, err) == 0,
                    dt::test::read_text(err));
    CHECK(dt::test::read_text(out).find("2000 assignments") != std::string::npos);
    // An existing file is kept unless --force.
    CHECK(run("generate --out '" + db.string() + "' --assignments 2000 --quiet", out, err) == 1);

    REQUIRE_MESSAGE(run("run --db '" + db.string() + "' --json", out, err) == 0, dt::test::read_text(err));
    const auto j = nlohmann::json::parse(dt::test::read_text(out));
    CHECK(j["assignments"] == 2000);
    for (const char* key : {"open_ms", "frame_tasks_ms", "frame_dashboard_ms", "filter_ms", "sort_ms", "update_ms",
                            "report_pdf_ms", "report_xlsx_ms"}) {
        INFO(key);
        REQUIRE(j.contains(key));
        const double v = j[key].get<double>();
        CHECK(std::isfinite(v));
        CHECK(v > 0.0);
        CHECK(v < 600000.0);  // ten minutes: a figure beyond that is a unit mistake, not a slow machine
    }
    REQUIRE(j.contains("updates_per_s"));
    CHECK(j["updates_per_s"].get<double>() > 1.0);
    REQUIRE(j.contains("rss_mb"));
    CHECK(j["rss_mb"].get<double>() > 1.0);
    CHECK(j["rss_mb"].get<double>() < 8192.0);
    // The report covers the first directive, a fifth of the province; the filter finds its theme.
    CHECK(j["report_assignments"] == 400);
    CHECK(j["filter_matches"] == 400);
    CHECK(j["spread"]["open_ms"]["n"].get<int>() >= 5);
    CHECK(j["spread"]["open_ms"]["min"].get<double>() <= j["open_ms"].get<double>());
}

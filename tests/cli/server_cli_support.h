#pragma once
// What the server CLI tests share (server_cli_test.cpp, server_migrate_test.cpp).
#include <doctest/doctest.h>

#include <iostream>
#include <string>
#include <vector>

#include "support.h"

namespace dt::test {

// A skip that shows: ctest reports the test as skipped (SKIP_REGULAR_EXPRESSION in CMakeLists.txt).
inline void skip(const std::string& why) {
    MESSAGE("SKIPPED (nothing was checked): " << why);
    std::cout << "SKIPPED (nothing was checked): " << why << std::endl;
}

// True with DT_TEST_PG set; otherwise says why the test checks nothing.
inline bool server_available() {
    if (test_pg_uri()) return true;
    skip("DT_TEST_PG is not set: the server tests run in scripts/pg_tests.sh (./test.sh's PostgreSQL pass)");
    return false;
}

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

inline std::string first_line(const std::string& text) {
    const auto lines = lines_of(text);
    REQUIRE_MESSAGE(!lines.empty(), "no rows");
    return lines.front();
}

// A tracker made by `dtrack server init` (administrator boss), with an agency user hanh of Sở Tài chính.
struct ServerTracker {
    PgDatabase db;
    ServerTracker() {
        const auto init = run_dtrack("--db '" + db.uri + "' server init --admin boss", "DTRACK_PASSWORD=boss-password-1");
        REQUIRE_MESSAGE(init.exit_code == 0, init.err);
        const auto add = run_dtrack("--db '" + db.uri_as("boss") + "' --user boss user add hanh --role agency --agency 'Sở Tài chính'",
                                    "DTRACK_PASSWORD=boss-password-1 DTRACK_NEW_PASSWORD=hanh-password-1");
        REQUIRE_MESSAGE(add.exit_code == 0, add.err);
    }
    std::string owner_query(const std::string& sql) const { return db.psql_owner(sql).out; }
};

}  // namespace dt::test

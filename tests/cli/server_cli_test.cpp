// dtrack against a PostgreSQL server (issue 12): signing in through DTRACK_PASSWORD, PGPASSWORD
// and ~/.pgpass, a viewer's read-only session, eight processes writing at once, two from one
// version, the server stopped and started again. migrate, backup and restore: server_migrate_test.cpp.
// Needs DT_TEST_PG (scripts/pg_tests.sh sets it inside pg_virtualenv, and DT_TEST_PG_CLUSTER for
// the test that stops the server); without it each test says SKIPPED and checks nothing.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <thread>

#include "server_cli_support.h"

using namespace dt;
using namespace dt::test;

TEST_CASE("server: sign-in through DTRACK_PASSWORD, PGPASSWORD and ~/.pgpass, a wrong or missing password is exit 3") {
    if (!server_available()) return;
    ServerTracker t;
    const std::string list = "--db '" + t.db.uri_as("hanh") + "' --user hanh list --agency 'Sở Tài chính'";
    // DTRACK_PASSWORD: the tracker's own variable, first.
    const auto by_dtrack = run_dtrack(list, "env -u PGPASSWORD DTRACK_PASSWORD=hanh-password-1");
    CHECK(by_dtrack.exit_code == 0);
    CHECK(by_dtrack.out.find("Sở Tài chính") != std::string::npos);
    CHECK(run_dtrack(list, "env -u PGPASSWORD DTRACK_PASSWORD=wrong-password-9").exit_code == 3);
    // PGPASSWORD: libpq's.
    const auto by_pg = run_dtrack(list, "env -u DTRACK_PASSWORD PGPASSWORD=hanh-password-1");
    CHECK(by_pg.exit_code == 0);
    CHECK(by_pg.out == by_dtrack.out);
    // ~/.pgpass: libpq's file, in a home of the test's own.
    TempDir home;
    const auto none = run_dtrack(list, "env -u DTRACK_PASSWORD -u PGPASSWORD HOME='" + home.path().string() + "'");
    CHECK(none.exit_code == 3);
    CHECK(none.err.find("Sign-in refused") != std::string::npos);
    {
        std::ofstream pgpass(home / ".pgpass");
        pgpass << "*:*:*:hanh:hanh-password-1\n";
    }
    chmod((home / ".pgpass").c_str(), 0600);
    const auto by_file = run_dtrack(list, "env -u DTRACK_PASSWORD -u PGPASSWORD HOME='" + home.path().string() + "'");
    CHECK(by_file.exit_code == 0);
    CHECK(by_file.out == by_dtrack.out);
}

TEST_CASE("server: a viewer cannot write (exit 3), and its session is read-only in the database itself") {
    if (!server_available()) return;
    ServerTracker t;
    const auto add = run_dtrack("--db '" + t.db.uri_as("boss") + "' --user boss user add xem --role viewer",
                                "DTRACK_PASSWORD=boss-password-1 DTRACK_NEW_PASSWORD=xem-password-1");
    REQUIRE_MESSAGE(add.exit_code == 0, add.err);
    const auto id = first_line(t.owner_query("SELECT min(id) FROM assignments"));
    const std::string as_viewer = "--db '" + t.db.uri_as("xem") + "' --user xem ";
    const std::string env = "DTRACK_PASSWORD=xem-password-1";
    CHECK(run_dtrack(as_viewer + "list --agency 'Sở Tài chính'", env).exit_code == 0);
    const auto write = run_dtrack(as_viewer + "update " + id + " --progress 10", env);
    CHECK(write.exit_code == 3);
    CHECK(run_dtrack(as_viewer + "report-settings signer_name 'Nguyễn Văn A'", env).exit_code == 3);
    CHECK(t.owner_query("SELECT version FROM assignments WHERE id = " + id) == "1\n");
    // Past the application: psql as the viewer gets a read-only transaction (its role's setting).
    CHECK(t.db.psql("xem", "xem-password-1", "SHOW default_transaction_read_only").out == "on\n");
    // Even what its grants allow (a table of its own, in the database's temporary space) is refused.
    const auto psql = t.db.psql("xem", "xem-password-1", "CREATE TEMP TABLE mine(a int)");
    CHECK(psql.out.find("cannot execute CREATE TABLE in a read-only transaction") != std::string::npos);
}

TEST_CASE("server: eight dtrack-stress processes x 200 updates of different assignments all land, journal complete") {
    if (!server_available()) return;
    ServerTracker t;
    const auto ids = lines_of(t.owner_query("SELECT id FROM assignments ORDER BY id LIMIT 40"));
    REQUIRE(ids.size() == 40);
    TempDir out;
    std::string cmd = "(";
    for (int p = 0; p < 8; ++p) {
        std::string mine;  // five assignments of its own
        for (int k = 0; k < 5; ++k) mine += (k ? "," : "") + ids[static_cast<std::size_t>(p * 5 + k)];
        cmd += std::string("'") + DT_STRESS_EXE + "' '" + t.db.uri + "' " + mine + " 200 > '" + (out / std::to_string(p)).string() +
               "' 2>&1 & ";
    }
    cmd += "wait)";
    REQUIRE(std::system(cmd.c_str()) == 0);
    for (int p = 0; p < 8; ++p) {
        CAPTURE(p);
        CHECK(read_text(out / std::to_string(p)) == "200 0\n");
    }
    // Every update journalled once, by the database's trigger, and every version counted.
    CHECK(t.owner_query("SELECT count(*) FROM journal WHERE field = 'owner'") == "1600\n");
    CHECK(t.owner_query("SELECT sum(version - 1) FROM assignments") == "1600\n");
    CHECK(t.owner_query("SELECT count(DISTINCT assignment_id) FROM journal WHERE field = 'owner'") == "40\n");
}

TEST_CASE("server: two dtrack processes update one assignment from one version: exactly one wins, the other exits 4") {
    if (!server_available()) return;
    ServerTracker t;
    const auto id = first_line(t.owner_query("SELECT a.id FROM assignments a JOIN agencies g ON g.id = a.agency_id "
                                             "WHERE g.name = 'Sở Tài chính' ORDER BY a.id LIMIT 1"));
    TempDir out;
    std::string cmd = "(";
    for (int p = 0; p < 2; ++p)
        cmd += "DTRACK_PASSWORD=hanh-password-1 '" + std::string(DT_DTRACK_EXE) + "' --db '" + t.db.uri_as("hanh") +
               "' --user hanh update " + id + " --progress " + std::to_string(30 + p) + " --expect-version 1 >/dev/null 2>'" +
               (out / ("err" + std::to_string(p))).string() + "'; echo $? > '" + (out / std::to_string(p)).string() + "' & ";
    cmd += "wait)";
    REQUIRE(std::system(cmd.c_str()) == 0);
    const auto a = read_text(out / "0"), b = read_text(out / "1");
    CHECK(((a == "0\n" && b == "4\n") || (a == "4\n" && b == "0\n")));
    CHECK(t.owner_query("SELECT version FROM assignments WHERE id = " + id) == "2\n");
    CHECK(t.owner_query("SELECT count(*) FROM journal WHERE field = 'progress' AND assignment_id = " + id) == "1\n");
}

TEST_CASE("server: stopped mid-session, dtrack exits 5 with one sentence and no password, started again it works") {
    if (!server_available()) return;
    const char* cluster = std::getenv("DT_TEST_PG_CLUSTER");  // "VERSION NAME" of pg_virtualenv's cluster
    if (cluster == nullptr || *cluster == '\0') {
        skip("DT_TEST_PG_CLUSTER is not set: this test stops and starts the server, which it does only to "
             "pg_tests.sh's throwaway cluster");
        return;
    }
    ServerTracker t;
    auto session = store::Store::open(t.db.uri);
    REQUIRE(!session->agencies().empty());
    // The password in the URI itself: it must not appear in any message.
    std::string with_password = t.db.uri_as("hanh");
    with_password.replace(with_password.find("hanh@"), 5, "hanh:hanh-password-1@");
    const std::string list = "--db '" + with_password + "' --user hanh list --agency 'Sở Tài chính'";
    const std::string env = "env -u DTRACK_PASSWORD -u PGPASSWORD";
    REQUIRE(run_dtrack(list, env).exit_code == 0);

    REQUIRE(std::system(("pg_ctlcluster " + std::string(cluster) + " stop -m fast >/dev/null 2>&1").c_str()) == 0);
    bool started = false;
    auto start = [&] {
        if (started) return;
        started = std::system(("pg_ctlcluster " + std::string(cluster) + " start >/dev/null 2>&1").c_str()) == 0;
        for (int i = 0; i < 100 && std::system("pg_isready -q") != 0; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
    };
    struct Restart {
        std::function<void()> f;
        ~Restart() { f(); }
    } restart{start};  // whatever a CHECK below does, the cluster runs again for the tests after this one

    // The open session: a storage error with one sentence.
    try {
        session->agencies();
        FAIL("no error from a stopped server");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Storage);
        CHECK(std::string(e.what()).find("cannot be reached") != std::string::npos);
    }
    const auto down = run_dtrack(list, env);
    CHECK(down.exit_code == 5);
    CHECK(lines_of(down.err).size() == 1);
    CHECK(down.err.find("cannot be reached") != std::string::npos);
    CHECK(down.err.find("hanh-password-1") == std::string::npos);
    CHECK(down.out.empty());

    start();
    REQUIRE(started);
    const auto up = run_dtrack(list, env);
    CHECK(up.exit_code == 0);
    CHECK(up.out.find("Sở Tài chính") != std::string::npos);
    // A new session works; the old one stays broken (the GUI reconnects, the CLI is one session).
    CHECK(!store::Store::open(t.db.uri)->agencies().empty());
}

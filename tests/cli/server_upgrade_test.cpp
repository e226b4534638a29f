// `dtrack server upgrade` (docs/SERVER.md, "Upgrades"): a server database at an older schema is
// upgraded by its owner, from which version to which; anyone else who connects meanwhile gets
// one sentence saying who must upgrade and how (ServerNeedsUpgrade, exit 3), not the server's
// refusal of a migration; a newer schema stays refused. Needs DT_TEST_PG (scripts/pg_tests.sh).
#include <doctest/doctest.h>

#include "server_cli_support.h"
#include "store/migrations.h"

using namespace dt;
using namespace dt::test;

TEST_CASE("server upgrade: an older schema upgraded by the owner, a clear refusal for others, a newer one refused") {
    if (!server_available()) return;
    const auto& steps = store::postgresql_migrations();
    REQUIRE(steps.size() >= 2);
    const int latest = steps.back().version, previous = steps[steps.size() - 2].version;
    PgDatabase db;
    {
        // The database as the previous version of the program left it.
        store::OpenOptions o;
        o.target_version = previous;
        REQUIRE(store::Store::open(db.uri, o)->schema_version() == previous);
    }
    // A clerk of an agency (a login role in the tracker's agency group) opens it with the new program.
    const std::string clerk = db.name + "_clerk";
    REQUIRE(db.psql_owner("CREATE ROLE " + clerk + " LOGIN PASSWORD 'clerk-password-1' IN ROLE " + db.name + "_agency")
                .exit_code == 0);
    const std::string as_clerk = "--db '" + db.uri_as(clerk) + "' --user " + clerk;
    const auto en = run_dtrack("--lang en " + as_clerk + " list", "DTRACK_PASSWORD=clerk-password-1");
    CHECK(en.exit_code == 3);
    CHECK(lines_of(en.err).size() == 1);
    CHECK(en.err.find("has schema " + std::to_string(previous) + ", older than this program's " + std::to_string(latest)) !=
          std::string::npos);
    CHECK(en.err.find("dtrack --db URI server upgrade") != std::string::npos);
    CHECK(en.err.find("permission denied") == std::string::npos);  // not the server's raw refusal
    const auto vi = run_dtrack("--lang vi " + as_clerk + " list", "DTRACK_PASSWORD=clerk-password-1");
    CHECK(vi.exit_code == 3);
    CHECK(vi.err.find("cũ hơn lược đồ " + std::to_string(latest)) != std::string::npos);
    CHECK(vi.err.find("văn phòng cần nâng cấp") != std::string::npos);
    // Nor may the clerk upgrade it.
    const auto clerk_upgrade = run_dtrack("--db '" + db.uri_as(clerk) + "' server upgrade", "PGPASSWORD=clerk-password-1");
    CHECK(clerk_upgrade.exit_code == 3);
    CHECK(clerk_upgrade.err.find("runs as the database's owner") != std::string::npos);
    CHECK(first_line(db.psql_owner("SELECT value FROM dtrack_meta WHERE key = 'schema_version'").out) ==
          std::to_string(previous));
    CHECK(run_dtrack("--db '" + db.uri + "' --user boss server upgrade").exit_code == 1);  // not as a tracker user

    // The owner upgrades: from which version to which.
    const auto up = run_dtrack("--db '" + db.uri + "' server upgrade");
    REQUIRE_MESSAGE(up.exit_code == 0, up.err);
    CHECK(up.out.find("from schema " + std::to_string(previous) + " to " + std::to_string(latest)) != std::string::npos);
    CHECK(first_line(db.psql_owner("SELECT value FROM dtrack_meta WHERE key = 'schema_version'").out) ==
          std::to_string(latest));
    // The clerk now gets past the schema (and is refused as no tracker user, a different sentence).
    const auto after = run_dtrack("--lang en " + as_clerk + " list", "DTRACK_PASSWORD=clerk-password-1");
    CHECK(after.err.find("server upgrade") == std::string::npos);
    // Again: nothing to do.
    const auto again = run_dtrack("--db '" + db.uri + "' server upgrade");
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("nothing to upgrade") != std::string::npos);

    // A schema newer than this program's: refused, upgrade or not, unchanged.
    REQUIRE(db.psql_owner("UPDATE dtrack_meta SET value = '" + std::to_string(latest + 1) + "' WHERE key = 'schema_version'")
                .exit_code == 0);
    const auto newer = run_dtrack("--lang en --db '" + db.uri + "' server upgrade");
    CHECK(newer.exit_code == 5);
    CHECK(newer.err.find("newer Directive Tracker") != std::string::npos);
    CHECK(first_line(db.psql_owner("SELECT value FROM dtrack_meta WHERE key = 'schema_version'").out) ==
          std::to_string(latest + 1));
}

TEST_CASE("server upgrade needs a server database") {
    TempDir dir;
    const auto r = run_dtrack("--db '" + (dir / "t.db").string() + "' server upgrade");
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("postgresql://") != std::string::npos);
}

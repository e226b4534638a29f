// Server mode (issue 12): attacks through psql by users who have a login, beyond the published
// list in pg_server_test.cpp. Each case failed before PostgreSQL migration 0010 closed its hole
// (docs/SERVER.md, "Attacks tried"). Needs DT_TEST_PG (scripts/pg_tests.sh); skipped without.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "support.h"

using namespace dt;
using namespace dt::test;

namespace {
const bool kNoServer = std::getenv("DT_TEST_PG") == nullptr;

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// A tracker made by `dtrack server init`: boss (office), hanh (Sở Tài chính), lan (Sở Xây
// dựng), vy (viewer); each password is NAME-password-1.
struct Attacked {
    PgDatabase db;
    Attacked() {
        const auto init = run_dtrack("--db '" + db.uri + "' server init --admin boss", "DTRACK_PASSWORD=boss-password-1");
        REQUIRE_MESSAGE(init.exit_code == 0, init.err);
        add("hanh", "--role agency --agency 'Sở Tài chính'");
        add("lan", "--role agency --agency 'Sở Xây dựng'");
        add("vy", "--role viewer");
    }
    void add(const std::string& name, const std::string& role) const {
        const auto r = run_dtrack("--db '" + db.uri_as("boss") + "' --user boss user add " + name + " " + role,
                                  "DTRACK_PASSWORD=boss-password-1 DTRACK_NEW_PASSWORD=" + name + "-password-1");
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    // Statements run one by one in ONE session (psql -f), each error printed and the next tried.
    std::string as(const std::string& user, const std::string& script) const {
        TempDir io;
        {
            std::ofstream(io / "in.sql") << script << "\n";
        }
        const std::string cmd = "PGPASSWORD=" + quoted(user + "-password-1") + " psql -X -q -t -A " + quoted(db.uri_as(user)) +
                                " -f '" + (io / "in.sql").string() + "' >'" + (io / "out").string() + "' 2>&1 </dev/null";
        const int status = std::system(cmd.c_str());  // each statement's outcome is in the output
        (void)status;
        return read_text(io / "out");
    }
    std::string owner(const std::string& sql) const { return db.psql_owner(sql).out; }
    std::string one(const std::string& sql) const { return first_line(owner(sql)); }
    std::string assignment_of(const std::string& agency, const std::string& extra = "") const {
        return one("SELECT a.id FROM assignments a JOIN agencies g ON g.id = a.agency_id WHERE g.name = '" + agency + "' " +
                   extra + " ORDER BY a.id LIMIT 1");
    }
    CommandResult dtrack_as(const std::string& user, const std::string& args) const {
        return run_dtrack("--db '" + db.uri_as(user) + "' --user " + user + " " + args, "DTRACK_PASSWORD=" + user + "-password-1");
    }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("psql attack: a temporary table never stands in for the tracker's own tables" * doctest::skip(kNoServer)) {
    Attacked t;
    const auto own = t.assignment_of("Sở Tài chính"), other = t.assignment_of("Sở Xây dựng");
    const auto lan_agency = t.one("SELECT id FROM agencies WHERE name = 'Sở Xây dựng'");
    // A users table of its own in which hanh belongs to Sở Xây dựng: row-level security asked
    // dtrack_my_agency(), which read it.
    t.as("hanh", "CREATE TEMP TABLE users AS SELECT id, name, " + lan_agency + "::bigint AS agency_id, active FROM public.users;\n"
                 "GRANT ALL ON pg_temp.users TO PUBLIC;\n"
                 "UPDATE assignments SET status = 'blocked' WHERE id = " + other + ";");
    CHECK(t.one("SELECT status FROM assignments WHERE id = " + other) == "not_started");
    // A journal of its own: the trigger's row went there, the change was in no journal.
    t.as("hanh", "CREATE TEMP TABLE journal (LIKE public.journal INCLUDING DEFAULTS);\n"
                 "ALTER TABLE pg_temp.journal ALTER id ADD GENERATED ALWAYS AS IDENTITY;\n"
                 "GRANT ALL ON pg_temp.journal TO PUBLIC; GRANT ALL ON ALL SEQUENCES IN SCHEMA pg_temp TO PUBLIC;\n"
                 "UPDATE assignments SET owner = 'ma' WHERE id = " + own + ";");
    CHECK(t.one("SELECT count(*) FROM journal WHERE field = 'owner' AND assignment_id = " + own) ==
          t.one("SELECT CASE WHEN owner = 'ma' THEN 1 ELSE 0 END FROM assignments WHERE id = " + own));
    // A dtrack_meta of its own saying client_clock = on: the journal took its backdated clock.
    t.as("hanh", "CREATE TEMP TABLE dtrack_meta AS SELECT * FROM public.dtrack_meta UNION ALL SELECT 'client_clock', 'on';\n"
                 "GRANT ALL ON pg_temp.dtrack_meta TO PUBLIC;\n"
                 "SET dtrack.now = '2020-01-01T00:00:00Z';\n"
                 "UPDATE assignments SET progress = 33 WHERE id = " + own + ";");
    CHECK(t.one("SELECT count(*) FROM journal WHERE at < '2021'") == "0");
    // A pg_database of its own naming it the owner: dtrack_is_admin() said yes, and
    // dtrack_set_password changed the administrator's password. A viewer could do it too.
    for (const char* who : {"hanh", "vy"}) {
        CAPTURE(who);
        t.as(who, "BEGIN READ WRITE;\n"
                  "CREATE TEMP TABLE pg_database AS SELECT datname, (SELECT oid FROM pg_roles WHERE rolname = session_user) "
                  "AS datdba FROM pg_catalog.pg_database;\n"
                  "GRANT ALL ON pg_temp.pg_database TO PUBLIC;\n"
                  "SELECT dtrack_set_password('boss', 'taken-over');\nCOMMIT;");
        CHECK(t.as("boss", "SELECT 'still boss'") == "still boss\n");
    }
    // The causes, for whatever a later migration adds: no tracker role makes temporary tables,
    // and every SECURITY DEFINER function searches pg_temp last.
    CHECK(t.owner("SELECT bool_or(has_database_privilege(g, current_database(), 'TEMPORARY')) FROM "
                  "unnest(ARRAY[dtrack_group('admin'), dtrack_group('agency'), dtrack_group('viewer')]) g") == "f\n");
    CHECK(t.owner("SELECT string_agg(proname, ' ') FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND prosecdef "
                  "AND NOT coalesce(proconfig, '{}') @> ARRAY['search_path=pg_catalog, public, pg_temp']") == "\n");
    CHECK(t.owner("SELECT count(*) > 10 FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND prosecdef") == "t\n");
}

TEST_CASE("psql attack: an agency changes its own assignment only as Service::update would" * doctest::skip(kNoServer)) {
    Attacked t;
    const auto own = t.assignment_of("Sở Tài chính");
    const auto version = [&] { return std::stoi(t.one("SELECT version FROM assignments WHERE id = " + own)); };
    const int v0 = version();
    // Versions: once at 2147483647 every later save, the office's too, failed "integer out of range".
    t.as("hanh", "UPDATE assignments SET version = 2147483647 WHERE id = " + own + ";");
    CHECK(version() == v0 + 1);
    t.owner("UPDATE assignments SET version = 1 WHERE id = " + own);  // each attack below on its own
    // The time of the change is the database's.
    t.as("hanh", "UPDATE assignments SET updated_at = '1999-01-01T00:00:00Z' WHERE id = " + own + ";");
    CHECK(t.one("SELECT updated_at FROM assignments WHERE id = " + own) != "1999-01-01T00:00:00Z");
    // Done without evidence, done at 40 %, done before the directive, an open one with a completion date.
    const auto refused = [&](const std::string& set) {
        CAPTURE(set);
        const auto out = t.as("hanh", "UPDATE assignments SET " + set + " WHERE id = " + own + " RETURNING 'changed';");
        CHECK(!has(out, "changed"));
        CHECK(has(out, "ERROR"));
    };
    refused("status = 'done', progress = 100, completed_on = '2025-06-01'");
    t.as("hanh", "INSERT INTO evidence(assignment_id, note, created_at) VALUES (" + own + ", 'Công văn 12', 'x');");
    refused("status = 'done', progress = 40, completed_on = '2025-06-01'");
    refused("status = 'done', progress = 100, completed_on = '1990-01-01'");
    refused("status = 'done', progress = 100, completed_on = '2999-01-01'");
    refused("status = 'done', progress = 100, completed_on = 'hôm qua'");
    refused("status = 'in_progress', completed_on = '2025-06-01'");
    refused("owner = repeat('x', 10000)");
    refused("proposals = repeat('x', 100000)");
    // The office's note is answered by marking the assignment done, not erased.
    t.owner("UPDATE assignments SET review_note = 'Thiếu biên bản' WHERE id = " + own);
    refused("review_note = NULL");
    // A closed assignment is no longer open work.
    t.owner("UPDATE assignments SET closed_on = '2025-07-01', closed_reason = 'Gộp' WHERE id = " + own);
    refused("status = 'blocked'");
    t.owner("UPDATE assignments SET closed_on = NULL, closed_reason = '', review_note = NULL WHERE id = " + own);
    // What the application does, the database lets through, including withdrawing the last
    // evidence of a done assignment (which reopens it with a note: refused before 0010).
    CHECK(t.dtrack_as("hanh", "update " + own + " --status done").exit_code == 0);
    const auto evidence = t.one("SELECT id FROM evidence WHERE assignment_id = " + own);
    const auto withdraw = t.dtrack_as("hanh", "evidence withdraw " + evidence + " --reason 'Nhầm tệp'");
    CHECK_MESSAGE(withdraw.exit_code == 0, withdraw.err);
    CHECK(t.one("SELECT status || ' ' || review_note FROM assignments WHERE id = " + own) ==
          "in_progress Minh chứng cuối cùng đã bị rút: Nhầm tệp");
}

TEST_CASE("psql attack: evidence and extension requests name who made them, when, with what" * doctest::skip(kNoServer)) {
    Attacked t;
    const auto own = t.assignment_of("Sở Tài chính");
    const auto with_due = t.assignment_of("Sở Tài chính", "AND a.due IS NOT NULL");
    const auto hanh = t.one("SELECT id FROM users WHERE name = 'hanh'"), boss = t.one("SELECT id FROM users WHERE name = 'boss'");
    // Its own id: the next ids of the sequence would have collided, nobody could add evidence.
    const auto next = std::to_string(std::stoll(t.one("SELECT coalesce(max(id), 0) FROM evidence")) + 1);
    CHECK(has(t.as("hanh", "INSERT INTO evidence(id, assignment_id, note, created_at) VALUES (" + next + ", " + own + ", 'x', 'x');"),
              "permission denied"));
    // Added "by the office", last year, with a file whose size and checksum lie.
    t.as("hanh", "INSERT INTO evidence(assignment_id, note, created_at, created_by, file_name, file_size, file_sha256, file_data) "
                 "VALUES (" + own + ", 'Báo cáo', '2019-01-01T00:00:00Z', " + boss + ", 'bc.pdf', 1, 'deadbeef', 'abc'::bytea);");
    CHECK(t.owner("SELECT created_by || ' ' || (created_at > '2020') || ' ' || file_size || ' ' || file_sha256 FROM evidence "
                  "WHERE note = 'Báo cáo'") ==
          hanh + " true 3 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n");
    // An attachment over the application's 20 MiB, a path for a name.
    CHECK(has(t.as("hanh", "INSERT INTO evidence(assignment_id, note, created_at, file_name, file_data) VALUES (" + own +
                               ", 'Lớn', 'x', 'a.pdf', decode(repeat('00', 21 * 1024 * 1024), 'hex'));"), "20 MiB"));
    CHECK(has(t.as("hanh", "INSERT INTO evidence(assignment_id, note, created_at, file_name, file_data) VALUES (" + own +
                               ", 'Đường dẫn', 'x', '../../etc/passwd', 'x'::bytea);"), "not a path"));
    CHECK(t.one("SELECT count(*) FROM evidence") == "1");
    // A withdrawal "by the office" on a chosen day; a reason without a withdrawal.
    const auto item = t.one("SELECT id FROM evidence");
    CHECK(has(t.as("hanh", "UPDATE evidence SET withdrawal_reason = 'x', withdrawn_by = " + boss + " WHERE id = " + item + ";"), "ERROR"));
    t.as("hanh", "UPDATE evidence SET withdrawn_at = '2000-01-01', withdrawn_by = " + boss + ", withdrawal_reason = 'Sai' WHERE id = " + item + ";");
    CHECK(t.owner("SELECT withdrawn_by || ' ' || (withdrawn_at > '2020') FROM evidence WHERE id = " + item) == hanh + " true\n");
    // An extension request with the chairman's decision already in it, a date that is no date,
    // another requester and a backdated request.
    CHECK(has(t.as("hanh", "INSERT INTO extension_requests(assignment_id, requested_due, reason, requested_at, decision_note) VALUES (" +
                               with_due + ", '2099-01-01', 'Thiếu vốn', 'x', 'Đồng ý');"), "permission denied"));
    CHECK(has(t.as("hanh", "INSERT INTO extension_requests(assignment_id, requested_due, reason, requested_at) VALUES (" + with_due +
                               ", 'sang năm', 'Thiếu vốn', 'x');"), "ERROR"));
    t.as("hanh", "INSERT INTO extension_requests(assignment_id, requested_due, reason, requested_by, requested_at) VALUES (" + with_due +
                 ", '2099-01-01', 'Thiếu vốn', " + boss + ", '2019-01-01T00:00:00Z');");
    CHECK(t.owner("SELECT requested_by || ' ' || (requested_at > '2020') FROM extension_requests") == hanh + " true\n");
    // Ids burnt from any sequence.
    CHECK(has(t.as("hanh", "SELECT nextval('journal_id_seq');"), "permission denied"));
}

TEST_CASE("psql attack: the journal names the connected user at the database's time, the office's rows too" * doctest::skip(kNoServer)) {
    Attacked t;
    const auto hanh = t.one("SELECT id FROM users WHERE name = 'hanh'");
    t.as("boss", "INSERT INTO journal(at, user_id, user_name, entity, entity_id, field, new_value) "
                 "VALUES ('2019-01-01T00:00:00Z', " + hanh + ", 'hanh', 'user', 1, 'note', 'giả mạo');");
    CHECK(t.owner("SELECT user_name || ' ' || (at > '2020') FROM journal WHERE new_value = 'giả mạo'") == "boss true\n");
}

TEST_CASE("psql attack: kept states only as the application keeps them, never by a viewer" * doctest::skip(kNoServer)) {
    Attacked t;
    // Each call copied every assignment: any day, 1900's included, as often as one liked.
    CHECK(has(t.as("hanh", "SELECT dtrack_keep_states('1900-01-07');"), "ERROR"));
    CHECK(has(t.as("hanh", "SELECT dtrack_keep_states('2099-01-04');"), "ERROR"));
    const auto sunday = t.one("SELECT to_char(current_date - extract(isodow FROM current_date)::int, 'YYYY-MM-DD')");
    CHECK(has(t.as("vy", "BEGIN READ WRITE;\nSELECT dtrack_keep_states('" + sunday + "');\nCOMMIT;"), "ERROR"));
    CHECK(t.one("SELECT count(*) FROM kept_days") == "0");
    // The week's end Service::rewind asks for: kept.
    CHECK(!has(t.as("hanh", "SELECT dtrack_keep_states('" + sunday + "');"), "ERROR"));
    CHECK(t.one("SELECT string_agg(day, ' ') FROM kept_days") == sunday);
}

TEST_CASE("psql attack: one login cannot take every connection of the server" * doctest::skip(kNoServer)) {
    Attacked t;
    // Without a limit, a hundred psql sessions of one agency left no connection for anyone.
    CHECK(t.owner("SELECT string_agg(rolname || '=' || rolconnlimit, ' ' ORDER BY rolname) FROM pg_roles "
                  "WHERE rolname IN ('boss', 'hanh', 'lan', 'vy')") == "boss=10 hanh=10 lan=10 vy=10\n");
    CHECK(has(t.as("hanh", "ALTER ROLE hanh CONNECTION LIMIT -1;"), "permission denied"));
}

TEST_CASE("psql attack: a viewer writes nothing, even after turning its read-only default off" * doctest::skip(kNoServer)) {
    Attacked t;
    const auto own = t.assignment_of("Sở Tài chính");
    const auto before = t.owner("SELECT count(*) FROM journal; SELECT version FROM assignments WHERE id = " + own);
    const auto out = t.as("vy", "SET default_transaction_read_only = off;\n"
                                "UPDATE assignments SET status = 'blocked' WHERE id = " + own + ";\n"
                                "BEGIN READ WRITE;\nINSERT INTO evidence(assignment_id, note, created_at) VALUES (" + own + ", 'x', 'x');\nCOMMIT;\n"
                                "INSERT INTO settings VALUES ('x', 'y');\n"
                                "CREATE TEMP TABLE mine(a int);\n");
    CHECK(out.find("permission denied for table assignments") != std::string::npos);
    CHECK(out.find("permission denied for table evidence") != std::string::npos);
    CHECK(out.find("permission denied for table settings") != std::string::npos);
    CHECK(out.find("permission denied to create temporary tables") != std::string::npos);
    CHECK(t.owner("SELECT count(*) FROM journal; SELECT version FROM assignments WHERE id = " + own) == before);
}

TEST_CASE("psql attack: the office cannot take over another application's login or make a group a login" * doctest::skip(kNoServer)) {
    Attacked t;
    // Another application's login in the same cluster, holding a grant there.
    const std::string other = t.db.name + "_app";
    t.owner("CREATE ROLE " + other + " LOGIN PASSWORD 'app-secret'; GRANT CONNECT ON DATABASE " + t.db.name + " TO " + other);
    const auto add = run_dtrack("--db '" + t.db.uri_as("boss") + "' --user boss user add " + other + " --role viewer",
                                "DTRACK_PASSWORD=boss-password-1 DTRACK_NEW_PASSWORD=boss-chose-this-1");
    CHECK(add.exit_code != 0);
    CHECK(t.owner("SELECT count(*) FROM pg_auth_members a JOIN pg_roles m ON m.oid = a.member WHERE m.rolname = '" + other + "'") == "0\n");
    // Its group role made a login with a password, no user row behind it.
    CHECK(has(t.as("boss", "SELECT dtrack_set_login(dtrack_group('admin'), true);"), "ERROR"));
    CHECK(t.owner("SELECT rolcanlogin FROM pg_roles WHERE rolname = dtrack_group('admin')") == "f\n");
    t.owner("REVOKE CONNECT ON DATABASE " + t.db.name + " FROM " + other + "; REVOKE ALL ON SCHEMA public FROM " + other);
    t.owner("DROP OWNED BY " + other + "; DROP ROLE " + other);
}

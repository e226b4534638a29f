// dtrack migrate (a tracker file into a server database) and server backups (pg_dump, pg_restore),
// through the real dtrack. Needs DT_TEST_PG (scripts/pg_tests.sh); without it each test says
// SKIPPED and checks nothing.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

#include "server_cli_support.h"

using namespace dt;
using namespace dt::test;

namespace {
const char* const kTables[] = {"agencies", "agency_aliases", "group_members", "users", "directives", "amendments", "sections", "tasks",
                               "assignments", "evidence", "journal", "settings", "investors", "projects", "disbursements",
                               "ladder_milestones", "reports", "extension_requests", "sessions"};

std::string sq(const std::string& s) { return "'" + s + "'"; }

// A tracker file with every kind of row: users of each role (one deactivated), updates, evidence
// with an attachment and a withdrawn one, an extension asked and approved, a completion sent
// back, difficulties and proposals, an investor, a project, an entry, a milestone, a setting, a
// recorded report and a command-line session.
struct FullFile {
    TempDir dir;
    std::filesystem::path db = dir / "tracker.db";
    std::string admin, agency;
    FullFile() {
        const auto at = "--db " + sq(db.string()) + " ";
        admin = at + "--user quantri ";
        agency = at + "--user lanstc ";
        const std::string a_env = "HOME=" + sq(dir.path().string()) + " DTRACK_PASSWORD=quantri-password-1";
        const std::string l_env = "HOME=" + sq(dir.path().string()) + " DTRACK_PASSWORD=lanstc-password-1";
        auto ok = [](const CommandResult& r) { REQUIRE_MESSAGE(r.exit_code == 0, r.err); return r.out; };
        ok(run_dtrack(at + "init --admin quantri", a_env));
        ok(run_dtrack(admin + "user add lanstc --role agency --agency 'Sở Tài chính' --full-name 'Nguyễn Thị Lan'",
                      a_env + " DTRACK_NEW_PASSWORD=lanstc-password-1"));
        ok(run_dtrack(admin + "user add xemtin --role viewer", a_env + " DTRACK_NEW_PASSWORD=xemtin-password-1"));
        ok(run_dtrack(admin + "user add cuvien --role viewer", a_env + " DTRACK_NEW_PASSWORD=cuvien-password-1"));
        ok(run_dtrack(admin + "user deactivate cuvien", a_env));
        SQLite::Database raw(db.string(), SQLite::OPEN_READONLY);
        SQLite::Statement q(raw, "SELECT a.id FROM assignments a JOIN agencies g ON g.id = a.agency_id "
                                 "WHERE g.name = 'Sở Tài chính' ORDER BY a.due IS NULL, a.id LIMIT 2");
        std::vector<std::string> ids;
        while (q.executeStep()) ids.push_back(q.getColumn(0).getString());
        REQUIRE(ids.size() == 2);
        const auto file = dir / "ke-hoach.txt";
        std::ofstream(file) << "Kế hoạch số 12/KH-STC thực hiện Chỉ thị 07\n";
        // ids[0] has a deadline (an extension needs one); ids[1] goes through done and back.
        ok(run_dtrack(agency + "update " + ids[1] + " --status in_progress --progress 40 --owner 'Nguyễn Văn An'", l_env));
        ok(run_dtrack(agency + "evidence add " + ids[1] + " --note 'Đã ban hành kế hoạch' --doc-ref 12/KH-STC --file " +
                          sq(file.string()), l_env));
        ok(run_dtrack(agency + "update " + ids[1] + " --status done", l_env));
        ok(run_dtrack(admin + "review " + ids[1] + " --reason 'Thiếu báo cáo kết quả'", a_env));
        ok(run_dtrack(agency + "propose " + ids[1] + " --difficulties 'Thiếu kinh phí' --proposals 'Bổ sung vốn'", l_env));
        ok(run_dtrack(agency + "evidence add " + ids[0] + " --note 'Công văn nhầm'", l_env));
        ok(run_dtrack(agency + "evidence withdraw 2 --reason 'Gửi nhầm văn bản'", l_env));
        ok(run_dtrack(agency + "extension request " + ids[0] + " --to 2027-06-30 --reason 'Chờ bố trí vốn'", l_env));
        ok(run_dtrack(admin + "extension approve 1 --note 'Đồng ý'", a_env));
        ok(run_dtrack(admin + "amendment add 123/UBND-TH --date 05/06/2025 --kind 'Công văn' --summary 'Lùi thời hạn báo cáo'", a_env));
        ok(run_dtrack(admin + "invest investor add 'Ban Quản lý dự án đầu tư xây dựng tỉnh'", a_env));
        ok(run_dtrack(admin + "invest project add DA-2026-0001 --investor 'Ban Quản lý dự án đầu tư xây dựng tỉnh' "
                              "--name 'Đường vào xã Quang Trung' --year 2026 --plan-assigned 1000000000 --plan-total 1100000000",
                      a_env));
        ok(run_dtrack(admin + "invest record DA-2026-0001 --date 2026-03-02 --amount 250000000 --note 'Đợt 1'", a_env));
        ok(run_dtrack(admin + "invest ladder set 2026-06-30 100", a_env));
        ok(run_dtrack(admin + "report-settings signer_name 'Nguyễn Văn Lâm'", a_env));
        ok(run_dtrack(admin + "report --since 2026-01-01 --out " + sq((dir / "first.pdf").string()), a_env));
        ok(run_dtrack(admin + "login", a_env));
    }
    std::int64_t count(const std::string& table) const {
        SQLite::Database raw(db.string(), SQLite::OPEN_READONLY);
        return raw.execAndGet("SELECT count(*) FROM " + table).getInt64();
    }
};

std::int64_t pg_count(const PgDatabase& db, const std::string& table) {
    return std::stoll(first_line(db.psql_owner("SELECT count(*) FROM " + table).out));
}

std::string all_counts(const PgDatabase& db) {
    std::string sql;
    for (const char* t : kTables) sql += std::string("SELECT '") + t + "', count(*) FROM " + t + ";";
    return db.psql_owner(sql).out;
}

std::string csv_report(const std::string& db, const std::string& user, const std::string& password, const TempDir& dir,
                       const std::string& name) {
    const auto out = dir / name;
    const auto r = run_dtrack("--db " + sq(db) + " --user " + user + " report --as-of " + Date::today().iso() +
                                  " --since 2026-01-01 --out " + sq(out.string()),
                              "HOME=" + sq(dir.path().string()) + " DTRACK_PASSWORD=" + password);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return read_text(out);
}
}  // namespace

TEST_CASE("server: migrate copies a file with every kind of row, counts, the CSV report and check agree, a second migrate changes nothing") {
    if (!server_available()) return;
    FullFile f;
    PgDatabase target;
    const auto init = run_dtrack("--db " + sq(target.uri) + " server init --admin boss", "DTRACK_PASSWORD=boss-password-1");
    REQUIRE_MESSAGE(init.exit_code == 0, init.err);

    // A passwords file others can read is refused before anything happens.
    const auto passwords = f.dir / "passwords";
    std::ofstream(passwords) << "# người dùng:mật khẩu\nquantri:quantri-password-1\nlanstc:mật:khẩu mới 2026\n";
    chmod(passwords.c_str(), 0644);
    const auto open_file = run_dtrack("migrate --from " + sq(f.db.string()) + " --to " + sq(target.uri) +
                                      " --passwords " + sq(passwords.string()));
    CHECK(open_file.exit_code == 2);
    CHECK(open_file.err.find("chmod 600") != std::string::npos);
    // Still server init's own: the administrator, the seed directive, the registry's agencies (by the system).
    CHECK(pg_count(target, "journal") == pg_count(target, "agencies") + 2);
    chmod(passwords.c_str(), 0600);

    const auto migrate = run_dtrack("migrate --from " + sq(f.db.string()) + " --to " + sq(target.uri) +
                                    " --passwords " + sq(passwords.string()));
    REQUIRE_MESSAGE(migrate.exit_code == 0, migrate.err);
    // Who still needs a password is named (a deactivated user is not: it cannot sign in anyway).
    CHECK(migrate.out.find("need a new password") != std::string::npos);
    CHECK(migrate.out.find("  xemtin\n") != std::string::npos);
    CHECK(migrate.out.find("  cuvien") == std::string::npos);
    CHECK(migrate.out.find("  lanstc") == std::string::npos);

    for (const char* table : kTables) {
        CAPTURE(table);
        CHECK(f.count(table) > 0);  // the file does hold every kind of row
        CHECK(pg_count(target, table) == f.count(table) + (std::string(table) == "users" ? 1 : 0));  // + boss, kept
    }
    // The journal as it was, row for row (times and names included), and not one row more.
    {
        SQLite::Database raw(f.db.string(), SQLite::OPEN_READONLY);
        const std::string rows = "id || '|' || at || '|' || user_name || '|' || field || '|' || coalesce(new_value, '')";
        const auto in_file = raw.execAndGet("SELECT group_concat(r, char(10)) FROM (SELECT " + rows + " AS r FROM journal ORDER BY id)")
                                 .getString();
        CHECK(target.psql_owner("SELECT string_agg(" + rows + ", chr(10) ORDER BY id) FROM journal").out == in_file + "\n");
    }
    CHECK(target.psql_owner("SELECT file_size, file_sha256 IS NOT NULL, length(file_data) FROM evidence WHERE id = 1").out ==
          std::to_string(std::filesystem::file_size(f.dir / "ke-hoach.txt")) + "|t|" +
              std::to_string(std::filesystem::file_size(f.dir / "ke-hoach.txt")) + "\n");
    // Deactivated users cannot log in; the others are roles of this tracker's groups.
    CHECK(target.psql_owner("SELECT rolname || ' ' || rolcanlogin FROM pg_roles WHERE rolname IN ('cuvien', 'lanstc') ORDER BY 1").out ==
          "cuvien false\nlanstc true\n");
    // The agency signs in with the password from the file and sees its work.
    const auto lan = run_dtrack("--db " + sq(target.uri_as("lanstc")) + " --user lanstc list --agency 'Sở Tài chính'",
                                "DTRACK_PASSWORD='mật:khẩu mới 2026'");
    CHECK(lan.exit_code == 0);
    CHECK(lan.out.find("Sở Tài chính") != std::string::npos);

    // The same report, byte for byte, and both databases healthy.
    TempDir out;
    const auto from_file = csv_report(f.db.string(), "quantri", "quantri-password-1", out, "file.csv");
    const auto from_server = csv_report(target.uri_as("quantri"), "quantri", "quantri-password-1", out, "server.csv");
    CHECK(from_file.size() > 1000);
    CHECK(from_file == from_server);
    const auto check_file = run_dtrack("--db " + sq(f.db.string()) + " check");
    CHECK_MESSAGE(check_file.exit_code == 0, check_file.err);
    const auto check_server = run_dtrack("--db " + sq(target.uri) + " check");
    CHECK_MESSAGE(check_server.exit_code == 0, check_server.err);

    // Again into the same database: refused, nothing changed.
    const auto before = all_counts(target);
    const auto again = run_dtrack("migrate --from " + sq(f.db.string()) + " --to " + sq(target.uri));
    CHECK(again.exit_code == 2);
    CHECK(again.err.find("already holds a tracker's work") != std::string::npos);
    CHECK(all_counts(target) == before);
}

TEST_CASE("server: migrate refuses a stranger in the passwords file and a target that is not a tracker, changing nothing") {
    if (!server_available()) return;
    TempDir dir;
    const auto file = dir / "t.db";
    REQUIRE(run_dtrack("--db " + sq(file.string()) + " init --admin quantri", "DTRACK_PASSWORD=quantri-password-1").exit_code == 0);
    PgDatabase target;
    // An empty database: server init comes first.
    const auto empty = run_dtrack("migrate --from " + sq(file.string()) + " --to " + sq(target.uri));
    CHECK(empty.exit_code == 5);
    CHECK(empty.err.find("server init") != std::string::npos);
    REQUIRE(run_dtrack("--db " + sq(target.uri) + " server init --admin boss", "DTRACK_PASSWORD=boss-password-1").exit_code == 0);
    const auto before = all_counts(target);
    const auto passwords = dir / "passwords";
    std::ofstream(passwords) << "quantri:quantri-password-1\nnguoila:nguoila-password-1\n";
    chmod(passwords.c_str(), 0600);
    const auto stranger = run_dtrack("migrate --from " + sq(file.string()) + " --to " + sq(target.uri) + " --passwords " +
                                     sq(passwords.string()));
    CHECK(stranger.exit_code == 2);
    CHECK(stranger.err.find("nguoila") != std::string::npos);
    CHECK(all_counts(target) == before);
    CHECK(target.psql_owner("SELECT count(*) FROM pg_roles WHERE rolname = 'quantri'").out == "0\n");  // rolled back too
    // A tracker user is not the owner: refused.
    const auto as_boss = run_dtrack("migrate --from " + sq(file.string()) + " --to " + sq(target.uri_as("boss")),
                                    "PGPASSWORD=boss-password-1");
    CHECK(as_boss.exit_code == 3);
    CHECK(all_counts(target) == before);
    // An agency added by hand after server init is the office's work: refused, not replaced.
    const auto added = run_dtrack("--db " + sq(target.uri_as("boss")) + " --user boss agency add 'Trung tâm Thử nghiệm Chuyển đổi số' "
                                  "--kind department", "DTRACK_PASSWORD=boss-password-1");
    REQUIRE_MESSAGE(added.exit_code == 0, added.err);
    const auto with_agency = all_counts(target);
    const auto refused = run_dtrack("migrate --from " + sq(file.string()) + " --to " + sq(target.uri));
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("1 journalled changes") != std::string::npos);
    CHECK(all_counts(target) == with_agency);
}

TEST_CASE("server: backup (pg_dump) and restore (pg_restore) into a new empty database give the same CSV report") {
    if (!server_available()) return;
    ServerTracker t;
    const auto id = first_line(t.owner_query("SELECT a.id FROM assignments a JOIN agencies g ON g.id = a.agency_id "
                                             "WHERE g.name = 'Sở Tài chính' ORDER BY a.id LIMIT 1"));
    REQUIRE(run_dtrack("--db " + sq(t.db.uri_as("hanh")) + " --user hanh update " + id + " --status in_progress --progress 35",
                       "DTRACK_PASSWORD=hanh-password-1").exit_code == 0);
    TempDir dir;
    const auto backup = dir / "tracker.dump";
    // As the owner; its password only in the URI, which pg_dump never sees: it gets it from the environment.
    const auto made = run_dtrack("--db " + sq(t.db.uri) + " backup " + sq(backup.string()), "env -u PGPASSWORD");
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    struct stat st {};
    REQUIRE(stat(backup.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(read_text(backup).rfind("PGDMP", 0) == 0);
    // Not over an existing file; not as a tracker user; not without pg_dump.
    CHECK(run_dtrack("--db " + sq(t.db.uri) + " backup " + sq(backup.string())).exit_code == 2);
    CHECK(run_dtrack("--db " + sq(t.db.uri_as("boss")) + " --user boss backup " + sq((dir / "b2").string()),
                     "DTRACK_PASSWORD=boss-password-1").exit_code == 1);
    const auto no_tool = run_dtrack("--db " + sq(t.db.uri) + " backup " + sq((dir / "b3").string()), "PATH=/nonexistent");
    CHECK(no_tool.exit_code == 5);
    CHECK(no_tool.err.find("pg_dump was not found") != std::string::npos);
    CHECK(!std::filesystem::exists(dir / "b3"));

    PgDatabase copy;
    const auto restored = run_dtrack("--db " + sq(copy.uri) + " restore " + sq(backup.string()));
    REQUIRE_MESSAGE(restored.exit_code == 0, restored.err);
    // Into a database that is not empty: refused with a sentence, nothing changed.
    const auto twice = run_dtrack("--db " + sq(copy.uri) + " restore " + sq(backup.string()));
    CHECK(twice.exit_code == 2);
    CHECK(twice.err.find("not empty") != std::string::npos);
    CHECK(lines_of(twice.err).size() == 1);
    // Not a server backup: refused.
    const auto other = dir / "other.dump";
    std::ofstream(other) << "SQLite format 3";
    PgDatabase third;
    CHECK(run_dtrack("--db " + sq(third.uri) + " restore " + sq(other.string())).exit_code == 2);

    const auto original = csv_report(t.db.uri_as("boss"), "boss", "boss-password-1", dir, "original.csv");
    const auto again = csv_report(copy.uri_as("boss"), "boss", "boss-password-1", dir, "restored.csv");
    CHECK(original.size() > 1000);
    CHECK(original == again);
    CHECK(copy.psql_owner("SELECT count(*) FROM journal").out == t.owner_query("SELECT count(*) FROM journal"));
    // The restored database still enforces the roles: an agency cannot delete the journal.
    CHECK(copy.psql("hanh", "hanh-password-1", "DELETE FROM journal").out.find("permission denied") != std::string::npos);
}

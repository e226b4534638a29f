// End-to-end: the real dtrack executable, its output and its exit codes (DESIGN.md §5).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <random>

#include "core/csv.h"
#include "support.h"

using nlohmann::json;
using dt::test::run_dtrack;

namespace {
const std::string kAdminEnv = "DTRACK_PASSWORD='mật khẩu quản trị'";

struct SeededDb {
    dt::test::TempDir dir;
    std::string db;
    SeededDb() : db("--db '" + (dir / "tracker.db").string() + "'") {
        const auto r = run_dtrack(db + " init --admin admin", kAdminEnv);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    dt::test::CommandResult as_admin(const std::string& args) const {
        return run_dtrack(db + " --user admin " + args, kAdminEnv);
    }
    json list(const std::string& args = "") const {
        const auto r = as_admin("list --json " + args);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return json::parse(r.out);
    }
    long long id_of(const std::string& ref, const std::string& agency) const {
        for (const auto& row : list("--agency '" + agency + "'"))
            if (row["task_ref"] == ref) return row["id"].get<long long>();
        FAIL("no assignment " << ref << " for " << agency);
        return 0;
    }
    int count(const std::string& sql) const {
        SQLite::Database raw((dir / "tracker.db").string(), SQLite::OPEN_READONLY);
        return raw.execAndGet(sql).getInt();
    }
};
}  // namespace

TEST_CASE("init seeds the registry and 07/CT-UBND, list --json has the contract's fields") {
    SeededDb s;
    const auto rows = s.list();
    REQUIRE(rows.size() > 100);
    for (const char* key : {"id", "task_ref", "section", "agency", "role", "status", "bucket", "progress", "due",
                            "owner", "version", "title"})
        CHECK_MESSAGE(rows[0].contains(key), key);
    // The commitment letter task 1.a.3 is due 18/4/2025 for Sở Tài chính among others.
    const auto id = s.id_of("1.a.3", "Sở Tài chính");
    const auto show = json::parse(s.as_admin("show " + std::to_string(id) + " --json").out);
    CHECK(show["due"] == "2025-04-18");
    CHECK(show["directive"] == "07/CT-UBND");
    // A second init changes nothing and keeps the users.
    CHECK(run_dtrack(s.db + " init", "").exit_code == 0);
    CHECK(s.count("SELECT count(*) FROM directives") == 1);
    CHECK(s.count("SELECT count(*) FROM users") == 1);
}

TEST_CASE("list filters: search without diacritics, bucket at an as-of date, section") {
    SeededDb s;
    const auto plain = s.list("--search 'giai ngan'");
    const auto accented = s.list("--search 'GIẢI NGÂN'");
    CHECK(plain.size() > 0);
    CHECK(plain.size() == accented.size());
    const auto overdue = s.list("--bucket open_overdue --as-of 01/05/2025");
    for (const auto& row : overdue) CHECK(row["due"] == "2025-04-18");
    CHECK(overdue.size() > 0);
    CHECK(s.list("--bucket open_overdue --as-of 2025-04-01").empty());
    for (const auto& row : s.list("--section 4")) CHECK(row["section"] == "4");
}

TEST_CASE("exit codes") {
    SeededDb s;
    const auto id = std::to_string(s.id_of("1.b.1", "Sở Tài chính"));
    const int journal_before = s.count("SELECT count(*) FROM journal");

    SUBCASE("1: usage") {
        CHECK(run_dtrack(s.db + " frobnicate", "").exit_code == 1);
        CHECK(run_dtrack(s.db + " --user admin update", kAdminEnv).exit_code == 1);
        CHECK(s.as_admin("update " + id).exit_code == 1);  // nothing to change
    }
    SUBCASE("2: invalid input, nothing changed") {
        CHECK(s.as_admin("update " + id + " --progress 150").exit_code == 2);
        CHECK(s.as_admin("update " + id + " --progress nhiều").exit_code == 2);
        CHECK(s.as_admin("update " + id + " --due 31/02/2025").exit_code == 2);
        CHECK(s.as_admin("update " + id + " --status finished").exit_code == 2);
        CHECK(s.as_admin("update 9999999 --progress 10").exit_code == 2);
        CHECK(s.as_admin("update abc --progress 10").exit_code == 2);
        CHECK(s.as_admin("update " + id + " --status done").exit_code == 2);  // no evidence yet
        CHECK(s.as_admin("list --as-of 2025-02-30").exit_code == 2);
        const auto r = s.as_admin("show 424242");
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("424242") != std::string::npos);
        CHECK(s.count("SELECT count(*) FROM journal") == journal_before);
    }
    SUBCASE("3: permission denied") {
        CHECK(run_dtrack(s.db + " list", "").exit_code == 3);  // users exist: sign in
        CHECK(run_dtrack(s.db + " --user admin list", "DTRACK_PASSWORD=sai").exit_code == 3);
        CHECK(run_dtrack(s.db + " --user ai-do list", "DTRACK_PASSWORD=sai").exit_code == 3);
        REQUIRE(run_dtrack(s.db + " --user admin user add stc --role agency --agency 'Sở Tài chính'",
                           kAdminEnv + " DTRACK_NEW_PASSWORD='mật khẩu stc'").exit_code == 0);
        const std::string stc = " DTRACK_PASSWORD='mật khẩu stc'";
        CHECK(run_dtrack(s.db + " --user stc update " + id + " --progress 20", stc).exit_code == 0);
        const auto other = std::to_string(s.id_of("4.b", "Sở Khoa học và Công nghệ"));
        const auto denied = run_dtrack(s.db + " --user stc update " + other + " --progress 20", stc);
        CHECK(denied.exit_code == 3);
        CHECK(denied.err.find("Sở Khoa học và Công nghệ") != std::string::npos);
        CHECK(run_dtrack(s.db + " --user stc user add x --role viewer", stc + " DTRACK_NEW_PASSWORD=12345678").exit_code == 3);
    }
    SUBCASE("4: conflict on a stale version") {
        CHECK(s.as_admin("update " + id + " --owner 'Lê Văn Minh' --expect-version 1").exit_code == 0);
        const auto stale = s.as_admin("update " + id + " --owner 'Hoàng Thị Lan' --expect-version 1");
        CHECK(stale.exit_code == 4);
        const auto row = json::parse(s.as_admin("show " + id + " --json").out);
        CHECK(row["owner"] == "Lê Văn Minh");
        CHECK(row["version"] == 2);
    }
    SUBCASE("5: storage") {
        dt::test::TempDir other;
        std::ofstream(other / "junk.db") << std::string(8192, '\x7f');
        const auto junk = run_dtrack("--db '" + (other / "junk.db").string() + "' list", "");
        CHECK(junk.exit_code == 5);
        CHECK_FALSE(junk.err.empty());
        CHECK(run_dtrack("--db '" + (other / "missing.db").string() + "' list", "").exit_code == 5);
        {
            SQLite::Database raw((s.dir / "tracker.db").string(), SQLite::OPEN_READWRITE);
            raw.exec("PRAGMA user_version = 99");
        }
        const auto newer = s.as_admin("list");
        CHECK(newer.exit_code == 5);
        CHECK(newer.err.find("newer") != std::string::npos);
    }
}

TEST_CASE("evidence, done and history through the CLI") {
    SeededDb s;
    const auto id = std::to_string(s.id_of("1.a.3", "Sở Tài chính"));
    dt::test::TempDir files;
    std::ofstream(files / "cam-ket.txt") << "Văn bản cam kết giải ngân";
    CHECK(s.as_admin("evidence add " + id + " --note 'Đã gửi văn bản cam kết' --doc-ref '112/CK-STC' --doc-date 17/04/2025 --file '" +
                     (files / "cam-ket.txt").string() + "'").exit_code == 0);
    CHECK(s.as_admin("update " + id + " --status done --done-on 17/04/2025").exit_code == 0);
    const auto row = json::parse(s.as_admin("show " + id + " --json").out);
    CHECK(row["status"] == "done");
    CHECK(row["bucket"] == "done_on_time");
    CHECK(row["evidence"][0]["doc_ref"] == "112/CK-STC");
    CHECK(row["evidence"][0]["file_name"] == "cam-ket.txt");
    const auto history = json::parse(s.as_admin("history " + id + " --json").out);
    std::vector<std::string> fields;
    for (const auto& h : history) fields.push_back(h["field"]);
    CHECK(std::find(fields.begin(), fields.end(), "evidence") != fields.end());
    CHECK(std::find(fields.begin(), fields.end(), "status") != fields.end());

    SUBCASE("an attachment over 20 MiB is refused") {
        std::ofstream(files / "lon.bin", std::ios::binary) << std::string(20 * 1024 * 1024 + 1, 'x');
        const int before = s.count("SELECT count(*) FROM evidence");
        CHECK(s.as_admin("evidence add " + id + " --note 'lớn' --file '" + (files / "lon.bin").string() + "'").exit_code == 2);
        CHECK(s.count("SELECT count(*) FROM evidence") == before);
    }
}

TEST_CASE("import refuses bad files and changes nothing") {
    SeededDb s;
    dt::test::TempDir files;
    const auto try_import = [&](const std::string& name) {
        return s.as_admin("import '" + (files / name).string() + "'").exit_code;
    };
    std::ofstream(files / "empty.txt");
    CHECK(try_import("empty.txt") == 2);
    {
        std::ofstream bin(files / "garbage.bin", std::ios::binary);
        std::mt19937 rng(7);
        for (int i = 0; i < 4096; ++i) bin.put(static_cast<char>(rng() & 0xFF));
    }
    CHECK(try_import("garbage.bin") == 2);
    {
        std::ofstream huge(files / "huge.txt", std::ios::binary);
        const std::string line = "- Tổ chức thực hiện nhiệm vụ trước ngày 18/4/2025.\n";
        for (std::size_t n = 0; n < 50u * 1024 * 1024; n += line.size()) huge << line;
    }
    CHECK(try_import("huge.txt") == 2);
    std::ofstream(files / "letter.txt") << "Kính gửi anh chị,\nHẹn gặp lại vào tuần sau.\nTrân trọng.";
    CHECK(try_import("letter.txt") == 2);
    CHECK(try_import("does-not-exist.txt") == 2);
    // The seed again is a duplicate.
    CHECK(s.as_admin("import '" + std::string(DT_ASSETS_DIR) + "/07-CT-UBND-cao-bang.txt'").exit_code == 2);
    CHECK(s.count("SELECT count(*) FROM directives") == 1);
}

TEST_CASE("import --dry-run --json prints the contract's shape and stores nothing") {
    dt::test::TempDir dir;
    const auto r = run_dtrack("--db '" + (dir / "none.db").string() + "' import --dry-run --json '" +
                              std::string(DT_ASSETS_DIR) + "/07-CT-UBND-cao-bang.txt'");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto o = json::parse(r.out);
    CHECK(o["directive"]["code"] == "07/CT-UBND");
    CHECK(o["directive"]["issued_on"] == "2025-04-11");
    CHECK(o["directive"].contains("title"));
    CHECK(o["directive"].contains("issuer"));
    CHECK(o["sections"].size() == 6);
    CHECK(o["sections"][0]["label"] == "1");
    for (const auto& t : o["tasks"]) {
        for (const char* key : {"ref", "section", "parent", "text", "deadline", "recurrence", "agencies"})
            CHECK_MESSAGE(t.contains(key), key);
        for (const auto& a : t["agencies"]) CHECK((a["role"] == "lead" || a["role"] == "coordinate"));
    }
    CHECK(o["agencies"].is_array());
    CHECK(o["warnings"].is_array());
    CHECK_FALSE(std::filesystem::exists(dir / "none.db"));
}

TEST_CASE("backup, check and restore") {
    SeededDb s;
    const auto backup = (s.dir / "sao-luu.db").string();
    CHECK(s.as_admin("backup '" + backup + "'").exit_code == 0);
    CHECK(s.as_admin("backup '" + backup + "'").exit_code == 2);  // never overwrites
    CHECK(run_dtrack(s.db + " check", "").exit_code == 0);
    const auto id = std::to_string(s.id_of("1.b.1", "Sở Tài chính"));
    CHECK(s.as_admin("update " + id + " --owner 'Sau sao lưu'").exit_code == 0);
    std::ofstream(s.dir / "fake.db") << "not a database";
    CHECK(s.as_admin("restore '" + (s.dir / "fake.db").string() + "'").exit_code == 5);
    CHECK(s.as_admin("restore '" + backup + "'").exit_code == 0);
    const auto row = json::parse(s.as_admin("show " + id + " --json").out);
    CHECK(row["owner"] == "");
}

TEST_CASE("dtrack invest: the example data, status JSON at 30/9/2025, exit codes") {
    SeededDb s;
    const std::string dtrack_env = "DTRACK='" + std::string(DT_DTRACK_EXE) + "' " + kAdminEnv;
    const std::string loader = std::string(DT_ASSETS_DIR) + "/examples/load-example.sh";
    REQUIRE(std::system((dtrack_env + " '" + loader + "' '" + (s.dir / "tracker.db").string() + "' admin >/dev/null").c_str()) == 0);
    // The seed's ladder came with 07/CT-UBND.
    CHECK(json::parse(s.as_admin("invest ladder list --json").out).size() == 5);

    const auto r = s.as_admin("invest status --as-of 30/09/2025 --json");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto st = json::parse(r.out);
    CHECK(st["as_of"] == "2025-09-30");
    CHECK(st["required_percent"] == 75);
    REQUIRE(st["investors"].size() == 8);
    int rank = 0;
    double last = -1;
    for (const auto& i : st["investors"]) {
        for (const char* key : {"investor", "plan_assigned", "plan_total", "disbursed", "rate_assigned", "rate_total", "behind", "rank"})
            CHECK_MESSAGE(i.contains(key), key);
        CHECK(i["rank"] == ++rank);
        CHECK(i["rate_assigned"].get<double>() >= last);  // slowest first
        last = i["rate_assigned"].get<double>();
        CHECK(i["behind"] == (i["rate_assigned"].get<double>() < 75.0));
        CHECK(i["plan_total"].get<long long>() >= i["plan_assigned"].get<long long>());
    }
    CHECK(s.as_admin("invest status --as-of 2025-06-29 --json").out.find("\"required_percent\": 0") != std::string::npos);

    const int before = s.count("SELECT count(*) FROM disbursements");
    CHECK(s.as_admin("invest record VD-001 --date 2025-10-03 --amount -5").exit_code == 2);
    CHECK(s.as_admin("invest record VD-001 --date 2025-10-03 --amount 1,5").exit_code == 2);
    CHECK(s.as_admin("invest record VD-001 --date 2024-10-03 --amount 1.000").exit_code == 2);
    CHECK(s.as_admin("invest record KHONG-CO --date 2025-10-03 --amount 1000").exit_code == 2);
    CHECK(s.as_admin("invest record VD-001 --date 2025-10-03 --amount 999.999.999.999.999").exit_code == 2);
    CHECK(s.as_admin("invest project add VD-999 --investor 'Huyện Ví dụ Núi Đá (giả định)' --name 'Thử' --year 2025 "
                     "--plan-assigned 10 --plan-total 5").exit_code == 2);
    CHECK(s.as_admin("invest import '" + std::string(DT_ASSETS_DIR) + "/examples/entries.csv'").exit_code == 2);  // again
    CHECK(s.count("SELECT count(*) FROM disbursements") == before);
    CHECK(s.as_admin("invest record VD-015 --date 03/10/2025 --amount 1.000.000 --note 'Đợt bổ sung'").exit_code == 0);
    CHECK(s.count("SELECT count(*) FROM disbursements") == before + 1);
    CHECK(run_dtrack(s.db + " --user admin invest investor add 'X'", "DTRACK_PASSWORD=sai").exit_code == 3);
}

TEST_CASE("dtrack report: figures equal list --json at the same date, never overwrites, recorded") {
    SeededDb s;
    const auto id = std::to_string(s.id_of("1.a.3", "Sở Tài chính"));
    REQUIRE(s.as_admin("evidence add " + id + " --note 'Văn bản cam kết, \"đợt 1\"' --doc-ref 112/CK-STC").exit_code == 0);
    REQUIRE(s.as_admin("update " + id + " --status done --done-on 2025-04-17").exit_code == 0);
    const auto csv_path = (s.dir / "bao-cao.csv").string();
    const auto r = s.as_admin("report --as-of 30/09/2025 --format csv --out '" + csv_path + "'");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto records = dt::parse_csv(dt::test::read_text(csv_path));
    const auto rows = s.list("--as-of 2025-09-30");
    REQUIRE(records.size() == rows.size() + 1);
    std::map<std::string, int> from_list, from_csv;
    for (const auto& row : rows) ++from_list[row["bucket"].get<std::string>()];
    for (std::size_t i = 1; i < records.size(); ++i) ++from_csv[records[i].fields[7]];
    CHECK(from_csv["Hoàn thành đúng hạn"] == from_list["done_on_time"]);
    CHECK(from_csv["Chưa hoàn thành, quá hạn"] == from_list["open_overdue"]);
    CHECK(from_csv["Không giao thời hạn"] == from_list["no_deadline"]);
    CHECK(from_list["done_on_time"] == 1);

    CHECK(s.as_admin("report --as-of 30/09/2025 --format csv --out '" + csv_path + "'").exit_code == 2);  // exists
    CHECK(s.as_admin("report --as-of 30/09/2025 --format csv --out '" + csv_path + "' --force").exit_code == 0);
    CHECK(s.as_admin("report --as-of 30/09/2025 --out '" + (s.dir / "khong-co" / "r.html").string() + "'").exit_code == 2);
    CHECK(s.as_admin("report --as-of 30/09/2025 --format doc --out '" + (s.dir / "r.doc").string() + "'").exit_code == 2);
    CHECK(s.as_admin("report --as-of 30/02/2025 --out '" + (s.dir / "r.html").string() + "'").exit_code == 2);
    CHECK_FALSE(std::filesystem::exists(s.dir / "r.html"));
    CHECK(s.count("SELECT count(*) FROM reports") == 2);
    // The next report starts its changes from the last one's date.
    const auto html = (s.dir / "ky-sau.html").string();
    REQUIRE(s.as_admin("report --as-of 31/12/2025 --out '" + html + "'").exit_code == 0);
    CHECK(dt::test::read_text(html).find("Thay đổi từ ngày 30/09/2025") != std::string::npos);
    CHECK(s.count("SELECT count(*) FROM reports WHERE since = '2025-09-30'") == 1);
}

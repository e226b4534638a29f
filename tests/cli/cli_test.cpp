// End-to-end: the real dtrack executable, its output and its exit codes (docs/CLI.md).
#include <doctest/doctest.h>

#include <set>

#include <nlohmann/json.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdlib>
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

TEST_CASE("list --search: each word in any order, and a sentence when nothing matches, in both languages") {
    SeededDb s;
    const auto ordered = s.list("--search 'giai ngan'");
    const auto swapped = s.list("--search 'ngan   GIẢI'");
    CHECK(ordered.size() > 0);
    CHECK(swapped.size() >= ordered.size());  // every "giải ngân" row, and rows holding both words apart
    std::set<long long> found;
    for (const auto& row : swapped) found.insert(row["id"].get<long long>());
    for (const auto& row : ordered) CHECK(found.count(row["id"].get<long long>()) == 1);
    // A word of the agency's name and one of the task's.
    const auto stc = s.list("--search 'giai ngan tai chinh'");
    CHECK(stc.size() > 0);
    for (const auto& row : stc) CHECK(found.count(row["id"].get<long long>()) == 1);
    const auto en = s.as_admin("--lang en list --search 'giai xyzzy'");
    CHECK(en.exit_code == 0);
    CHECK(en.out.find("No assignment matches the filter") != std::string::npos);
    const auto vi = s.as_admin("--lang vi list --search 'giai xyzzy'");
    CHECK(vi.out.find("Không có phân công nào khớp") != std::string::npos);
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
    // Today: the completion was entered today, so a report at a past date would not see it yet.
    const auto r = s.as_admin("report --format csv --out '" + csv_path + "'");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto records = dt::parse_csv(dt::test::read_text(csv_path));
    const auto rows = s.list();
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

// ---- Many people, one database: extensions, review, evidence withdrawal, users ----

namespace {
const std::string kStcEnv = "DTRACK_PASSWORD='mật khẩu stc'";
const std::string kViewerEnv = "DTRACK_PASSWORD='mật khẩu lãnh đạo'";

// SeededDb with an agency user of Sở Tài chính ("stc") and a viewer ("lanhdao").
struct TeamDb : SeededDb {
    TeamDb() {
        REQUIRE(run_dtrack(db + " --user admin user add stc --role agency --agency 'Sở Tài chính'",
                           kAdminEnv + " DTRACK_NEW_PASSWORD='mật khẩu stc'").exit_code == 0);
        REQUIRE(run_dtrack(db + " --user admin user add lanhdao --role viewer",
                           kAdminEnv + " DTRACK_NEW_PASSWORD='mật khẩu lãnh đạo'").exit_code == 0);
    }
    dt::test::CommandResult as_stc(const std::string& args) const { return run_dtrack(db + " --user stc " + args, kStcEnv); }
    dt::test::CommandResult as_viewer(const std::string& args) const {
        return run_dtrack(db + " --user lanhdao " + args, kViewerEnv);
    }
    json show(const std::string& id) const {
        const auto r = as_admin("show " + id + " --json");
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return json::parse(r.out);
    }
    json row_of(const std::string& id) const {
        for (const auto& row : list())
            if (std::to_string(row["id"].get<long long>()) == id) return row;
        FAIL("no row " << id);
        return {};
    }
    std::vector<std::string> history_fields(const std::string& id) const {
        std::vector<std::string> fields;
        for (const auto& h : json::parse(as_admin("history " + id + " --json").out)) fields.push_back(h["field"]);
        return fields;
    }
};

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
}  // namespace

TEST_CASE("dtrack extension: request prints only the id, approve moves the deadline and keeps the first") {
    TeamDb s;
    const auto id = std::to_string(s.id_of("1.a.3", "Sở Tài chính"));  // due 18/04/2025
    const auto r = s.as_stc("extension request " + id + " --to 30/06/2025 --reason 'Chờ ý kiến của Bộ Tài chính'");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    REQUIRE(r.out.size() >= 2);
    CHECK(r.out.back() == '\n');
    const auto req = r.out.substr(0, r.out.size() - 1);
    CHECK(std::all_of(req.begin(), req.end(), [](char c) { return c >= '0' && c <= '9'; }));

    const auto pending = json::parse(s.as_admin("extension list --pending --json").out);
    REQUIRE(pending.size() == 1);
    for (const char* key : {"id", "assignment_id", "task_ref", "agency", "requested_due", "reason", "status", "requested_by",
                            "requested_at", "decided_by", "decision_note"})
        CHECK_MESSAGE(pending[0].contains(key), key);
    CHECK(std::to_string(pending[0]["id"].get<long long>()) == req);
    CHECK(pending[0]["requested_due"] == "2025-06-30");
    CHECK(pending[0]["status"] == "pending");
    CHECK(pending[0]["requested_by"] == "stc");

    const auto approved = s.as_admin("extension approve " + req + " --note 'Đồng ý gia hạn'");
    REQUIRE_MESSAGE(approved.exit_code == 0, approved.err);
    const auto row = s.row_of(id);
    CHECK(row["due"] == "2025-06-30");
    CHECK(row["original_due"] == "2025-04-18");
    CHECK(row["extensions"] == 1);
    CHECK(s.show(id)["original_due"] == "2025-04-18");
    CHECK(s.show(id)["extensions"] == 1);
    bool due_changed = false;
    for (const auto& h : json::parse(s.as_admin("history " + id + " --json").out))
        due_changed |= h["field"] == "due" && h["old"] == "2025-04-18" && h["new"] == "2025-06-30";
    CHECK(due_changed);
    CHECK(json::parse(s.as_admin("extension list --pending --json").out).empty());
    const auto all = json::parse(s.as_stc("extension list --json").out);
    REQUIRE(all.size() == 1);
    CHECK(all[0]["status"] == "approved");
    CHECK(all[0]["decided_by"] == "admin");

    // Deciding twice is refused, either way, and changes nothing.
    CHECK(s.as_admin("extension approve " + req).exit_code == 2);
    CHECK(s.as_admin("extension refuse " + req).exit_code == 2);
    CHECK(s.row_of(id)["extensions"] == 1);
}

TEST_CASE("dtrack extension: a refusal changes nothing, other agencies and viewers are refused") {
    TeamDb s;
    const auto id = std::to_string(s.id_of("1.a.3", "Sở Tài chính"));
    const auto other = std::to_string(s.id_of("1.a.3", "Sở Khoa học và Công nghệ"));  // also due 18/04/2025
    const auto before = s.row_of(id);

    CHECK(s.as_stc("extension request " + other + " --to 30/06/2025 --reason 'không phải của tôi'").exit_code == 3);
    CHECK(s.as_viewer("extension request " + id + " --to 30/06/2025 --reason 'chỉ xem'").exit_code == 3);
    CHECK(s.as_stc("extension request " + id + " --to 01/04/2025 --reason 'sớm hơn hạn'").exit_code == 2);
    CHECK(s.as_stc("extension request " + id + " --to 31/02/2025 --reason 'ngày sai'").exit_code == 2);
    CHECK(s.as_stc("extension request " + id + " --to 30/06/2025 --reason ''").exit_code == 2);
    CHECK(s.as_stc("extension request " + id + " --to 30/06/2025").exit_code == 1);  // --reason is required
    CHECK(s.count("SELECT count(*) FROM extension_requests") == 0);

    const auto req = s.as_stc("extension request " + id + " --to 30/06/2025 --reason 'Thiếu số liệu'");
    REQUIRE(req.exit_code == 0);
    const auto req_id = req.out.substr(0, req.out.size() - 1);
    CHECK(s.as_stc("extension request " + id + " --to 31/07/2025 --reason 'lần hai'").exit_code == 2);  // one pending
    CHECK(s.as_stc("extension approve " + req_id).exit_code == 3);
    CHECK(s.as_viewer("extension refuse " + req_id).exit_code == 3);
    CHECK(s.as_admin("extension refuse " + req_id + " --note 'Không đủ căn cứ'").exit_code == 0);
    const auto after = s.row_of(id);
    CHECK(after["due"] == before["due"]);
    CHECK(after["version"] == before["version"]);
    CHECK(after["extensions"] == 0);
    CHECK(after["original_due"] == "2025-04-18");
    const auto listed = json::parse(s.as_admin("extension list --json").out);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["status"] == "refused");
    CHECK(listed[0]["decision_note"] == "Không đủ căn cứ");
    CHECK(s.as_admin("extension refuse " + req_id).exit_code == 2);
    // The office may ask on any agency's behalf.
    CHECK(s.as_admin("extension request " + other + " --to 31/12/2026 --reason 'Văn phòng đề nghị'").exit_code == 0);
}

TEST_CASE("dtrack review: a completion sent back shows its reason in show and history") {
    TeamDb s;
    const auto id = std::to_string(s.id_of("1.a.3", "Sở Tài chính"));
    REQUIRE(s.as_stc("evidence add " + id + " --note 'Văn bản cam kết'").exit_code == 0);
    REQUIRE(s.as_stc("update " + id + " --status done").exit_code == 0);
    const int version = s.show(id)["version"];
    const auto v = std::to_string(version);

    CHECK(s.as_stc("review " + id + " --reason 'tự trả lại'").exit_code == 3);
    CHECK(s.as_viewer("review " + id + " --reason 'chỉ xem'").exit_code == 3);
    CHECK(s.as_admin("review " + id + " --reason 'cũ' --expect-version " + std::to_string(version - 1)).exit_code == 4);
    CHECK(s.as_admin("review " + id + " --reason ''").exit_code == 2);
    CHECK(s.show(id)["status"] == "done");

    const auto r = s.as_admin("review " + id + " --reason 'Thiếu chữ ký của Giám đốc' --expect-version " + v);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto row = s.show(id);
    CHECK(row["status"] == "in_progress");
    CHECK(row["completed_on"].is_null());
    CHECK(row["progress"] == 99);
    CHECK(row["review_note"] == "Thiếu chữ ký của Giám đốc");
    CHECK(s.as_admin("show " + id).out.find("Thiếu chữ ký của Giám đốc") != std::string::npos);
    CHECK(s.as_admin("history " + id).out.find("Thiếu chữ ký của Giám đốc") != std::string::npos);
    CHECK(has(s.history_fields(id), "review"));
    CHECK(s.as_admin("review " + id + " --reason 'lại'").exit_code == 2);  // no longer done
    CHECK(s.as_stc("update " + id + " --status done").exit_code == 0);
    CHECK(s.show(id)["review_note"].is_null());
}

TEST_CASE("dtrack evidence withdraw: the evidence stays listed, done needs new evidence") {
    TeamDb s;
    const auto id = std::to_string(s.id_of("1.a.3", "Sở Tài chính"));
    const auto other = std::to_string(s.id_of("4.b", "Sở Khoa học và Công nghệ"));
    REQUIRE(s.as_stc("evidence add " + id + " --note 'Văn bản cam kết' --doc-ref 112/CK-STC").exit_code == 0);
    REQUIRE(s.as_admin("evidence add " + other + " --note 'Báo cáo của Sở KH&CN'").exit_code == 0);
    REQUIRE(s.as_stc("update " + id + " --status done").exit_code == 0);
    const auto eid = std::to_string(s.show(id)["evidence"][0]["id"].get<long long>());
    const auto other_eid = std::to_string(s.show(other)["evidence"][0]["id"].get<long long>());

    CHECK(s.as_stc("evidence withdraw " + other_eid + " --reason 'không phải của tôi'").exit_code == 3);
    CHECK(s.as_viewer("evidence withdraw " + eid + " --reason 'chỉ xem'").exit_code == 3);
    CHECK(s.as_stc("evidence withdraw " + eid + " --reason ''").exit_code == 2);
    CHECK(s.as_stc("evidence withdraw 999999 --reason 'không có'").exit_code == 2);
    CHECK(s.as_stc("evidence withdraw " + eid + " --reason 'Nhầm văn bản'").exit_code == 0);
    CHECK(s.as_stc("evidence withdraw " + eid + " --reason 'lần nữa'").exit_code == 2);
    CHECK(s.as_admin("evidence withdraw " + other_eid + " --reason 'Văn phòng rút'").exit_code == 0);

    CHECK(s.as_admin("show " + id).out.find("(withdrawn: Nhầm văn bản)") != std::string::npos);
    const auto row = s.show(id);
    CHECK(row["evidence"].size() == 1);
    CHECK(row["evidence"][0]["withdrawal_reason"] == "Nhầm văn bản");
    CHECK(row["evidence_count"] == 0);
    CHECK(has(s.history_fields(id), "evidence_withdrawn"));
    CHECK(s.count("SELECT count(*) FROM evidence") == 2);

    // Its only evidence withdrawn, the done assignment went back in progress by itself.
    CHECK(row["status"] == "in_progress");
    CHECK(s.as_stc("update " + id + " --status done").exit_code == 2);
    REQUIRE(s.as_stc("evidence add " + id + " --note 'Văn bản cam kết đúng'").exit_code == 0);
    CHECK(s.as_stc("update " + id + " --status done").exit_code == 0);
}

TEST_CASE("dtrack sign-in: five failures lock the account, a reset by the office lifts it") {
    TeamDb s;
    for (int i = 0; i < 5; ++i) CHECK(run_dtrack(s.db + " --user stc list", "DTRACK_PASSWORD=sai-mat-khau").exit_code == 3);
    const auto locked = s.as_stc("list");
    CHECK(locked.exit_code == 3);
    CHECK(locked.err.find("too many failed attempts") != std::string::npos);
    bool shown = false;
    for (const auto& u : json::parse(s.as_admin("user list --json").out))
        if (u["name"] == "stc") shown = !u["locked_until"].is_null();
    CHECK(shown);
    CHECK(s.as_admin("list --section 6").exit_code == 0);  // others sign in as usual

    REQUIRE(run_dtrack(s.db + " --user admin user reset-password stc", kAdminEnv + " DTRACK_NEW_PASSWORD='mật khẩu mới stc'")
                .exit_code == 0);
    CHECK(run_dtrack(s.db + " --user stc list --section 6", "DTRACK_PASSWORD='mật khẩu mới stc'").exit_code == 0);
}

TEST_CASE("dtrack user: deactivate and reset-password under each role, the last admin stays") {
    TeamDb s;
    const auto self = s.as_admin("user deactivate admin");
    CHECK(self.exit_code == 2);
    CHECK_FALSE(self.err.empty());
    CHECK(s.as_stc("user deactivate lanhdao").exit_code == 3);
    CHECK(s.as_viewer("user deactivate stc").exit_code == 3);
    CHECK(s.as_admin("user deactivate ai-do").exit_code == 2);

    CHECK(s.as_admin("user deactivate stc").exit_code == 0);
    const auto refused = s.as_stc("list");
    CHECK(refused.exit_code == 3);
    CHECK(refused.err.find("deactivated") != std::string::npos);
    // The role in words, never its code (core's catalog)
    CHECK(s.as_admin("user list").out.find("stc  Agency user  Sở Tài chính  (inactive)") != std::string::npos);
    CHECK(s.as_admin("--lang vi user list").out.find("stc  Cán bộ đơn vị  Sở Tài chính  (đã khóa)") != std::string::npos);
    CHECK(s.count("SELECT count(*) FROM users WHERE name = 'stc'") == 1);
    CHECK(s.as_admin("user activate stc").exit_code == 0);
    CHECK(s.as_stc("list --section 6").exit_code == 0);

    // A user changes its own password; only the office changes someone else's.
    CHECK(run_dtrack(s.db + " --user lanhdao user reset-password admin", kViewerEnv + " DTRACK_NEW_PASSWORD='chiếm quyền quản trị'")
              .exit_code == 3);
    CHECK(run_dtrack(s.db + " --user stc user reset-password lanhdao", kStcEnv + " DTRACK_NEW_PASSWORD='chiếm tài khoản'")
              .exit_code == 3);
    CHECK(run_dtrack(s.db + " --user lanhdao user reset-password lanhdao", kViewerEnv + " DTRACK_NEW_PASSWORD=ngan").exit_code == 2);
    CHECK(run_dtrack(s.db + " --user lanhdao user reset-password lanhdao", kViewerEnv + " DTRACK_NEW_PASSWORD='mật khẩu riêng'")
              .exit_code == 0);
    CHECK(run_dtrack(s.db + " --user lanhdao list --section 6", "DTRACK_PASSWORD='mật khẩu riêng'").exit_code == 0);
    CHECK(s.as_admin("list --section 6").exit_code == 0);  // the admin's password is unchanged
}

TEST_CASE("the global options may also follow the command") {
    SeededDb s;
    const auto r = run_dtrack("list --json --bucket no_deadline --user admin " + s.db, kAdminEnv);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(json::parse(r.out).size() == s.list("--bucket no_deadline").size());
}

TEST_CASE("dtrack starts without the report libraries, and dtrack-report beside it has them") {
    // Each command pays for every library it loads; only dtrack-report needs pango, cairo and libxlsxwriter.
    dt::test::TempDir dir;
    const auto ldd = [&](const std::string& exe) {
        const auto out = dir / "ldd.txt";
        REQUIRE(std::system(("ldd '" + exe + "' >'" + out.string() + "'").c_str()) == 0);
        return dt::test::read_text(out);
    };
    const std::string dtrack = ldd(DT_DTRACK_EXE);
    CHECK(dtrack.find("libsqlite3") != std::string::npos);
    for (const char* lib : {"libpango", "libcairo", "libxlsxwriter", "libharfbuzz"}) {
        CAPTURE(std::string(lib));
        CHECK(dtrack.find(lib) == std::string::npos);
    }
    const std::string writer = ldd((std::filesystem::path(DT_DTRACK_EXE).parent_path() / "dtrack-report").string());
    CHECK(writer.find("libpangocairo") != std::string::npos);
    CHECK(writer.find("libxlsxwriter") != std::string::npos);
}

TEST_CASE("dtrack summary: the sections, the buckets and the on-time rate with a decimal comma") {
    SeededDb seeded;
    const auto id = seeded.id_of("1.a.3", "Sở Tài chính");
    {
        // Done and entered on 17/04/2025, as the office would have (the CLI always writes "now").
        auto store = dt::store::Store::open(seeded.dir / "tracker.db");
        dt::service::Service service(*store);
        const auto admin = service.sign_in("admin", "mật khẩu quản trị");
        dt::test::FixedClock clock(dt::Date{2025, 4, 17});
        dt::service::EvidenceInput e;
        e.note = "Công văn cam kết";
        e.doc_ref = "12/STC";
        service.add_evidence(admin, id, e);
        dt::service::AssignmentChange done;
        done.status = dt::Status::Done;
        service.update(admin, id, done, std::nullopt);
    }
    auto r = seeded.as_admin("--lang vi summary --as-of 30/04/2025");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("Chỉ thị 07/CT-UBND ngày 11/04/2025") != std::string::npos);
    CHECK(r.out.find("38 nhiệm vụ, 737 phân công") != std::string::npos);
    // 1.a.3 is the only task due by 30/04/2025 (31 agencies): one of them done on time.
    CHECK(r.out.find("Tỷ lệ đúng hạn: 3,2 %") != std::string::npos);
    // The same in English, as English writes it.
    r = seeded.as_admin("--lang en summary --as-of 30/04/2025");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("Directive 07/CT-UBND of 11/04/2025") != std::string::npos);
    CHECK(r.out.find("38 tasks, 737 assignments") != std::string::npos);
    CHECK(r.out.find("On-time rate: 3.2 %") != std::string::npos);
}

// dtrack import from the files offices have (.docx with Word's numbering, a text PDF, standard
// input), the office's plan (--plan), and another province's agency list (agency import).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>

#include "core/error.h"
#include "importer/sources/sources.h"
#include "support.h"

using nlohmann::json;
using dt::test::run_dtrack;

namespace {
const std::string kAdminEnv = "DTRACK_PASSWORD='mật khẩu quản trị'";
const std::filesystem::path kDir = std::filesystem::path(DT_TEST_DATA) / "directives";
const std::string kName = "cb-2026-06-ct-cai-thien-moi-truong";

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

json dry_run(const std::string& file, const std::string& extra = "") {
    const auto r = run_dtrack("--db /nonexistent/none.db import " + file + " --dry-run --json " + extra);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return json::parse(r.out);
}

// What the outlines must share: every task's ref, agencies with roles, deadline, recurrence.
json essence(const json& outline) {
    json out = json::array();
    for (const auto& t : outline["tasks"])
        out.push_back({t["ref"], t["agencies"], t["deadline"], t["recurrence"], t["recurrence_rule"]});
    return json{{"code", outline["directive"]["code"]}, {"issued_on", outline["directive"]["issued_on"]},
                {"title", outline["directive"]["title"]}, {"tasks", out}};
}

void write(const std::filesystem::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }
}  // namespace

TEST_CASE("a .docx with Word's automatic numbering and a text PDF import to the outline of the text") {
    const auto text = essence(dry_run(quoted(kDir / (kName + ".txt"))));
    REQUIRE(text["tasks"].size() == 6);
    CHECK(essence(dry_run(quoted(kDir / (kName + ".docx")))) == text);
    CHECK(essence(dry_run(quoted(kDir / (kName + ".pdf")))) == text);
}

TEST_CASE("the directive on standard input, a scanned PDF and a broken Word file get a sentence") {
    dt::test::TempDir dir;
    const auto out = dir / "out";
    const std::string cmd = std::string("cat ") + quoted(kDir / (kName + ".txt")) + " | " + DT_DTRACK_EXE +
                            " --db /nonexistent/none.db import - --dry-run --json > " + quoted(out);
    REQUIRE(std::system(cmd.c_str()) == 0);
    CHECK(essence(json::parse(dt::test::read_text(out))) == essence(dry_run(quoted(kDir / (kName + ".txt")))));

    // A PDF with a page and no text, as a scanner without OCR makes.
    const std::string scan =
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    write(dir / "scan.pdf", scan);
    auto r = run_dtrack("--db /nonexistent/none.db import " + quoted(dir / "scan.pdf") + " --dry-run");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("holds no text") != std::string::npos);

    write(dir / "broken.docx", std::string("PK\x03\x04", 4) + "not really a zip");
    r = run_dtrack("--db /nonexistent/none.db import " + quoted(dir / "broken.docx") + " --dry-run");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("not a Word document") != std::string::npos);
}

TEST_CASE("import --plan: the office corrects, drops and merges tasks before anything is stored") {
    dt::test::TempDir dir;
    const std::string db = "--db " + quoted(dir / "t.db");
    REQUIRE(run_dtrack(db + " init --admin admin", kAdminEnv).exit_code == 0);
    auto plan = dry_run(quoted(kDir / (kName + ".txt")));
    auto& tasks = plan["tasks"];
    REQUIRE(tasks.size() == 6);
    tasks[1]["drop"] = true;                                   // 1.b
    tasks[2]["deadline"] = "2026-10-15";                       // 2
    tasks[2]["agencies"] = json::array({{{"name", "Sở Tư pháp"}, {"role", "lead"}},
                                        {{"name", "Sở Nội vụ"}, {"role", "coordinate"}}});
    tasks[3]["recurrence"] = "weekly";                         // 3
    tasks[5]["merge_into"] = "4";                              // 5 into 4
    write(dir / "plan.json", plan.dump());

    auto r = run_dtrack(db + " --user admin import " + quoted(kDir / (kName + ".txt")) + " --plan " +
                            quoted(dir / "plan.json") + " --json", kAdminEnv);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(json::parse(r.out)["tasks"] == 4);
    r = run_dtrack(db + " --user admin list --directive 06/CT-UBND --json", kAdminEnv);
    REQUIRE(r.exit_code == 0);
    std::map<std::string, std::vector<std::string>> by_ref;
    std::map<std::string, std::string> due;
    for (const auto& row : json::parse(r.out)) {
        by_ref[row["task_ref"]].push_back(row["agency"].get<std::string>() + ":" + row["role"].get<std::string>());
        if (!row["due"].is_null()) due[row["task_ref"]] = row["due"];
    }
    CHECK(by_ref.count("1.b") == 0);
    CHECK(by_ref.count("5") == 0);
    CHECK(by_ref["2"] == std::vector<std::string>{"Sở Tư pháp:lead", "Sở Nội vụ:coordinate"});
    CHECK(due["2"] == "2026-10-15");
    CHECK(std::find(by_ref["4"].begin(), by_ref["4"].end(), "Văn phòng UBND tỉnh:lead") != by_ref["4"].end());

    // A bad plan changes nothing: exit 2 with the task named.
    plan["tasks"][0]["agencies"][0]["role"] = "owner";
    plan["directive"]["code"] = "66/CT-UBND";
    write(dir / "bad.json", plan.dump());
    r = run_dtrack(db + " --user admin import " + quoted(kDir / (kName + ".txt")) + " --plan " +
                       quoted(dir / "bad.json"), kAdminEnv);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("task 1.a") != std::string::npos);
    r = run_dtrack(db + " --user admin list --directive 66/CT-UBND --json", kAdminEnv);
    CHECK((r.exit_code != 0 || json::parse(r.out).empty()));
}

TEST_CASE("agency import: another province's list, all rows or none, former names and wards in the registry") {
    dt::test::TempDir dir;
    const std::string db = "--db " + quoted(dir / "t.db");
    REQUIRE(run_dtrack(db + " init --admin admin", kAdminEnv).exit_code == 0);
    auto count = [&] {
        const auto r = run_dtrack(db + " --user admin agency list --json", kAdminEnv);
        REQUIRE(r.exit_code == 0);
        return json::parse(r.out).size();
    };
    const auto before = count();
    write(dir / "bad.csv",
          "name,short_name,kind,group,aliases\n"
          "\"UBND các xã, phường, đặc khu\",UBND xã,group,,\n"
          "UBND xã Mường Lống,Mường Lống,commune,\"UBND các xã, phường, đặc khu\",\n"
          "UBND xã Na Ngoi,Na Ngoi,commune,Nhóm không có,\n");
    auto r = run_dtrack(db + " --user admin agency import " + quoted(dir / "bad.csv"), kAdminEnv);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("Line 4") != std::string::npos);
    CHECK(count() == before);  // nothing of the good rows either

    write(dir / "good.csv",
          "name,short_name,kind,group,aliases\n"
          "UBND xã Mường Lống,Mường Lống,commune,\"UBND các xã, phường\",UBND xã Mường Lống huyện Kỳ Sơn\n"
          "UBND xã Na Ngoi,Na Ngoi,commune,\"UBND các xã, phường\",\n");
    r = run_dtrack(db + " --user admin agency import " + quoted(dir / "good.csv"), kAdminEnv);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(count() == before + 2);
    r = run_dtrack(db + " --user admin agency list --json", kAdminEnv);
    bool ward = false;
    for (const auto& a : json::parse(r.out)) ward = ward || a["name"] == "UBND phường Thục Phán";
    CHECK(ward);

    // The new commune is an agency the service knows (an unknown name would be refused).
    r = run_dtrack(db + " --user admin list --agency 'UBND xã Mường Lống' --json", kAdminEnv);
    CHECK(r.exit_code == 0);
}

TEST_CASE("sources: a file is told by its bytes") {
    CHECK(dt::importer::sources::kind_of("%PDF-1.7 …") == dt::importer::sources::Kind::Pdf);
    CHECK(dt::importer::sources::kind_of(std::string("PK\x03\x04", 4)) == dt::importer::sources::Kind::Docx);
    CHECK(dt::importer::sources::text_of("1. Sở Tài chính") == "1. Sở Tài chính");
}

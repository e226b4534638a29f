// Hostile text in dtrack's flags and files (issue 8, item 4; docs/INPUT.md): refused with exit
// 2 and a message a terminal cannot be driven by, and nothing in the database changes.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <fstream>

#include "support.h"

using nlohmann::json;
using dt::test::run_dtrack;

namespace {
const std::string kAdminEnv = "DTRACK_PASSWORD='mật khẩu quản trị'";

// One shell word holding any bytes but NUL.
std::string sh(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

struct Db {
    dt::test::TempDir dir;
    std::string db;
    Db() : db("--db " + sh((dir / "tracker.db").string())) {
        const auto r = run_dtrack(db + " init --admin admin", kAdminEnv);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    dt::test::CommandResult admin(const std::string& args, const std::string& env = "") const {
        return run_dtrack(db + " --user admin " + args, kAdminEnv + " " + env);
    }
    // Everything a user can see of the database, to compare before and after a refusal.
    std::string everything() const {
        std::string out;
        for (const char* what : {"list --json", "agency list --json", "user list --json", "invest investor list --json",
                                 "extension list --json", "report-settings"}) {
            const auto r = admin(what);
            REQUIRE_MESSAGE(r.exit_code == 0, what << ": " << r.err);
            out += r.out;
        }
        return out;
    }
    long long first_id() const { return json::parse(admin("list --json").out).at(0)["id"].get<long long>(); }
};

// The message is one line of text without anything a terminal acts on.
void check_message(const std::string& err) {
    CHECK(err.find('\x1B') == std::string::npos);
    CHECK(err.find('\x07') == std::string::npos);
    CHECK(err.find("\xE2\x80\xAE") == std::string::npos);
    CHECK(std::count(err.begin(), err.end(), '\n') == 1);
    CHECK(err.size() < 1000);
}
}  // namespace

TEST_CASE("dtrack refuses hostile flags with exit 2, says so safely, and changes nothing") {
    Db d;
    const std::string id = std::to_string(d.first_id());
    const std::string escape = "\x1B]0;owned\x07\x1B[2J";
    const std::string rlo = "\xE2\x80\xAE";
    const std::string big(100 * 1024, 'x');  // one argument may hold at most 128 KiB
    const std::string before = d.everything();
    const std::vector<std::string> commands = {
        "update " + id + " --owner " + sh("Nguyễn" + escape),
        "update " + id + " --owner " + sh("dòng một\ndòng hai"),
        "update " + id + " --owner " + sh(big),
        "update " + sh(id + "; DROP TABLE assignments") + " --progress 50",
        "update " + id + " --progress " + sh("50" + rlo),
        "update " + id + " --due " + sh("30/06/2025" + escape),
        "evidence add " + id + " --note " + sh("bằng chứng\xFF"),
        "evidence add " + id + " --note ok --doc-ref " + sh("215/BC" + rlo + "CTS"),
        "agency add " + sh("Sở\xC3\x28") + " --kind department",
        "agency add " + sh("Sở Thử\x01") + " --kind department",
        "agency rename 'Sở Tài chính' " + sh(big),
        "invest investor add " + sh("Ban" + rlo + "QLDA"),
        "list --search " + sh("giải" + rlo),
        "list --as-of " + sh("2025-07-01" + escape),
        "show " + sh(escape),
        "history " + sh("1 OR 1=1"),
        "report --as-of 30/09/2025 --out " + sh((d.dir / ("r" + escape + ".pdf")).string()),
        "report --as-of 30/09/2025 --format " + sh("pdf" + rlo) + " --out " + sh((d.dir / "r.pdf").string()),
        "report --as-of 30/09/2025 --out " + sh(d.dir.path().string()) + " --format pdf --force",
        "report-settings number " + sh("125/BC" + escape),
        "extension request " + id + " --to 31/12/2026 --reason " + sh("lý do" + rlo),
    };
    for (const auto& command : commands) {
        CAPTURE(command.substr(0, 200));
        const auto r = d.admin(command);
        CHECK(r.exit_code == 2);
        check_message(r.err);
    }
    // A new user's password from the environment, with a control character or too short.
    const auto bad_password = d.admin("user add lan --role viewer", "DTRACK_NEW_PASSWORD=" + sh("mật\x1B khẩu dài"));
    CHECK(bad_password.exit_code == 2);
    CHECK(d.admin("user add lan --role viewer", "DTRACK_NEW_PASSWORD=ngan").exit_code == 2);
    CHECK(d.everything() == before);
}

TEST_CASE("dtrack stores SQL meta-characters and NFD text as plain text, and files with hostile names safely") {
    Db d;
    const std::string sql = "Sở Thử'); DROP TABLE agencies;--";
    auto r = d.admin("agency add " + sh(sql) + " --kind department");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto agencies = json::parse(d.admin("agency list --json").out);
    bool found = false;
    for (const auto& a : agencies) found = found || a["name"] == sql;
    CHECK(found);

    const std::string id = std::to_string(d.first_id());
    r = d.admin("update " + id + " --owner " + sh("Nguye\xCC\x82\xCC\x83n Va\xCC\x86n A"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(json::parse(d.admin("show " + id + " --json").out)["owner"] == "Nguyễn Văn A");

    // An attachment is stored under its base name only; one whose name holds an escape is refused.
    std::ofstream(d.dir / "bien-ban.pdf") << "%PDF-1.4";
    r = d.admin("evidence add " + id + " --note 'Biên bản' --file " + sh((d.dir / ".." / d.dir.path().filename() / "bien-ban.pdf").string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const auto shown = json::parse(d.admin("show " + id + " --json").out);
    CHECK(shown["evidence"].at(0)["file_name"] == "bien-ban.pdf");
    std::ofstream(d.dir / "a\x1B[2Jb.pdf") << "%PDF-1.4";
    r = d.admin("evidence add " + id + " --note 'x' --file " + sh((d.dir / "a\x1B[2Jb.pdf").string()));
    CHECK(r.exit_code == 2);
    check_message(r.err);
}

TEST_CASE("a CSV of entries with a 1 MB note, or a control character in a field, is refused whole") {
    Db d;
    REQUIRE(d.admin("invest investor add 'Ban Thử'").exit_code == 0);
    REQUIRE(d.admin("invest project add T-1 --investor 'Ban Thử' --name 'Dự án' --year 2025 --plan-assigned 1000000 "
                    "--plan-total 1000000")
                .exit_code == 0);
    const std::string before = d.everything();
    for (const std::string& note : {std::string(1024 * 1024, 'n'), std::string("ghi\x1B[31mchú"),
                                    std::string("ghi chú\xE2\x80\xAE")}) {
        const auto csv = d.dir / "entries.csv";
        std::ofstream(csv, std::ios::binary) << "project_code,date,amount,note\nT-1,01/06/2025,1000,ok\nT-1,02/06/2025,1000,"
                                              << note << "\n";
        const auto r = d.admin("invest import " + sh(csv.string()));
        CHECK(r.exit_code == 2);
        check_message(r.err);
        CHECK(r.err.find("Line 3") != std::string::npos);
    }
    CHECK(d.everything() == before);
}

// dtrack's output for people in the language asked for: every human-output command run with
// --lang vi says nothing of the English word list the message walk uses (tests/english_words.h),
// and writes numbers as Vietnamese does ("1.250.000", "37,5 %"); with --lang en the same commands
// say none of the Vietnamese words dtrack itself would use there, and write "1,250,000", "37.5 %".
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <regex>

#include "english_words.h"
#include "support.h"

using namespace dt;

namespace {
const std::string kEnv = "DTRACK_PASSWORD='mật-khẩu-quản-trị'";

// The small directive (tests/support.h) with a disbursement project, a milestone, an amount
// above a thousand, evidence with a file, a second user and an extension request.
struct Office {
    test::Fixture fx;
    std::string db = "--db '" + (fx.dir / "tracker.db").string() + "' --user admin ";
    store::Id stc = fx.assignment_of("1.1", "Sở Tài chính");

    test::CommandResult run(const std::string& lang, const std::string& args) const {
        return test::run_dtrack(db + "--lang " + lang + " " + args, kEnv);
    }
    Office() {
        fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
        const auto attachment = fx.dir / "bao-cao.txt";
        {
            std::FILE* f = std::fopen(attachment.c_str(), "w");
            REQUIRE(f);
            std::fputs(std::string(5100, 'x').c_str(), f);  // 5,100 bytes: a size in thousands
            std::fclose(f);
        }
        for (const std::string& args : std::vector<std::string>{
                 "invest investor add 'Ban QLDA Giao thông'",
              "invest project add DA-01 --investor 'Ban QLDA Giao thông' --name 'Đường tỉnh 208' --year 2025 "
              "--plan-assigned 120000000000 --plan-total 150000000000",
              "invest record DA-01 --date 30/06/2025 --amount 1.250.000 --note 'Đợt 1'",
              "invest ladder set 30/06/2025 40",
              "evidence add " + std::to_string(stc) + " --note 'Báo cáo số 12' --file '" + attachment.string() + "'",
              "update " + std::to_string(stc) + " --status in_progress --progress 40",
              "extension request " + std::to_string(stc) + " --to 31/07/2025 --reason 'Chờ số liệu'"}) {
            const auto r = run("en", args);
            REQUIRE_MESSAGE(r.exit_code == 0, args << ": " << r.err);
        }
    }
};

// What a person reads, without the paths of the test's files (random letters) and the
// program's name.
std::string readable(const test::CommandResult& r, const Office& o) {
    std::string text = r.out + r.err;
    const std::string dir = o.fx.dir.path().string();
    for (auto at = text.find(dir); at != std::string::npos; at = text.find(dir)) text.replace(at, dir.size(), " ");
    return std::regex_replace(text, std::regex("dtrack"), " ");
}

// Every command whose output is for people, with the values that give it rows to show.
std::vector<std::string> human_commands(const Office& o) {
    const auto id = std::to_string(o.stc);
    return {"list --as-of 15/07/2025",
            "show " + id,
            "history " + id,
            "agency list",
            "user list",
            "remind --within 14 --as-of 20/06/2025",
            "remind --within 7 --as-of 15/07/2025",
            "summary --as-of 15/07/2025",
            "invest status --as-of 15/07/2025",
            "invest investor list",
            "invest ladder list",
            "extension list",
            "task list",
            "directive list",
            "session-lifetime",
            "update " + id + " --owner 'Nguyễn Văn A'",
            "invest record DA-01 --date 01/07/2025 --amount 2500000",
            "backup '" + (o.fx.dir / "copy.db").string() + "'",
            "check"};
}

// Words dtrack would print in Vietnamese where English is due: its headings, the domain's words.
const char* const kVietnameseOnly[] = {"Trạng thái", "Tiến độ",   "Đơn vị",        "Chưa thực hiện", "Đang thực hiện",
                                       "Chủ trì",    "Phối hợp",   "Quản trị viên", "Cán bộ đơn vị",  "Sở, ngành",
                                       "Tỷ lệ",      "Nhắc việc",  "hạn trong",     "Chủ đầu tư",     "Toàn tỉnh",
                                       "phân công",  "Minh chứng", "Đã ",           "đề nghị",        "Chờ quyết định",
                                       "Sắp đến hạn", "Quá hạn",   "giờ",           "đồng ý",         "Mốc"};

const std::regex kEnglishGrouping("\\b[0-9]{1,3}(,[0-9]{3})+\\b");
const std::regex kVietnameseGrouping("\\b[0-9]{1,3}(\\.[0-9]{3})+\\b");
const std::regex kEnglishPercent("[0-9]\\.[0-9] %");
const std::regex kVietnamesePercent("[0-9],[0-9] %");
}  // namespace

TEST_CASE("every human-output command in Vietnamese: no English word, numbers as Vietnamese writes them") {
    Office o;
    std::string all;
    for (const auto& args : human_commands(o)) {
        CAPTURE(args);
        const auto r = o.run("vi", args);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        const auto text = readable(r, o);
        CAPTURE(text);
        const auto english = test::english_words(text);
        CHECK_MESSAGE(english.empty(), (english.empty() ? std::string() : english.front()));
        CHECK_FALSE(std::regex_search(text, kEnglishGrouping));
        CHECK_FALSE(std::regex_search(text, kEnglishPercent));
        all += text;
    }
    // The figures are there, written the Vietnamese way.
    CHECK(all.find("120.000.000.000") != std::string::npos);  // invest status: the assigned plan
    CHECK(all.find("2.500.000 đồng") != std::string::npos);   // invest record
    CHECK(all.find("5.100 byte") != std::string::npos);       // show: the attachment's size
    CHECK(std::regex_search(all, kVietnamesePercent));        // summary's on-time rate, invest status's rates
    // The domain's words as core's catalog says them (core/messages.h), never as codes.
    for (const char* w : {"Đang thực hiện", "Chủ trì", "Phối hợp", "Quản trị viên", "Cán bộ đơn vị", "Sở, ngành",
                          "Chờ quyết định", "Sắp đến hạn", "Quá hạn"}) {
        CAPTURE(w);
        CHECK(all.find(w) != std::string::npos);
    }
    for (const char* code : {"in_progress", "not_started", "department", " agency ", "coordinate", "pending"}) {
        CAPTURE(code);
        CHECK(all.find(code) == std::string::npos);
    }
}

TEST_CASE("every human-output command in English: no Vietnamese word of dtrack's own, numbers as English writes them") {
    Office o;
    std::string all;
    for (const auto& args : human_commands(o)) {
        CAPTURE(args);
        const auto r = o.run("en", args);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        const auto text = readable(r, o);
        CAPTURE(text);
        for (const char* w : kVietnameseOnly) CHECK_MESSAGE(text.find(w) == std::string::npos, w);
        CHECK_FALSE(std::regex_search(text, kVietnameseGrouping));
        CHECK_FALSE(std::regex_search(text, kVietnamesePercent));
        all += text;
    }
    CHECK(all.find("120,000,000,000") != std::string::npos);
    CHECK(all.find("2,500,000 đồng") != std::string::npos);
    CHECK(all.find("5,100 bytes") != std::string::npos);
    CHECK(std::regex_search(all, kEnglishPercent));
    for (const char* w : {"In progress", "Lead", "Coordinate", "Administrator", "Agency user", "Department", "Pending",
                          "Due soon", "Overdue"}) {
        CAPTURE(w);
        CHECK(all.find(w) != std::string::npos);
    }
}

TEST_CASE("dtrack's refusals of its own options in both languages, the exit code kept") {
    Office o;
    const auto id = std::to_string(o.stc);
    auto vi = o.run("vi", "update " + id);
    CHECK(vi.exit_code == 1);
    CHECK(vi.err == "dtrack: Không có gì để thay đổi: hãy cho --status, --progress, --owner, --due hoặc --done-on.\n");
    auto en = o.run("en", "update " + id);
    CHECK(en.exit_code == 1);
    CHECK(en.err == "dtrack: Nothing to change: give --status, --progress, --owner, --due or --done-on.\n");
    vi = o.run("vi", "invest project add DA-02 --investor X --name Y --year 2025 --plan-assigned 1 --plan-total 1 --source vay");
    CHECK(vi.exit_code == 2);
    CHECK(vi.err == "dtrack: Không có nguồn vốn 'vay' (dùng 'domestic', 'oda' hoặc 'ntp').\n");
    vi = o.run("vi", "show abc");
    CHECK(vi.exit_code == 2);
    CHECK(vi.err == "dtrack: 'abc' không phải mã phân công (số nguyên dương).\n");
    vi = o.run("vi", "update " + id + " --progress nhiều");
    CHECK(vi.exit_code == 2);
    CHECK(vi.err == "dtrack: Tiến độ 'nhiều' không phải số nguyên.\n");
    vi = o.run("vi", "remind --within 0");
    CHECK(vi.exit_code == 2);
    CHECK(vi.err == "dtrack: --within '0' không phải số ngày từ 1 đến 366.\n");
    // A storage fault's advice in the reader's language too.
    vi = test::run_dtrack("--lang vi --db '" + (o.fx.dir / "chua-co.db").string() + "' list");
    CHECK(vi.exit_code == 5);
    CHECK(vi.err.find("hãy chạy 'dtrack init' để tạo") != std::string::npos);
    CHECK(test::english_words(readable(vi, o)).empty());
}

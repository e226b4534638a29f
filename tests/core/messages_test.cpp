// The catalog of messages (core/messages.h): every code has a Vietnamese and an English text, its
// placeholders filled, Vietnamese in Vietnamese (NFC, with its diacritics, no English word), and
// no command or --flag in what the GUI shows.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/csv.h"
#include "core/date.h"
#include "core/error.h"
#include "core/messages.h"
#include "core/status.h"
#include "core/text.h"
#include "english_words.h"

using namespace dt;
using dt::test::english_words;

namespace {
// What names a command of dtrack or one of its options: never in the GUI's texts.
const char* const kCommandMarks[] = {"--", "dtrack", "evidence add", "user add", "invest ", "'init'", "DTRACK_",
                                     "server init", "agency import", "'backup'", "'restore'", " restore FILE"};

std::vector<MsgArg> sample_args(int n) {
    std::vector<MsgArg> out;
    for (int i = 1; i <= n; ++i) out.emplace_back("X" + std::to_string(i));
    return out;
}

std::set<int> placeholders(std::string_view text) {
    std::set<int> out;
    for (std::size_t i = 0; i + 2 < text.size(); ++i)
        if (text[i] == '{' && text[i + 1] >= '1' && text[i + 1] <= '9' && text[i + 2] == '}') out.insert(text[i + 1] - '0');
    return out;
}

// What dtrack's Vietnamese text may quote as it is: a command ('user add', (evidence add),
// dtrack … up to the end of the clause), an environment variable.
std::string without_commands(const std::string& text) {
    static const std::regex command("'[^']*'|\\([a-z _-]+\\)|dtrack[^,;:)]*|--[a-z-]+|[A-Z]+_[A-Z_]+");
    return std::regex_replace(text, command, " ");
}

// What any Vietnamese text may hold as it is: identifiers of files and settings (project_code,
// report.docx_template, document.xml), a server's address (postgresql://OWNER@HOST/DBNAME), and a
// single quoted word to be typed as it is ('yes', 'tasks').
std::string without_identifiers(const std::string& text) {
    static const std::regex identifier("[A-Za-z0-9]+([_.][A-Za-z0-9]+)+|postgresql://[^ )]*|'[A-Za-z_]+'");
    return std::regex_replace(text, identifier, " ");
}

bool has_diacritics(const std::string& text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    return false;
}
}  // namespace

TEST_CASE("every message code has both texts, each placeholder filled, Vietnamese in Vietnamese, no command in the GUI") {
    int codes = 0, with_cli_text = 0, cli_only = 0;
    for (int i = 0; i < static_cast<int>(Msg::Count_); ++i) {
        const auto code = static_cast<Msg>(i);
        const std::string name = msg_name(code);
        CAPTURE(name);
        const MsgText& t = msg_text(code);
        REQUIRE(t.code == code);  // an entry in one of the tables
        REQUIRE(t.en != nullptr);
        REQUIRE(t.vi != nullptr);
        CHECK(std::string(t.en) != "");
        CHECK(std::string(t.vi) != "");
        CHECK((t.en_cli == nullptr) == (t.vi_cli == nullptr));  // dtrack's own text in both languages or neither
        const int arity = msg_arity(code);
        std::set<int> expected;
        for (int n = 1; n <= arity; ++n) expected.insert(n);
        for (const char* text : {t.en, t.vi, t.en_cli, t.vi_cli})
            if (text) CHECK_MESSAGE(placeholders(text) == expected, text);
        if (t.en_cli) ++with_cli_text;
        // dtrack's own codes (messages_cli.cpp) may name a command or a --flag in any text; the
        // GUI never shows them. Every other code is checked as the GUI shows it.
        const bool only_dtrack = msg_cli_only(code);
        if (only_dtrack) ++cli_only;
        ++codes;

        const auto args = sample_args(arity);
        for (auto lang : {Lang::Vi, Lang::En})
            for (auto audience : {Audience::Gui, Audience::Cli}) {
                const auto said = phrase(code, args, lang, audience);
                CAPTURE(said);
                CHECK(placeholders(said).empty());
                if (audience == Audience::Gui && !only_dtrack)
                    for (const char* mark : kCommandMarks) CHECK_MESSAGE(said.find(mark) == std::string::npos, mark);
            }
        if (code == Msg::Plain) continue;  // a sentence outside the catalog: nothing to judge
        for (const char* text : {t.vi, t.vi_cli}) {
            if (!text) continue;
            const std::string vi = text;
            CAPTURE(vi);
            CHECK(is_valid_utf8(vi));
            CHECK(to_nfc(vi) == vi);
            CHECK(has_diacritics(vi));
            const bool may_name_commands = text != t.vi || only_dtrack;
            const auto english = english_words(without_identifiers(may_name_commands ? without_commands(vi) : vi));
            CHECK_MESSAGE(english.empty(), (english.empty() ? std::string() : english.front()));
        }
    }
    MESSAGE(codes << " codes, " << with_cli_text << " with a text of dtrack's own, " << cli_only << " dtrack's alone");
    CHECK(codes > 350);
    CHECK(with_cli_text > 0);
    CHECK(cli_only > 150);
}

TEST_CASE("the field names core's checks are given have Vietnamese names") {
    for (const FieldName& f : field_names()) {
        CAPTURE(f.en);
        const std::string vi = f.vi;
        CHECK(to_nfc(vi) == vi);
        CHECK(has_diacritics(vi));
        CHECK(english_words(vi).empty());
    }
    CHECK(phrase_arg(MsgArg::field("The note"), Lang::Vi) == "Nội dung minh chứng");
    CHECK(phrase_arg(MsgArg::field("The title of 1.a.3"), Lang::Vi) == "Tiêu đề của 1.a.3");
    CHECK(phrase_arg(MsgArg::field("Line 4: the note"), Lang::Vi) == "Dòng 4: nội dung");
    CHECK(phrase_arg(MsgArg::field("Line 4: the note"), Lang::En) == "Line 4: the note");
}

TEST_CASE("the word list finds English in a Vietnamese sentence (the walk above can fail)") {
    CHECK(english_words("Phân công 5 cannot be marked done").size() == 3);
    CHECK(english_words("Phân công 5 chưa thể đánh dấu hoàn thành").empty());
    CHECK(english_words(without_commands("hãy thêm bằng 'user add' (evidence add) dtrack --db X restore Y")).empty());
}

TEST_CASE("an error carries its code and values, each language and reader gets its sentence") {
    try {
        fail(ErrorKind::Invalid, Msg::DoneNeedsEvidence, {42});
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Invalid);
        CHECK(e.exit_code() == 2);
        CHECK(e.code() == Msg::DoneNeedsEvidence);
        REQUIRE(e.args().size() == 1);
        CHECK(std::string(e.what()) == "Assignment 42 cannot be marked done without evidence: add some first (evidence add).");
        CHECK(e.say(Lang::En, Audience::Gui) == "Assignment 42 cannot be marked done without evidence: add some first.");
        CHECK(e.say(Lang::Vi, Audience::Gui) ==
              "Phân công 42 chưa thể đánh dấu hoàn thành khi chưa có minh chứng: hãy thêm minh chứng trước.");
        CHECK(e.say(Lang::Vi, Audience::Cli).find("(evidence add)") != std::string::npos);
    }
}

TEST_CASE("values are written as the language writes them: amounts, statuses, CSV lines") {
    const std::vector<MsgArg> args{MsgArg::line(3), "A-1", MsgArg::grouped(1250000), MsgArg::grouped(120000000)};
    CHECK(phrase(Msg::EntryBeyondPlan, args, Lang::En, Audience::Gui) ==
          "Line 3: project A-1 would reach 1,250,000 đồng, beyond its whole plan of 120,000,000 đồng.");
    CHECK(phrase(Msg::EntryBeyondPlan, args, Lang::Vi, Audience::Gui) ==
          "Dòng 3: dự án A-1 sẽ lên tới 1.250.000 đồng, vượt tổng kế hoạch vốn 120.000.000 đồng.");
    CHECK(phrase(Msg::SendBackNotDone, {7, MsgArg::of(Status::InProgress)}, Lang::Vi, Audience::Gui) ==
          "Phân công 7 đang ở trạng thái đang thực hiện, chưa hoàn thành: chỉ trả lại được kết quả đã hoàn thành.");
    CHECK(std::string(word(Bucket::OpenOverdue, Lang::En)) == "open, overdue");
    CHECK(std::string(word(AssignmentRole::Lead, Lang::Vi)) == "chủ trì");
}

TEST_CASE("a file or system error exits like a storage error but is another kind") {
    const Error system(ErrorKind::System, Msg::CryptoUnavailable);
    CHECK(system.exit_code() == 5);
    CHECK(system.kind() != ErrorKind::Storage);
    const Error plain(ErrorKind::Usage, std::string("as it is"));
    CHECK(plain.code() == Msg::Plain);
    CHECK(plain.say(Lang::Vi, Audience::Gui) == "as it is");
}

TEST_CASE("dtrack's own codes are marked as such, and only they name a command where the GUI could show it") {
    CHECK(msg_cli_only(Msg::NothingToChange));
    CHECK(msg_cli_only(Msg::OutBackedUp));
    CHECK_FALSE(msg_cli_only(Msg::DoneNeedsEvidence));  // the service's: the GUI shows it
    CHECK_FALSE(msg_cli_only(Msg::WordDone));
    // The rule bites: a GUI code naming a flag would be caught by the walk's command marks.
    const std::string gui = phrase(Msg::NothingToChange, {}, Lang::Vi, Audience::Gui);
    bool marked = false;
    for (const char* mark : kCommandMarks) marked = marked || gui.find(mark) != std::string::npos;
    CHECK(marked);
}

TEST_CASE("dtrack's sentences in both languages: values in place, numbers as each language writes them") {
    CHECK(phrase(Msg::OutRecorded, {MsgArg::grouped(1250000), "DA-01", Date{2025, 6, 30}}, Lang::En, Audience::Cli) ==
          "Recorded 1,250,000 đồng for DA-01 on 30/06/2025.");
    CHECK(phrase(Msg::OutRecorded, {MsgArg::grouped(1250000), "DA-01", Date{2025, 6, 30}}, Lang::Vi, Audience::Cli) ==
          "Đã ghi 1.250.000 đồng cho DA-01 ngày 30/06/2025.");
    CHECK(phrase(Msg::OutOnTimeRate, {MsgArg::percent(37.5)}, Lang::Vi, Audience::Cli) == "Tỷ lệ đúng hạn: 37,5 %");
    CHECK(phrase(Msg::OutOnTimeRate, {MsgArg::percent(37.5)}, Lang::En, Audience::Cli) == "On-time rate: 37.5 %");
    CHECK(phrase(Msg::OutUpdated, {5, MsgArg::of(Status::InProgress), 40, 3}, Lang::En, Audience::Cli) ==
          "Assignment 5 is now in progress, 40% (version 3).");
}

TEST_CASE("every agency kind the registry uses is shown in words in both languages") {
    std::ifstream in(std::string(DT_ASSETS_DIR) + "/agencies-cao-bang.csv", std::ios::binary);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    const auto records = parse_csv(text.str());
    REQUIRE(records.size() > 50);
    REQUIRE(records[0].fields.size() > 2);
    REQUIRE(records[0].fields[2] == "kind");
    std::set<std::string> kinds;
    for (std::size_t i = 1; i < records.size(); ++i) kinds.insert(records[i].fields.at(2));
    CHECK(kinds.size() > 10);
    for (const auto& kind : kinds) {
        CAPTURE(kind);
        const std::string vi = agency_kind_label(kind, Lang::Vi), en = agency_kind_label(kind, Lang::En);
        CHECK(vi != kind);  // a code shown as it is would be the same text
        CHECK(has_diacritics(vi));
        CHECK(en != kind);  // capitalized at least
        CHECK(std::find(agency_kind_codes().begin(), agency_kind_codes().end(), kind) != agency_kind_codes().end());
    }
}

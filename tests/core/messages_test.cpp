// The catalog of messages (core/messages.h): every code has a Vietnamese and an English text, its
// placeholders filled, Vietnamese in Vietnamese (NFC, with its diacritics, no English word), and
// no command or --flag in what the GUI shows.
#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <sstream>

#include "core/error.h"
#include "core/messages.h"
#include "core/status.h"
#include "core/text.h"

using namespace dt;

namespace {
// Words that give away an English sentence. Not "in", "do", "an", "to"…: Vietnamese words too.
const std::set<std::string> kEnglish = {
    "the",     "cannot",   "must",     "not",     "add",      "first",     "file",      "database", "is",
    "are",     "was",      "with",     "please",  "give",     "use",       "has",       "have",     "only",
    "already", "there",    "this",     "that",    "which",    "would",     "should",    "from",     "into",
    "unknown", "invalid",  "empty",    "error",   "line",     "folder",    "password",  "user",     "agency",
    "evidence", "deadline", "report",  "directive", "extension", "project", "investor", "between", "after",
    "before",  "read",     "write",    "open",    "found",    "expected",  "choose",    "another",  "again",
    "and",     "or",       "of",       "for",     "on",       "at",        "by",        "it",       "be",
    "no",      "sign",     "restore",  "backup",  "disk",     "space",     "full",      "damaged",  "locked",
    "program", "command",  "setting",  "session", "template", "sheet",     "spreadsheet", "assignment",
    "cannot",  "too",      "large",    "long",    "than",     "more",      "less",      "missing",  "exists",
    "done",    "pending",  "approved", "refused", "lead",     "administrator", "viewer", "blocked", "started",
};
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

// The English words of `text`: its runs of ASCII letters, lower-cased, found in kEnglish.
std::vector<std::string> english_words(const std::string& text) {
    std::vector<std::string> found;
    std::string word;
    auto flush = [&] {
        if (!word.empty() && kEnglish.count(word)) found.push_back(word);
        word.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        // A letter with a diacritic belongs to a Vietnamese word: skip to the word's end.
        if (c >= 0x80) {
            word.clear();
            while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) >= 0x80 || std::isalpha(text[i + 1]))) ++i;
            continue;
        }
        if (std::isalpha(c)) word += static_cast<char>(std::tolower(c));
        else flush();
    }
    flush();
    return found;
}

// What dtrack's Vietnamese text may quote as it is: a command ('user add', (evidence add),
// dtrack … up to the end of the clause), an environment variable.
std::string without_commands(const std::string& text) {
    static const std::regex command("'[^']*'|\\([a-z _-]+\\)|dtrack[^,;:)]*|--[a-z-]+|[A-Z]+_[A-Z_]+");
    return std::regex_replace(text, command, " ");
}

// What any Vietnamese text may hold as it is: identifiers of files and settings (project_code,
// report.docx_template, document.xml).
std::string without_identifiers(const std::string& text) {
    static const std::regex identifier("[A-Za-z0-9]+([_.][A-Za-z0-9]+)+");
    return std::regex_replace(text, identifier, " ");
}

bool has_diacritics(const std::string& text) {
    for (char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    return false;
}
}  // namespace

TEST_CASE("every message code has both texts, each placeholder filled, Vietnamese in Vietnamese, no command in the GUI") {
    int codes = 0, with_cli_text = 0;
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
        ++codes;

        const auto args = sample_args(arity);
        for (auto lang : {Lang::Vi, Lang::En})
            for (auto audience : {Audience::Gui, Audience::Cli}) {
                const auto said = phrase(code, args, lang, audience);
                CAPTURE(said);
                CHECK(placeholders(said).empty());
                if (audience == Audience::Gui)
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
            const auto english = english_words(without_identifiers(text == t.vi ? vi : without_commands(vi)));
            CHECK_MESSAGE(english.empty(), (english.empty() ? std::string() : english.front()));
        }
    }
    MESSAGE(codes << " codes, " << with_cli_text << " with a text of dtrack's own");
    CHECK(codes > 150);
    CHECK(with_cli_text > 0);
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

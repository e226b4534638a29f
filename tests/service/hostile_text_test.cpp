// Hostile text in every field the service writes (issue 8, item 4; docs/INPUT.md): each field
// × each input is either refused as invalid input, leaving nothing changed, or stored as the
// table says and read back identical.
#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/text.h"
#include "importer/importer.h"
#include "support.h"

using namespace dt;
using store::Id;

namespace {

// One hostile input and what a field of each form stores from it (none: refused).
struct Hostile {
    const char* what;
    std::string text;
    std::optional<std::string> one_line;    // user names, agency names, owners, codes, …
    std::optional<std::string> many_lines;  // notes, reasons, a task's text
    std::optional<std::string> file_name{}; // an attachment's name, when it differs from one_line
};

const std::string kMegabyte(1024 * 1024, 'x');
const std::nullopt_t refused = std::nullopt;

std::vector<Hostile> hostile_inputs() {
    return {
        {"invalid UTF-8", "Sở Tài\xC3\x28", refused, refused},
        {"a lone continuation byte", "\x80" "ab", refused, refused},
        {"an overlong slash", "a\xC0\xAF" "b", refused, refused},
        {"a UTF-16 surrogate", "a\xED\xA0\x80" "b", refused, refused},
        {"NUL", std::string("tên\0ẩn", 9), refused, refused},
        {"an escape sequence", "màu \x1B[31mđỏ", refused, refused},
        {"DEL", "xóa\x7F", refused, refused},
        {"a C1 control (NEL)", "dòng\xC2\x85" "hai", refused, refused},
        {"a line break", "dòng một\ndòng hai", refused, "dòng một\ndòng hai"},
        {"CR LF", "đoạn một\r\nđoạn hai", refused, "đoạn một\nđoạn hai"},
        {"a tab", "cột một\tcột hai", refused, "cột một\tcột hai"},
        {"a line separator U+2028", "câu một\xE2\x80\xA8" "câu hai", refused, "câu một\ncâu hai"},
        {"a right-to-left override U+202E", "hóa đơn\xE2\x80\xAE" "fdp.exe", refused, refused},
        {"a left-to-right isolate U+2066", "mục\xE2\x81\xA6" "x", refused, refused},
        {"a right-to-left mark U+200F", "dấu\xE2\x80\x8F" "y", refused, refused},
        {"a zero-width space", "Phòng\xE2\x80\x8B Kế toán Mới", "Phòng Kế toán Mới", "Phòng Kế toán Mới"},
        {"a leading byte-order mark", "\xEF\xBB\xBF" "Trung tâm Thử nghiệm", "Trung tâm Thử nghiệm",
         "Trung tâm Thử nghiệm"},
        {"SQL meta-characters", "Robert'); DROP TABLE users;-- \"x\"", "Robert'); DROP TABLE users;-- \"x\"",
         "Robert'); DROP TABLE users;-- \"x\""},
        {"LIKE and escape characters", "100% _dự_ án \\ `x` [y]", "100% _dự_ án \\ `x` [y]",
         "100% _dự_ án \\ `x` [y]", "`x` [y]"},
        {"decomposed (NFD) Vietnamese", "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n Tho\xCC\x89", "Nguyễn Văn Thỏ",
         "Nguyễn Văn Thỏ"},
        {"a path with ..", "../../etc/passwd", "../../etc/passwd", "../../etc/passwd", "passwd"},
        {"a Windows path", "C:\\Users\\x\\bao-cao.pdf", "C:\\Users\\x\\bao-cao.pdf", "C:\\Users\\x\\bao-cao.pdf",
         "bao-cao.pdf"},
        {"an emoji beyond the BMP", "Báo cáo 📎 quý", "Báo cáo 📎 quý", "Báo cáo 📎 quý"},
        {"spaces around", "  Ban Thử Nghiệm  ", "Ban Thử Nghiệm", "Ban Thử Nghiệm"},
        {"only spaces", "   ", "", "", std::nullopt},
        {"a 1 MB name", kMegabyte, refused, refused},
    };
}

enum class Form { OneLine, ManyLines, FileName };

// A field the service writes. `prepare` makes what the write needs (outside the comparison of
// before and after); `write` stores `text` through the service and returns what it reads back.
// A `required` field refuses an empty value; `also_refuses` is the field's own extra rule.
struct Field {
    const char* name;
    Form form;
    bool required;
    std::function<std::string(test::Fixture&, const std::string&)> write;
    std::function<void(test::Fixture&)> prepare = [](test::Fixture&) {};
    std::function<bool(const std::string&)> also_refuses = [](const std::string&) { return false; };
};

int counter = 0;
std::string unique(const std::string& stem) { return stem + " " + std::to_string(++counter); }

Id task_assignment(test::Fixture& fx) { return fx.assignment_of("1.1", "Sở Tài chính"); }

service::EvidenceInput note_only(const std::string& note) { return {note, "", std::nullopt, std::nullopt}; }

std::vector<Field> fields() {
    // What a prepare step made, for the write that follows it.
    auto scratch = std::make_shared<std::string>();
    auto scratch_id = std::make_shared<Id>(0);
    std::vector<Field> f;
    f.push_back({"user name", Form::OneLine, true, [](test::Fixture& fx, const std::string& text) {
                     const Id id = fx.service->add_user(fx.admin, text, "mật-khẩu-dài", UserRole::Viewer, std::nullopt);
                     for (const auto& u : fx.service->users(fx.admin))
                         if (u.id == id) return u.name;
                     return std::string("(not found)");
                 }});
    f.push_back({"agency name", Form::OneLine, true, [](test::Fixture& fx, const std::string& text) {
                     return fx.store->agency(fx.service->add_agency(fx.admin, text, "", "department", {}))->name;
                 }});
    f.push_back({"agency short name", Form::OneLine, false, [](test::Fixture& fx, const std::string& text) {
                     return fx.store->agency(fx.service->add_agency(fx.admin, unique("Đơn vị thử"), text, "department", {}))
                         ->short_name;
                 }});
    f.push_back({"agency kind", Form::OneLine, true, [](test::Fixture& fx, const std::string& text) {
                     return fx.store->agency(fx.service->add_agency(fx.admin, unique("Đơn vị loại"), "", text, {}))->kind;
                 }});
    f.push_back({"agency's new name", Form::OneLine, true,
                 [=](test::Fixture& fx, const std::string& text) {
                     fx.service->rename_agency(fx.admin, *scratch, text);
                     return fx.store->agency(*scratch_id)->name;
                 },
                 [=](test::Fixture& fx) {
                     *scratch = unique("Đơn vị đổi tên");
                     *scratch_id = fx.service->add_agency(fx.admin, *scratch, "", "department", {});
                 }});
    f.push_back({"owner", Form::OneLine, false, [](test::Fixture& fx, const std::string& text) {
                     service::AssignmentChange change;
                     change.owner = text;
                     return fx.service->update(fx.admin, task_assignment(fx), change, std::nullopt).record.owner;
                 }});
    f.push_back({"evidence note", Form::ManyLines, true, [](test::Fixture& fx, const std::string& text) {
                     return fx.store->evidence_item(fx.service->add_evidence(fx.admin, task_assignment(fx), note_only(text)))->note;
                 }});
    f.push_back({"evidence document reference", Form::OneLine, false, [](test::Fixture& fx, const std::string& text) {
                     const Id id =
                         fx.service->add_evidence(fx.admin, task_assignment(fx), {"Ghi chú", text, std::nullopt, std::nullopt});
                     return fx.store->evidence_item(id)->doc_ref;
                 }});
    f.push_back({"attachment name", Form::FileName, true, [](test::Fixture& fx, const std::string& text) {
                     service::EvidenceInput in{"Có tệp", "", std::nullopt, store::EvidenceFile{text, "%PDF-1.4", ""}};
                     const Id id = fx.service->add_evidence(fx.admin, task_assignment(fx), in);
                     return fx.service->evidence_file(id)->name;
                 }});
    f.push_back({"extension reason", Form::ManyLines, true, [](test::Fixture& fx, const std::string& text) {
                     const Id req = fx.service->request_extension(fx.admin, task_assignment(fx), Date{2026, 12, 31}, text);
                     const auto reason = fx.store->extension(req)->reason;
                     fx.service->decide_extension(fx.admin, req, service::Decision::Refuse, "");
                     return reason;
                 }});
    f.push_back({"extension decision note", Form::ManyLines, false,
                 [=](test::Fixture& fx, const std::string& text) {
                     return fx.service->decide_extension(fx.admin, *scratch_id, service::Decision::Refuse, text).decision_note;
                 },
                 [=](test::Fixture& fx) {
                     const auto pending = fx.service->extensions(fx.admin, true);
                     *scratch_id = pending.empty() ? fx.service->request_extension(fx.admin, task_assignment(fx),
                                                                                   Date{2026, 12, 31}, "Chờ số liệu")
                                                   : pending.front().id;
                 }});
    f.push_back({"send-back reason", Form::ManyLines, true,
                 [](test::Fixture& fx, const std::string& text) {
                     return fx.service->send_back(fx.admin, fx.assignment_of("2.1", "Sở Công Thương"), text, std::nullopt)
                         .record.review_note;
                 },
                 [](test::Fixture& fx) {
                     const Id a = fx.assignment_of("2.1", "Sở Công Thương");
                     if (fx.service->get(a).record.status == Status::Done) return;
                     fx.service->add_evidence(fx.admin, a, note_only("Đã xong"));
                     service::AssignmentChange done;
                     done.status = Status::Done;
                     fx.service->update(fx.admin, a, done, std::nullopt);
                 }});
    f.push_back({"withdrawal reason", Form::ManyLines, true,
                 [=](test::Fixture& fx, const std::string& text) {
                     fx.service->withdraw_evidence(fx.admin, *scratch_id, text);
                     return fx.store->evidence_item(*scratch_id)->withdrawal_reason;
                 },
                 [=](test::Fixture& fx) { *scratch_id = fx.service->add_evidence(fx.admin, task_assignment(fx), note_only("Rút lại")); }});
    f.push_back({"investor name", Form::OneLine, true, [](test::Fixture& fx, const std::string& text) {
                     const Id id = fx.service->add_investor(fx.admin, text, std::nullopt);
                     for (const auto& i : fx.service->investors(fx.admin))
                         if (i.id == id) return i.name;
                     return std::string("(not found)");
                 }});
    auto investor = [](test::Fixture& fx) {
        if (!fx.store->find_investor("Ban Thử Vốn")) fx.service->add_investor(fx.admin, "Ban Thử Vốn", std::nullopt);
    };
    auto project = [](const std::string& code, const std::string& name) {
        return service::ProjectInput{code, name, "Ban Thử Vốn", 2025, 1'000'000'000, 1'000'000'000};
    };
    f.push_back({"project code", Form::OneLine, true,
                 [=](test::Fixture& fx, const std::string& text) {
                     const Id id = fx.service->add_project(fx.admin, project(text, unique("Dự án")));
                     for (const auto& p : fx.store->projects(Date{2025, 12, 31}))
                         if (p.id == id) return p.code;
                     return std::string("(not found)");
                 },
                 investor, [](const std::string& stored) { return stored.find_first_of(" ,") != std::string::npos; }});
    f.push_back({"project name", Form::OneLine, true,
                 [=](test::Fixture& fx, const std::string& text) {
                     const std::string code = "DA-" + std::to_string(++counter);
                     fx.service->add_project(fx.admin, project(code, text));
                     return fx.store->find_project(code)->name;
                 },
                 investor});
    auto fresh_project = [=](test::Fixture& fx) {
        investor(fx);
        *scratch = "GN-" + std::to_string(++counter);
        fx.service->add_project(fx.admin, project(*scratch, "Dự án giải ngân"));
    };
    f.push_back({"disbursement note", Form::OneLine, false,
                 [=](test::Fixture& fx, const std::string& text) {
                     fx.service->record_disbursement(fx.admin, {*scratch, Date{2025, 6, 1}, 1000, text});
                     return fx.service->disbursement_entries(fx.admin, fx.store->find_project(*scratch)->id).back().note;
                 },
                 fresh_project});
    f.push_back({"CSV note", Form::OneLine, false,
                 [=](test::Fixture& fx, const std::string& text) {
                     fx.service->import_disbursement_csv(
                         fx.admin, "project_code,date,amount,note\n" + *scratch + ",01/06/2025,1000," + csv_field(text) + "\n");
                     return fx.service->disbursement_entries(fx.admin, fx.store->find_project(*scratch)->id).back().note;
                 },
                 fresh_project});
    f.push_back({"report setting (one line)", Form::OneLine, false, [](test::Fixture& fx, const std::string& text) {
                     fx.service->set_setting(fx.admin, "report.number", text);
                     return *fx.service->setting("report.number");
                 }});
    f.push_back({"report recipients (one a line)", Form::ManyLines, false, [](test::Fixture& fx, const std::string& text) {
                     fx.service->set_setting(fx.admin, "report.recipients", text);
                     return *fx.service->setting("report.recipients");
                 }});
    auto import_with = [](test::Fixture& fx, const std::function<void(importer::Outline&)>& edit) {
        auto o = test::small_outline();
        o.directive.code = std::to_string(++counter) + "/CT-THU";
        edit(o);
        return fx.service->import_directive(fx.admin, o).directive_id;
    };
    f.push_back({"directive title", Form::OneLine, false, [=](test::Fixture& fx, const std::string& text) {
                     const Id d = import_with(fx, [&](importer::Outline& o) { o.directive.title = text; });
                     for (const auto& dir : fx.service->directives())
                         if (dir.id == d) return dir.title;
                     return std::string("(not found)");
                 }});
    f.push_back({"section title", Form::OneLine, false, [=](test::Fixture& fx, const std::string& text) {
                     const Id d = import_with(fx, [&](importer::Outline& o) { o.sections[0].title = text; });
                     return fx.service->sections(d).at(0).title;
                 }});
    f.push_back({"task title", Form::OneLine, false, [=](test::Fixture& fx, const std::string& text) {
                     const Id d = import_with(fx, [&](importer::Outline& o) { o.tasks[0].title = text; });
                     return fx.service->tasks(d).at(0).title;
                 }});
    f.push_back({"task text", Form::ManyLines, false, [=](test::Fixture& fx, const std::string& text) {
                     const Id d = import_with(fx, [&](importer::Outline& o) { o.tasks[0].text = text; });
                     return fx.service->tasks(d).at(0).text;
                 }});
    return f;
}

std::optional<std::string> expected(const Field& field, const Hostile& input) {
    std::optional<std::string> out = field.form == Form::ManyLines ? input.many_lines : input.one_line;
    if (field.form == Form::FileName && out && input.file_name) out = input.file_name;
    if (out && field.required && out->empty()) return std::nullopt;
    if (out && field.also_refuses(*out)) return std::nullopt;
    return out;
}

}  // namespace

TEST_CASE("hostile text in every field: refused as invalid input with nothing changed, or stored exactly") {
    const auto inputs = hostile_inputs();
    int stored = 0, refusals = 0;
    for (const auto& field : fields()) {
        test::Fixture fx;  // one database per field: names stored by one field never collide with another's
        for (const auto& input : inputs) {
            CAPTURE(field.name);
            CAPTURE(input.what);
            const auto want = expected(field, input);
            field.prepare(fx);
            const int journal_before = fx.store->journal_count();
            if (want) {
                std::string got;
                try {
                    got = field.write(fx, input.text);
                } catch (const Error& e) {
                    FAIL_CHECK("refused: " << e.what());
                    continue;
                }
                CHECK(got == *want);
                CHECK(is_valid_utf8(got));
                ++stored;
            } else {
                try {
                    field.write(fx, input.text);
                    FAIL_CHECK("stored, but it should have been refused");
                } catch (const Error& e) {
                    CHECK(e.kind() == ErrorKind::Invalid);
                    const std::string message = e.what();
                    CHECK(message.size() < 400);                 // one sentence, never the 1 MB echoed
                    CHECK(printable(message) == message);        // nothing a terminal would act on
                    CHECK(fx.store->journal_count() == journal_before);
                }
                ++refusals;
            }
        }
    }
    MESSAGE(stored << " stored and " << refusals << " refused");
    CHECK(stored > 100);
    CHECK(refusals > 100);
}

TEST_CASE("hostile search text is refused or simply finds nothing, lookups by name never match by accident") {
    test::Fixture fx;
    for (const auto& input : hostile_inputs()) {
        CAPTURE(input.what);
        service::ListFilter filter;
        filter.search = input.text;
        if (!input.one_line) {
            CHECK(test::kind_of([&] { fx.service->list(filter); }) == ErrorKind::Invalid);
        } else {
            CHECK_NOTHROW(fx.service->list(filter));
        }
        service::ListFilter by_agency;
        by_agency.agency = input.text;
        CHECK(test::kind_of([&] { fx.service->list(by_agency); }) == ErrorKind::Invalid);
        CHECK(test::kind_of([&] { fx.service->sign_in(input.text, "mật-khẩu-quản-trị"); }) == ErrorKind::Denied);
    }
    // SQL meta-characters are bound as text: the tables are all still there.
    CHECK(fx.service->users(fx.admin).size() == 1);
    CHECK(fx.service->list({}).size() > 0);
}

TEST_CASE("passwords: control and bidi characters refused, nothing trimmed, NFC and NFD typing both sign in") {
    if (dt::test::test_pg_uri()) {
        MESSAGE("not on PostgreSQL: a file's sign-in (argon2, lock-out); on a server the server checks passwords at connection (pg_server_test)");
        return;
    }
    test::Fixture fx;
    const std::string nfc = "mật khẩu ở đây ";
    const std::string nfd = "ma\xCC\xA3\xCC\x82t kha\xCC\x82\xCC\x89u o\xCC\x9B\xCC\x89 \xC4\x91\xC3\xA2y ";
    REQUIRE(to_nfc(nfd) == nfc);
    fx.service->add_user(fx.admin, "lan", nfd, UserRole::Viewer, std::nullopt);
    CHECK(fx.service->sign_in("lan", nfc).name == "lan");
    CHECK(fx.service->sign_in("lan", nfd).name == "lan");
    CHECK(test::kind_of([&] { fx.service->sign_in("lan", "mật khẩu ở đây"); }) == ErrorKind::Denied);  // the space counts
    for (const std::string& bad : {std::string("mật\0khẩu-dài", sizeof("mật\0khẩu-dài") - 1), std::string("mật khẩu\n-dài"),
                                  std::string("mật khẩu\xE2\x80\xAE-dài"), std::string("mật khẩu\xFF-dài"),
                                  std::string(2000, 'p'), std::string("ngắn")}) {
        CAPTURE(bad.substr(0, 20));
        CHECK(test::kind_of([&] { fx.service->add_user(fx.admin, "minh", bad, UserRole::Viewer, std::nullopt); }) ==
              ErrorKind::Invalid);
        CHECK(test::kind_of([&] { fx.service->reset_password(fx.admin, "lan", bad); }) == ErrorKind::Invalid);
    }
    CHECK(fx.service->sign_in("lan", nfc).name == "lan");  // the refused resets changed nothing
}

TEST_CASE("text checks: what each form keeps, and messages that quote hostile input safely") {
    CHECK(check_multi_line("The note", "a\r\nb\rc\xE2\x80\xA9" "d", 100) == "a\nb\nc\nd");
    CHECK(check_single_line("The name", "\xE2\x80\x8B" "An\xE2\x80\x8D" "h\xE2\x81\xA0", 100) == "Anh");
    CHECK(check_secret("The password", " \xE2\x80\x8B" "a ", 100) == " \xE2\x80\x8B" "a ");
    CHECK(check_file_name("The attachment's name", "..\\..\\x/y/bao cao.pdf") == "bao cao.pdf");
    CHECK_THROWS_AS(check_file_name("The attachment's name", "a/.."), Error);
    CHECK_THROWS_AS(check_file_name("The attachment's name", "thư-mục/"), Error);
    CHECK(safe_file_name("../../.bashrc") == "bashrc");
    CHECK(safe_file_name("..") == "attachment");
    CHECK(safe_file_name("a\x1B[2Jb\xFF.pdf") == "a_[2Jb_.pdf");
    CHECK(safe_file_name(std::string(400, 'x')).size() == 255);
    CHECK(quoted_input("a\x1B]0;x\x07" "b\xE2\x80\xAE" "c\xFF") == "'a\\u{001B}]0;x\\u{0007}b\\u{202E}c\\xFF'");
    CHECK(quoted_input(kMegabyte).size() < 100);
    try {
        check_single_line("The owner", kMegabyte, 200);
        FAIL("a 1 MB owner was accepted");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) == "The owner is too long (1,048,576 bytes; the limit is 200).");  // numbers grouped as English writes them
    }
    try {
        check_single_line("The owner", "x\xE2\x80\xAEy", 200);
        FAIL("a bidi override was accepted");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("U+202E") != std::string::npos);
    }
}

TEST_CASE("a directive pasted with bidi marks, zero-width spaces and SQL meta-characters imports cleanly") {
    test::Fixture fx;
    const std::string text =
        "Số: 41/CT-UBND\n"
        "CHỈ THỊ\nVề việc thử nghiệm\xE2\x80\x8F văn bản\n"
        "1. Sở Tài chính\xE2\x80\xAE chủ trì\xE2\x80\x8B rà soát số liệu; '); DROP TABLE tasks;-- trước ngày 30/6/2025.\n"
        "2. Sở Xây dựng\xE2\x81\xA6 thực hiện\xE2\x81\xA9 kiểm tra.\n";
    const auto outline = importer::parse_directive(text, fx.service->catalog());
    const auto summary = fx.service->import_directive(fx.admin, outline);
    REQUIRE(summary.tasks == 2);
    for (const auto& t : fx.service->tasks(summary.directive_id)) {
        CAPTURE(t.text);
        CHECK(t.text.find("\xE2\x80\xAE") == std::string::npos);
        CHECK(t.text.find("\xE2\x80\x8B") == std::string::npos);
        CHECK(check_multi_line("text", t.text, 100000) == t.text);
    }
    CHECK(fx.service->tasks(summary.directive_id).at(0).text.find("DROP TABLE tasks;--") != std::string::npos);
}

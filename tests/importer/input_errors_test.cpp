// What is not a directive gets one clear sentence, whatever the bytes; nothing crashes or hangs.
#include <chrono>
#include <random>

#include "importer_test_support.h"

using namespace importer_test;

namespace {
// The error's message when parsing fails with ErrorKind::Invalid; fails the test otherwise.
std::string invalid_message(std::string_view text) {
    try {
        parse(text);
    } catch (const dt::Error& e) {
        CHECK(e.kind() == dt::ErrorKind::Invalid);
        return e.what();
    }
    FAIL("the text was accepted");
    return {};
}

bool one_sentence(const std::string& m) {
    return !m.empty() && m.back() == '.' && m.find(". ") == std::string::npos && m.find('\n') == std::string::npos;
}
}  // namespace

TEST_CASE("empty and blank texts") {
    const std::string_view blanks[] = {"", " \n\t \r\n  ", "\xC2\xA0\xC2\xA0\n\xE2\x80\x83", "\xEF\xBB\xBF"};
    for (std::string_view text : blanks) {
        const auto m = invalid_message(text);
        CHECK(m == "The directive text is empty.");
    }
}

TEST_CASE("binary data, invalid UTF-8 and control characters") {
    std::mt19937 rng(20250411);
    std::string garbage(4096, '\0');
    for (auto& c : garbage) c = static_cast<char>(rng() & 0xFF);
    garbage[17] = '\0';
    for (const std::string& text :
         {garbage, std::string("1. Sở Tài chính") + '\0' + "thực hiện.",
          std::string("1. Sở Tài chính \xC3\x28 thực hiện."), std::string("1. Sở Tài chính \xED\xA0\x80 thực hiện.")}) {
        const auto m = invalid_message(text);
        CHECK(m == "The directive text is not readable text (binary data?).");
    }
    std::string controls = "1. Sở Tài chính thực hiện.\n";
    for (int i = 0; i < 40; ++i) controls += "\x01\x02\x1B";
    CHECK(invalid_message(controls) == "The directive text is not readable text (binary data?).");
}

TEST_CASE("a stray control character or a BOM does not spoil a directive") {
    const auto o = parse("\xEF\xBB\xBF" "1. Sở Tài chính thực hiện\x07 nhiệm vụ.\n");
    REQUIRE(o.tasks.size() == 1);
    CHECK(o.sections[0].label == "1");
    CHECK(o.tasks[0].text == "Sở Tài chính thực hiện nhiệm vụ.");
}

TEST_CASE("too large") {
    const std::string big(dt::importer::kMaxDirectiveBytes + 1, 'a');
    const auto m = invalid_message(big);
    CHECK(m.find("too large") != std::string::npos);
    CHECK(one_sentence(m));
}

TEST_CASE("a letter without numbered sections is not a directive") {
    const auto m = invalid_message(
        "Kính gửi: Sở Tài chính tỉnh Cao Bằng\n"
        "Đề nghị quý cơ quan cung cấp số liệu giải ngân vốn đầu tư công đến hết ngày 30/6/2025.\n"
        "Trân trọng cảm ơn./.\n");
    CHECK(m == "No numbered sections found: this does not look like a directive.");
}

TEST_CASE("a text with tens of thousands of items is refused") {
    std::string text = "1. Mở đầu\n";
    for (int i = 0; i < 25000; ++i) text += "- x\n";
    const auto m = invalid_message(text);
    CHECK(m.find("numbered items") != std::string::npos);
    CHECK(one_sentence(m));
}

// Speed is the benchmark's business (never a timed assertion here): these check that large
// and pathological inputs come through whole, with their MESSAGE giving the time for the log.
TEST_CASE("a directive of almost 5 MB parses whole") {
    std::string text = "1. Các sở, ban, ngành, UBND các huyện, thành phố:\n";
    const std::string bullet =
        "- Sở Tài chính chủ trì, phối hợp với Sở Nội vụ, Ủy ban nhân dân các huyện, thành phố rà soát, tổng hợp kết "
        "quả giải ngân đạt tối thiểu 50% kế hoạch vốn, hoàn thành trước ngày 18/4/2025; định kỳ hằng tháng báo cáo "
        "UBND tỉnh.\n";
    while (text.size() + bullet.size() < dt::importer::kMaxDirectiveBytes - 4096) text += bullet;
    const auto bullets = (text.size() - 60) / bullet.size();

    const auto start = std::chrono::steady_clock::now();
    const auto o = parse(text);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    CHECK(o.tasks.size() >= bullets - 1);
    CHECK(o.tasks.back().deadline.has_value());
    CHECK(o.ladder.size() == 1);  // every bullet asks 50% by the same date: one step of the ladder
    MESSAGE("parsed " << text.size() << " bytes in " << took.count() << " s");
}

TEST_CASE("one huge line, deep brackets and trigger words without dates make one task without a deadline") {
    std::string line = "1. ";
    while (line.size() < 2'000'000) line += "Sở Tài chính (trước ngày trong quý trong năm hằng tháng ";
    const auto start = std::chrono::steady_clock::now();
    const auto o = parse(line);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    CHECK(o.tasks.size() == 1);
    CHECK_FALSE(o.tasks[0].deadline.has_value());
    MESSAGE("parsed " << line.size() << " bytes in " << took.count() << " s");
}

TEST_CASE("mutated and truncated seed texts either parse or fail with Invalid") {
    const std::string seed = seed_text();
    std::mt19937 rng(7);
    for (int round = 0; round < 150; ++round) {
        std::string text = seed.substr(0, rng() % seed.size());
        for (int flips = static_cast<int>(rng() % 8); flips > 0 && !text.empty(); --flips) {
            const auto at = rng() % text.size();
            switch (rng() % 4) {
                case 0: text[at] = static_cast<char>(rng() & 0xFF); break;                     // maybe not UTF-8
                case 1: text.insert(at, "\n- "); break;                                     // a new bullet
                case 2: text.insert(at, "\nII. "); break;                                   // a Roman part
                default: text.erase(at, std::min<std::size_t>(text.size() - at, rng() % 400)); break;
            }
        }
        try {
            const auto o = parse(text);
            for (const auto& t : o.tasks) CHECK_FALSE(t.ref.empty());
        } catch (const dt::Error& e) {
            CHECK(e.kind() == dt::ErrorKind::Invalid);
        }
    }
}

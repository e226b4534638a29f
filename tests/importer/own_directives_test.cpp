// Directives written for these tests (tests/data/directives): an official document with Roman
// parts, one with CRLF, NBSP and tabs, one read NFC and NFD.
#include <utf8proc.h>

#include <cstdlib>

#include "importer_test_support.h"

using namespace importer_test;

namespace {
std::string joined(const Task& t) {
    std::string out;
    for (const auto& s : shares(t)) out += (out.empty() ? "" : "|") + s;
    return out;
}

std::string to_nfd(const std::string& nfc) {
    utf8proc_uint8_t* out = nullptr;
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(nfc.data()),
                                static_cast<utf8proc_ssize_t>(nfc.size()), &out,
                                static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE));
    REQUIRE(n >= 0);
    std::string nfd(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
    std::free(out);
    return nfd;
}
}  // namespace

TEST_CASE("official document: header columns, Roman parts, roles, deadlines, signature") {
    const auto o = parse(test_directive("ct-12-ubnd-official-roman.txt"));
    CHECK(o.directive.code == "12/CT-UBND");
    CHECK(iso(o.directive.issued_on) == "2025-05-05");
    CHECK(o.directive.issuer == "UBND tỉnh Cao Bằng");
    CHECK(o.directive.signer == "Đàm Văn Khánh");
    CHECK(o.directive.title == "Về việc tăng cường công tác quản lý, đẩy nhanh tiến độ thực hiện và giải ngân kế "
                               "hoạch vốn đầu tư công năm 2025");

    REQUIRE(o.sections.size() == 3);
    CHECK(o.sections[0].label == "I");
    CHECK(o.sections[1].label == "II");
    CHECK(o.sections[1].title == "NHIỆM VỤ CỤ THỂ");
    CHECK(o.sections[2].label == "III");

    const std::vector<std::string> expected = {"I.1",     "I.2.a",   "I.2.b",   "II.1.a", "II.1.b", "II.2.1",
                                               "II.2.2",  "II.3.1",  "II.3.2",  "II.4",   "III"};
    CHECK(refs(o) == expected);
    CHECK(task(o, "II.1.a").section == "II");
    CHECK(task(o, "II.1.a").parent == "II.1");
    CHECK_FALSE(task(o, "III").parent.has_value());

    CHECK(iso(task(o, "I.2.a").deadline) == "2025-05-31");   // "trước ngày 31 tháng 5 năm 2025"
    CHECK(iso(task(o, "II.1.a").deadline) == "2025-06-30");  // "trong quý II năm 2025"
    CHECK(iso(task(o, "II.2.1").deadline) == "2025-06-30");  // from its parent's "… trong quý II năm 2025:"
    CHECK(iso(task(o, "II.2.2").deadline) == "2025-06-30");
    CHECK(iso(task(o, "I.2.b").deadline) == "none");         // "trước ngày 05 của tháng sau" names no date
    CHECK(iso(task(o, "II.3.1").deadline) == "none");
    CHECK(task(o, "I.2.b").recurrence == dt::Recurrence::Monthly);
    CHECK(task(o, "III").recurrence == dt::Recurrence::Quarterly);
    CHECK(task(o, "II.1.b").recurrence == dt::Recurrence::Quarterly);  // "vào cuối mỗi quý"

    CHECK(joined(task(o, "I.1")) == "Các sở, ban, ngành:lead|UBND các huyện, thành phố:lead|Các chủ đầu tư:lead");
    CHECK(joined(task(o, "I.2.a")) == "Các chủ đầu tư:lead");
    CHECK(joined(task(o, "II.1.a")) ==
          "Sở Tài chính:lead|Kho bạc Nhà nước khu vực Cao Bằng:coordinate|Các chủ đầu tư:coordinate");
    CHECK(joined(task(o, "II.1.b")) == "Sở Tài chính:lead");
    // "Hướng dẫn các chủ đầu tư …" names an object, not an addressee: the bullet inherits.
    CHECK(joined(task(o, "II.2.2")) ==
          "Sở Xây dựng:lead|Sở Nông nghiệp và Môi trường:coordinate|UBND các huyện, thành phố:coordinate");
    CHECK(joined(task(o, "II.3.2")) == "Sở Nội vụ:lead|Sở Tài chính:coordinate");
    CHECK(joined(task(o, "II.4")) == "Công an tỉnh:lead|UBND các huyện, thành phố:coordinate");
    CHECK(joined(task(o, "III")) == "Văn phòng UBND tỉnh:lead");

    // The recipients' list names "Bộ Tài chính", but after the body: no task, no warning.
    CHECK(o.warnings.empty());
    for (const auto& t : o.tasks) {
        CHECK(t.text.find("Nơi nhận") == std::string::npos);
        CHECK(t.text.find("Yêu cầu Giám đốc") == std::string::npos);
    }
    CHECK(o.body.ends_with("nghiêm túc thực hiện Chỉ thị này./."));
    CHECK(o.body.find("Đàm Văn Khánh") == std::string::npos);
    CHECK(o.ladder.empty());  // no percentage in its disbursement tasks
}

TEST_CASE("CRLF, NBSP and tabs, an abolished agency, an impossible date") {
    const std::string raw = test_directive("ct-05-ubnd-crlf-nbsp.txt");
    REQUIRE(raw.find("\r\n") != std::string::npos);  // the file must keep its CRLF line ends to test them
    REQUIRE(raw.find("\xC2\xA0") != std::string::npos);
    REQUIRE(raw.find('\t') != std::string::npos);

    const auto o = parse(raw);
    CHECK(o.directive.code == "05/CT-UBND");
    CHECK(iso(o.directive.issued_on) == "2025-03-20");
    CHECK(o.directive.issuer == "UBND tỉnh Cao Bằng");
    CHECK(o.directive.signer == "Hoàng Minh Quân");
    CHECK(o.directive.title == "Về công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm 2025");
    CHECK(refs(o) == std::vector<std::string>{"1.a", "1.b", "2", "3.1", "3.2", "4", "5"});
    CHECK(o.sections[0].title == "Ủy ban nhân dân các huyện, thành phố");
    for (const auto& t : o.tasks) {
        INFO("task " << t.ref);
        CHECK(t.text.find('\r') == std::string::npos);
        CHECK(t.text.find('\t') == std::string::npos);
        CHECK(t.text.find("\xC2\xA0") == std::string::npos);
        CHECK(t.text.find("  ") == std::string::npos);
        CHECK(t.text.find("hiệu lực") == std::string::npos);
    }

    CHECK(iso(task(o, "1.a").deadline) == "none");
    CHECK(has_warning(o, "1.a: the date 31/02/2025 does not exist, so no deadline was set."));
    // The same warnings in the window's language: a clerk reads them in Vietnamese.
    CHECK(has_warning_vi(o, "1.a: ngày 31/02/2025 không có thật nên chưa đặt thời hạn."));
    CHECK(has_warning_vi(o, "2: 'Sở Giao thông vận tải' là tên cũ (đã hợp nhất năm 2025): đọc là Sở Xây dựng."));
    CHECK_FALSE(has_warning_vi(o, "does not exist"));
    CHECK(iso(task(o, "1.b").deadline) == "2025-04-15");  // "chậm nhất là ngày 15/4/2025" across an NBSP
    CHECK(iso(task(o, "3.1").deadline) == "2025-05-31");  // "trong tháng 5 năm 2025"
    CHECK(iso(task(o, "4").deadline) == "2025-06-30");    // "trong 6 tháng đầu năm 2025"
    CHECK(task(o, "3.2").recurrence == dt::Recurrence::Monthly);  // "Hằng tháng báo cáo …"

    CHECK(joined(task(o, "1.a")) == "UBND các huyện, thành phố:lead");
    CHECK(joined(task(o, "3.1")) == "Sở Nông nghiệp và Môi trường:lead");
    CHECK(joined(task(o, "4")) ==
          "Bộ Chỉ huy Quân sự tỉnh:lead|Công an tỉnh:coordinate|Bộ Chỉ huy Bộ đội Biên phòng tỉnh:coordinate");

    // Sở Giao thông vận tải was merged into Sở Xây dựng on 1/3/2025: its former name leads there,
    // with a warning.
    CHECK(has_warning(o, "2: 'Sở Giao thông vận tải' is a former name (merged in 2025): read as Sở Xây dựng."));
    CHECK(joined(task(o, "2")) == "Sở Xây dựng:lead");
    for (const auto& name : o.agencies) CHECK(name.find("Giao thông") == std::string::npos);
    // Cao Bằng's newspaper is in the registry under its name since the 2025 merger ("Báo Cao
    // Bằng" is an alias); a broadcaster named only by "tỉnh" is not: shown as written, not assigned.
    CHECK(shares(task(o, "5")) == std::vector<std::string>{"Báo và Phát thanh, Truyền hình Cao Bằng:lead"});
    CHECK(unregistered(task(o, "5")) == std::vector<std::string>{"Đài Phát thanh và Truyền hình tỉnh:lead"});
}

TEST_CASE("a directive decomposed to NFD reads exactly as its NFC form") {
    const std::string nfc = test_directive("ct-08-ubnd-cai-cach-hanh-chinh.txt");
    const std::string nfd = to_nfd(nfc);
    REQUIRE(nfd != nfc);
    REQUIRE(nfd.find("\xCC\x89") != std::string::npos);  // U+0309 COMBINING HOOK ABOVE, as in "Sở"

    const auto a = parse(nfc);
    const auto b = parse(nfd);
    CHECK(a.directive.code == "08/CT-UBND");
    CHECK(iso(a.directive.issued_on) == "2025-04-15");
    CHECK(a.directive.signer == "Lương Thị Hạnh");
    CHECK(b.directive.code == a.directive.code);
    CHECK(b.directive.title == a.directive.title);
    CHECK(b.directive.issuer == a.directive.issuer);
    CHECK(b.directive.signer == a.directive.signer);
    CHECK(b.directive.issued_on == a.directive.issued_on);
    CHECK(b.body == a.body);
    CHECK(b.agencies == a.agencies);
    CHECK(b.warnings == a.warnings);
    REQUIRE(b.tasks.size() == a.tasks.size());
    for (std::size_t i = 0; i < a.tasks.size(); ++i) {
        INFO("task " << a.tasks[i].ref);
        CHECK(b.tasks[i].ref == a.tasks[i].ref);
        CHECK(b.tasks[i].text == a.tasks[i].text);
        CHECK(b.tasks[i].deadline == a.tasks[i].deadline);
        CHECK(b.tasks[i].recurrence == a.tasks[i].recurrence);
        CHECK(shares(b.tasks[i]) == shares(a.tasks[i]));
    }
}

TEST_CASE("separate header lines, 'Ủy ban nhân dân' spelled out, lists split by semicolons") {
    const auto o = parse(test_directive("ct-08-ubnd-cai-cach-hanh-chinh.txt"));
    CHECK(o.directive.issuer == "UBND tỉnh Cao Bằng");
    CHECK(o.directive.title.starts_with("Về đẩy mạnh cải cách hành chính"));
    CHECK(refs(o) == std::vector<std::string>{"1.1", "1.2", "1.3", "2.a", "2.b", "3", "4", "5"});

    CHECK(joined(task(o, "1.1")) == "Các sở, ban, ngành:lead|UBND các huyện, thành phố:lead");
    CHECK(iso(task(o, "1.1").deadline) == "2025-12-31");  // "… đạt tối thiểu 60% trong năm 2025."
    CHECK(iso(task(o, "1.3").deadline) == "none");        // "được đánh giá trong năm 2025 đối với …"
    CHECK(task(o, "1.2").recurrence == dt::Recurrence::Quarterly);
    CHECK(iso(task(o, "2.a").deadline) == "2025-09-30");  // "xong trước ngày 30-9-2025"
    CHECK(joined(task(o, "2.a")) == "Sở Nội vụ:lead|Văn phòng UBND tỉnh:coordinate");
    CHECK(iso(task(o, "2.b").deadline) == "2025-12-31");  // "trong quý IV năm 2025"
    CHECK(iso(task(o, "3").deadline) == "2025-09-30");    // "trong tháng 9/2025"
    CHECK(joined(task(o, "3")) == "Sở Khoa học và Công nghệ:lead|Công an tỉnh:coordinate");
    CHECK(joined(task(o, "4")) == "UBND huyện Hòa An:lead|UBND huyện Quảng Hòa:lead");
    CHECK(unregistered(task(o, "4")) == std::vector<std::string>{"Ủy ban nhân dân huyện Thông Nông:lead"});
    CHECK(task(o, "4").title.starts_with("Thí điểm tiếp nhận hồ sơ"));
    CHECK(has_warning(o, "4: 'Ủy ban nhân dân huyện Thông Nông' is not in the agency registry"));
    CHECK(joined(task(o, "5")) == "Ban Quản lý Khu kinh tế:lead");
    CHECK(o.ladder.empty());  // 60% there is not about disbursement
}

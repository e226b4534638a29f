// Markers, nesting, references, where the body starts and stops, and repeated text.
#include "importer_test_support.h"

using namespace importer_test;

TEST_CASE("clause letters follow the Vietnamese alphabet, đ after d") {
    const auto o = parse(
        "1. Sở Tài chính:\n"
        "a) Việc một.\nb) Việc hai.\nc) Việc ba.\nd) Việc bốn.\nđ) Việc năm.\ne) Việc sáu.\ng) Việc bảy.\n");
    CHECK(refs(o) == std::vector<std::string>{"1.a", "1.b", "1.c", "1.d", "1.đ", "1.e", "1.g"});
    CHECK(task(o, "1.đ").text == "Việc năm.");
}

TEST_CASE("bullets are numbered within their parent, '+' within its dash bullet") {
    const auto o = parse(
        "1. Sở Tài chính:\n"
        "- Việc một.\n"
        "– Việc hai có các mốc:\n"
        "+ Mốc một.\n"
        "+ Mốc hai.\n"
        "• Việc ba.\n"
        "2. Sở Nội vụ:\n"
        "a) Việc của điểm a:\n"
        "- Ý một.\n"
        "* Ý hai.\n"
        "3. Sở Y tế thực hiện nhiệm vụ.\n");
    CHECK(refs(o) == std::vector<std::string>{"1.1", "1.2.1", "1.2.2", "1.3", "2.a.1", "2.a.2", "3"});
    CHECK(task(o, "1.2.2").parent == "1.2");
    CHECK(task(o, "2.a.1").parent == "2.a");
    CHECK(task(o, "1.1").parent == "1");
    CHECK(o.sections.size() == 3);
}

TEST_CASE("Roman parts are the sections and prefix the references") {
    const auto o = parse(
        "I. MỤC TIÊU\n"
        "1. Sở Tài chính tổng hợp kết quả.\n"
        "II. NHIỆM VỤ\n"
        "1. Các sở, ban, ngành:\n"
        "a) Sở Nội vụ:\n"
        "- Việc một.\n"
        "- Việc hai.\n"
        "2. Công an tỉnh bảo đảm an ninh.\n");
    CHECK(refs(o) == std::vector<std::string>{"I.1", "II.1.a.1", "II.1.a.2", "II.2"});
    CHECK(task(o, "II.1.a.2").section == "II");
    CHECK(task(o, "II.1.a.2").parent == "II.1.a");
    REQUIRE(o.sections.size() == 2);
    CHECK(o.sections[1].title == "NHIỆM VỤ");
}

TEST_CASE("unmarked paragraphs continue the item above, an item with children is structure") {
    const auto o = parse(
        "Mở đầu không phải nhiệm vụ.\n"
        "1. Sở Tài chính:\n"
        "- Việc một.\n"
        "Đoạn tiếp theo của việc một.\n"
        "- Việc hai.\n");
    CHECK(refs(o) == std::vector<std::string>{"1.1", "1.2"});
    CHECK(task(o, "1.1").text == "Việc một.\nĐoạn tiếp theo của việc một.");
}

TEST_CASE("a marker alone on its line takes the next line as its text") {
    const auto o = parse("1.\nSở Tài chính thực hiện nhiệm vụ.\n2. Sở Nội vụ thực hiện.\n");
    CHECK(task(o, "1").text == "Sở Tài chính thực hiện nhiệm vụ.");
    CHECK(o.sections[0].title == "Sở Tài chính thực hiện nhiệm vụ");
}

TEST_CASE("a dash glued to its text is a bullet, a negative number or a rule is not") {
    const auto o = parse("1. Sở Tài chính:\n-Tổ chức thực hiện.\n-5% so với cùng kỳ.\n-----\n");
    CHECK(refs(o) == std::vector<std::string>{"1.1"});
    CHECK(task(o, "1.1").text == "Tổ chức thực hiện.\n-5% so với cùng kỳ.");
}

TEST_CASE("the body ends at the closing, the recipients, the signature or page chrome") {
    for (std::string_view end : {"Nơi nhận:", "Lưu: VT, TH.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "CHỦ TỊCH",
                                 "PHÓ CHỦ TỊCH", "(Đã ký)", "P.V", "Lượt xem: 12", "Tin khác", "Thống kê truy cập",
                                 "Bài viết liên quan", "Chỉ thị này có hiệu lực kể từ ngày ký.",
                                 "Căn cứ Chỉ thị này, các cơ quan triển khai thực hiện."}) {
        INFO(end);
        const auto o = parse("1. Sở Tài chính thực hiện.\n2. Sở Nội vụ thực hiện.\n" + std::string(end) +
                             "\n- Như trên;\n3. Sở Y tế thực hiện.\n");
        CHECK(refs(o) == std::vector<std::string>{"1", "2"});
        CHECK(task(o, "2").text == "Sở Nội vụ thực hiện.");
    }
}

TEST_CASE("'./.' ends the body: a closing paragraph is left out, a marked item keeps its text") {
    auto o = parse("1. Sở Tài chính thực hiện.\nYêu cầu các cơ quan nghiêm túc thực hiện./.\n2. Sở Y tế.\n");
    CHECK(refs(o) == std::vector<std::string>{"1"});
    CHECK(task(o, "1").text == "Sở Tài chính thực hiện.");
    CHECK(o.body.ends_with("nghiêm túc thực hiện./."));

    o = parse("1. Sở Tài chính thực hiện.\n2. Sở Nội vụ tổng hợp, báo cáo./.\n3. Sở Y tế.\n");
    CHECK(refs(o) == std::vector<std::string>{"1", "2"});
    CHECK(task(o, "2").text == "Sở Nội vụ tổng hợp, báo cáo");
}

TEST_CASE("page chrome before the body is ignored, the preamble gives no tasks") {
    const auto o = parse(
        "Chỉ thị về việc tăng cường quản lý\nLượt xem: 52\n"
        "Thực hiện Chỉ thị số 05/CT-TTg, Chủ tịch UBND tỉnh yêu cầu:\n"
        "1. Sở Tài chính thực hiện.\n");
    CHECK(refs(o) == std::vector<std::string>{"1"});
    CHECK(o.body.find("Lượt xem") == std::string::npos);
    CHECK(o.body.starts_with("Chỉ thị về việc tăng cường quản lý\nThực hiện Chỉ thị số 05/CT-TTg"));
}

TEST_CASE("a section number seen again: the same title stops the import, another title is skipped") {
    const std::string once = "1. Tăng cường quản lý.\n- Sở Tài chính thực hiện.\n2. Cải cách hành chính.\n"
                             "- Sở Nội vụ thực hiện.\n";
    auto o = parse(once + "Nội dung Chỉ thị như sau:\n" + once);
    CHECK(refs(o) == std::vector<std::string>{"1.1", "2.1"});
    CHECK(o.warnings.size() == 2);  // only the missing number and date

    o = parse(once + "1. Một mục khác.\n- Sở Y tế thực hiện.\n3. Phát triển du lịch.\n- Sở Công Thương thực hiện.\n");
    CHECK(refs(o) == std::vector<std::string>{"1.1", "2.1", "3.1"});
    CHECK(has_warning(o, "Section 1 appears a second time with a different title"));
    CHECK(task(o, "3.1").text == "Sở Công Thương thực hiện.");
}

TEST_CASE("a clause letter repeated inside one section gets a distinct reference") {
    const auto o = parse("1. Sở Tài chính:\na) Việc một.\na) Việc hai.\n");
    CHECK(refs(o) == std::vector<std::string>{"1.a", "1.a-2"});
    CHECK(has_warning(o, "Item 1.a appears more than once; the repeat was numbered 1.a-2."));
}

TEST_CASE("lone CR and Unicode line separators end lines too") {
    const auto o = parse("1. Sở Tài chính thực hiện.\r2. Sở Nội vụ thực hiện.\xE2\x80\xA8" "3. Sở Y tế thực hiện.\n");
    CHECK(refs(o) == std::vector<std::string>{"1", "2", "3"});
    CHECK(task(o, "2").text == "Sở Nội vụ thực hiện.");
}

// Deadlines, recurrences, roles and directive numbers, each read from a small text.
#include "importer_test_support.h"

using namespace importer_test;

namespace {
// One bullet under Sở Tài chính carrying `phrase`: returns that task.
Task bullet_with(std::string_view phrase) {
    const auto o = parse("1. Sở Tài chính:\n- Rà soát, tổng hợp kết quả thực hiện " + std::string(phrase) + ".\n");
    return task(o, "1.1");
}

std::string joined(const Task& t) {
    std::string out;
    for (const auto& s : shares(t)) out += (out.empty() ? "" : "|") + s;
    return out;
}
}  // namespace

TEST_CASE("deadline phrases") {
    const std::vector<std::pair<std::string_view, std::string_view>> cases = {
        {"trước ngày 18/4/2025", "2025-04-18"},
        {"TRƯỚC NGÀY 10/10/2026", "2026-10-10"},
        {"đến hết ngày 30/6/2025", "2025-06-30"},
        {"đến ngày 15-5-2025", "2025-05-15"},
        {"chậm nhất là ngày 05/01/2026", "2026-01-05"},
        {"chậm nhất ngày 5/1/2026", "2026-01-05"},
        {"hoàn thành trước 31/12/2025", "2025-12-31"},
        {"xong trước ngày 1 tháng 6 năm 2026", "2026-06-01"},
        {"trong ngày 20/4/2025", "2025-04-20"},
        {"trong quý I năm 2026", "2026-03-31"},
        {"trong quý III/2026", "2026-09-30"},
        {"trong quý IV năm 2025", "2025-12-31"},
        {"trong tháng 2 năm 2028", "2028-02-29"},
        {"trong tháng 11/2026", "2026-11-30"},
        {"trong năm 2025", "2025-12-31"},
        {"trong 6 tháng đầu năm 2026", "2026-06-30"},
        {"trong 6 tháng cuối năm 2026", "2026-12-31"},
        {"theo Nghị quyết số 57-NQ/TW ngày 22/12/2024", "none"},  // a reference, no trigger
        {"trong năm 2025 đối với người đứng đầu", "none"},        // the year qualifies, it is no deadline
        {"trước ngày 25 hằng tháng", "none"},                     // no full date
        {"trước khi kết thúc năm 2025", "none"},
        {"đến hết ngày 30/9/2025 và trước ngày 18/4/2025", "2025-09-30"},  // the first phrase wins
    };
    for (const auto& [phrase, expected] : cases) {
        INFO(phrase);
        CHECK(iso(bullet_with(phrase).deadline) == expected);
    }
}

TEST_CASE("an impossible date is a warning naming the task, not a deadline") {
    const auto o = parse("1. Sở Tài chính:\n- Nộp báo cáo trước ngày 31/02/2026.\n- Việc khác trong tháng 13/2026.\n");
    CHECK_FALSE(task(o, "1.1").deadline.has_value());
    CHECK_FALSE(task(o, "1.2").deadline.has_value());
    CHECK(has_warning(o, "1.1: the date 31/02/2026 does not exist"));
    CHECK(has_warning(o, "1.2: the date 13/2026 does not exist"));
}

TEST_CASE("a structural parent's deadline phrase covers its children, not its siblings") {
    const auto o = parse(
        "1. Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính trong quý II năm 2026:\n"
        "- Kiểm tra các công trình.\n"
        "- Báo cáo kết quả trước ngày 15/5/2026.\n"
        "2. Sở Nội vụ:\n"
        "- Theo dõi việc thực hiện.\n");
    CHECK(iso(task(o, "1.1").deadline) == "2026-06-30");
    CHECK(iso(task(o, "1.2").deadline) == "2026-05-15");
    CHECK(iso(task(o, "2.1").deadline) == "none");
}

TEST_CASE("recurrence only when the text clearly asks for a periodic action") {
    const std::vector<std::pair<std::string_view, dt::Recurrence>> cases = {
        {"định kỳ hằng tháng", dt::Recurrence::Monthly},
        {"và báo cáo hàng quý", dt::Recurrence::Quarterly},
        {"và báo cáo kết quả thực hiện hằng năm", dt::Recurrence::Yearly},
        {"hằng quý gửi Sở Nội vụ", dt::Recurrence::Quarterly},
        {"định kỳ hàng năm", dt::Recurrence::Yearly},
        {"thường xuyên hằng năm", dt::Recurrence::None},
        {"kiểm tra hằng tháng các công trình", dt::Recurrence::Monthly},  // an inspection every month
        {"và công khai kết quả hằng tháng", dt::Recurrence::Monthly},       // the clause's rhythm
        {"trợ cấp hằng tháng cho người có công", dt::Recurrence::None},
        {"của ngân hàng tháng trước", dt::Recurrence::None},
    };
    for (const auto& [phrase, expected] : cases) {
        INFO(phrase);
        CHECK(bullet_with(phrase).recurrence == expected);
    }
}

TEST_CASE("the ladder takes the percentage after 'tối thiểu', else the last one") {
    const auto o = parse(
        "1. Các chủ đầu tư:\n"
        "- Đến hết ngày 30/6/2026: Giải ngân vốn kéo dài đạt 100%; giải ngân vốn năm 2026 đạt tối thiểu 45%.\n"
        "- Đến hết ngày 30/9/2026: Giải ngân đạt 70% kế hoạch.\n"
        "- Đến hết ngày 31/10/2026: Tỷ lệ hồ sơ trực tuyến đạt 80%.\n"
        "- Giải ngân đạt 90% kế hoạch vốn.\n");
    REQUIRE(o.ladder.size() == 2);  // no disbursement in 1.3; no deadline in 1.4
    CHECK(o.ladder[0].percent == 45);
    CHECK(o.ladder[0].task_ref == "1.1");
    CHECK(o.ladder[1].percent == 70);
    CHECK(o.ladder[1].date.iso() == "2026-09-30");
}

TEST_CASE("the ladder only climbs: a step down or a second figure for the same date is left out with a warning") {
    const auto o = parse(
        "1. Các chủ đầu tư:\n"
        "- Đến hết ngày 30/9/2026: Giải ngân đạt tối thiểu 80% kế hoạch.\n"
        "- Đến hết ngày 30/6/2026: Giải ngân đạt tối thiểu 50% kế hoạch.\n"
        "- Đến hết ngày 31/10/2026: Giải ngân đạt tối thiểu 60% kế hoạch.\n"
        "- Đến hết ngày 30/9/2026: Giải ngân vốn ODA đạt tối thiểu 85%.\n"
        "- Đến hết ngày 31/12/2026: Giải ngân đạt 100% kế hoạch.\n");
    REQUIRE(o.ladder.size() == 3);  // in date order, whatever the text's order
    CHECK(o.ladder[0].percent == 50);
    CHECK(o.ladder[1].percent == 80);
    CHECK(o.ladder[1].date.iso() == "2026-09-30");
    CHECK(o.ladder[2].percent == 100);
    const auto has = [&](const std::string& text) {
        return std::any_of(o.warnings.begin(), o.warnings.end(), [&](const auto& w) { return w.english().find(text) != std::string::npos; });
    };
    CHECK(has("1.3: 60% by 31/10/2026 was not taken as a disbursement milestone: the ladder already asks 80% by 30/09/2026."));
    CHECK(has("1.4: 85% by 30/09/2026 was not taken"));
}

TEST_CASE("roles: 'X chủ trì, phối hợp với Y', bullets that name agencies, objects that are not addressees") {
    const auto o = parse(
        "1. Sở Tài chính:\n"
        "- Hướng dẫn các chủ đầu tư lập kế hoạch giải ngân.\n"
        "- Phối hợp với Kho bạc Nhà nước tỉnh kiểm soát chi.\n"
        "- Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở Tư pháp thẩm định hồ sơ.\n"
        "- Ủy ban nhân dân các huyện, thành phố: kiểm tra hiện trường.\n"
        "2. Sở Xây dựng hướng dẫn Ủy ban nhân dân các huyện, thành phố lập quy hoạch.\n"
        "3. Sở Y tế chủ trì, phối hợp với Sở Y tế và các cơ quan liên quan, Công an tỉnh thực hiện.\n"
        "4. Về chuyển đổi số, Sở Khoa học và Công nghệ chủ trì thực hiện.\n");
    CHECK(joined(task(o, "1.1")) == "Sở Tài chính:lead");
    CHECK(joined(task(o, "1.2")) == "Sở Tài chính:lead|Kho bạc Nhà nước khu vực Cao Bằng:coordinate");
    CHECK(joined(task(o, "1.3")) == "Sở Nội vụ:lead|Sở Tài chính:coordinate|Sở Tư pháp:coordinate");
    CHECK(joined(task(o, "1.4")) == "UBND các huyện, thành phố:lead");
    CHECK(joined(task(o, "2")) == "Sở Xây dựng:lead");
    CHECK(joined(task(o, "3")) == "Sở Y tế:lead|Công an tỉnh:coordinate");  // lead stays lead, once
    CHECK(joined(task(o, "4")) == "Sở Khoa học và Công nghệ:lead");
    CHECK(o.agencies.front() == "Sở Tài chính");
}

TEST_CASE("roles: a province after a registry name does not end the list of addressees") {
    const auto o = parse("1. Sở Tài chính tỉnh Cao Bằng, Sở Nội vụ và Công an tỉnh Cao Bằng: phối hợp kiểm tra.\n");
    CHECK(joined(task(o, "1")) == "Sở Tài chính:lead|Sở Nội vụ:lead|Công an tỉnh:lead");
}

TEST_CASE("unknown agencies are warned about and never assigned, the issuer itself is not unknown") {
    const auto o = parse(
        "1. Các sở, ban, ngành:\n"
        "a) Sở Giao thông vận tải: bảo đảm giao thông.\n"
        "b) Sở Tài chính chủ trì, phối hợp với Bộ Tài chính, Cục Thuế tỉnh rà soát nguồn thu.\n"
        "c) Tham mưu UBND tỉnh ban hành kế hoạch, phối hợp với Ủy ban nhân dân tỉnh Lạng Sơn thực hiện.\n");
    // A former name (merged on 1/3/2025) leads to its successor, with a warning.
    CHECK(joined(task(o, "1.a")) == "Sở Xây dựng:lead");
    CHECK(has_warning(o, "1.a: 'Sở Giao thông vận tải' is a former name (merged in 2025): read as Sở Xây dựng."));
    CHECK(joined(task(o, "1.b")) == "Sở Tài chính:lead");
    // Names the registry does not know are shown as written, never assigned by the service.
    CHECK(unregistered(task(o, "1.b")) == std::vector<std::string>{"Bộ Tài chính:coordinate", "Cục Thuế tỉnh:coordinate"});
    CHECK(has_warning(o, "1.b: 'Bộ Tài chính' is not in the agency registry"));
    CHECK(has_warning(o, "1.b: 'Cục Thuế tỉnh' is not in the agency registry"));
    CHECK(joined(task(o, "1.c")) == "Các sở, ban, ngành:lead");
    CHECK_FALSE(has_warning(o, "UBND tỉnh'"));
    CHECK_FALSE(has_warning(o, "Lạng Sơn"));
    for (const auto& name : o.agencies) {
        CHECK(name != "Bộ Tài chính");
        CHECK(name.find("Giao thông") == std::string::npos);
    }
}

TEST_CASE("directive numbers and dates: the directive issued, not the ones it cites") {
    auto o = parse(
        "Thực hiện Chỉ thị số 05/CT-TTg ngày 01/3/2025 của Thủ tướng Chính phủ, UBND tỉnh Cao Bằng yêu cầu:\n"
        "1. Sở Tài chính thực hiện.\n");
    CHECK(o.directive.code.empty());
    CHECK(has_warning(o, "No directive number (Số: …/CT-…) was found."));
    CHECK_FALSE(o.directive.issued_on.has_value());

    o = parse(
        "Chỉ thị về việc tăng cường kỷ luật, kỷ cương hành chính\n"
        "Ngày 02/6/2025, Phó Chủ tịch UBND tỉnh Lê Văn Bình đã ký ban hành Chỉ thị số 15/2025/CT-UBND về việc "
        "tăng cường kỷ luật, kỷ cương hành chính trên địa bàn tỉnh Cao Bằng.\n"
        "1. Sở Nội vụ thực hiện.\n");
    CHECK(o.directive.code == "15/2025/CT-UBND");
    CHECK(iso(o.directive.issued_on) == "2025-06-02");
    CHECK(o.directive.signer == "Lê Văn Bình");
    CHECK(o.directive.issuer == "UBND tỉnh Cao Bằng");
    CHECK(o.directive.title == "Về việc tăng cường kỷ luật, kỷ cương hành chính");

    // Header columns that a copy and paste joined with single spaces.
    o = parse(
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH SƠN LA Độc lập - Tự do - Hạnh phúc\n"
        "Số: 21/CT-UBND Sơn La, ngày 9 tháng 10 năm 2025\n"
        "Thực hiện Kết luận số 12-KL/TU, ngày 15 tháng 3 năm 2025 của Tỉnh ủy:\n"
        "1. Sở Tài chính thực hiện.\n");
    CHECK(o.directive.code == "21/CT-UBND");
    CHECK(iso(o.directive.issued_on) == "2025-10-09");
    CHECK(o.directive.issuer == "UBND tỉnh Sơn La");

    o = parse(
        "THỦ TƯỚNG CHÍNH PHỦ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 05/CT-TTg\tHà Nội, ngày 01 tháng 3 năm 2025\n"
        "CHỈ THỊ\nVề các nhiệm vụ, giải pháp trọng tâm\n"
        "1. Các bộ, ngành thực hiện.\n");
    CHECK(o.directive.code == "05/CT-TTg");
    CHECK(iso(o.directive.issued_on) == "2025-03-01");
    CHECK(o.directive.issuer == "Thủ tướng Chính phủ");
    CHECK(o.directive.title == "Về các nhiệm vụ, giải pháp trọng tâm");
}

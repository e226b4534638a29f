// Tables of tasks as they arrive when copied to text (src/importer/tables.h).
#include "importer_test_support.h"

using namespace importer_test;

namespace {
const std::string kHead =
    "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: 21/KH-UBND    Cao Bằng, ngày 10 tháng 3 năm 2026\n\nKẾ HOẠCH\nVề thử\n\n";
}

TEST_CASE("a table with tab-separated cells: one task a row, an empty cell left empty, columns in any order") {
    const auto o = parse(kHead +
                         "I. NHIỆM VỤ\n"
                         "STT\tNội dung công việc\tThời gian hoàn thành\tCơ quan chủ trì\tCơ quan phối hợp\tGhi chú\n"
                         "1\tRà soát quy hoạch\tQuý II/2026\tSở Xây dựng\tSở Tài chính; UBND các xã, phường\t\n"
                         "2\tTập huấn cán bộ\tHằng năm\tSở Nội vụ\t\tNgân sách tỉnh\n"
                         "3.\tLập báo cáo tổng kết\t15/12/2026\tVăn phòng UBND tỉnh\tCác sở, ban, ngành\t\n"
                         "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ theo dõi, đôn đốc./.\n");
    CHECK(refs(o) == std::vector<std::string>{"I.1", "I.2", "I.3", "II.1"});
    CHECK(shares(task(o, "I.1")) ==
          std::vector<std::string>{"Sở Xây dựng:lead", "Sở Tài chính:coordinate", "UBND các xã, phường:coordinate"});
    CHECK(iso(task(o, "I.1").deadline) == "2026-06-30");
    CHECK(task(o, "I.1").text.starts_with("Sở Xây dựng chủ trì, phối hợp với Sở Tài chính; UBND các xã, phường: Rà soát"));
    CHECK(shares(task(o, "I.2")) == std::vector<std::string>{"Sở Nội vụ:lead"});
    CHECK(task(o, "I.2").recurrence == dt::Recurrence::Yearly);
    CHECK(task(o, "I.2").text.find("Ngân sách") == std::string::npos);  // "Ghi chú" is not a duty
    CHECK(iso(task(o, "I.3").deadline) == "2026-12-15");
    CHECK(shares(task(o, "I.3")) == std::vector<std::string>{"Văn phòng UBND tỉnh:lead", "Các sở, ban, ngành:coordinate"});
}

TEST_CASE("a table copied one cell a line from a PDF, a line 'TT' without a header is no table") {
    const auto o = parse(kHead +
                         "1. Sở Tài chính chủ trì rà soát nguồn vốn.\n"
                         "2. Các nhiệm vụ cụ thể:\n"
                         "TT\nNhiệm vụ\nCơ quan chủ trì\nThời hạn\n"
                         "1\nXây dựng cơ sở dữ liệu\nSở Khoa học và Công nghệ\nTháng 9/2026\n"
                         "2\nCông bố thủ tục hành chính\nVăn phòng UBND tỉnh\nThường xuyên\n"
                         "3. Công an tỉnh bảo đảm an ninh mạng./.\n");
    CHECK(refs(o) == std::vector<std::string>{"1", "2.1", "2.2", "3"});
    CHECK(shares(task(o, "2.1")) == std::vector<std::string>{"Sở Khoa học và Công nghệ:lead"});
    CHECK(iso(task(o, "2.1").deadline) == "2026-09-30");
    CHECK(shares(task(o, "2.2")) == std::vector<std::string>{"Văn phòng UBND tỉnh:lead"});
    CHECK(iso(task(o, "2.2").deadline) == "none");

    const auto plain = parse(kHead + "1. Sở Tài chính chủ trì.\nTT\nlà viết tắt của thứ tự.\n2. Sở Y tế kiểm tra./.\n");
    CHECK(refs(plain) == std::vector<std::string>{"1", "2"});
}

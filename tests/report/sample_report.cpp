#include "sample_report.h"

namespace dt::test {

report::Report sample_report(int extra_tasks) {
    using namespace report;
    Report r;
    r.as_of = Date{2025, 9, 30};
    r.generated_on = Date{2025, 10, 3};
    r.directive_code = "07/CT-UBND";
    r.directive_title = "Về việc tập trung triển khai các nhiệm vụ, giải pháp trọng tâm, đột phá thúc đẩy tăng trưởng kinh tế";
    r.directive_issued_on = Date{2025, 4, 11};
    r.directive_issuer = "UBND tỉnh Cao Bằng";
    r.settings.signer_name = "Nguyễn Văn Ví Dụ";
    r.totals.buckets = {3, 1, 5, 4, 20};
    r.totals.total = 33;
    r.totals.deadline_passed = 8;
    r.totals.on_time_rate = 37.5;

    Evidence hostile{"<script>alert('x')</script> \"trích dẫn\", có dấu phẩy\ndòng thứ hai", "215/BC-STC", Date{2025, 6, 30},
                     "2025-06-30T08:00:00Z"};
    Evidence long_note{std::string(10000, 'a'), "", std::nullopt, "2025-07-01T08:00:00Z"};

    SectionPart s1{"1", "Đẩy mạnh giải ngân vốn đầu tư công, lấy đầu tư công dẫn dắt, kích hoạt và thu hút mọi nguồn lực xã hội",
                   {}, {}};
    s1.counts = r.totals;
    TaskPart commitment{"1.a.3", "Lập kế hoạch giải ngân chi tiết từng dự án", "Lập kế hoạch giải ngân chi tiết từng dự án …",
                        Date{2025, 4, 18}, {}};
    commitment.shares.push_back({101, "Sở Tài chính", AssignmentRole::Lead, Status::Done, Bucket::DoneOnTime, 100, "Lê Văn Minh",
                                 Date{2025, 4, 18}, Date{2025, 4, 17}, hostile});
    commitment.shares.push_back({102, "UBND huyện Bảo Lạc", AssignmentRole::Lead, Status::Blocked, Bucket::OpenOverdue, 40,
                                 "Hoàng Thị Lan", Date{2025, 4, 18}, std::nullopt, long_note});
    commitment.shares.push_back({103, "Sở Xây dựng", AssignmentRole::Coordinate, Status::InProgress, Bucket::OpenOverdue, 60, "",
                                 Date{2025, 4, 18}, std::nullopt, std::nullopt});
    s1.tasks.push_back(commitment);
    for (int i = 0; i < extra_tasks; ++i) {
        TaskPart t{"1.a." + std::to_string(10 + i), "Nhiệm vụ thử nghiệm số " + std::to_string(i) + " về đầu tư công, kỷ luật, kỷ cương",
                   "…", std::nullopt, {}};
        t.shares.push_back({1000 + i, "Sở Nông nghiệp và Môi trường", AssignmentRole::Lead, Status::NotStarted,
                            Bucket::NoDeadline, 0, "", std::nullopt, std::nullopt, std::nullopt});
        s1.tasks.push_back(t);
    }
    r.sections.push_back(s1);
    SectionPart s2{"2", "Thực hiện đồng bộ các giải pháp tạo thuận lợi cho các thành phần kinh tế", {}, {}};
    s2.tasks.push_back({"2.d", "Triển khai hiệu quả các giải pháp điều hành chính sách tiền tệ", "…", std::nullopt,
                        {{201, "Ngân hàng Nhà nước chi nhánh Khu vực V", AssignmentRole::Lead, Status::InProgress,
                          Bucket::NoDeadline, 50, "", std::nullopt, std::nullopt, std::nullopt}}});
    r.sections.push_back(s2);

    r.overdue.push_back({"1.a.3", commitment.title, commitment.shares[1], 165});
    r.overdue.push_back({"1.a.3", commitment.title, commitment.shares[2], 165});
    r.blocked.push_back({"1.a.3", commitment.title, commitment.shares[1], 165});
    r.agencies.push_back({"UBND huyện Bảo Lạc", r.totals});
    r.agencies.push_back({"Sở Tài chính", r.totals});

    Disbursement d;
    d.required_percent = 75;
    d.next_milestone = Date{2025, 11, 30};
    d.next_percent = 85;
    d.investors.push_back({"Huyện Ví dụ Núi Đá (giả định)", 180'000'000'000, 184'000'000'000, 46'209'000'000, 25.7, 25.1, true, 1,
                           12'000'000'000});
    d.investors.push_back({"Ban QLDA Ví dụ Giao thông (giả định)", 110'000'000'000, 110'000'000'000, 93'190'000'000, 84.7, 84.7,
                           false, 2, 5'000'000'000});
    d.province = {"Toàn tỉnh", 290'000'000'000, 294'000'000'000, 139'399'000'000, 48.1, 47.4, true, 0, 17'000'000'000};
    d.behind = 1;
    r.disbursement = d;

    Changes c;
    c.since = Date{2025, 6, 30};
    c.newly_done.push_back({"1.a.3", commitment.title, "Sở Tài chính", "215/BC-STC", "17/04/2025"});
    c.newly_overdue.push_back({"1.a.3", commitment.title, "UBND huyện Bảo Lạc", "hạn 18/04/2025", "19/04/2025"});
    c.deadline_changes.push_back({"1.a.3", commitment.title, "Sở Xây dựng", "18/04/2025 → 31/07/2025", "20/07/2025"});
    c.new_evidence.push_back({"1.a.3", commitment.title, "Sở Tài chính", "215/BC-STC: <b>báo cáo</b>", "30/06/2025"});
    r.changes = c;
    return r;
}

}  // namespace dt::test

#pragma once
// The progress report at an as-of date: plain data that every writer lays out.
// No I/O and no GUI here; build.cpp fills it from the service.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace dt::report {

// What the admin sets once: who issues the report and to whom it goes (Decree 30/2020).
struct Settings {
    std::string parent_body;                          // "" (a provincial People's Committee has none above it on the page)
    std::string issuing_body = "ỦY BAN NHÂN DÂN TỈNH CAO BẰNG";
    std::string number = "…/BC-UBND";                // "Số: …/BC-UBND"
    std::string place = "Cao Bằng";                   // "Cao Bằng, ngày … tháng … năm …"
    std::string signer_authority = "TM. ỦY BAN NHÂN DÂN";
    std::string signer_title = "CHỦ TỊCH";
    std::string signer_name;                          // may stay empty until signed
    std::optional<Date> issued_on;                    // the document's date; the day it is made when absent
    std::string docx_template;                        // the province's own Word template; assets' when empty
    std::vector<std::string> recipients = {"Văn phòng Chính phủ;", "Thường trực Tỉnh ủy;", "Thường trực HĐND tỉnh;",
                                           "Chủ tịch, các PCT UBND tỉnh;", "Các sở, ban, ngành;",
                                           "UBND các huyện, thành phố;", "Lưu: VT."};
};

struct Counts {
    std::array<int, 5> buckets{};  // indexed by Bucket
    int total = 0;
    int deadline_passed = 0;
    double on_time_rate = 0.0;     // percent: done on time ÷ assignments whose deadline has passed
    int count(Bucket b) const { return buckets[static_cast<int>(b)]; }
};

struct Evidence {
    std::string note;
    std::string doc_ref;               // "215/BC-STC"
    std::optional<Date> doc_date;
    std::string created_at;            // UTC timestamp
};

// One agency's share of a task.
struct Share {
    std::int64_t assignment_id = 0;
    std::string agency;
    AssignmentRole role = AssignmentRole::Lead;
    Status status = Status::NotStarted;
    Bucket bucket = Bucket::NoDeadline;
    int progress = 0;
    std::string owner;
    std::optional<Date> due;
    std::optional<Date> completed_on;
    std::optional<Evidence> latest_evidence;
    std::optional<Date> original_due{};  // as first assigned; `due` is today's, after extensions
    int extensions = 0;                  // approved extensions
    std::string difficulties{};          // what the agency wrote: khó khăn, vướng mắc
    std::string proposals{};             // and đề xuất, kiến nghị
};

struct TaskPart {
    std::string ref;
    std::string title;
    std::string text;
    std::optional<Date> deadline;  // as the directive set it
    std::vector<Share> shares;
};

struct SectionPart {
    std::string label;
    std::string title;
    Counts counts;
    std::vector<TaskPart> tasks;
};

// An overdue or blocked share, with what the agency said (its latest evidence) as its proposal.
struct Issue {
    std::string ref;
    std::string title;
    Share share;
    int days_overdue = 0;
};

// Part III: an agency's difficulties and proposals, one item per assignment that has any.
struct AgencyProposals {
    std::string agency;
    struct Item {
        std::string ref;
        std::string title;
        std::string difficulties;
        std::string proposals;
    };
    std::vector<Item> items;
};

struct AgencyLine {
    std::string agency;
    Counts counts;
};

struct InvestorLine {
    std::string investor;
    std::int64_t plan_assigned = 0;
    std::int64_t plan_total = 0;
    std::int64_t disbursed = 0;
    double rate_assigned = 0.0;
    double rate_total = 0.0;
    bool behind = false;
    int rank = 0;
    std::optional<std::int64_t> disbursed_since;  // movement since the previous report, when there is one
};

struct Disbursement {
    int required_percent = 0;
    std::optional<Date> next_milestone;
    int next_percent = 0;
    InvestorLine province;          // totals, investor = "Toàn tỉnh"
    std::vector<InvestorLine> investors;  // slowest first
    int behind = 0;
};

struct Change {
    std::string ref;
    std::string title;
    std::string agency;
    std::string what;  // "30/06/2025 → 31/07/2025", the evidence's reference, …
    std::string when;  // dd/mm/yyyy
};

struct Changes {
    Date since;
    std::vector<Change> newly_done;
    std::vector<Change> newly_overdue;
    std::vector<Change> deadline_changes;
    std::vector<Change> new_evidence;
    // Assignments the office closed (unassigned, or their task removed, after work was done on
    // them): no longer counted, so the report says which and why (service/structure.cpp).
    std::vector<Change> closed{};
};

struct Report {
    Settings settings;
    Date as_of;
    Date generated_on;
    std::string directive_code;   // "07/CT-UBND"
    std::string directive_title;  // "Về việc …"
    std::optional<Date> directive_issued_on;
    std::string directive_issuer;
    Counts totals;
    std::vector<SectionPart> sections;
    std::vector<Issue> overdue;        // most days overdue first
    std::vector<Issue> blocked;
    std::vector<AgencyLine> agencies;  // most overdue first
    std::vector<AgencyProposals> proposals;  // by agency name
    std::optional<Disbursement> disbursement;
    std::optional<Changes> changes;
};

// "Báo cáo tình hình thực hiện Chỉ thị số 07/CT-UBND …" and the summary line under it.
std::string report_title(const Report& r);
std::string report_subtitle(const Report& r);
// "Cao Bằng, ngày 15 tháng 7 năm 2025": the document's date (settings.issued_on), else the day made.
std::string place_and_date(const Report& r);

}  // namespace dt::report

#pragma once
// View models: rows the views draw, rebuilt only when the data or the filter changes.
// No ImGui here, so they are tested and benchmarked without a window.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/date.h"
#include "core/status.h"
#include "service/service.h"
#include "ui/strings.h"

namespace dt::ui {

using store::Id;

struct TaskRow {
    Id id = 0;
    Id agency_id = 0;
    std::string directive;
    std::string ref;
    std::string section;
    std::string agency;        // its short name when it has one (tables), else its name
    std::string agency_full;   // its name (tooltips, filters)
    std::string title;
    std::string owner;
    std::string due_text;  // dd/mm/yyyy or —
    std::optional<Date> due;
    AssignmentRole role = AssignmentRole::Lead;
    Status status = Status::NotStarted;
    Bucket bucket = Bucket::NoDeadline;
    int progress = 0;
    int version = 1;
    // Indexes into the table's per-task and per-(agency, owner) data, shared by many rows so
    // that a filter tests each text once and a sort compares integers.
    int task = 0;       // the task's folded ref, title and text
    int agency_key = 0;  // folded agency name and short name
    int owner_key = 0;   // folded owner
    int ref_rank = 0;   // the task's place as the directive reads: 1.a.2 < 1.a.10 < 1.đ < 2
    int agency_rank = 0;
    int section_index = 0;  // into TaskTable::sections()
};

struct TaskFilter {
    std::string text;  // as typed; folded when applied
    std::string section;
    std::optional<Id> agency_id;
    std::optional<Status> status;
    std::optional<Bucket> bucket;
    std::string owner;
    // From the dashboard's links: one task's open rows at one deadline.
    std::string ref;
    std::optional<Date> due;
    bool open_only = false;
    bool operator==(const TaskFilter&) const = default;
};

enum class SortKey { Ref, Agency, Role, Status, Bucket, Due, Progress, Owner, Title };

struct SortSpec {
    SortKey key = SortKey::Ref;
    bool descending = false;
    bool operator==(const SortSpec&) const = default;
};

class TaskTable {
public:
    // All assignments at an as-of date; the current filter and sort are applied again.
    // `task_keys`: each task's folded text (Service::task_search_keys), for rows read without
    // their task's text (RowDetail::Table); a task missing there is folded from its row.
    void rebuild(std::vector<service::AssignmentView> views, std::vector<std::pair<Id, std::string>> task_keys = {});
    // One assignment saved: its row is replaced (status, bucket, progress, owner, deadline,
    // version) and the filter and sort applied again, nothing else rebuilt. False when the row
    // is not in the table or its task or agency changed: the caller rebuilds then.
    bool patch(const service::AssignmentView& view);
    // Rows made since the table was created: a rebuild counts every row, a patch one (tests
    // hold the GUI to "a save rebuilds one row"). `generation` changes with either.
    std::size_t rows_built() const { return rows_built_; }
    unsigned generation() const { return generation_; }
    void set_filter(const TaskFilter& filter);
    void set_sort(const SortSpec& sort);

    const std::vector<TaskRow>& rows() const { return rows_; }
    const std::vector<int>& visible() const { return visible_; }  // indexes into rows(), filtered and sorted
    const TaskFilter& filter() const { return filter_; }
    const SortSpec& sort() const { return sort_; }
    const TaskRow* find(Id id) const;
    // Whether a row holds `folded_needle` (already folded) in its task's text or its own fields.
    bool matches(const TaskRow& row, std::string_view folded_needle) const;
    // Distinct values for the filter combos, computed once per rebuild.
    const std::vector<std::string>& sections() const { return sections_; }
    const std::vector<std::string>& owners() const { return owners_; }
    const std::vector<std::pair<Id, std::string>>& agencies() const { return agencies_; }

private:
    void apply();
    std::vector<TaskRow> rows_;
    std::vector<std::string> task_keys_;  // one folded text per task, not per assignment
    std::vector<std::string> agency_keys_;  // one per agency
    std::vector<std::string> owner_keys_;   // one per distinct owner
    std::vector<int> visible_;
    std::vector<std::string> sections_;
    std::vector<std::string> owners_;
    std::vector<std::pair<Id, std::string>> agencies_;
    std::unordered_map<std::string, int> owner_index_;  // owner → into owner_keys_
    TaskFilter filter_;
    SortSpec sort_;
    std::size_t rows_built_ = 0;
    unsigned generation_ = 0;
};

// Soonest deadline first, no deadline last: what an agency must do next.
std::vector<int> agency_agenda(const TaskTable& table, Id agency_id);

struct MatrixCell {
    int total = 0;
    int done = 0;
    int overdue = 0;
    int blocked = 0;
};

struct Dashboard {
    std::array<int, 5> buckets{};
    int total = 0;
    double on_time_rate = 0.0;  // percent of assignments whose deadline passed that were done on time
    int deadline_passed = 0;
    int on_time_passed = 0;     // of those, done on time
    std::vector<std::string> sections;
    struct AgencyLine {
        Id id = 0;
        std::string name;   // short name when it has one
        std::string full;   // its name
        int total = 0, done = 0, overdue = 0, blocked = 0, deadline_passed = 0, on_time_passed = 0;
        double on_time_rate = 0.0;
    };
    std::vector<AgencyLine> agencies;                  // rows of the matrix, worst first
    std::vector<std::vector<MatrixCell>> matrix;       // [agency][section]
    struct Upcoming { Date due; std::string ref; std::string task_ref; std::string title; int open_assignments = 0; };
    std::vector<Upcoming> next_deadlines;              // soonest first
    std::vector<int> most_overdue;                     // indexes into agencies; largest first
    std::vector<int> by_rate;                          // agencies with a passed deadline, lowest on-time rate first

    void rebuild(const TaskTable& table, Date as_of);
};

// What the dashboard writes, formatted once per count (TaskTable::generation) and language,
// not per frame: the views draw these strings and only measure them.
struct DashboardText {
    unsigned generation = ~0u;
    Lang lang = Lang::Vi;
    std::array<std::string, 5> buckets;            // by Bucket
    std::string rate, rate_of;                     // "62,5 %", "Tỉ lệ đúng hạn: 5 / 8 …"
    std::vector<std::string> headers;              // per section: "1. Its title"
    std::vector<std::vector<std::string>> cells;   // [agency][section]: "3/4 · 1 quá hạn"
    std::vector<std::string> agency_rates;         // per agency: its on-time percent
    std::vector<std::string> agency_tips;          // per agency: the rate's tooltip
    std::vector<std::string> next_deadlines;       // per Dashboard::next_deadlines
    std::vector<std::string> most_overdue;         // per Dashboard::most_overdue
    void rebuild(const Dashboard& d, const std::map<std::string, std::string>& section_titles, unsigned generation);
    // The Giải ngân card, per DisbursementModel built (its count) and language.
    int disbursement_built = -1;
    Lang disbursement_lang = Lang::Vi;
    std::string province_rate, milestone, behind;
};

// One history line in the user's language: field names and values as the screen shows them.
std::string journal_line(const store::JournalRecord& entry);

struct OutlineNode {
    std::string ref;
    std::string label;  // what the tree shows
    int depth = 0;
    bool is_task = false;
    std::optional<Id> task_id;
    std::string full;   // the whole text (a task's, a clause's paragraph), shown on hover; empty: the label is all
};

struct DirectiveModel {
    std::vector<store::DirectiveRecord> directives;
    int current = 0;
    std::vector<OutlineNode> nodes;           // sections, clauses and tasks in reading order
    std::vector<std::string> paragraphs;      // the body, one paragraph per entry
    std::map<std::string, std::vector<int>> paragraphs_of_ref;  // task ref → paragraphs holding its text

    void rebuild(const service::Service& service);
};

// One point of a cumulative-rate line: the percent reached by the end of `date`.
struct RatePoint {
    Date date;
    double percent = 0.0;
};
using RateSeries = std::vector<RatePoint>;  // by date; a step at each point

// The series' percent at a date: the last point on or before it, 0 before the first.
double rate_at(const RateSeries& series, Date date);

// A project the office could move capital from (give) or to (take).
struct ProjectMove {
    int project = 0;    // index into DisbursementModel::projects
    double gap = 0.0;   // its rate minus the ladder's requirement, in points
};

// Giải ngân, read once per data revision or as-of change.
struct DisbursementModel {
    // Thresholds of the office's reallocation proposal, in percentage points of the assigned plan.
    static constexpr double kGiveBelowRequired = 20.0;
    static constexpr double kTakeAboveRequired = 10.0;
    static constexpr double kTakeFrom = 90.0;

    service::DisbursementStatus status;             // investors slowest first
    std::vector<service::ProjectStatus> projects;   // by investor, then code
    std::vector<store::DisbursementRecord> entries; // by date
    std::map<Id, std::vector<int>> projects_of;     // investor → indexes into projects
    std::map<Id, std::vector<int>> entries_of;      // project → indexes into entries
    std::map<Id, int> investor_index, project_index;  // id → index into status.investors, projects
    std::optional<store::MilestoneRecord> current;  // the latest milestone on or before the as-of date

    int plan_year = 0;
    Date chart_from, chart_to;                      // 01/01 of the plan year → 31/01 after it
    RateSeries province_series;                     // up to the as-of date
    std::map<Id, RateSeries> investor_series;

    std::vector<int> laggards;       // indexes into status.investors: behind, slowest first
    std::vector<ProjectMove> give;   // furthest behind first
    std::vector<ProjectMove> take;   // furthest ahead first

    // Without entries (what the dashboard's card needs), the entry lists and the rate lines
    // stay empty: at province scale they are most of the cost, and only the Giải ngân view draws them.
    void rebuild(const service::Service& service, const service::Actor& actor, Date as_of, bool with_entries = true);
    bool has_entries = false;
    const service::InvestorStatus* investor(Id id) const;
    const service::ProjectStatus* project(Id id) const;
    // Points still to disburse to reach the next milestone (≤ 0 when already there); none after the last.
    std::optional<double> gap_to_next(const service::Rates& rates) const;
};

}  // namespace dt::ui

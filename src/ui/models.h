#pragma once
// View models: rows the views draw, rebuilt only when the data or the filter changes.
// No ImGui here, so they are tested and benchmarked without a window.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "service/service.h"

namespace dt::ui {

using store::Id;

struct TaskRow {
    Id id = 0;
    Id agency_id = 0;
    std::string directive;
    std::string ref;
    std::string section;
    std::string agency;
    std::string title;
    std::string owner;
    std::string due_text;  // dd/mm/yyyy or —
    std::optional<Date> due;
    AssignmentRole role = AssignmentRole::Lead;
    Status status = Status::NotStarted;
    Bucket bucket = Bucket::NoDeadline;
    int progress = 0;
    int version = 1;
    std::string search_key;  // folded ref, title, text, agency and owner
};

struct TaskFilter {
    std::string text;  // as typed; folded when applied
    std::string section;
    std::optional<Id> agency_id;
    std::optional<Status> status;
    std::optional<Bucket> bucket;
    std::string owner;
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
    void rebuild(std::vector<service::AssignmentView> views);
    void set_filter(const TaskFilter& filter);
    void set_sort(const SortSpec& sort);

    const std::vector<TaskRow>& rows() const { return rows_; }
    const std::vector<int>& visible() const { return visible_; }  // indexes into rows(), filtered and sorted
    const TaskFilter& filter() const { return filter_; }
    const SortSpec& sort() const { return sort_; }
    const TaskRow* find(Id id) const;
    // Distinct values for the filter combos, computed once per rebuild.
    const std::vector<std::string>& sections() const { return sections_; }
    const std::vector<std::string>& owners() const { return owners_; }
    const std::vector<std::pair<Id, std::string>>& agencies() const { return agencies_; }

private:
    void apply();
    std::vector<TaskRow> rows_;
    std::vector<int> visible_;
    std::vector<std::string> sections_;
    std::vector<std::string> owners_;
    std::vector<std::pair<Id, std::string>> agencies_;
    TaskFilter filter_;
    SortSpec sort_;
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
    std::vector<std::string> sections;
    std::vector<std::string> agencies;                 // rows of the matrix
    std::vector<std::vector<MatrixCell>> matrix;       // [agency][section]
    struct Upcoming { Date due; std::string ref; std::string title; int open_assignments = 0; };
    std::vector<Upcoming> next_deadlines;              // soonest first
    std::vector<std::pair<std::string, int>> most_overdue;  // agency, count; largest first

    void rebuild(const TaskTable& table, Date as_of);
};

// "26/11/2026 10:33" in local time, from the journal's UTC "2026-11-26T03:33:10Z".
std::string local_time(const std::string& utc_timestamp);
// One history line in the user's language: field names and values as the screen shows them.
std::string journal_line(const store::JournalRecord& entry);

struct OutlineNode {
    std::string ref;
    std::string label;  // what the tree shows
    int depth = 0;
    bool is_task = false;
    std::optional<Id> task_id;
};

struct DirectiveModel {
    std::vector<store::DirectiveRecord> directives;
    int current = 0;
    std::vector<OutlineNode> nodes;           // sections, clauses and tasks in reading order
    std::vector<std::string> paragraphs;      // the body, one paragraph per entry
    std::map<std::string, std::vector<int>> paragraphs_of_ref;  // task ref → paragraphs holding its text

    void rebuild(const service::Service& service);
};

}  // namespace dt::ui

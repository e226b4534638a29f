#pragma once
// What the importer reads out of a directive's text: plain data, no storage, no GUI.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/messages.h"
#include "core/status.h"

namespace dt::importer {

struct DirectiveMeta {
    std::string code;               // "07/CT-UBND"; empty when not found
    std::optional<Date> issued_on;  // 2025-04-11
    std::string title;              // "Về việc tập trung triển khai …"
    std::string issuer;             // "UBND tỉnh Cao Bằng"
    std::string signer;             // "Hoàng Xuân Ánh"; empty when not found
};

struct Section {
    std::string label;  // "1", or "II" in directives with Roman parts
    std::string title;  // without its marker and trailing punctuation
};

struct AgencyShare {
    std::string name;  // canonical name from the catalog (an agency or a group)
    AssignmentRole role = AssignmentRole::Lead;
    bool registered = true;  // false: a name the registry does not know, kept as written for the preview
};

struct Task {
    std::string ref;                    // "1.a.3", "1.a.2.1", "3.2", "6", "II.1.a.2"
    std::string section;                // "1"
    std::optional<std::string> parent;  // "1.a" (structural parent's ref); nullopt for a section-level task
    std::string title;                  // short title (first words of the text), editable later
    std::string text;                   // full text, NFC, one paragraph per line
    std::optional<Date> deadline;
    Recurrence recurrence = Recurrence::None;
    std::vector<AgencyShare> agencies;  // lead first; each name once
    int recurrence_day = 0;                             // "trước ngày 25 hằng tháng" → 25; 0 when not given
    std::vector<std::pair<int, int>> recurrence_dates;  // (day, month): "15/6 và 15/12 hằng năm"
};

// A disbursement milestone line of the directive ("Đến hết ngày 30/6/2025: … tối thiểu 50% …").
struct Milestone {
    Date date;
    int percent = 0;
    std::string task_ref;
};

struct Outline {
    DirectiveMeta directive;
    std::vector<Section> sections;
    std::vector<Task> tasks;
    std::vector<std::string> agencies;  // every catalog name used by a task, in first-use order
    std::vector<Notice> warnings;  // one sentence each, said in the reader's language
    std::vector<Milestone> ladder;
    std::string body;                   // the directive's text as imported once (NFC, LF), for display
};

}  // namespace dt::importer

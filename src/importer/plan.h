#pragma once
// The office's corrections to an outline before it is stored: the one plan structure that both
// `dtrack import --plan FILE` (its JSON, read in app/cli_plan.cpp) and the GUI's editable
// preview (ui/views/admin_import.cpp) fill in and apply.
#include <string>
#include <vector>

#include "importer/outline.h"

namespace dt::importer {

struct PlanTask {
    Task task;               // as the office wants it stored: text, deadline, recurrence, agencies and roles
    bool drop = false;       // left out
    std::string merge_into;  // the ref of a kept task that takes this one's text and agencies
};

struct Plan {
    DirectiveMeta directive;
    std::vector<Section> sections;
    std::vector<PlanTask> tasks;
};

// The plan that stores the outline as it was read.
Plan plan_of(const Outline& parsed);

// The outline the plan describes: directive, sections and tasks replaced, dropped tasks left
// out, merged tasks folded into their target, the list of agencies and the ladder recomputed.
// Throws Error(Invalid) naming the task of anything inconsistent (a ref twice, an unknown
// section, an agency twice, a merge into a task that is not kept).
Outline apply_plan(const Outline& parsed, const Plan& plan);

}  // namespace dt::importer

#pragma once
// `dtrack import FILE --plan PLAN.json`: the office's corrections to an outline, written in the
// JSON that `import --dry-run --json` prints (docs/INPUT.md), applied before anything is stored.
#include <string_view>

#include "importer/outline.h"

namespace dt::app {

// Replaces the outline's directive, sections and tasks with the plan's. A task may carry
// "drop": true (left out) or "merge_into": "REF" (its text and agencies go to that task).
// Throws Error(Invalid) naming the task and field of anything malformed.
importer::Outline apply_plan(const importer::Outline& parsed, std::string_view plan_json);

}  // namespace dt::app

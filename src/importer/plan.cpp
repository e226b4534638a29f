#include "importer/plan.h"

#include <algorithm>
#include <set>

#include "core/error.h"

namespace dt::importer {

namespace {
[[noreturn]] void bad(const std::string& where, const std::string& what) {
    fail(ErrorKind::Invalid, "The plan's " + where + " " + what);
}
}  // namespace

Plan plan_of(const Outline& parsed) {
    Plan plan{parsed.directive, parsed.sections, {}};
    for (const auto& t : parsed.tasks) plan.tasks.push_back({t, false, {}});
    return plan;
}

Outline apply_plan(const Outline& parsed, const Plan& plan) {
    Outline out = parsed;
    out.directive = plan.directive;
    out.sections = plan.sections;
    std::set<std::string> labels;
    for (const auto& s : out.sections) labels.insert(s.label);

    std::vector<Task> tasks;
    std::vector<std::pair<std::string, Task>> merges;  // target ref, merged task
    std::set<std::string> refs;
    for (const auto& p : plan.tasks) {
        const auto& task = p.task;
        const std::string where = "task " + task.ref;
        if (task.ref.empty()) fail(ErrorKind::Invalid, "A task of the plan has no reference.");
        if (!refs.insert(task.ref).second) bad(where, "appears twice.");
        if (p.drop) continue;
        if (!labels.count(task.section)) bad(where, "names section '" + task.section + "', which the plan does not have.");
        if (task.text.empty()) bad(where, "has no text.");
        std::set<std::string> names;
        for (const auto& a : task.agencies)
            if (!names.insert(a.name).second) bad(where, "names '" + a.name + "' twice.");
        if (!p.merge_into.empty()) merges.emplace_back(p.merge_into, task);
        else tasks.push_back(task);
    }
    for (auto& [into, task] : merges) {
        auto target = std::find_if(tasks.begin(), tasks.end(), [&](const auto& x) { return x.ref == into; });
        if (target == tasks.end()) bad("task " + task.ref, "is merged into '" + into + "', which is not a kept task.");
        target->text += "\n" + task.text;
        for (auto& share : task.agencies)
            if (std::none_of(target->agencies.begin(), target->agencies.end(), [&](const auto& s) { return s.name == share.name; }))
                target->agencies.push_back(share);
        if (!target->deadline) target->deadline = task.deadline;
    }
    out.tasks = std::move(tasks);
    out.agencies.clear();
    for (const auto& t : out.tasks)
        for (const auto& a : t.agencies)
            if (a.registered && std::find(out.agencies.begin(), out.agencies.end(), a.name) == out.agencies.end())
                out.agencies.push_back(a.name);
    // Milestones follow their tasks: one whose task was dropped goes with it.
    std::erase_if(out.ladder, [&](const Milestone& m) {
        return std::none_of(out.tasks.begin(), out.tasks.end(), [&](const auto& t) { return t.ref == m.task_ref; });
    });
    return out;
}

}  // namespace dt::importer

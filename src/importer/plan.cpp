#include "importer/plan.h"

#include <algorithm>
#include <set>

#include "core/error.h"

namespace dt::importer {

namespace {
[[noreturn]] void bad(Msg refusal, std::vector<MsgArg> args) { fail(ErrorKind::Invalid, refusal, std::move(args)); }
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
        if (task.ref.empty()) fail(ErrorKind::Invalid, Msg::PlanTaskNoRef);
        if (!refs.insert(task.ref).second) bad(Msg::PlanTaskTwice, {task.ref});
        if (p.drop) continue;
        if (!labels.count(task.section)) bad(Msg::PlanTaskNoSection, {task.ref, task.section});
        if (task.text.empty()) bad(Msg::PlanTaskNoText, {task.ref});
        std::set<std::string> names;
        for (const auto& a : task.agencies)
            if (!names.insert(a.name).second) bad(Msg::PlanAgencyTwice, {task.ref, a.name});
        if (!p.merge_into.empty()) merges.emplace_back(p.merge_into, task);
        else tasks.push_back(task);
    }
    for (auto& [into, task] : merges) {
        auto target = std::find_if(tasks.begin(), tasks.end(), [&](const auto& x) { return x.ref == into; });
        if (target == tasks.end()) bad(Msg::PlanMergeTarget, {task.ref, into});
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

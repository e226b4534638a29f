#include "app/cli_plan.h"

#include <nlohmann/json.hpp>

#include "app/cli_words.h"
#include "core/error.h"
#include "importer/plan.h"

namespace dt::app {

namespace {
using nlohmann::json;

// `where` is a part of the plan already in dtrack's language (Msg::PlanWhere…).
[[noreturn]] void bad(Msg refusal, const std::string& where, std::vector<MsgArg> more = {}) {
    more.insert(more.begin(), MsgArg(where));
    fail(ErrorKind::Invalid, refusal, std::move(more));
}

std::string text_of(const json& j, const char* key, const std::string& where, bool required) {
    if (!j.contains(key) || j[key].is_null()) {
        if (required) bad(Msg::PlanMissingKey, where, {key});
        return {};
    }
    if (!j[key].is_string()) bad(Msg::PlanNotString, where, {key});
    return j[key].get<std::string>();
}

std::optional<Date> date_of(const json& j, const char* key, const std::string& where) {
    const auto s = text_of(j, key, where, false);
    if (s.empty()) return std::nullopt;
    auto d = Date::parse_iso(s);
    if (!d) bad(Msg::PlanNotDate, where, {key, s});
    return d;
}

void read_recurrence(const json& t, importer::Task& task, const std::string& where) {
    const auto r = text_of(t, "recurrence", where, false);
    auto parsed = parse_recurrence(r);
    if (!parsed) bad(Msg::PlanBadRecurrence, where, {r});
    task.recurrence = *parsed;
    task.recurrence_day = 0;
    task.recurrence_dates.clear();
    if (!t.contains("recurrence_rule") || t["recurrence_rule"].is_null() || task.recurrence == Recurrence::None) return;
    const auto& rule = t["recurrence_rule"];
    if (!rule.is_object()) bad(Msg::PlanRuleNotObject, where);
    if (rule.contains("day")) {
        if (!rule["day"].is_number_integer() || rule["day"].get<int>() < 1 || rule["day"].get<int>() > 31)
            bad(Msg::PlanRuleDay, where);
        task.recurrence_day = rule["day"].get<int>();
    }
    for (const auto& d : rule.value("dates", json::array())) {
        const auto s = d.is_string() ? d.get<std::string>() : std::string();
        int m = 0, day = 0;
        if (s.size() != 5 || s[2] != '-' || std::sscanf(s.c_str(), "%2d-%2d", &m, &day) != 2 || !Date::valid(2024, m, day))
            bad(Msg::PlanRuleDates, where, {s});
        task.recurrence_dates.emplace_back(day, m);
    }
}
}  // namespace

importer::Outline apply_plan(const importer::Outline& parsed, std::string_view plan_json) {
    json plan;
    try {
        plan = json::parse(plan_json);
    } catch (const json::parse_error& e) {
        fail(ErrorKind::Invalid, Msg::PlanNotJson, {std::string(e.what())});
    }
    if (!plan.is_object() || !plan.contains("tasks") || !plan["tasks"].is_array())
        fail(ErrorKind::Invalid, Msg::PlanNotObject);

    // The JSON fills in the plan structure the GUI's preview edits too (importer/plan.h).
    importer::Plan out = importer::plan_of(parsed);
    const std::string in_directive = cli::say(Msg::PlanWhereDirective), in_section = cli::say(Msg::PlanWhereSection),
                      in_task = cli::say(Msg::PlanWhereTaskRef);
    if (plan.contains("directive") && plan["directive"].is_object()) {
        const auto& d = plan["directive"];
        if (d.contains("code")) out.directive.code = text_of(d, "code", in_directive, false);
        if (d.contains("title")) out.directive.title = text_of(d, "title", in_directive, false);
        if (d.contains("issuer")) out.directive.issuer = text_of(d, "issuer", in_directive, false);
        if (d.contains("issued_on")) out.directive.issued_on = date_of(d, "issued_on", in_directive);
    }
    if (plan.contains("sections")) {
        out.sections.clear();
        for (const auto& s : plan["sections"])
            out.sections.push_back({text_of(s, "label", in_section, true), text_of(s, "title", in_section, false)});
    }
    out.tasks.clear();
    for (const auto& t : plan["tasks"]) {
        if (!t.is_object()) fail(ErrorKind::Invalid, Msg::PlanTaskNotObject);
        importer::PlanTask p;
        auto& task = p.task;
        task.ref = text_of(t, "ref", in_task, true);
        const std::string where = cli::say(Msg::PlanWhereTask, {task.ref});
        p.drop = t.value("drop", false);
        p.merge_into = text_of(t, "merge_into", where, false);
        if (p.drop) {
            out.tasks.push_back(std::move(p));
            continue;
        }
        task.section = text_of(t, "section", where, true);
        if (auto parent = text_of(t, "parent", where, false); !parent.empty()) task.parent = parent;
        task.text = text_of(t, "text", where, true);
        task.title = text_of(t, "title", where, false);
        if (task.title.empty()) {
            // The first line, cut at a word near 90 characters, as the importer titles a task.
            task.title = task.text.substr(0, task.text.find('\n'));
            if (task.title.size() > 240) task.title = task.title.substr(0, task.title.rfind(' ', 240)) + "…";
        }
        task.deadline = date_of(t, "deadline", where);
        read_recurrence(t, task, where);
        for (const auto& a : t.value("agencies", json::array())) {
            const auto name = text_of(a, "name", cli::say(Msg::PlanWhereAgency, {task.ref}), true);
            const auto agency = cli::say(Msg::PlanWhereAgencyNamed, {task.ref, name});
            const auto role = parse_assignment_role(text_of(a, "role", agency, true));
            if (!role) bad(Msg::PlanBadRole, agency);
            task.agencies.push_back({name, *role, a.value("registered", true)});
        }
        out.tasks.push_back(std::move(p));
    }
    return importer::apply_plan(parsed, out);
}

}  // namespace dt::app

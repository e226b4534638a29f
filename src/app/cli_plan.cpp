#include "app/cli_plan.h"

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "importer/plan.h"

namespace dt::app {

namespace {
using nlohmann::json;

[[noreturn]] void bad(const std::string& where, const std::string& what) {
    fail(ErrorKind::Invalid, "The plan's " + where + " " + what);
}

std::string text_of(const json& j, const char* key, const std::string& where, bool required) {
    if (!j.contains(key) || j[key].is_null()) {
        if (required) bad(where, std::string("has no \"") + key + "\".");
        return {};
    }
    if (!j[key].is_string()) bad(where, std::string("\"") + key + "\" is not a string.");
    return j[key].get<std::string>();
}

std::optional<Date> date_of(const json& j, const char* key, const std::string& where) {
    const auto s = text_of(j, key, where, false);
    if (s.empty()) return std::nullopt;
    auto d = Date::parse_iso(s);
    if (!d) bad(where, std::string("\"") + key + "\" is not a date YYYY-MM-DD: '" + s + "'.");
    return d;
}

void read_recurrence(const json& t, importer::Task& task, const std::string& where) {
    const auto r = text_of(t, "recurrence", where, false);
    auto parsed = parse_recurrence(r);
    if (!parsed) bad(where, "has an unknown recurrence '" + r + "' (weekly, monthly, quarterly, half_yearly, yearly).");
    task.recurrence = *parsed;
    task.recurrence_day = 0;
    task.recurrence_dates.clear();
    if (!t.contains("recurrence_rule") || t["recurrence_rule"].is_null() || task.recurrence == Recurrence::None) return;
    const auto& rule = t["recurrence_rule"];
    if (!rule.is_object()) bad(where, "\"recurrence_rule\" is not an object.");
    if (rule.contains("day")) {
        if (!rule["day"].is_number_integer() || rule["day"].get<int>() < 1 || rule["day"].get<int>() > 31)
            bad(where, "\"recurrence_rule.day\" is not a day of the month (1-31).");
        task.recurrence_day = rule["day"].get<int>();
    }
    for (const auto& d : rule.value("dates", json::array())) {
        const auto s = d.is_string() ? d.get<std::string>() : std::string();
        int m = 0, day = 0;
        if (s.size() != 5 || s[2] != '-' || std::sscanf(s.c_str(), "%2d-%2d", &m, &day) != 2 || !Date::valid(2024, m, day))
            bad(where, "\"recurrence_rule.dates\" holds '" + s + "', not MM-DD.");
        task.recurrence_dates.emplace_back(day, m);
    }
}
}  // namespace

importer::Outline apply_plan(const importer::Outline& parsed, std::string_view plan_json) {
    json plan;
    try {
        plan = json::parse(plan_json);
    } catch (const json::parse_error& e) {
        fail(ErrorKind::Invalid, std::string("The plan is not valid JSON: ") + e.what());
    }
    if (!plan.is_object() || !plan.contains("tasks") || !plan["tasks"].is_array())
        fail(ErrorKind::Invalid, "The plan must be the JSON object of 'import --dry-run --json', with its \"tasks\".");

    // The JSON fills in the plan structure the GUI's preview edits too (importer/plan.h).
    importer::Plan out = importer::plan_of(parsed);
    if (plan.contains("directive") && plan["directive"].is_object()) {
        const auto& d = plan["directive"];
        if (d.contains("code")) out.directive.code = text_of(d, "code", "directive", false);
        if (d.contains("title")) out.directive.title = text_of(d, "title", "directive", false);
        if (d.contains("issuer")) out.directive.issuer = text_of(d, "issuer", "directive", false);
        if (d.contains("issued_on")) out.directive.issued_on = date_of(d, "issued_on", "directive");
    }
    if (plan.contains("sections")) {
        out.sections.clear();
        for (const auto& s : plan["sections"])
            out.sections.push_back({text_of(s, "label", "section", true), text_of(s, "title", "section", false)});
    }
    out.tasks.clear();
    for (const auto& t : plan["tasks"]) {
        if (!t.is_object()) fail(ErrorKind::Invalid, "A task of the plan is not an object.");
        importer::PlanTask p;
        auto& task = p.task;
        task.ref = text_of(t, "ref", "task", true);
        const std::string where = "task " + task.ref;
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
            const auto name = text_of(a, "name", where + "'s agency", true);
            const auto role = parse_assignment_role(text_of(a, "role", where + "'s agency " + name, true));
            if (!role) bad(where + "'s agency " + name, "has a role other than lead or coordinate.");
            task.agencies.push_back({name, *role, a.value("registered", true)});
        }
        out.tasks.push_back(std::move(p));
    }
    return importer::apply_plan(parsed, out);
}

}  // namespace dt::app

// dtrack's structure commands (issue 13: the structure the office corrects after an import):
// task add|edit|move|remove|list, assign, unassign, directive add|list, amendment add|list.
// Thin: parse, call the service, print. A task is named by its reference (1.2, II.3.a) in the
// directive given by --directive, which may be left out while the database holds one directive.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/cli_commands.h"
#include "app/cli_words.h"
#include "core/error.h"
#include "core/numbers.h"
#include "core/text.h"

namespace dt::cli {

using store::Id;

namespace {
std::string directive_code(const service::Service& service, const std::optional<std::string>& given) {
    if (given) return *given;
    const auto all = service.directives();
    if (all.size() == 1) return all.front().code;
    fail(ErrorKind::Usage, all.empty() ? Msg::NoDirectiveYet : Msg::SeveralDirectives);
}

store::TaskRecord task_of(const Session& s, const StructureOptions& o) {
    return s.service->find_task(directive_code(*s.service, o.directive), o.task);
}

std::optional<Date> date_option(const std::optional<std::string>& text, std::string_view what) {
    if (!text) return std::nullopt;
    return parse_date_or_fail(*text, what);
}

AssignmentRole role_of(const std::string& text) {
    const auto role = parse_assignment_role(text);
    if (!role) fail(ErrorKind::Usage, Msg::UnknownTaskRole, {quoted_input(text)});
    return *role;
}

Recurrence recurrence_of(const std::string& text) {
    if (text == "none") return Recurrence::None;
    const auto r = parse_recurrence(text);
    if (!r || text.empty())
        fail(ErrorKind::Usage, Msg::UnknownRecurrence, {quoted_input(text)});
    return *r;
}

service::Citation citation_of(const StructureOptions& o) {
    service::Citation c;
    if (o.amendment) {
        try {
            c.amendment = whole_or_fail(*o.amendment, Msg::NotAmendmentId, {}, 1, INT64_MAX);
        } catch (const Error& e) {
            throw Error(ErrorKind::Usage, e.code(), e.args());  // an option's value: a usage error, as before
        }
    }
    c.by = o.by;
    return c;
}

std::string removal_word(service::Removal r) {
    return r == service::Removal::Deleted ? say("đã xóa (chưa có gì được thực hiện)", "deleted (nothing was done on it yet)")
                                          : say("đã đóng, giữ lại trong lịch sử", "closed, kept in the history");
}

int run_task_add(const Context& ctx, const StructureOptions& o) {
    auto s = open_session(ctx);
    service::TaskInput in;
    in.directive = directive_code(*s.service, o.directive);
    in.section = o.section.value_or("");
    in.section_title = o.section_title;
    in.parent = o.parent;
    in.ref = o.ref;
    in.text = o.text.value_or("");
    in.title = o.title;
    in.deadline = date_option(o.deadline, "The deadline");
    if (o.recurrence) in.recurrence = recurrence_of(*o.recurrence);
    in.cite = citation_of(o);
    // The task and its agencies in one transaction: all of it or nothing.
    Id id = 0;
    s.service->batch([&] {
        id = s.service->add_task(s.actor, in);
        for (const auto& a : o.leads) s.service->assign(s.actor, id, a, AssignmentRole::Lead);
        for (const auto& a : o.coordinators) s.service->assign(s.actor, id, a, AssignmentRole::Coordinate);
    });
    const auto t = s.service->task(id);
    std::cout << t.ref << "\n";
    return 0;
}

int run_task_edit(const Context& ctx, const StructureOptions& o) {
    auto s = open_session(ctx);
    const auto t = task_of(s, o);
    service::TaskEdit e;
    e.text = o.text;
    e.title = o.title;
    if (o.deadline && *o.deadline == "none") e.clear_deadline = true;
    else e.deadline = date_option(o.deadline, "The deadline");
    if (o.recurrence) e.recurrence = recurrence_of(*o.recurrence);
    e.cite = citation_of(o);
    const auto after = s.service->edit_task(s.actor, t.id, e);
    std::cout << say("Đã sửa nhiệm vụ ", "Edited task ") << after.ref << ": " << after.title << " ("
              << say("hạn ", "due ") << (after.deadline ? after.deadline->vn() : "—") << ").\n";
    return 0;
}

int run_task_move(const Context& ctx, const StructureOptions& o) {
    auto s = open_session(ctx);
    const auto t = task_of(s, o);
    service::TaskMove m;
    m.section = o.section;
    m.parent = o.parent;
    m.ref = o.ref;
    const auto after = s.service->move_task(s.actor, t.id, m);
    std::cout << say("Đã chuyển nhiệm vụ ", "Moved task ") << t.ref << " → " << after.ref
              << (after.parent_ref ? say(" (thuộc ", " (under ") + *after.parent_ref + ")" : std::string()) << ".\n";
    return 0;
}

int run_task_remove(const Context& ctx, const StructureOptions& o) {
    auto s = open_session(ctx);
    const auto t = task_of(s, o);
    const auto r = s.service->remove_task(s.actor, t.id, o.reason.value_or(""), citation_of(o));
    std::cout << say("Nhiệm vụ ", "Task ") << t.ref << ": " << removal_word(r) << ".\n";
    return 0;
}

int run_task_list(const Context& ctx, const StructureOptions& o) {
    auto s = open_session(ctx);
    const auto code = directive_code(*s.service, o.directive);
    store::DirectiveRecord directive;
    for (const auto& x : s.service->directives())
        if (x.code == code) directive = x;
    if (directive.id == 0) fail(ErrorKind::Invalid, Msg::NoSuchDirective, {quoted_input(code)});
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : s.service->tasks(directive.id)) {
        nlohmann::json agencies = nlohmann::json::array();
        std::string shown;
        int open = 0;
        for (const auto& a : s.service->task_assignments(t.id)) {
            agencies.push_back({{"id", a.id}, {"agency", a.agency}, {"role", to_string(a.role)},
                                {"closed", a.closed_on ? nlohmann::json(a.closed_on->iso()) : nlohmann::json(nullptr)}});
            if (a.closed_on) continue;
            // A group's thirty members would fill the screen: the first three, then how many more.
            if (++open <= 3)
                shown += (shown.empty() ? "" : "; ") + (a.agency_short.empty() ? a.agency : a.agency_short) +
                         (a.role == AssignmentRole::Lead ? " (" + std::string(word(a.role)) + ")" : "");
        }
        if (open > 3) shown += say("; … (thêm ", "; … (") + count(open - 3) + say(" đơn vị)", " more)");
        if (o.json) {
            out.push_back({{"id", t.id}, {"ref", t.ref}, {"parent", t.parent_ref ? nlohmann::json(*t.parent_ref) : nlohmann::json(nullptr)},
                           {"title", t.title}, {"deadline", t.deadline ? nlohmann::json(t.deadline->iso()) : nlohmann::json(nullptr)},
                           {"recurrence", to_string(t.recurrence)},
                           {"closed", t.closed_on ? nlohmann::json(t.closed_on->iso()) : nlohmann::json(nullptr)},
                           {"closed_reason", t.closed_reason}, {"assignments", agencies}});
            continue;
        }
        std::cout << fit(t.ref, 10) << fit(t.deadline ? t.deadline->vn() : "—", 12) << fit(t.title, 50) << "  "
                  << (t.closed_on ? say("[đã đóng: ", "[closed: ") + t.closed_reason + "]" : shown) << "\n";
    }
    if (o.json) std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
}

int run_assign(const Context& ctx, const StructureOptions& o) {
    auto s = open_session(ctx);
    const auto t = task_of(s, o);
    const auto r = s.service->assign(s.actor, t.id, o.agency, role_of(o.role), citation_of(o));
    std::cout << say("Nhiệm vụ ", "Task ") << t.ref << ": " << count(static_cast<long long>(r.added.size()))
              << say(" phân công mới, ", " assigned, ") << count(static_cast<long long>(r.changed.size()))
              << say(" đổi vai trò, ", " role changed, ") << count(static_cast<long long>(r.unchanged.size()))
              << say(" giữ nguyên.\n", " unchanged.\n");
    return 0;
}

int run_unassign(const Context& ctx, const StructureOptions& o) {
    auto s = open_session(ctx);
    const auto t = task_of(s, o);
    const auto r = s.service->unassign(s.actor, t.id, o.agency, o.reason.value_or(""), citation_of(o));
    std::cout << say("Nhiệm vụ ", "Task ") << t.ref << ", " << o.agency << ": " << removal_word(r) << ".\n";
    return 0;
}

int run_directive_add(const Context& ctx, const StructureOptions& o) {
    auto s = open_session(ctx);
    service::DirectiveInput in;
    in.code = o.code;
    in.issued_on = date_option(o.date, "The directive's date");
    in.title = o.title.value_or("");
    in.issuer = o.issuer.value_or("");
    in.signer = o.signer.value_or("");
    if (o.text_file) {
        std::ifstream f(*o.text_file, std::ios::binary);
        if (!f) fail(ErrorKind::Invalid, Msg::CannotReadFile, {*o.text_file, std::string(std::strerror(errno))});
        std::ostringstream body;
        body << f.rdbuf();
        in.body = body.str();
    }
    std::cout << s.service->add_directive(s.actor, in) << "\n";
    return 0;
}

int run_directive_list(const Context& ctx, bool json) {
    auto s = open_session(ctx);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : s.service->directives()) {
        if (json) {
            out.push_back({{"id", d.id}, {"code", d.code}, {"issued_on", d.issued_on ? nlohmann::json(d.issued_on->iso()) : nlohmann::json(nullptr)},
                           {"title", d.title}, {"issuer", d.issuer}, {"tasks", s.service->tasks(d.id).size()}});
            continue;
        }
        std::cout << fit(d.code, 16) << fit(d.issued_on ? d.issued_on->vn() : "—", 12) << d.title << "\n";
    }
    if (json) std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
}

int run_amendment_add(const Context& ctx, const StructureOptions& o) {
    auto s = open_session(ctx);
    service::AmendmentInput in;
    in.directive = directive_code(*s.service, o.directive);
    in.number = o.code;
    in.issued_on = date_option(o.date, "The amendment's date");
    in.kind = o.kind;
    in.summary = o.summary.value_or("");
    std::cout << s.service->add_amendment(s.actor, in) << "\n";  // the id alone: --amendment ID cites it
    return 0;
}

int run_amendment_list(const Context& ctx, const StructureOptions& o) {
    auto s = open_session(ctx);
    const auto code = directive_code(*s.service, o.directive);
    Id directive_id = 0;
    for (const auto& d : s.service->directives())
        if (d.code == code) directive_id = d.id;
    if (directive_id == 0) fail(ErrorKind::Invalid, Msg::NoSuchDirective, {quoted_input(code)});
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : s.service->amendments(directive_id)) {
        if (o.json) {
            out.push_back({{"id", a.id}, {"number", a.number}, {"kind", a.kind},
                           {"issued_on", a.issued_on ? nlohmann::json(a.issued_on->iso()) : nlohmann::json(nullptr)},
                           {"summary", a.summary}, {"created_by", a.created_by}, {"created_at", a.created_at}});
            continue;
        }
        std::cout << fit(std::to_string(a.id), 5) << fit(a.kind + " " + a.number, 32)
                  << fit(a.issued_on ? a.issued_on->vn() : "—", 12) << a.summary << "\n";
    }
    if (o.json) std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
}

void cite_options(CLI::App* cmd, StructureOptions& o) {
    cmd->add_option("--amendment", o.amendment, "Cite a recorded amendment (its id, from 'amendment add')");
    cmd->add_option("--by", o.by, "Cite the document behind the change, e.g. \"Công văn 123/UBND-TH ngày 05/6/2025\"");
}
}  // namespace

void add_structure_commands(CLI::App& app, const Context& ctx, StructureOptions& o, std::function<int()>& action) {
    auto* task = app.add_subcommand("task", "Tasks of a directive: add, edit, move, remove, list (administrators change)");
    task->require_subcommand(1);
    auto* add = task->add_subcommand("add", "Add a task; prints its reference");
    add->add_option("--directive", o.directive, "Directive number (default: the only one)");
    add->add_option("--section", o.section, "Section label (a new label adds the section)");
    add->add_option("--section-title", o.section_title, "Title of a new section");
    add->add_option("--parent", o.parent, "Reference of the task it belongs under");
    add->add_option("--ref", o.ref, "Its reference (default: the next number)");
    add->add_option("--text", o.text, "The task's text")->required();
    add->add_option("--title", o.title, "Short title (default: the text's first clause)");
    add->add_option("--deadline", o.deadline, "Deadline");
    add->add_option("--recurrence", o.recurrence, "weekly, monthly, quarterly, half_yearly, yearly");
    add->add_option("--lead", o.leads, "Lead agency or group (repeatable)");
    add->add_option("--coordinate", o.coordinators, "Coordinating agency or group (repeatable)");
    cite_options(add, o);
    add->callback([&] { action = [&] { return run_task_add(ctx, o); }; });

    auto* edit = task->add_subcommand("edit", "Change a task's text, title, deadline or recurrence");
    edit->add_option("TASK", o.task, "Task reference, e.g. 1.2")->required();
    edit->add_option("--directive", o.directive, "Directive number (default: the only one)");
    edit->add_option("--text", o.text, "New text");
    edit->add_option("--title", o.title, "New title");
    edit->add_option("--deadline", o.deadline, "New deadline, or none");
    edit->add_option("--recurrence", o.recurrence, "weekly, monthly, quarterly, half_yearly, yearly or none");
    cite_options(edit, o);
    edit->callback([&] { action = [&] { return run_task_edit(ctx, o); }; });

    auto* move = task->add_subcommand("move", "Move a task to another section or under another task (its reference stays)");
    move->add_option("TASK", o.task, "Task reference")->required();
    move->add_option("--directive", o.directive, "Directive number (default: the only one)");
    move->add_option("--section", o.section, "Section label");
    move->add_option("--parent", o.parent, "Reference of the new parent task (\"\" for the top of its section)");
    move->add_option("--ref", o.ref, "A new reference");
    move->callback([&] { action = [&] { return run_task_move(ctx, o); }; });

    auto* remove = task->add_subcommand("remove", "Remove a task: deleted if untouched, else closed with the reason");
    remove->add_option("TASK", o.task, "Task reference")->required();
    remove->add_option("--directive", o.directive, "Directive number (default: the only one)");
    remove->add_option("--reason", o.reason, "Why (required when work was done on it)");
    cite_options(remove, o);
    remove->callback([&] { action = [&] { return run_task_remove(ctx, o); }; });

    auto* list = task->add_subcommand("list", "A directive's tasks with their agencies");
    list->add_option("--directive", o.directive, "Directive number (default: the only one)");
    list->add_flag("--json", o.json, "Print JSON");
    list->callback([&] { action = [&] { return run_task_list(ctx, o); }; });

    auto* assign = app.add_subcommand("assign", "Assign an agency or a group to a task, or change its role (administrators)");
    assign->add_option("TASK", o.task, "Task reference")->required();
    assign->add_option("AGENCY", o.agency, "Agency or group (name, short name or alias)")->required();
    assign->add_option("--role", o.role, "lead or coordinate")->required();
    assign->add_option("--directive", o.directive, "Directive number (default: the only one)");
    cite_options(assign, o);
    assign->callback([&] { action = [&] { return run_assign(ctx, o); }; });

    auto* unassign = app.add_subcommand("unassign", "Take an agency or a group off a task: deleted if untouched, else closed");
    unassign->add_option("TASK", o.task, "Task reference")->required();
    unassign->add_option("AGENCY", o.agency, "Agency or group")->required();
    unassign->add_option("--directive", o.directive, "Directive number (default: the only one)");
    unassign->add_option("--reason", o.reason, "Why (required when work was done on it)");
    cite_options(unassign, o);
    unassign->callback([&] { action = [&] { return run_unassign(ctx, o); }; });

    auto* directive = app.add_subcommand("directive", "Directives: add one by hand (or a meeting's conclusions), list");
    directive->require_subcommand(1);
    auto* dadd = directive->add_subcommand("add", "Add a directive without importing a text; prints its id");
    dadd->add_option("CODE", o.code, "Its number, e.g. 45/TB-UBND")->required();
    dadd->add_option("--date", o.date, "Date issued");
    dadd->add_option("--title", o.title, "Title (trích yếu)")->required();
    dadd->add_option("--issuer", o.issuer, "Issuing body");
    dadd->add_option("--signer", o.signer, "Who signed it");
    dadd->add_option("--text-file", o.text_file, "Its full text, when there is one");
    dadd->callback([&] { action = [&] { return run_directive_add(ctx, o); }; });
    auto* dlist = directive->add_subcommand("list", "List directives");
    dlist->add_flag("--json", o.json, "Print JSON");
    dlist->callback([&] { action = [&] { return run_directive_list(ctx, o.json); }; });

    auto* amendment = app.add_subcommand("amendment", "Later documents that change a directive (deadlines, tasks added or ended)");
    amendment->require_subcommand(1);
    auto* aadd = amendment->add_subcommand("add", "Record an amendment; prints its id (cite it with --amendment ID)");
    aadd->add_option("NUMBER", o.code, "The document's number, e.g. 123/UBND-TH")->required();
    aadd->add_option("--directive", o.directive, "The directive it changes (default: the only one)");
    aadd->add_option("--date", o.date, "The document's date")->required();
    aadd->add_option("--kind", o.kind, "Công văn, Quyết định, Thông báo kết luận, … (default Công văn)");
    aadd->add_option("--summary", o.summary, "What it changes");
    aadd->callback([&] { action = [&] { return run_amendment_add(ctx, o); }; });
    auto* alist = amendment->add_subcommand("list", "A directive's amendments");
    alist->add_option("--directive", o.directive, "Directive number (default: the only one)");
    alist->add_flag("--json", o.json, "Print JSON");
    alist->callback([&] { action = [&] { return run_amendment_list(ctx, o); }; });
}

}  // namespace dt::cli

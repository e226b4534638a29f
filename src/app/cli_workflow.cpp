// dtrack's workflow commands: extensions (gia hạn), sending a completion back, withdrawing
// evidence, and keeping users (passwords, deactivation). Thin: parse, call the service, print.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <climits>
#include <cstdint>
#include <iostream>

#include "app/cli_commands.h"
#include "app/cli_words.h"
#include "app/prompt.h"
#include "core/numbers.h"
#include "core/error.h"

namespace dt::cli {

using nlohmann::json;
using store::Id;

namespace {
Id parse_positive(const std::string& text, Msg refusal) { return whole_or_fail(text, refusal, {}, 1, INT64_MAX); }

json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json extensions_json(const std::vector<store::ExtensionRecord>& rows) {
    json out = json::array();
    for (const auto& x : rows)
        out.push_back({{"id", x.id},
                       {"assignment_id", x.assignment_id},
                       {"task_ref", x.task_ref},
                       {"agency", x.agency},
                       {"due", x.current_due ? json(x.current_due->iso()) : json(nullptr)},
                       {"requested_due", x.requested_due.iso()},
                       {"reason", x.reason},
                       {"status", to_string(x.status)},
                       {"requested_by", x.requested_by},
                       {"requested_at", x.requested_at},
                       {"decided_by", text_or_null(x.decided_by)},
                       {"decided_at", x.decided_at ? json(*x.decided_at) : json(nullptr)},
                       {"decision_note", text_or_null(x.decision_note)}});
    return out;
}

void print_extensions(const std::vector<store::ExtensionRecord>& rows) {
    std::cout << fit("ID", 6) << fit(say("Phân công", "Assignment"), 11) << fit(say("Mục", "Ref"), 10)
              << fit(say("Đơn vị", "Agency"), 28) << fit(say("Hạn hiện tại", "Current due"), 14)
              << fit(say("Xin đến", "Asked for"), 12) << fit(say("Trạng thái", "Status"), 16) << say("Lý do", "Reason") << "\n";
    for (const auto& x : rows)
        std::cout << fit(std::to_string(x.id), 6) << fit(std::to_string(x.assignment_id), 11) << fit(x.task_ref, 10)
                  << fit(x.agency, 28) << fit(x.current_due ? x.current_due->vn() : "—", 14)
                  << fit(x.requested_due.vn(), 12) << fit(word(x.status), 16) << fit(x.reason, 60)
                  << "\n";
    std::cout << say(Msg::OutRequests, {MsgArg::grouped(static_cast<long long>(rows.size()))}) << "\n";
}

int run_extension_request(const Context& ctx, const WorkflowOptions& o) {
    const Id id = parse_positive(o.id, Msg::NotAssignmentId);
    const Date to = parse_date_or_fail(o.to, "The new date");
    auto s = open_session(ctx);
    // The id alone, so that scripts can capture it: REQ=$(dtrack extension request …)
    std::cout << s.service->request_extension(s.actor, id, to, o.reason) << "\n";
    return 0;
}

int run_extension_decide(const Context& ctx, const WorkflowOptions& o, service::Decision decision) {
    const Id id = parse_positive(o.id, Msg::NotExtensionId);
    auto s = open_session(ctx);
    const auto x = s.service->decide_extension(s.actor, id, decision, o.note);
    const auto due = x.current_due ? x.current_due->vn() : std::string("—");
    if (decision == service::Decision::Approve)
        std::cout << say(Msg::OutExtApproved, {id, x.assignment_id, x.task_ref, x.agency, due}) << "\n";
    else
        std::cout << say(Msg::OutExtRefused, {id, x.assignment_id, due}) << "\n";
    return 0;
}

int run_extension_list(const Context& ctx, const WorkflowOptions& o) {
    auto s = open_session(ctx);
    const auto rows = s.service->extensions(s.actor, o.pending);
    if (o.json) std::cout << extensions_json(rows).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    else print_extensions(rows);
    return 0;
}

int run_review(const Context& ctx, const WorkflowOptions& o) {
    const Id id = parse_positive(o.id, Msg::NotAssignmentId);
    std::optional<int> expect;
    if (o.expect_version) expect = static_cast<int>(parse_positive(*o.expect_version, Msg::NotVersion));
    auto s = open_session(ctx);
    const auto view = s.service->send_back(s.actor, id, o.reason, expect);
    std::cout << say(Msg::OutSentBack, {id, in_sentence(view.record.status), view.record.progress, view.record.version})
              << "\n";
    return 0;
}

int run_evidence_withdraw(const Context& ctx, const WorkflowOptions& o) {
    const Id id = parse_positive(o.id, Msg::NotEvidenceId);
    auto s = open_session(ctx);
    const bool reopened = s.service->withdraw_evidence(s.actor, id, o.reason);
    std::cout << say(Msg::OutWithdrew, {id}) << "\n";
    if (reopened) std::cout << say(Msg::OutReopened) << "\n";
    return 0;
}

int run_reset_password(const Context& ctx, const WorkflowOptions& o) {
    auto s = open_session(ctx);
    // One's own password only with the current one (DTRACK_PASSWORD or a prompt): a session
    // token alone must not be enough to take the account over.
    std::optional<std::string> current;
    if (s.actor.user_id && s.actor.name == o.name)
        current = app::read_password("DTRACK_PASSWORD", say(Msg::PromptCurrentPassword, {o.name}));
    const auto password = app::read_password("DTRACK_NEW_PASSWORD", say(Msg::PromptNewPassword, {o.name}));
    s.service->reset_password(s.actor, o.name, password, current);
    std::cout << say(Msg::OutPasswordSet, {o.name}) << "\n";
    return 0;
}

int run_user_active(const Context& ctx, const WorkflowOptions& o, bool active) {
    auto s = open_session(ctx);
    s.service->set_user_active(s.actor, o.name, active);
    std::cout << say(active ? Msg::OutUserReactivated : Msg::OutUserDeactivated, {o.name}) << "\n";
    return 0;
}
}  // namespace

void add_workflow_commands(CLI::App& app, CLI::App& evidence, CLI::App& user, const Context& ctx, WorkflowOptions& o,
                           std::function<int()>& action) {
    auto* ext = app.add_subcommand("extension", "Extensions of deadlines (gia hạn): agencies ask, the office decides");
    ext->require_subcommand(1);
    auto* request = ext->add_subcommand("request", "Ask for a later deadline; prints the request's id");
    request->add_option("ID", o.id, "Assignment id")->required();
    request->add_option("--to", o.to, "The new deadline")->required();
    request->add_option("--reason", o.reason, "Why more time is needed")->required();
    request->callback([&] { action = [&] { return run_extension_request(ctx, o); }; });
    for (const auto decision : {service::Decision::Approve, service::Decision::Refuse}) {
        const bool approve = decision == service::Decision::Approve;
        auto* cmd = ext->add_subcommand(approve ? "approve" : "refuse",
                                        approve ? "Approve a request: the deadline moves (administrators)"
                                                : "Refuse a request: nothing changes (administrators)");
        cmd->add_option("REQUEST_ID", o.id, "Extension request id")->required();
        cmd->add_option("--note", o.note, "The office's note");
        cmd->callback([&, decision] { action = [&, decision] { return run_extension_decide(ctx, o, decision); }; });
    }
    auto* list = ext->add_subcommand("list", "List extension requests, newest first");
    list->add_flag("--pending", o.pending, "Only those waiting for a decision");
    list->add_flag("--json", o.json, "Print JSON");
    list->callback([&] { action = [&] { return run_extension_list(ctx, o); }; });

    auto* review = app.add_subcommand("review", "Send a completed assignment back to in_progress (administrators)");
    review->add_option("ID", o.id, "Assignment id")->required();
    review->add_option("--reason", o.reason, "What is missing")->required();
    review->add_option("--expect-version", o.expect_version, "Refuse if someone saved since this version");
    review->callback([&] { action = [&] { return run_review(ctx, o); }; });

    auto* withdraw = evidence.add_subcommand("withdraw", "Withdraw evidence (it stays listed, marked withdrawn)");
    withdraw->add_option("EVIDENCE_ID", o.id, "Evidence id")->required();
    withdraw->add_option("--reason", o.reason, "Why it is withdrawn")->required();
    withdraw->callback([&] { action = [&] { return run_evidence_withdraw(ctx, o); }; });

    auto* reset = user.add_subcommand("reset-password", "Set a user's password (from DTRACK_NEW_PASSWORD or a prompt)");
    reset->add_option("NAME", o.name, "User name")->required();
    reset->callback([&] { action = [&] { return run_reset_password(ctx, o); }; });
    auto* deactivate = user.add_subcommand("deactivate", "Stop a user from signing in (administrators)");
    deactivate->add_option("NAME", o.name, "User name")->required();
    deactivate->callback([&] { action = [&] { return run_user_active(ctx, o, false); }; });
    auto* activate = user.add_subcommand("activate", "Let a deactivated user sign in again (administrators)");
    activate->add_option("NAME", o.name, "User name")->required();
    activate->callback([&] { action = [&] { return run_user_active(ctx, o, true); }; });
}

}  // namespace dt::cli

// dtrack invest …: investors, projects, disbursement entries, the ladder, the status.
#include <nlohmann/json.hpp>

#include <climits>
#include <cstdint>
#include <cstdio>
#include <iostream>

#include "app/cli_commands.h"
#include "core/error.h"
#include "core/money.h"
#include "app/cli_words.h"
#include "core/numbers.h"
#include "core/text.h"
#include "service/registry.h"

namespace dt::cli {

namespace {
int parse_whole(const std::string& text, const std::string& what) {
    return static_cast<int>(whole_or_fail(text, Msg::NotWholeNumber, {MsgArg::field(what)}, INT_MIN, INT_MAX));
}

// One decimal, as the language of the output writes it (core/numbers.h).
std::string percent(double value) { return format_decimal(value, 1, numbers()); }

// Rates rounded to one decimal in JSON, as they are printed: the same figures either way.
double rounded(double value) { return static_cast<double>(static_cast<long long>(value * 10.0 + 0.5)) / 10.0; }
}  // namespace

int run_investor_add(const Context& ctx, const std::string& name, const std::optional<std::string>& agency) {
    auto s = open_session(ctx);
    const auto id = s.service->add_investor(s.actor, name, agency);
    std::cout << say(Msg::OutInvestorAdded, {id, name}) << "\n";
    return 0;
}

int run_investor_list(const Context& ctx, bool json) {
    auto s = open_session(ctx);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& i : s.service->investors(s.actor)) {
        if (json) out.push_back({{"id", i.id}, {"name", i.name}, {"agency", i.agency_name}});
        else std::cout << i.id << "  " << i.name << (i.agency_name.empty() ? "" : "  (" + i.agency_name + ")") << "\n";
    }
    if (json) std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
}

int run_project_add(const Context& ctx, const ProjectAddOptions& o) {
    service::ProjectInput in;
    in.code = o.code;
    in.investor = o.investor;
    in.name = o.name;
    in.year = parse_whole(o.year, "The year");
    in.plan_assigned = parse_vnd_or_fail(o.plan_assigned, "The assigned plan");
    in.plan_total = parse_vnd_or_fail(o.plan_total, "The whole plan");
    const auto source = service::parse_capital_source(o.source);
    if (!source) fail(ErrorKind::Invalid, Msg::UnknownCapitalSource, {quoted_input(o.source)});
    in.source = *source;
    auto s = open_session(ctx);
    const auto id = s.service->add_project(s.actor, in);
    std::cout << say(Msg::OutProjectAdded, {id, in.code}) << "\n";
    return 0;
}

int run_invest_record(const Context& ctx, const RecordOptions& o) {
    service::EntryInput e;
    e.project_code = o.code;
    e.date = parse_date_or_fail(o.date, "The date");
    e.amount = parse_vnd_or_fail(o.amount, "The amount");
    e.note = o.note;
    auto s = open_session(ctx);
    s.service->record_disbursement(s.actor, e);
    std::cout << say(Msg::OutRecorded, {MsgArg::grouped(e.amount), e.project_code, e.date}) << "\n";
    return 0;
}

int run_invest_import(const Context& ctx, const std::string& file) {
    const auto csv = service::read_file(file, 20 * 1024 * 1024);
    auto s = open_session(ctx);
    const int entries = s.service->import_disbursement_csv(s.actor, csv);
    std::cout << say(Msg::OutEntriesImported, {MsgArg::grouped(entries)}) << "\n";
    return 0;
}

int run_invest_status(const Context& ctx, const std::optional<std::string>& as_of_text, bool json) {
    const Date as_of = as_of_text ? parse_date_or_fail(*as_of_text, "The as-of date") : Date::today();
    auto s = open_session(ctx);
    const auto st = s.service->disbursement_status(s.actor, as_of);
    if (json) {
        nlohmann::json investors = nlohmann::json::array();
        for (const auto& i : st.investors)
            investors.push_back({{"investor", i.investor.name},
                                 {"plan_assigned", i.rates.plan_assigned},
                                 {"plan_total", i.rates.plan_total},
                                 {"disbursed", i.rates.disbursed},
                                 {"rate_assigned", rounded(i.rates.rate_assigned)},
                                 {"rate_total", rounded(i.rates.rate_total)},
                                 {"behind", i.behind},
                                 {"rank", i.rank}});
        std::cout << nlohmann::json{{"as_of", as_of.iso()}, {"required_percent", st.required_percent}, {"investors", investors}}
                         .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                  << "\n";
        return 0;
    }
    std::cout << say(Msg::OutInvestHeading, {as_of, st.required_percent});
    if (st.next) std::cout << say(Msg::OutInvestNext, {st.next->due, st.next->percent});
    std::cout << "\n\n";
    std::cout << fit("#", 4) << fit(say("Chủ đầu tư", "Investor"), 42) << fit(say("KH TTg giao", "Plan assigned"), 20, true)
              << fit(say("Tổng KH", "Whole plan"), 20, true) << fit(say("Đã giải ngân", "Disbursed"), 20, true)
              << fit(say("% giao", "% assigned"), 11, true) << fit(say("% tổng", "% whole"), 9, true) << "\n";
    auto line = [](const std::string& rank, const std::string& name, const service::Rates& r, const char* flag) {
        std::cout << fit(rank, 4) << fit(name, 42) << fit(count(r.plan_assigned), 20, true)
                  << fit(count(r.plan_total), 20, true) << fit(count(r.disbursed), 20, true)
                  << fit(percent(r.rate_assigned), 11, true) << fit(percent(r.rate_total), 9, true) << "  " << flag << "\n";
    };
    for (const auto& i : st.investors)
        line(std::to_string(i.rank), i.investor.name, i.rates, i.behind ? say("chậm so với mốc", "behind the ladder") : "");
    std::cout << "\n";
    line("", say("Toàn tỉnh", "Whole province"), st.province, "");
    std::cout << say(Msg::OutInvestBehind, {MsgArg::grouped(st.behind), MsgArg::grouped(static_cast<long long>(st.investors.size())),
                                            st.required_percent})
              << "\n";
    return 0;
}

int run_ladder_list(const Context& ctx, bool json) {
    auto s = open_session(ctx);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : s.service->ladder()) {
        if (json) out.push_back({{"date", m.due.iso()}, {"percent", m.percent}, {"task_ref", m.task_ref}});
        else std::cout << m.due.vn() << "  " << m.percent << " %" << (m.task_ref.empty() ? "" : "  (" + m.task_ref + ")") << "\n";
    }
    if (json) std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
}

int run_ladder_set(const Context& ctx, const std::string& date, const std::string& percent_text) {
    const Date due = parse_date_or_fail(date, "The milestone date");
    const int value = parse_whole(percent_text, "The percent");
    auto s = open_session(ctx);
    s.service->set_milestone(s.actor, due, value);
    std::cout << say(Msg::OutMilestoneSet, {due, value}) << "\n";
    return 0;
}

int run_ladder_remove(const Context& ctx, const std::string& date) {
    const Date due = parse_date_or_fail(date, "The milestone date");
    auto s = open_session(ctx);
    s.service->remove_milestone(s.actor, due);
    std::cout << say(Msg::OutMilestoneRemoved, {due}) << "\n";
    return 0;
}

}  // namespace dt::cli

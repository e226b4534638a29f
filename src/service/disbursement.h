#pragma once
// Public-investment disbursement as the office reads it: plans, rates, the ladder.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "store/records.h"

namespace dt::service {

using store::Id;

struct ProjectInput {
    std::string code;
    std::string name;
    std::string investor;
    int year = 0;
    std::int64_t plan_assigned = 0;  // the plan the Prime Minister assigned
    std::int64_t plan_total = 0;     // the province's whole plan, incl. capital extended from last year
    store::CapitalSource source = store::CapitalSource::Domestic;
};

struct EntryInput {
    std::string project_code;
    Date date;
    std::int64_t amount = 0;
    std::string note;
    std::size_t line = 0;  // CSV line, for messages
};

struct Rates {
    std::int64_t plan_assigned = 0;
    std::int64_t plan_total = 0;
    std::int64_t disbursed = 0;
    double rate_assigned = 0.0;  // percent of the assigned plan
    double rate_total = 0.0;     // percent of the whole plan
};

struct InvestorStatus {
    store::InvestorRecord investor;
    Rates rates;
    bool behind = false;  // assigned-plan rate below what the ladder requires
    int rank = 0;         // 1 = slowest
};

struct ProjectStatus {
    store::ProjectRecord project;
    Rates rates;
    bool behind = false;
};

struct DisbursementStatus {
    Date as_of;
    int required_percent = 0;                      // the latest milestone on or before as_of; 0 before the first
    std::optional<store::MilestoneRecord> next;    // the first milestone after as_of
    std::vector<store::MilestoneRecord> ladder;
    Rates province;
    std::vector<InvestorStatus> investors;         // slowest first
    int behind = 0;
};

// The ladder rule, once: the milestone in force at a date is the latest one on or before it
// (the ladder is by date); the percent it requires, 0 before the first.
std::optional<store::MilestoneRecord> current_milestone(const std::vector<store::MilestoneRecord>& ladder, Date as_of);
int required_percent(const std::vector<store::MilestoneRecord>& ladder, Date as_of);
std::optional<store::MilestoneRecord> next_milestone(const std::vector<store::MilestoneRecord>& ladder, Date as_of);
Rates rates_of(std::int64_t plan_assigned, std::int64_t plan_total, std::int64_t disbursed);

using store::parse_capital_source;  // "domestic", "oda", "ntp" (store/records.h)

// Entries are dated within the plan's year or in January after it, when the directive lets
// the last of the year's capital be paid (31/01 of the next year).
bool within_plan_window(int plan_year, Date date);

}  // namespace dt::service

#pragma once
#include <filesystem>

#include "core/date.h"

namespace dt::bench {

struct HistoryOptions {
    std::filesystem::path db;
    int weeks = 52;   // weekly changes to add first (0: measure the database as it is)
    Date start;       // the first week's date is start + 7 days
    int runs = 3;     // the best of this many lists per as-of date
};

int run_history_bench(const HistoryOptions& options);

}  // namespace dt::bench

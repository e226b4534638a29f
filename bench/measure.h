#pragma once
// `dtrack-bench run`: the figures of docs/PERFORMANCE.md on one database, each the median and the
// spread (min, max) of several runs.
#include <filesystem>
#include <string>

namespace dt::bench {

struct RunOptions {
    std::filesystem::path db;
    int runs = 5;       // at least 5
    bool json = false;  // one JSON object on stdout instead of a table
    std::string only;   // one group (memory, open, frames, filter, updates, reports); empty: all
};

int run_benchmarks(const RunOptions& options);

}  // namespace dt::bench

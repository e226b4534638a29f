#pragma once
// The synthetic province (docs/PERFORMANCE.md): directives, agencies and groups, assignments in every
// status and bucket with their journal and evidence, investment projects with weekly entries.
// Everything goes through the service, as a user's changes do; the same seed and anchor date
// give the same province.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/date.h"

namespace dt::bench {

struct GenerateOptions {
    std::filesystem::path out;
    long assignments = 100000;
    std::uint64_t seed = 7;
    std::optional<Date> anchor;  // "today" of the province (default: the real today; never later)
    std::string admin = "admin";
    std::string password;        // of the administrator the generator creates
    bool force = false;          // replace an existing file
    bool quiet = false;
};

struct GenerateResult {
    int directives = 0;
    int tasks = 0;
    long assignments = 0;
    long journal_rows = 0;       // the whole journal, imports and disbursement entries included
    long assignment_journal = 0; // rows about assignments (status, progress, owner, completion, evidence)
    long evidence = 0;
    int investors = 0;
    int projects = 0;
    long entries = 0;
    double seconds = 0.0;
};

GenerateResult generate(const GenerateOptions& options);

// Every assignment as a Taskwarrior 2.6 import array (one task per assignment: description =
// the task's title, project = the agency's code, tags = the status, due, end when done).
void export_taskwarrior(const std::filesystem::path& db, std::ostream& out);

}  // namespace dt::bench

// dtrack-bench: a synthetic province at a chosen scale, and the figures of docs/PERFORMANCE.md on it.
//   dtrack-bench generate --out DB|URI --assignments N [--seed S] [--anchor DATE] [--force]
//   dtrack-bench run --db DB [--json] [--runs N]
//   dtrack-bench export-taskwarrior --db DB [--out FILE]     (bench/peer-taskwarrior.sh)
//   dtrack-bench invest-import [--rows 5000,20000,80000] [--dir DIR]   (rows per second)
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <vector>
#include <fstream>
#include <iostream>

#include "invest_import.h"
#include "measure.h"
#include "history_bench.h"
#include "province.h"
#include "core/error.h"

int main(int argc, char** argv) {
    CLI::App app{"Benchmarks of Directive Tracker on a synthetic province (docs/PERFORMANCE.md).", "dtrack-bench"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("Directive Tracker ") + DT_VERSION);
    std::function<int()> action;

    dt::bench::GenerateOptions gen;
    std::string out, anchor;
    auto* gen_cmd = app.add_subcommand("generate", "Write a synthetic province through the service");
    gen_cmd->add_option("--out,--db", out, "Database file to create, or an empty PostgreSQL database (postgresql://…)")->required();
    gen_cmd->add_option("--assignments", gen.assignments, "How many assignments (default 100000)");
    gen_cmd->add_option("--seed", gen.seed, "Seed of the pseudo-random choices (default 7)");
    gen_cmd->add_option("--anchor", anchor, "The province's 'today' (default: today; never later)");
    gen_cmd->add_option("--admin", gen.admin, "Name of the administrator it creates (default admin)");
    gen_cmd->add_flag("--force", gen.force, "Replace an existing file");
    gen_cmd->add_flag("--quiet", gen.quiet, "No progress lines on stderr");
    gen_cmd->callback([&] {
        action = [&] {
            gen.out = out;
            if (!anchor.empty()) gen.anchor = dt::parse_date_or_fail(anchor, "The anchor date");
            const char* password = std::getenv("DTRACK_PASSWORD");
            gen.password = password && *password ? password : "bench-password";
            const auto r = dt::bench::generate(gen);
            std::cout << "Generated " << out << " in " << r.seconds << " s: " << r.directives << " directives, " << r.tasks
                      << " tasks, " << r.assignments << " assignments, " << r.assignment_journal
                      << " journal rows about them (" << r.journal_rows << " in all), " << r.evidence
                      << " evidence items, " << r.investors << " investors, " << r.projects << " projects, " << r.entries
                      << " weekly entries.\n"
                      << "Administrator: " << gen.admin << " (password from DTRACK_PASSWORD"
                      << (password && *password ? "" : ", here the default 'bench-password'") << ").\n";
            return 0;
        };
    });

    dt::bench::RunOptions run;
    std::string db;
    auto* run_cmd = app.add_subcommand("run", "Measure open, frames, filter, sort, updates, reports and memory");
    run_cmd->add_option("--db", db, "Database file or postgresql:// URI (from generate)")->required();
    run_cmd->add_option("--runs", run.runs, "Runs per figure (at least 5; frames: 10 times as many)");
    run_cmd->add_flag("--json", run.json, "Print one JSON object");
    run_cmd->add_option("--only", run.only, "Measure one group only, to profile it")
        ->check(CLI::IsMember({"memory", "open", "frames", "filter", "updates", "reports"}));
    run_cmd->callback([&] {
        action = [&] {
            run.db = db;
            return dt::bench::run_benchmarks(run);
        };
    });

    dt::bench::HistoryOptions hist;
    std::string hist_start;
    auto* hist_cmd = app.add_subcommand("history", "Add a year of weekly changes, then time list at past as-of dates");
    hist_cmd->add_option("--db", db, "Database file (from generate --anchor a year ago)")->required();
    hist_cmd->add_option("--weeks", hist.weeks, "Weekly changes to add first (default 52; 0: none)");
    hist_cmd->add_option("--start", hist_start, "The week before the first change (default: 365 days ago)");
    hist_cmd->add_option("--runs", hist.runs, "Best of this many lists per date (default 3)");
    hist_cmd->callback([&] {
        action = [&] {
            hist.db = db;
            hist.start = hist_start.empty() ? dt::Date::today().plus_days(-365)
                                            : dt::parse_date_or_fail(hist_start, "The start date");
            return dt::bench::run_history_bench(hist);
        };
    });

    std::string export_out;
    auto* export_cmd = app.add_subcommand("export-taskwarrior", "Every assignment as a Taskwarrior import array");
    export_cmd->add_option("--db", db, "Database file")->required();
    export_cmd->add_option("--out", export_out, "File to write (default: standard output)");
    export_cmd->callback([&] {
        action = [&] {
            if (export_out.empty()) {
                dt::bench::export_taskwarrior(db, std::cout);
                return 0;
            }
            std::ofstream file(export_out, std::ios::binary);
            dt::bench::export_taskwarrior(db, file);
            file.close();
            if (!file) dt::fail(dt::ErrorKind::Storage, "Cannot write '" + export_out + "'.");
            return 0;
        };
    });

    std::vector<int> import_rows{5000, 20000, 80000};
    std::string import_dir = std::filesystem::temp_directory_path().string();
    auto* import_cmd = app.add_subcommand("invest-import", "Rows per second of 'invest import' at several sizes (flat: linear)");
    import_cmd->add_option("--rows", import_rows, "Sizes, comma-separated")->delimiter(',');
    import_cmd->add_option("--dir", import_dir, "Folder for the scratch databases");
    import_cmd->callback([&] {
        action = [&] {
            for (const int rows : import_rows)
                std::cout << rows << " rows: " << static_cast<long>(dt::bench::invest_import_rows_per_second(rows, import_dir))
                          << " rows/s\n";
            return 0;
        };
    });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 1;
    }
    try {
        return action ? action() : 1;
    } catch (const dt::Error& e) {
        std::cerr << "dtrack-bench: " << e.what() << "\n";
        return e.exit_code();
    } catch (const std::exception& e) {
        std::cerr << "dtrack-bench: " << e.what() << "\n";
        return 5;
    }
}

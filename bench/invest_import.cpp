// dtrack-bench invest-import: `invest import` of n rows into a fresh database, rows per second
// at each size (issue 17.9: it was quadratic, re-summing each project for every row).
#include "invest_import.h"

#include <chrono>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "service/registry.h"
#include "service/service.h"
#include "store/store.h"

namespace dt::bench {

double invest_import_rows_per_second(int rows, const std::filesystem::path& folder) {
    const auto file = folder / ("invest-" + std::to_string(rows) + ".db");
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix, ec);
    auto store = store::Store::open(file);
    service::Service service(*store);
    const auto admin = service.create_first_admin("admin", "mật khẩu đo đạc");
    service.add_investor(admin, "Ban Quản lý dự án đo đạc", std::nullopt);
    // Ten projects, rows spread over them, one entry per day of 2025 at most per amount.
    constexpr int kProjects = 10;
    for (int p = 0; p < kProjects; ++p) {
        service::ProjectInput project;
        project.code = "DA-" + std::to_string(p);
        project.name = "Dự án đo đạc " + std::to_string(p);
        project.investor = "Ban Quản lý dự án đo đạc";
        project.year = 2025;
        project.plan_assigned = 900000000000000;
        project.plan_total = 900000000000000;
        service.add_project(admin, project);
    }
    std::ostringstream csv;
    csv << "project_code,date,amount,note\n";
    for (int i = 0; i < rows; ++i) {
        const Date day = Date{2025, 1, 1}.plus_days(i % 365);
        csv << "DA-" << (i % kProjects) << "," << day.iso() << "," << (1000 + i) << ",dòng " << i << "\n";
    }
    const auto started = std::chrono::steady_clock::now();
    const int imported = service.import_disbursement_csv(admin, csv.str());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix, ec);
    return imported / seconds;
}

}  // namespace dt::bench

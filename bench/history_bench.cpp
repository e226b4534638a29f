// dtrack-bench history: what the past costs. Takes a generated province (dtrack-bench generate
// --anchor a year ago), adds a year of weekly changes (each week every assignment's owner
// changes, through the service, journalled at that week's date), then times service::list of
// every assignment at as-of dates further and further back: rewinding undoes the changes made
// after the date, so the time grows with the history after it.
#include "history_bench.h"

#include <chrono>
#include <cstdio>

#include "core/clock.h"
#include "service/service.h"
#include "store/store.h"

namespace dt::bench {

namespace {
double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}
}  // namespace

int run_history_bench(const HistoryOptions& o) {
    auto store = store::Store::open(o.db);
    service::Service svc(*store);
    const auto admin = service::Service::system();
    service::ListFilter all;
    all.detail = store::RowDetail::List;
    const auto rows = svc.list(all);
    if (o.weeks > 0) {
        const auto started = std::chrono::steady_clock::now();
        for (int w = 1; w <= o.weeks; ++w) {
            const Date day = o.start.plus_days(7 * w);
            clock::set_fixed(static_cast<std::time_t>(day.serial()) * 86400 + 9 * 3600);
            svc.batch([&] {
                for (const auto& v : rows) {
                    service::AssignmentChange c;
                    c.owner = "Cán bộ tuần " + std::to_string(w);
                    svc.update(admin, v.record.id, c, std::nullopt);
                }
            });
            std::fprintf(stderr, "week %d (%s): %zu changes, %.0f s so far\n", w, day.vn().c_str(), rows.size(),
                         ms_since(started) / 1000);
        }
        clock::set_fixed(std::nullopt);
    }
    std::printf("%zu assignments, %d journal rows\n", rows.size(), store->journal_count());
    std::printf("%-12s %12s\n", "as of", "list (ms)");
    const Date today = Date::today();
    for (int back : {0, 7, 30, 91, 182, 273, 364, 400}) {
        all.as_of = today.plus_days(-back);
        double best = 1e18;
        for (int r = 0; r < o.runs; ++r) {
            const auto t = std::chrono::steady_clock::now();
            const auto got = svc.list(all);
            best = std::min(best, ms_since(t));
            if (got.size() != rows.size()) std::fprintf(stderr, "unexpected row count %zu\n", got.size());
        }
        std::printf("%-12s %12.1f\n", all.as_of.vn().c_str(), best);
    }
    return 0;
}

}  // namespace dt::bench

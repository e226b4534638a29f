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
    // Three figures per date: the full replay from today's rows (as before kept states), the
    // first read with kept states (which keeps that week's end if it is not kept yet) and the
    // best of the reads after it (the kept day there).
    std::printf("%-12s %14s %14s %14s\n", "as of", "replay (ms)", "first (ms)", "kept (ms)");
    const Date today = Date::today();
    auto timed = [&](const service::ListFilter& f) {
        const auto t = std::chrono::steady_clock::now();
        const auto got = svc.list(f);
        if (got.size() != rows.size()) std::fprintf(stderr, "unexpected row count %zu\n", got.size());
        return ms_since(t);
    };
    for (int back : {0, 7, 30, 91, 182, 273, 364, 400}) {
        all.as_of = today.plus_days(-back);
        svc.use_kept_states(false);
        double replay = 1e18;
        for (int r = 0; r < o.runs; ++r) replay = std::min(replay, timed(all));
        svc.use_kept_states(true);
        const double first = timed(all);
        double kept = 1e18;
        for (int r = 0; r < o.runs; ++r) kept = std::min(kept, timed(all));
        std::printf("%-12s %14.1f %14.1f %14.1f\n", all.as_of.vn().c_str(), replay, first, kept);
        std::fflush(stdout);
    }
    return 0;
}

}  // namespace dt::bench

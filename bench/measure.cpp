// The figures: open (view models of the first frame), frames (headless ImGui, CPU time, as
// bench/frame_bench.cpp), filter and sort of every row, updates through the service, reports,
// and the peak resident memory.
#include "measure.h"

#include <imgui.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "core/error.h"
#include "report/build.h"
#include "report/writers.h"
#include "service/service.h"
#include "store/store.h"
#include "ui/app_state.h"
#include "ui/fonts.h"
#include "ui/views.h"

namespace dt::bench {

namespace fs = std::filesystem;
using service::Service;

namespace {

double now_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // kilobytes on Linux
}

struct Figure {
    std::vector<double> samples;
    void add(double v) { samples.push_back(v); }
    double median() const {
        if (samples.empty()) return 0.0;
        auto s = samples;
        std::sort(s.begin(), s.end());
        const auto n = s.size();
        return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }
    double min() const { return samples.empty() ? 0.0 : *std::min_element(samples.begin(), samples.end()); }
    double max() const { return samples.empty() ? 0.0 : *std::max_element(samples.begin(), samples.end()); }
};

// The machine's load average over the last minute (uptime's first figure): times taken on a
// shared machine are read beside it.
double load_1min() {
    double load[1] = {0.0};
    return getloadavg(load, 1) == 1 ? load[0] : -1.0;
}

// The signed-in office user a GUI would update as (an active administrator, checked by the
// service on every write as any user is), else the system.
service::Actor update_actor(const store::Store& store) {
    for (const auto& u : store.users())
        if (u.active && u.role == UserRole::Admin)
            return service::Actor{u.id, u.name, u.role, u.agency_id, u.agency_name, service::credential_of(u.password_hash)};
    return Service::system();
}

double timed(const std::function<void()>& fn) {
    const double start = now_ms();
    fn();
    return now_ms() - start;
}

store::OpenOptions existing() {
    store::OpenOptions options;
    options.create = false;
    return options;
}

void draw_one_frame(ui::AppState& state) {
    ImGui::NewFrame();
    ui::draw_frame(state);
    ImGui::Render();
}

// A private folder for the reports, removed afterwards.
struct ScratchDir {
    fs::path path;
    ScratchDir() {
        char tmpl[] = "/tmp/dtrack-bench-XXXXXX";
        if (!mkdtemp(tmpl)) fail(ErrorKind::Storage, "Cannot create a temporary folder for the reports.");
        path = tmpl;
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

void setup_imgui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1600, 1000);
    io.DeltaTime = 1.0f / 60.0f;
    std::string font_error;
    if (!ui::load_fonts(17.0f, font_error)) std::cerr << "warning: " << font_error << "\n";
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
}

// The memory of the GUI's own work on this database, in a child process so that the
// benchmark's repeated rebuilds do not count: open, every model, a few frames of each view
// (the reports view builds its preview), as a user looking around would. Peak RSS in MB.
double gui_peak_rss_mb(const fs::path& db) {
    std::cout.flush();
    const pid_t pid = fork();
    if (pid < 0) fail(ErrorKind::Storage, "Cannot start a process to measure memory.");
    if (pid == 0) {
        try {
            auto store = store::Store::open(db, existing());
            Service svc(*store);
            ui::AppState state(svc, Service::system());
            setup_imgui();
            for (const auto view : {ui::View::Dashboard, ui::View::Tasks, ui::View::Directive, ui::View::MyAgency,
                                    ui::View::Disbursement, ui::View::Reports}) {
                state.view = view;
                for (int i = 0; i < 3; ++i) draw_one_frame(state);
            }
            ImGui::DestroyContext();
        } catch (const std::exception& e) {
            std::cerr << "dtrack-bench: " << e.what() << "\n";
            _exit(1);
        }
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail(ErrorKind::Storage, "The memory probe failed.");
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace

int run_benchmarks(const RunOptions& o) {
    const int runs = std::max(5, o.runs);
    const Date today = Date::today();
    const auto system = Service::system();
    std::map<std::string, Figure> f;  // by JSON key
    std::map<std::string, Figure> trips;  // round trips to a server, by figure (none for a file)
    const double load_start = load_1min();
    std::size_t assignments = 0;
    auto progress = [&](const char* what) {
        if (!o.json) std::cerr << "… " << what << "\n";
    };
    // --only: one group of figures, for profiling it alone.
    auto want = [&](const char* group) { return o.only.empty() || o.only == group; };

    // Memory first, while this process is small: the child starts from a copy of it.
    double rss_gui = 0.0;
    if (want("memory")) {
        progress("memory of the GUI's work");
        rss_gui = gui_peak_rss_mb(o.db);
    }

    // open: the file, the rows, and the two view models the first frame draws from.
    progress("open");
    for (int r = 0; r < (want("open") ? runs : 0); ++r) {
        f["open_ms"].add(timed([&] {
            const double start = now_ms();
            auto store = store::Store::open(o.db, existing());
            const auto opened = store::server_round_trips(*store);
            Service svc(*store);
            service::ListFilter all;
            all.as_of = today;
            all.detail = store::RowDetail::Table;  // as the GUI reads them (ui/shell.cpp)
            auto views = svc.list(all);
            auto task_keys = svc.task_search_keys();
            const double read = now_ms();
            trips["open_connect"].add(static_cast<double>(opened));
            trips["open_read"].add(static_cast<double>(store::server_round_trips(*store) - opened));
            ui::TaskTable table;
            table.rebuild(std::move(views), std::move(task_keys));
            ui::Dashboard dashboard;
            dashboard.rebuild(table, today);
            assignments = table.rows().size();
            f["open_read_ms"].add(read - start);      // the file and every row through the service
            f["open_models_ms"].add(now_ms() - read);  // TaskTable::rebuild + Dashboard::rebuild
        }));
    }

    setup_imgui();

    // The GUI's start, as a user sees it: open, every model (refresh_models), the dashboard's first frame.
    progress("open + first frame");
    for (int r = 0; r < (want("open") ? runs : 0); ++r) {
        f["open_first_frame_ms"].add(timed([&] {
            auto store = store::Store::open(o.db, existing());
            Service svc(*store);
            ui::AppState state(svc, system);
            state.view = ui::View::Dashboard;
            draw_one_frame(state);
            trips["open_first_frame"].add(static_cast<double>(store::server_round_trips(*store)));
        }));
    }

    auto store = store::Store::open(o.db, existing());
    Service svc(*store);
    ui::AppState state(svc, system);

    draw_one_frame(state);  // builds the models, whichever figures are wanted
    // frames: CPU time of one whole frame, after a few that fill the caches.
    progress("frames");
    const int frames = want("frames") ? runs * 10 : 0;
    for (const auto& [view, key] : {std::pair{ui::View::Tasks, "frame_tasks_ms"}, std::pair{ui::View::Dashboard, "frame_dashboard_ms"}}) {
        state.view = view;
        for (int i = 0; i < (frames > 0 ? 3 : 0); ++i) draw_one_frame(state);
        for (int i = 0; i < frames; ++i) {
            const double start = cpu_ms();
            draw_one_frame(state);
            f[key].add(cpu_ms() - start);
        }
    }

    // filter: every row again by a text, folded or with its diacritics (the table's own code).
    progress("filter and sort");
    auto& table = state.tasks;
    const ui::TaskFilter base = table.filter();
    std::size_t matches = 0;
    const int filter_runs = want("filter") ? runs : 0;
    for (int r = 0; r < filter_runs; ++r) {
        for (const auto& [text, key] : {std::pair{"giai ngan", "filter_plain_ms"}, std::pair{"giải ngân", "filter_accented_ms"}}) {
            table.set_filter(base);
            ui::TaskFilter filter = base;
            filter.text = text;
            f[key].add(timed([&] { table.set_filter(filter); }));
            matches = table.visible().size();
        }
    }
    table.set_filter(base);
    // The same text filter while the table is sorted by deadline rather than by reference:
    // how much of the filter's time is the re-sort of the rows it keeps.
    const ui::SortSpec initial = table.sort();
    table.set_sort({ui::SortKey::Due, false});
    for (int r = 0; r < filter_runs; ++r) {
        table.set_filter(base);
        ui::TaskFilter filter = base;
        filter.text = "giai ngan";
        f["filter_by_due_ms"].add(timed([&] { table.set_filter(filter); }));
    }
    table.set_filter(base);
    table.set_sort(initial);
    // sort: every row by deadline, by agency (and by reference, the table's default).
    for (int r = 0; r < filter_runs; ++r) {
        f["sort_ref_ms"].add(timed([&] { table.set_sort({ui::SortKey::Ref, r % 2 == 0}); }));
        f["sort_due_ms"].add(timed([&] { table.set_sort({ui::SortKey::Due, false}); }));
        f["sort_agency_ms"].add(timed([&] { table.set_sort({ui::SortKey::Agency, false}); }));
    }
    table.set_sort(initial);

    // update: one status change through the service (rights, version, journal, commit), and a
    // batch of them in one transaction. Assignments under way flip between in_progress and blocked.
    progress("updates");
    std::vector<std::pair<store::Id, Status>> open_rows;
    for (const auto& row : table.rows())
        if (row.status == Status::InProgress || row.status == Status::Blocked) open_rows.emplace_back(row.id, row.status);
    if (want("updates") && open_rows.empty()) fail(ErrorKind::Invalid, "The database has no assignment under way to update.");
    // As the signed-in office user, whom the service checks as it checks any user, with the
    // version the GUI's editor read (a stale one would be refused).
    const service::Actor editor = update_actor(*store);
    std::map<store::Id, int> versions;
    for (const auto& row : table.rows()) versions[row.id] = row.version;
    auto flip = [&](std::pair<store::Id, Status>& row) {
        service::AssignmentChange change;
        change.status = row.second == Status::InProgress ? Status::Blocked : Status::InProgress;
        versions[row.first] = svc.update(editor, row.first, change, versions[row.first]).record.version;
        row.second = *change.status;
    };
    const std::size_t singles =
        want("updates") ? std::min<std::size_t>(open_rows.size(), static_cast<std::size_t>(runs) * 10) : 0;
    for (std::size_t i = 0; i < singles; ++i) {
        const auto before = store::server_round_trips(*store);
        f["update_ms"].add(timed([&] { flip(open_rows[i]); }));
        trips["update"].add(static_cast<double>(store::server_round_trips(*store) - before));
    }
    const std::size_t batch = std::min<std::size_t>(open_rows.size(), 1000);
    for (int r = 0; r < (want("updates") ? runs : 0); ++r) {
        const auto before = store::server_round_trips(*store);
        const double ms = timed([&] {
            svc.batch([&] {
                for (std::size_t i = 0; i < batch; ++i) flip(open_rows[i]);
            });
        });
        f["updates_per_s"].add(static_cast<double>(batch) / (ms / 1000.0));
        trips["update_in_batch"].add(static_cast<double>(store::server_round_trips(*store) - before) /
                                     static_cast<double>(std::max<std::size_t>(batch, 1)));
    }

    // reports: the first directive (the generator makes it a fifth of the province: 20,000
    // assignments at 100,000), model and file together.
    progress("reports");
    ScratchDir scratch;
    report::Request request;
    request.as_of = today;
    int report_assignments = 0;
    for (int r = 0; r < (want("reports") ? runs : 0); ++r) {
        f["report_pdf_ms"].add(timed([&] {
            const double start = now_ms();
            const auto rep = report::build_report(svc, system, request);
            f["report_build_ms"].add(now_ms() - start);
            report_assignments = rep.totals.total;
            report::write_pdf(rep, scratch.path / ("r" + std::to_string(r) + ".pdf"));
        }));
        f["report_xlsx_ms"].add(timed([&] {
            const auto rep = report::build_report(svc, system, request);
            report::write_xlsx(rep, scratch.path / ("r" + std::to_string(r) + ".xlsx"));
        }));
    }
    ImGui::DestroyContext();

    const double filter_ms = std::max(f["filter_plain_ms"].median(), f["filter_accented_ms"].median());
    const double sort_ms = std::max(f["sort_due_ms"].median(), f["sort_agency_ms"].median());
    const double rss_bench = peak_rss_mb();
    if (o.json) {
        nlohmann::json out{{"assignments", assignments},
                           {"open_ms", f["open_ms"].median()},
                           {"frame_tasks_ms", f["frame_tasks_ms"].median()},
                           {"frame_dashboard_ms", f["frame_dashboard_ms"].median()},
                           {"filter_ms", filter_ms},
                           {"sort_ms", sort_ms},
                           {"update_ms", f["update_ms"].median()},
                           {"updates_per_s", f["updates_per_s"].median()},
                           {"report_pdf_ms", f["report_pdf_ms"].median()},
                           {"report_xlsx_ms", f["report_xlsx_ms"].median()},
                           {"rss_mb", rss_gui}};
        // Beyond the contract: the parts of filter and sort, the GUI's start, the report's size.
        for (const char* key : {"open_read_ms", "open_models_ms", "open_first_frame_ms", "filter_plain_ms",
                                "filter_accented_ms", "filter_by_due_ms", "sort_due_ms", "sort_agency_ms", "sort_ref_ms",
                                "report_build_ms"})
            out[key] = f[key].median();
        out["filter_matches"] = matches;
        out["update_batch"] = batch;
        out["report_assignments"] = report_assignments;
        out["rss_bench_mb"] = rss_bench;  // this process: every figure above, repeated builds included
        out["runs"] = runs;
        // Round trips to the server (medians; 0 on a file), and uptime's 1-minute load average.
        nlohmann::json round_trips = nlohmann::json::object();
        for (const auto& [key, fig] : trips) round_trips[key] = fig.median();
        out["round_trips"] = round_trips;
        out["load_1min"] = {{"start", load_start}, {"end", load_1min()}};
        nlohmann::json spread = nlohmann::json::object();
        for (const auto& [key, fig] : f)
            spread[key] = {{"min", fig.min()}, {"max", fig.max()}, {"n", fig.samples.size()}};
        out["spread"] = spread;
        std::cout << out.dump() << "\n";
        return 0;
    }
    std::printf("%zu assignments, %d runs (frames: %d), %s\n", assignments, runs, frames, o.db.c_str());
    std::printf("%-24s %12s %12s %12s\n", "figure", "median", "min", "max");
    for (const auto& [key, fig] : f)
        std::printf("%-24s %12.3f %12.3f %12.3f\n", key.c_str(), fig.median(), fig.min(), fig.max());
    std::printf("filter matches %zu rows; update batch %zu; report of %d assignments (the first directive)\n", matches,
                batch, report_assignments);
    std::printf("peak RSS of the GUI's work %.1f MB (of this benchmark process: %.1f MB)\n", rss_gui, rss_bench);
    if (!trips.empty()) {
        std::printf("%-24s %12s %12s %12s\n", "round trips to server", "median", "min", "max");
        for (const auto& [key, fig] : trips)
            std::printf("%-24s %12.1f %12.1f %12.1f\n", key.c_str(), fig.median(), fig.min(), fig.max());
    }
    std::printf("load average (1 min): %.2f at the start, %.2f at the end\n", load_start, load_1min());
    return 0;
}

}  // namespace dt::bench

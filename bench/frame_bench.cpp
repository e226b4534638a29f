// CPU time of headless ImGui frames over a real database: the tasks view with every row,
// and the dashboard. Usage: dtrack-frame-bench --db PATH [--frames N]
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "service/service.h"
#include "store/store.h"
#include "ui/app_state.h"
#include "ui/fonts.h"
#include "ui/views.h"

namespace {
double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

void measure(dt::ui::AppState& state, dt::ui::View view, int frames, const char* name) {
    state.view = view;
    std::vector<double> samples;
    for (int i = 0; i < frames + 3; ++i) {
        const double start = cpu_ms();
        ImGui::NewFrame();
        dt::ui::draw_frame(state);
        ImGui::Render();
        if (i >= 3) samples.push_back(cpu_ms() - start);  // the first frames build caches
    }
    std::sort(samples.begin(), samples.end());
    std::printf("%-10s frames=%d median=%.3f ms  min=%.3f  max=%.3f  (rows=%zu, vertices=%d)\n", name, frames,
                samples[samples.size() / 2], samples.front(), samples.back(), state.tasks.rows().size(),
                ImGui::GetDrawData()->TotalVtxCount);
}
}  // namespace

int main(int argc, char** argv) {
    std::string db;
    int frames = 50;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::string(argv[i]) == "--db") db = argv[i + 1];
        if (std::string(argv[i]) == "--frames") frames = std::max(1, std::stoi(argv[i + 1]));
    }
    if (db.empty()) {
        std::fprintf(stderr, "usage: dtrack-frame-bench --db PATH [--frames N]\n");
        return 1;
    }
    dt::store::OpenOptions options;
    options.create = false;
    auto store = dt::store::Store::open(db, options);
    dt::service::Service service(*store);
    dt::ui::AppState state(service, dt::service::Service::system());

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1600, 1000);
    io.DeltaTime = 1.0f / 60.0f;
    std::string error;
    dt::ui::load_fonts(17.0f, error);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));

    const auto t0 = std::chrono::steady_clock::now();
    dt::ui::refresh_models(state);
    const double build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::printf("build view models: %.1f ms for %zu assignments\n", build_ms, state.tasks.rows().size());
    measure(state, dt::ui::View::Tasks, frames, "tasks");
    measure(state, dt::ui::View::Dashboard, frames, "dashboard");
    measure(state, dt::ui::View::Directive, frames, "directive");
    ImGui::DestroyContext();
    return 0;
}

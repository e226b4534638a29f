// directive-tracker: the desktop application (GLFW + OpenGL 3.3 + Dear ImGui).
#include <CLI/CLI.hpp>
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "app/gui_support.h"
#include "app/paths.h"
#include "core/error.h"
#include "ui/connection.h"
#include "ui/fonts.h"
#include "ui/key_taps.h"
#include "ui/recovery.h"
#include "ui/sign_in.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/views.h"

namespace {

struct Options {
    std::string db, lang = "vi", as_of, view, screenshot, size = "1600x1000";
    std::optional<std::string> user;
    std::optional<long long> select;
    int tour = 0;  // hidden: N frames of every view in turn, then exit 0 (leak checks under Xvfb)
};

// Files dropped on the window, handed to the views at the next frame (glfwSetDropCallback).
std::vector<std::string> g_dropped;
void glfw_drop(GLFWwindow*, int count, const char** paths) {
    for (int i = 0; i < count; ++i) g_dropped.emplace_back(paths[i]);
}

// Key presses for imgui 1.86, which misses a tap released within one batch of events (ui/key_taps.h).
dt::ui::KeyTaps g_taps;
bool g_key_event = false;
void glfw_key(GLFWwindow*, int key, int, int action, int mods) {
    g_key_event = true;
    const bool modifier = key >= GLFW_KEY_LEFT_SHIFT && key <= GLFW_KEY_RIGHT_SUPER;
    if (action == GLFW_PRESS && !modifier)
        g_taps.press(key, mods & GLFW_MOD_CONTROL, mods & GLFW_MOD_SHIFT, mods & GLFW_MOD_ALT);
}

void glfw_error(int code, const char* text) { std::cerr << "GLFW error " << code << ": " << text << "\n"; }

int run(const Options& o) {
    namespace ui = dt::ui;
    ui::set_language(o.lang == "en" ? ui::Lang::En : ui::Lang::Vi);
    // The file database is the default; a server is used when --db names one, or when the last
    // sign-in (without --db) was to one. The sign-in screen may switch between the two.
    const bool server_given = dt::store::is_server_spec(o.db);
    const std::filesystem::path file_db = o.db.empty() || server_given ? dt::app::default_database_path()
                                                                      : std::filesystem::path(o.db);
    auto settings = dt::app::load_sign_in_settings();
    ui::SignInState sign_in;
    sign_in.server = server_given || (o.db.empty() && settings.server && !settings.address.empty());
    std::snprintf(sign_in.address, sizeof sign_in.address, "%s", server_given ? o.db.c_str() : settings.address.c_str());
    sign_in.file = file_db.string();
    // A fresh sign-in screen keeps the database chosen.
    auto reset_sign_in = [&] {
        ui::SignInState fresh;
        fresh.server = sign_in.server;
        std::memcpy(fresh.address, sign_in.address, sizeof fresh.address);
        fresh.file = sign_in.file;
        sign_in = std::move(fresh);
    };
    // The database in use, as the recovery screen names it: the file, or the server's address.
    std::filesystem::path db = sign_in.server ? std::filesystem::path(sign_in.address) : file_db;
    // A database that cannot be used shows the recovery screen instead (ui/recovery.h), at start
    // or whenever a storage error reaches the loop; a server that cannot be reached at start is
    // said on the sign-in screen, and later by the banner of ui/connection.h.
    dt::app::GuiSession session;
    std::optional<ui::RecoveryState> recovery;
    auto open_session = [&] {
        db = sign_in.server ? std::filesystem::path(sign_in.address) : file_db;
        try {
            session = dt::app::open_gui_session(db, o.user);
            if (session.store) db = session.store->path();
            recovery.reset();
        } catch (const dt::Error& e) {
            session = {};
            if (sign_in.server && e.kind() == dt::ErrorKind::Storage) {
                recovery.reset();
                sign_in.error = e.what();
                return;
            }
            if (e.kind() != dt::ErrorKind::Storage) throw;  // a wrong --user password stays an error
            recovery = ui::recovery_for(e, db);
        } catch (const std::exception& e) {
            session = {};
            recovery = ui::recovery_for(e, db);
        }
    };
    open_session();

    glfwSetErrorCallback(glfw_error);
    if (!glfwInit()) {
        std::cerr << "directive-tracker: no display is available (is DISPLAY set?). Use 'dtrack' for the command "
                     "line, or run under xvfb-run.\n";
        return 1;
    }
    const bool screenshot = !o.screenshot.empty();
    const bool scripted = screenshot || o.tour > 0;  // fixed size, no saved layout, no idling
    auto saved = dt::app::load_window_size();
    int width = saved.first, height = saved.second;
    std::optional<std::pair<int, int>> place;  // where the window goes: inside the work area
    if (scripted) {
        std::sscanf(o.size.c_str(), "%dx%d", &width, &height);
    } else if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
        // The window fits the screen it opens on (a 1366×768 laptop included), inside the
        // work area the desktop leaves beside its panels, with room for the title bar.
        int x = 0, y = 0, w = 0, h = 0;
        glfwGetMonitorWorkarea(monitor, &x, &y, &w, &h);
        if (w > 0 && h > 0) {
            width = std::min(width, w);
            height = std::min(height, h - 40);
            // Centred in the work area, so no part of it sits under a panel or off the screen.
            place = std::pair{x + (w - width) / 2, y + std::max(0, (h - height) / 2)};
        }
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, scripted ? GLFW_FALSE : GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(width, height, ui::tr(ui::T::AppTitle), nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        std::cerr << "directive-tracker: cannot open a window with OpenGL 3.3 on this display. Use 'dtrack' for the "
                     "command line.\n";
        return 1;
    }
    if (place) glfwSetWindowPos(window, place->first, place->second);
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    const std::string ini = dt::app::config_path("imgui.ini").string();
    ImGui::GetIO().IniFilename = scripted ? nullptr : ini.c_str();
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // Tab, arrows, Enter, Esc
    float scale = 1.0f;
    if (!scripted) {
        float sx = 1.0f, sy = 1.0f;
        glfwGetWindowContentScale(window, &sx, &sy);
        scale = std::max(1.0f, sx);
    }
    ui::apply_theme(scale);
    std::string font_error;
    ui::load_fonts(17.0f * scale, font_error);
    glfwSetKeyCallback(window, glfw_key);  // before the backend's, which calls it first
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    glfwSetDropCallback(window, glfw_drop);  // the ImGui backend installs no drop callback
    ImGui_ImplOpenGL3_Init("#version 330 core");

    // The application proper starts once someone is signed in (at once with --user).
    std::unique_ptr<ui::AppState> state;
    const bool view_given = !o.view.empty();
    std::string restored;  // said in the status line once the restored database is in use
    auto start = [&](const dt::service::Actor& actor) {
        state = std::make_unique<ui::AppState>(*session.service, actor);
        if (!restored.empty()) state->report(restored, false);
        state->database = session.store->path();
        if (!o.as_of.empty()) state->as_of = dt::parse_date_or_fail(o.as_of, "The as-of date");
        const auto view = ui::parse_view(view_given ? o.view : "dashboard");
        if (!view) throw dt::Error(dt::ErrorKind::Usage, "Unknown view '" + o.view + "'.");
        // An agency user's day starts with its own tasks.
        state->view = !view_given && actor.role == dt::UserRole::Agency ? ui::View::MyAgency : *view;
        if (!font_error.empty()) state->report(font_error, true);
        ui::refresh_models(*state);
        if (o.select) ui::select_assignment(*state, *o.select);
        else if (state->view == ui::View::Task && !state->tasks.visible().empty())
            ui::select_assignment(*state, state->tasks.rows()[state->tasks.visible().front()].id);
    };
    auto fall_back = [&](ui::RecoveryState r) {
        state.reset();  // before the service it refers to
        session = {};
        reset_sign_in();
        recovery = std::move(r);
    };
    if (session.actor)
        if (auto r = ui::guarded_frame(db, [&] { start(*session.actor); })) fall_back(std::move(*r));
    // The sign-in screen's way to a server: the new session waits here until the screen returns.
    dt::app::GuiSession connected;
    ui::SignInTarget target;
    target.connect = [&](const std::string& address, const std::string& user, const std::string& password) {
        connected = dt::app::connect_server(address, user, password);
        return *connected.actor;
    };

    int frames = 0, status = 0;
    double last_input = glfwGetTime();
    while (!glfwWindowShouldClose(window)) {
        // Idle: wake on input, or twice a second to notice other processes' changes.
        if (scripted || glfwGetTime() - last_input < 2.0) glfwPollEvents();
        else glfwWaitEventsTimeout(0.5);
        if (o.tour > 0 && state && frames % o.tour == 0) {
            static constexpr ui::View kTour[] = {ui::View::Dashboard, ui::View::Directive, ui::View::Tasks,
                                                 ui::View::Task, ui::View::MyAgency, ui::View::Admin,
                                                 ui::View::Disbursement, ui::View::Reports, ui::View::Reminders};
            const auto step = static_cast<std::size_t>(frames / o.tour);
            if (step == std::size(kTour)) break;
            state->view = kTour[step];
            if (state->view == ui::View::Task && !state->tasks.visible().empty())
                ui::select_assignment(*state, state->tasks.rows()[state->tasks.visible().front()].id);
        }
        if (state && !g_dropped.empty()) {
            state->dropped = std::move(g_dropped);
            g_dropped.clear();
        }
        ImGuiIO& io = ImGui::GetIO();
        if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.InputQueueCharacters.Size > 0 ||
            ImGui::IsAnyMouseDown() || io.MouseWheel != 0 || g_key_event)
            last_input = glfwGetTime();
        g_key_event = false;
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        g_taps.before_frame(io);
        ImGui::NewFrame();
        if (recovery) {
            switch (ui::draw_recovery(*recovery)) {
            case ui::RecoveryAction::Restored:
                restored = std::string(ui::tr(ui::T::RecoveryRestored)) + " " + recovery->kept.string();
                [[fallthrough]];
            case ui::RecoveryAction::TryAgain:
                open_session();
                if (!recovery && session.actor)
                    if (auto r = ui::guarded_frame(db, [&] { start(*session.actor); })) fall_back(std::move(*r));
                break;
            case ui::RecoveryAction::Quit: glfwSetWindowShouldClose(window, GLFW_TRUE); break;
            case ui::RecoveryAction::None: break;
            }
        } else if (state) {
            // A lost server connection keeps the window under its banner (ui/connection.h).
            if (auto r = ui::app_frame(*state, db)) fall_back(std::move(*r));
        } else {
            // The file is opened once it is the chosen database (the screen may switch to it).
            if (!sign_in.server && (!session.service || session.server())) {
                open_session();
                if (!recovery && session.actor)  // --user: signed in at once
                    if (auto r = ui::guarded_frame(db, [&] { start(*session.actor); })) fall_back(std::move(*r));
            }
            target.file = session.service && !session.server() ? session.service.get() : nullptr;
            if (auto r = ui::guarded_frame(db, [&] {
                    auto actor = ui::draw_sign_in(sign_in, target);
                    if (!actor) return;
                    if (connected.service) {
                        session = std::move(connected);
                        connected = {};
                        db = session.store->path();
                        settings = {true, db.string()};
                    } else {
                        db = file_db;
                        settings.server = false;
                    }
                    if (!scripted) dt::app::save_sign_in_settings(settings);
                    start(*actor);
                }, [&](const std::string& text) {
                    std::cerr << "directive-tracker: " << text << "\n";
                    sign_in.error = text;
                }))
                fall_back(std::move(*r));
        }
        if (state && state->signed_out) {
            // Deactivated, or the password or role changed: sign in again (nothing more is written).
            const std::string who = state->actor.name;
            state.reset();
            reset_sign_in();
            std::snprintf(sign_in.user, sizeof sign_in.user, "%s", who.c_str());
            sign_in.error = ui::tr(ui::T::SignInAgain);
        }
        ImGui::Render();
        g_taps.after_frame(io);
        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(window, &fb_w, &fb_h);
        glViewport(0, 0, fb_w, fb_h);
        glClearColor(0.97f, 0.97f, 0.96f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (scripted) ++frames;
        if (o.tour > 0 && !state && frames == o.tour) break;  // nobody signed in: the sign-in screen only
        if (screenshot && frames == 5) {
            status = dt::app::write_screenshot(o.screenshot, fb_w, fb_h) ? 0 : 5;
            break;
        }
        glfwSwapBuffers(window);
    }
    if (!scripted) {
        int w = 0, h = 0;
        glfwGetWindowSize(window, &w, &h);
        dt::app::save_window_size(w, h);
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Directive Tracker — the desktop application", "directive-tracker"};
    Options o;
    app.set_version_flag("--version", std::string("Directive Tracker ") + DT_VERSION);
    app.add_option("--db", o.db, "Database file (default: $XDG_DATA_HOME/directive-tracker/tracker.db), or a server: postgresql://HOST:PORT/DBNAME");
    app.add_option("--user", o.user, "Sign in as this user (password from DTRACK_PASSWORD or a prompt)")->envname("DTRACK_USER");
    app.add_option("--lang", o.lang, "vi or en")->check(CLI::IsMember({"vi", "en"}));
    app.add_option("--as-of", o.as_of, "Date the dashboard and buckets are computed at");
    app.add_option("--view", o.view, "dashboard, directive, tasks, task, my-agency, admin, disbursement, reports, reminders");
    app.add_option("--select", o.select, "Assignment to open in the editor");
    app.add_option("--screenshot", o.screenshot, "Render a few frames, write this PNG and exit");
    app.add_option("--size", o.size, "Window size for --screenshot and --tour, WIDTHxHEIGHT (default 1600x1000)")
        ->check([](const std::string& v) {
            int w = 0, h = 0;
            return std::sscanf(v.c_str(), "%dx%d", &w, &h) == 2 && w >= 640 && h >= 480 && w <= 8000 && h <= 8000
                       ? std::string()
                       : std::string("expected WIDTHxHEIGHT, e.g. 1366x768");
        });
    app.add_option("--tour", o.tour, "Draw every view for N frames each at 1600×1000, then exit")
        ->check(CLI::Range(1, 100000))
        ->group("");  // hidden: for leak and sanitizer runs under Xvfb
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 1;
    }
    try {
        return run(o);
    } catch (const dt::Error& e) {
        std::cerr << "directive-tracker: " << e.what() << "\n";
        return e.exit_code();
    } catch (const std::exception& e) {
        std::cerr << "directive-tracker: " << e.what() << "\n";
        return 5;
    }
}

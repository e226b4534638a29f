#pragma once
// What the GUI's main needs besides the loop: signing in, settings files, screenshots.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "service/service.h"
#include "store/store.h"

namespace dt::app {

struct GuiSession {
    std::unique_ptr<store::Store> store;
    std::unique_ptr<service::Service> service;
    std::optional<service::Actor> actor;  // none until the sign-in screen has signed someone in
};

// Opens (creating and seeding on first start, with the day's backup) and, with --user, signs
// in with the password from DTRACK_PASSWORD or the terminal; otherwise the GUI asks.
GuiSession open_gui_session(const std::filesystem::path& db, const std::optional<std::string>& user);

std::filesystem::path config_path(const std::string& name);  // $XDG_CONFIG_HOME/directive-tracker/NAME
std::pair<int, int> load_window_size();
void save_window_size(int width, int height);
// Reads the current OpenGL back buffer and writes it as a PNG (stb_image_write).
bool write_screenshot(const std::string& path, int width, int height);

}  // namespace dt::app

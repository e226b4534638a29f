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
    service::Actor actor;
    std::string notice;  // shown on the status line at start
};

// Opens (creating and seeding on first start) and signs in: with --user, the password comes
// from DTRACK_PASSWORD or the terminal; a database without users opens read-only.
GuiSession open_gui_session(const std::filesystem::path& db, const std::optional<std::string>& user);

std::filesystem::path config_path(const std::string& name);  // $XDG_CONFIG_HOME/directive-tracker/NAME
std::pair<int, int> load_window_size();
void save_window_size(int width, int height);
// Reads the current OpenGL back buffer and writes it as a PNG (stb_image_write).
bool write_screenshot(const std::string& path, int width, int height);

}  // namespace dt::app

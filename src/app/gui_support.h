#pragma once
// What the GUI's main needs besides the loop: settings files, screenshots (signing in:
// app/gui_session.h).
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "app/gui_session.h"

namespace dt::app {

// What the sign-in screen remembers between starts ($XDG_CONFIG_HOME/directive-tracker/sign-in.txt):
// whether the last sign-in was to a server, and its address (never a password).
struct SignInSettings {
    bool server = false;
    std::string address;
};
SignInSettings load_sign_in_settings();
void save_sign_in_settings(const SignInSettings& settings);

std::filesystem::path config_path(const std::string& name);  // $XDG_CONFIG_HOME/directive-tracker/NAME
std::pair<int, int> load_window_size();
void save_window_size(int width, int height);
// Reads the current OpenGL back buffer and writes it as a PNG (stb_image_write).
bool write_screenshot(const std::string& path, int width, int height);

}  // namespace dt::app

#include "app/gui_support.h"

#include <GLFW/glfw3.h>
#include <stb/stb_image_write.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>


namespace dt::app {

std::filesystem::path config_path(const std::string& name) {
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) base = std::filesystem::path(home) / ".config";
    else base = std::filesystem::temp_directory_path();
    std::error_code ec;
    std::filesystem::create_directories(base / "directive-tracker", ec);
    return base / "directive-tracker" / name;
}

std::pair<int, int> load_window_size() {
    std::ifstream in(config_path("window.txt"));
    int w = 0, h = 0;
    if (in >> w >> h && w >= 640 && h >= 480 && w <= 10000 && h <= 10000) return {w, h};
    return {1440, 900};
}

SignInSettings load_sign_in_settings() {
    SignInSettings settings;
    std::ifstream in(config_path("sign-in.txt"));
    for (std::string line; std::getline(in, line);) {
        if (line == "database=server") settings.server = true;
        else if (line.rfind("server=", 0) == 0 && store::is_server_spec(line.substr(7))) settings.address = line.substr(7);
    }
    return settings;
}

void save_sign_in_settings(const SignInSettings& settings) {
    std::ofstream(config_path("sign-in.txt")) << "database=" << (settings.server ? "server" : "file") << "\n"
                                              << "server=" << settings.address << "\n";
}

void save_window_size(int width, int height) { std::ofstream(config_path("window.txt")) << width << " " << height << "\n"; }

bool write_screenshot(const std::string& path, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows start at the bottom; PNG's at the top.
    stbi_flip_vertically_on_write(1);
    return stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4) != 0;
}

}  // namespace dt::app

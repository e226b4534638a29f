#pragma once
// Drives the real views without a window: imgui 1.86 input through io.MousePos,
// io.MouseDown[], io.KeysDown[] and io.AddInputCharactersUTF8, one NewFrame/Render per step.
#include <functional>
#include <map>
#include <string>

#include "ui/app_state.h"

namespace dt::test {

class Headless {
public:
    Headless();
    ~Headless();
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    void frames(ui::AppState& state, int count = 1);
    // Moves to the centre of a widget recorded under `probe` in the last frame and clicks it.
    bool click(ui::AppState& state, const std::string& probe);
    void type(ui::AppState& state, const std::string& utf8);
    // Presses and releases one key (GLFW's code: ASCII for letters and digits, 257 Enter, 256 Esc).
    void key(ui::AppState& state, int key, bool ctrl = false, bool shift = false);

    // Any other screen (sign-in, recovery): `draw` draws one frame between NewFrame and Render;
    // `probes` is where it records its widgets' centres.
    using Probes = std::map<std::string, std::pair<float, float>>;
    void frames(const std::function<void()>& draw, int count = 1);
    bool click(const Probes& probes, const std::string& probe, const std::function<void()>& draw);
};

}  // namespace dt::test

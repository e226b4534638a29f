#pragma once
// Drives the real views without a window: imgui 1.86 input through io.MousePos,
// io.MouseDown[], io.KeysDown[] and io.AddInputCharactersUTF8, one NewFrame/Render per step.
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
};

}  // namespace dt::test

#pragma once
// imgui 1.86 reads keys as held (io.KeysDown) once per frame: a key pressed and released within
// one batch of window events — a quick tap on a slow frame, a script's xdotool — is never seen,
// and Ctrl+3 or Esc does nothing. The window's key callback hands every press here; a press
// whose key is already up again when the frame starts is held down for that one frame.
#include <vector>

struct ImGuiIO;

namespace dt::ui {

class KeyTaps {
public:
    // A key went down (not a modifier key itself), with the modifiers held at that moment.
    void press(int key, bool ctrl, bool shift, bool alt);
    // Before ImGui::NewFrame: the taps already released are shown as held, with their modifiers.
    void before_frame(ImGuiIO& io);
    // After the frame: what before_frame held is let go, the modifiers as the window has them.
    void after_frame(ImGuiIO& io);

private:
    struct Tap {
        int key;
        bool ctrl, shift, alt;
    };
    std::vector<Tap> pending_, held_;
    bool ctrl_ = false, shift_ = false, alt_ = false;  // the modifiers before before_frame
};

}  // namespace dt::ui

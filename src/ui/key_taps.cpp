#include "ui/key_taps.h"

#include <imgui.h>

namespace dt::ui {

void KeyTaps::press(int key, bool ctrl, bool shift, bool alt) {
    if (key >= 0 && key < IM_ARRAYSIZE(ImGuiIO::KeysDown)) pending_.push_back({key, ctrl, shift, alt});
}

void KeyTaps::before_frame(ImGuiIO& io) {
    ctrl_ = io.KeyCtrl;
    shift_ = io.KeyShift;
    alt_ = io.KeyAlt;
    for (const Tap& t : pending_) {
        if (io.KeysDown[t.key]) continue;  // still held: imgui sees it as it is
        io.KeysDown[t.key] = true;
        io.KeyCtrl = io.KeyCtrl || t.ctrl;
        io.KeyShift = io.KeyShift || t.shift;
        io.KeyAlt = io.KeyAlt || t.alt;
        held_.push_back(t);
    }
    pending_.clear();
}

void KeyTaps::after_frame(ImGuiIO& io) {
    if (held_.empty()) return;
    for (const Tap& t : held_) io.KeysDown[t.key] = false;
    held_.clear();
    io.KeyCtrl = ctrl_;
    io.KeyShift = shift_;
    io.KeyAlt = alt_;
}

}  // namespace dt::ui

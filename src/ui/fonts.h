#pragma once
#include <string>

namespace dt::ui {

constexpr const char* kScreenFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

// Loads DejaVu Sans at `pixels` with every glyph Vietnamese text and the UI strings need.
// False (with a sentence in `error`) when the font file is missing.
bool load_fonts(float pixels, std::string& error);

}  // namespace dt::ui

#pragma once

namespace dt::ui {

// A light, quiet theme for a whole day of office work; sizes scale with the monitor.
void apply_theme(float scale);

}  // namespace dt::ui

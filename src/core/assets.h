#pragma once
// Where the data shipped with the program lives (the agency registry, the seed directive, the
// examples), so that an installed or copied program can seed a database.
#include <filesystem>

namespace dt {

// $DTRACK_ASSETS when set (an override, e.g. for a copy in an unusual place); else
// <folder of this program>/../share/directive-tracker when it exists (the installed layout,
// /usr/bin → /usr/share/directive-tracker); else, for a program run from the build tree, the
// source tree's assets/; else the installed path (whose absence the caller reports).
std::filesystem::path assets_dir();

}  // namespace dt

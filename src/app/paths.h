#pragma once
#include <filesystem>

namespace dt::app {

// $DTRACK_DB, else $XDG_DATA_HOME/directive-tracker/tracker.db, else ~/.local/share/….
std::filesystem::path default_database_path();

}  // namespace dt::app

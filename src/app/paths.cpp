#include "app/paths.h"

#include <cstdlib>

namespace dt::app {

std::filesystem::path default_database_path() {
    if (const char* explicit_db = std::getenv("DTRACK_DB"); explicit_db && *explicit_db) return explicit_db;
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg && std::filesystem::path(xdg).is_absolute())
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::filesystem::path(home) / ".local" / "share";
    else
        base = std::filesystem::current_path();
    return base / "directive-tracker" / "tracker.db";
}

}  // namespace dt::app

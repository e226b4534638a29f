#pragma once
// The screen shown instead of the application when its database cannot be used — damaged, cut
// short, not a database, another program's, read-only, on a full disk — at start or later: what
// is wrong, the newest usable backup with a button that restores it (service::restore_unusable,
// the code behind `dtrack restore` for such a file), Try again for what a restore does not mend,
// and Quit. Never a crash, never a blank window.
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "service/records.h"

namespace dt::ui {

struct RecoveryState {
    std::filesystem::path database;
    service::Fault fault = service::Fault::Io;
    bool restorable = false;                      // a restore mends this fault
    std::string problem;                          // the storage error's sentence (English, as service errors are)
    std::optional<std::filesystem::path> backup;  // the newest usable backup, when restorable
    std::string result;                           // after a failed restore: why
    std::filesystem::path kept;                   // after a restore: where the replaced file is kept
    // Centres of the buttons from the last frame, for headless tests that click.
    std::map<std::string, std::pair<float, float>> probes;
};

// The screen's state for `error`, met while using `database` (service::storage_fault names it).
RecoveryState recovery_for(const std::exception& error, const std::filesystem::path& database);

enum class RecoveryAction { None, Restored, TryAgain, Quit };

// Draws the whole window. Restored: the file now holds the backup; TryAgain: open it again.
RecoveryAction draw_recovery(RecoveryState& state);

// Runs one frame's drawing. When it throws, ImGui's open windows, tables and stacks are closed, so
// that the frame still ends cleanly; then a fault of the database (service::is_database_fault)
// returns the recovery screen's state, and any other error (an invalid input, a report's file, a
// bug in a view) goes to `on_error` with its sentence in the GUI's language — a bug in a view must
// not look like a broken file. Without `on_error`, those are thrown on to the caller.
std::optional<RecoveryState> guarded_frame(const std::filesystem::path& database, const std::function<void()>& draw,
                                           const std::function<void(const std::string&)>& on_error = {});

}  // namespace dt::ui

#pragma once
// Server mode: the connection to the database server is lost (the server stopped or restarts,
// the network is gone, an administrator ended the session). This is not the recovery screen's
// business — nothing is wrong with the data — so the window stays as it was: the views keep the
// rows they had, the editor what is being typed, under a banner that says what happened and
// tries again by itself after 1, 2, 4, … up to 30 seconds, or at once on Thử lại, each attempt
// off the window's thread (Store::reconnect), so frames go on being drawn meanwhile. Connected
// again, everything is read anew and the edit can be saved (from the version it started from:
// if someone changed the row meanwhile, the usual conflict dialog).
#include <filesystem>
#include <optional>
#include <string>

#include "ui/app_state.h"
#include "ui/recovery.h"

namespace dt::ui {

// The window is told the connection is lost (again): `problem` is the storage error's sentence.
// The first time starts the backoff; later failures leave its schedule alone.
void connection_lost(AppState& state, const std::string& problem);

// Seconds to wait before the automatic attempt after `attempts` failed ones: 1, 2, 4, 8, 16, 30, 30, …
double retry_delay(int attempts);

// Tries to connect again (Service::reconnect): starts an attempt in the background, or looks
// at the one under way (connection.connecting) without waiting for it, so that the window keeps
// drawing while a server that never answers holds it. True when connected: the data is read
// again at the next frame.
bool try_reconnect(AppState& state);

// While the connection is lost: the banner (with Thử lại) and the automatic attempts when due.
void draw_connection_banner(AppState& state);

// One frame of the signed-in application (draw_frame) inside guarded_frame: a lost server
// connection becomes the banner's state; any other storage fault is returned for the recovery
// screen.
std::optional<RecoveryState> app_frame(AppState& state, const std::filesystem::path& database);

}  // namespace dt::ui

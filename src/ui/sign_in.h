#pragma once
// The first screen: which database (a file on this computer, the default, or a shared
// PostgreSQL server), then the first administrator on a new file, else user and password. On a
// server the password is the server's to check: signing in is connecting as that user.
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "service/service.h"

namespace dt::ui {

struct SignInState {
    char user[128] = {};
    char password[256] = {};
    char repeat[256] = {};  // the first administrator types the password twice
    std::string error;
    bool focus_set = false;
    // Whether the database has users, asked once when the screen opens and again after each
    // attempt (someone may have made the first administrator meanwhile), never per frame.
    std::optional<bool> has_users;
    bool server = false;     // a server, not the file
    char address[512] = {};  // postgresql://host:port/dbname (no password: that is typed below)
    std::string file;        // the file database, shown beside its choice
    // Centres of the fields and buttons from the last frame, for headless tests that click.
    std::map<std::string, std::pair<float, float>> probes;
};

// What the screen signs in to.
struct SignInTarget {
    service::Service* file = nullptr;  // the open file database; none while it is not open
    // A server: connects to `address` as `user` with `password` and signs in; throws a dt::Error
    // whose sentence the screen shows (refused, cannot be reached, not a tracker database).
    std::function<service::Actor(const std::string& address, const std::string& user, const std::string& password)> connect;
};

// Draws the screen over the whole window; returns the actor once signed in.
std::optional<service::Actor> draw_sign_in(SignInState& state, const SignInTarget& target);

}  // namespace dt::ui

#pragma once
// The first screen: the first administrator on a new database, else user and password.
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
};

// Draws the screen over the whole window; returns the actor once signed in.
std::optional<service::Actor> draw_sign_in(service::Service& service, SignInState& state);

}  // namespace dt::ui

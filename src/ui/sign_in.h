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
};

// Draws the screen over the whole window; returns the actor once signed in.
std::optional<service::Actor> draw_sign_in(service::Service& service, SignInState& state);

}  // namespace dt::ui

#pragma once
// Command-line sessions: `dtrack login` checks the password once (argon2id stays as strong
// as it is) and receives a random token that later commands present instead, for a few
// hours. Only the token's sha256 is stored, so the database never holds a usable secret.
// Sessions is part of the service: it writes through the Service's transaction and journal
// (Service::record, a friend's door), never a copy of them.
#include <optional>
#include <string>
#include <string_view>

#include "service/service.h"

namespace dt::service {

constexpr long kDefaultSessionHours = 8;
constexpr long kMaxSessionHours = 24 * 7;
constexpr const char* kSessionHoursSetting = "session.lifetime_hours";
constexpr std::size_t kSessionTokenBytes = 32;

struct NewSession {
    std::string token;       // 64 hex digits of 32 random bytes (libsodium): what the session file keeps
    std::string expires_at;  // UTC timestamp, as now_timestamp() writes them (core/clock.h)
};

class Sessions {
public:
    explicit Sessions(Service& service);

    // A new session for a user who has just signed in with the password. Error(Invalid)
    // for an actor that is not a stored user (the system, an anonymous reader).
    NewSession open(const Actor& actor);
    // The actor of user `name` when `token` is a session of that user that is neither revoked
    // nor expired and the user is still active; none otherwise (the caller asks for the password).
    std::optional<Actor> resume(std::string_view name, std::string_view token) const;
    // Revokes the session; false when the token is unknown or was already revoked.
    bool revoke(std::string_view token);

    // The lifetime of a new session: the setting session.lifetime_hours (1 to a week), else 8 hours.
    long lifetime_hours() const;
    // Sets it (administrators).
    void set_lifetime_hours(const Actor& actor, long hours);

private:
    Service& service_;
};

}  // namespace dt::service

#include "service/sessions.h"
#include "store/store.h"

#include <sodium.h>

#include "core/error.h"
#include "core/numbers.h"
#include "service/passwords.h"

namespace dt::service {

namespace {
// The token's hash, or none when the text is not 64 hex digits.
std::optional<std::string> token_hash(std::string_view token) {
    if (token.size() != kSessionTokenBytes * 2) return std::nullopt;
    unsigned char raw[kSessionTokenBytes];
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_hex2bin(raw, sizeof raw, token.data(), token.size(), nullptr, &length, &end) != 0 ||
        length != kSessionTokenBytes || end != token.data() + token.size())
        return std::nullopt;
    const auto hash = sha256_hex(std::string_view(reinterpret_cast<const char*>(raw), sizeof raw));
    sodium_memzero(raw, sizeof raw);
    return hash;
}
}  // namespace

Sessions::Sessions(Service& service) : service_(service) {}

long Sessions::lifetime_hours() const {
    if (const auto text = service_.setting(kSessionHoursSetting)) {
        if (const auto hours = parse_whole(*text); hours && *hours >= 1 && *hours <= kMaxSessionHours) return *hours;
    }
    return kDefaultSessionHours;
}

void Sessions::set_lifetime_hours(const Actor& actor, long hours) {
    if (hours < 1 || hours > kMaxSessionHours)
        fail(ErrorKind::Invalid, Msg::SessionHoursRange, {kMaxSessionHours, hours});
    service_.set_setting(actor, kSessionHoursSetting, std::to_string(hours));
}

NewSession Sessions::open(const Actor& actor) {
    if (!actor.user_id) fail(ErrorKind::Invalid, Msg::SessionNeedsPassword);
    if (sodium_init() < 0) fail(ErrorKind::System, Msg::CryptoUnavailable);
    unsigned char raw[kSessionTokenBytes];
    randombytes_buf(raw, sizeof raw);
    char hex[kSessionTokenBytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
    NewSession session{hex, ""};
    const auto hash = sha256_hex(std::string_view(reinterpret_cast<const char*>(raw), sizeof raw));
    sodium_memzero(raw, sizeof raw);
    sodium_memzero(hex, sizeof hex);

    auto& store = service_.store_;
    store::Store::WriteTx tx(store);
    session.expires_at = timestamp_after(lifetime_hours() * 3600);
    const Id id = store.insert_session(*actor.user_id, hash, session.expires_at);
    // The service's journal: a stale actor (deactivated, password changed) opens nothing.
    service_.journal(actor, "session", id, std::nullopt, "session_opened", std::nullopt, "until " + session.expires_at);
    tx.commit();
    return session;
}

std::optional<Actor> Sessions::resume(std::string_view name, std::string_view token) const {
    const auto hash = token_hash(token);
    if (!hash) return std::nullopt;
    const auto& store = service_.store_;
    const auto session = store.find_session(*hash);
    if (!session || session->revoked) return std::nullopt;
    const auto left = seconds_until(session->expires_at);
    if (!left || *left <= 0) return std::nullopt;
    const auto user = store.find_user(name);
    if (!user || user->id != session->user_id || !user->active) return std::nullopt;
    return Actor{user->id, user->name, user->role, user->agency_id, user->agency_name, credential_of(user->password_hash)};
}

bool Sessions::revoke(std::string_view token) {
    const auto hash = token_hash(token);
    if (!hash) return false;
    auto& store = service_.store_;
    store::Store::WriteTx tx(store);
    const auto session = store.find_session(*hash);
    if (!session || !store.revoke_session(*hash)) return false;
    // Whoever holds the token may end it, even after the account changed: recorded under the
    // session's user, without the current-account check that journal() makes.
    Actor holder;
    holder.user_id = session->user_id;
    service_.record(holder, "session", session->id, std::nullopt, "session_revoked", std::nullopt, std::nullopt);
    tx.commit();
    return true;
}

}  // namespace dt::service

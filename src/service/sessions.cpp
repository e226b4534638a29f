#include "service/sessions.h"
#include "store/store.h"

#include <sodium.h>

#include <charconv>

#include "core/error.h"
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

void journal_session(store::Store& store, Id user_id, const std::string& user_name, Id session_id,
                     std::string_view field, std::optional<std::string> value) {
    store::JournalRecord entry;
    entry.user_id = user_id;
    entry.user_name = user_name;
    entry.entity = "session";
    entry.entity_id = session_id;
    entry.field = std::string(field);
    entry.new_value = std::move(value);
    store.append_journal(entry);
}
}  // namespace

Sessions::Sessions(store::Store& store) : store_(store) {}

long Sessions::lifetime_hours() const {
    if (const auto text = store_.setting(kSessionHoursSetting)) {
        long hours = 0;
        auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), hours);
        if (ec == std::errc() && p == text->data() + text->size() && hours >= 1 && hours <= kMaxSessionHours)
            return hours;
    }
    return kDefaultSessionHours;
}

void Sessions::set_lifetime_hours(Service& service, const Actor& actor, long hours) {
    if (hours < 1 || hours > kMaxSessionHours)
        fail(ErrorKind::Invalid, Msg::SessionHoursRange, {kMaxSessionHours, hours});
    service.set_setting(actor, kSessionHoursSetting, std::to_string(hours));
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

    store::Store::WriteTx tx(store_);
    session.expires_at = store::timestamp_after(lifetime_hours() * 3600);
    const Id id = store_.insert_session(*actor.user_id, hash, session.expires_at);
    journal_session(store_, *actor.user_id, actor.name, id, "session_opened", "until " + session.expires_at);
    tx.commit();
    return session;
}

std::optional<Actor> Sessions::resume(std::string_view name, std::string_view token) const {
    const auto hash = token_hash(token);
    if (!hash) return std::nullopt;
    const auto session = store_.find_session(*hash);
    if (!session || session->revoked) return std::nullopt;
    const auto left = store::seconds_until(session->expires_at);
    if (!left || *left <= 0) return std::nullopt;
    const auto user = store_.find_user(name);
    if (!user || user->id != session->user_id || !user->active) return std::nullopt;
    return Actor{user->id, user->name, user->role, user->agency_id, user->agency_name, credential_of(user->password_hash)};
}

bool Sessions::revoke(std::string_view token) {
    const auto hash = token_hash(token);
    if (!hash) return false;
    store::Store::WriteTx tx(store_);
    const auto session = store_.find_session(*hash);
    if (!session || !store_.revoke_session(*hash)) return false;
    journal_session(store_, session->user_id, "", session->id, "session_revoked", std::nullopt);
    tx.commit();
    return true;
}

}  // namespace dt::service

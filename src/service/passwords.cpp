#include "service/passwords.h"

#include <sodium.h>

#include "core/error.h"
#include "core/text.h"
#include "service/limits.h"

namespace dt::service {

namespace {
void ensure_sodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) fail(ErrorKind::System, Msg::CryptoUnavailable);
}
}  // namespace

std::string hash_password(std::string_view password) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        fail(ErrorKind::System, Msg::HashOutOfMemory);
    return out;
}

bool verify_password(const std::string& hash, std::string_view password) {
    ensure_sodium();
    auto matches = [&](std::string_view p) { return crypto_pwhash_str_verify(hash.c_str(), p.data(), p.size()) == 0; };
    if (!is_valid_utf8(password)) return matches(password);
    const std::string nfc = to_nfc(password);
    return matches(nfc) || (nfc != password && matches(password));
}

std::string sha256_hex(std::string_view data) {
    ensure_sodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string check_new_password(std::string_view password) {
    auto clean = check_secret("The password", password, kMaxPasswordBytes);
    if (clean.size() < kMinPasswordBytes) fail(ErrorKind::Invalid, Msg::PasswordTooShort);
    if (collapse_spaces(clean).empty()) fail(ErrorKind::Invalid, Msg::PasswordOnlySpaces);
    if (is_common_password(clean) || is_common_password(collapse_spaces(clean)))
        fail(ErrorKind::Invalid, Msg::PasswordCommon);
    return clean;
}

}  // namespace dt::service

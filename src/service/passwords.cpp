#include "service/passwords.h"

#include <sodium.h>

#include "core/error.h"

namespace dt::service {

namespace {
void ensure_sodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) fail(ErrorKind::Storage, "The cryptography library could not start.");
}
}  // namespace

std::string hash_password(std::string_view password) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        fail(ErrorKind::Storage, "Not enough memory to hash the password.");
    return out;
}

bool verify_password(const std::string& hash, std::string_view password) {
    ensure_sodium();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string sha256_hex(std::string_view data) {
    ensure_sodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

void check_new_password(std::string_view password) {
    if (password.size() < 8) fail(ErrorKind::Invalid, "The password must have at least 8 characters.");
    if (password.size() > 1024) fail(ErrorKind::Invalid, "The password is longer than 1024 bytes.");
}

}  // namespace dt::service

#pragma once
// Password hashes (libsodium argon2id, self-describing strings).
#include <string>
#include <string_view>

namespace dt::service {

std::string hash_password(std::string_view password);
// Tries the password's NFC form (what new hashes hold), then its bytes as typed (older hashes).
bool verify_password(const std::string& hash, std::string_view password);
std::string sha256_hex(std::string_view data);
// True for one of the most common passwords (common_passwords.cpp), ignoring ASCII case.
bool is_common_password(std::string_view password);
// A new password as it is hashed: its NFC form (so that it matches however a keyboard composes
// "ậ"), 8 to 1024 bytes, without control or bidirectional formatting characters, not only
// spaces, not one of the most common; else Error(Invalid). Never trimmed.
std::string check_new_password(std::string_view password);

}  // namespace dt::service

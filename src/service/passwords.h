#pragma once
// Password hashes (libsodium argon2id, self-describing strings).
#include <string>
#include <string_view>

namespace dt::service {

std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);
std::string sha256_hex(std::string_view data);
// Error(Invalid) unless the password has 8 to 1024 bytes.
void check_new_password(std::string_view password);

}  // namespace dt::service

#pragma once
// One error type for every layer: the kind maps to the CLI's exit codes (docs/CLI.md).
#include <stdexcept>
#include <string>

namespace dt {

enum class ErrorKind { Usage = 1, Invalid = 2, Denied = 3, Conflict = 4, Storage = 5 };

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    ErrorKind kind() const { return kind_; }
    int exit_code() const { return static_cast<int>(kind_); }

private:
    ErrorKind kind_;
};

[[noreturn]] inline void fail(ErrorKind kind, const std::string& message) { throw Error(kind, message); }

}  // namespace dt

#pragma once
#include <string>

namespace dt::app {

// A password from the environment variable `env`, else typed at the terminal without echo,
// else one line of standard input. Throws Error(Denied) when there is none.
std::string read_password(const char* env, const std::string& prompt);

}  // namespace dt::app

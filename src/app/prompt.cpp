#include "app/prompt.h"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "core/error.h"

namespace dt::app {

std::string read_password(const char* env, const std::string& prompt) {
    if (const char* p = std::getenv(env); p && *p) return p;
    if (!isatty(STDIN_FILENO)) {
        std::string line;
        if (!std::getline(std::cin, line) || line.empty())
            fail(ErrorKind::Denied, Msg::NoPassword, {env});
        return line;
    }
    std::cerr << prompt << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
    return line;
}

}  // namespace dt::app

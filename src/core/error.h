#pragma once
// One error type for every layer: a kind, which is the CLI's exit code (docs/CLI.md), and a
// message code with its values, which dtrack and the GUI phrase in the reader's language
// (core/messages.h). what() is the English sentence dtrack prints, for logs and tests.
#include <stdexcept>
#include <string>
#include <vector>

#include "core/messages.h"

namespace dt {

// What broke. Storage is the database only; System is any other file or part of the system (a
// report's file, an attachment, a session file, the cryptography library, starting a program):
// both exit with 5, so the command line's contract is unchanged, but only a database fault leads
// the GUI to its recovery screen.
enum class ErrorKind { Usage = 1, Invalid = 2, Denied = 3, Conflict = 4, Storage = 5, System = 6 };

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, Msg code, std::vector<MsgArg> args = {});
    // A sentence not (yet) in the catalog: shown as it is in both languages (Msg::Plain).
    Error(ErrorKind kind, const std::string& message);
    ErrorKind kind() const { return kind_; }
    int exit_code() const { return kind_ == ErrorKind::System ? 5 : static_cast<int>(kind_); }
    Msg code() const { return code_; }
    const std::vector<MsgArg>& args() const { return args_; }
    // The sentence in `lang` for `audience`.
    std::string say(Lang lang, Audience audience) const { return phrase(code_, args_, lang, audience); }

private:
    ErrorKind kind_;
    Msg code_;
    std::vector<MsgArg> args_;
};

[[noreturn]] void fail(ErrorKind kind, Msg code, std::vector<MsgArg> args = {});
// A sentence outside the catalog, shown as it is in both languages. Not for app/: dtrack and the
// GUI's main define DT_CATALOG_ONLY, so that every sentence they say has a code and both texts.
#ifndef DT_CATALOG_ONLY
[[noreturn]] inline void fail(ErrorKind kind, const std::string& message) { throw Error(kind, message); }
#endif

// The sentence of any exception: a dt::Error phrased, anything else as its what().
std::string say(const std::exception& e, Lang lang, Audience audience);

}  // namespace dt

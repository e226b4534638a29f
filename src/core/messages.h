#pragma once
// Every sentence that reaches a person, as a code and its values (docs/ARCHITECTURE.md, "Words
// and languages"). Errors carry the code; `app/` (dtrack) and `ui/` (the GUI) phrase it in the
// chosen language with phrase(). The texts are tables of plain strings in core/messages_*.cpp,
// one entry per code with its Vietnamese and English sentence; an entry may add a text for dtrack
// only (with a command or a --flag in it): the GUI's text never names either.
//
// Placeholders are {1}, {2}, … in the order of the values given.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dt {

struct Date;
enum class Status;
enum class Bucket;
enum class AssignmentRole;
enum class UserRole;

enum class Lang { Vi, En };
// Who reads: the GUI (no command, no --flag) or dtrack (may say which command to run).
enum class Audience { Gui, Cli };

// The codes. Grouped as the tables are (messages_*.cpp); the numbering is not stored anywhere.
enum class Msg : std::uint16_t {
#define DT_MSG(name) name,
#include "core/message_codes.h"
#undef DT_MSG
    Count_
};

// One value of a message: text as it is (names, escaped input, dates), a number as digits, or
// something the language chooses (a grouped amount, a field's name, a word of the catalog).
struct MsgArg {
    enum class Type : std::uint8_t { Text, Grouped, Field, Word, Line, Percent };
    Type type = Type::Text;
    std::string text;
    long long number = 0;
    double real = 0;
    Msg word{};

    MsgArg(std::string s) : text(std::move(s)) {}
    MsgArg(const char* s) : text(s) {}
    MsgArg(std::string_view s) : text(s) {}
    // Ids, years, limits: digits without grouping ("Assignment 1234").
    MsgArg(int n) : text(std::to_string(n)) {}
    MsgArg(long n) : text(std::to_string(n)) {}
    MsgArg(long long n) : text(std::to_string(n)) {}
    MsgArg(unsigned n) : text(std::to_string(n)) {}
    MsgArg(unsigned long n) : text(std::to_string(n)) {}
    MsgArg(const Date& d);  // dd/mm/yyyy, as every screen writes dates

    // An amount or a count, grouped as the language writes it: "1,250,000" / "1.250.000".
    static MsgArg grouped(long long n);
    // A percentage with one decimal, as the language writes it: "48.3 %" / "48,3 %".
    static MsgArg percent(double p);
    // The line of a CSV file a refusal is about, as the sentence's start: "Line 3: " / "Dòng 3: ";
    // nothing for 0 (an entry typed in a form).
    static MsgArg line(long long n);
    // The name of a field as core's checks receive it ("The note"); phrased by the field table.
    static MsgArg field(std::string_view english);
    // A word of the catalog (a status, a role, …) in the reader's language.
    static MsgArg of(Msg word);
    static MsgArg of(Status s);
    static MsgArg of(Bucket b);
    static MsgArg of(AssignmentRole r);
    static MsgArg of(UserRole r);
};

// The sentence of `code` with `args` in `lang` for `audience`.
std::string phrase(Msg code, const std::vector<MsgArg>& args, Lang lang, Audience audience);

// A sentence kept to be said later (an import's warnings): its code and values, phrased in the
// language of whoever reads it. Two notices are the same when they say the same.
struct Notice {
    Msg code{};
    std::vector<MsgArg> args;
    std::string say(Lang lang, Audience audience = Audience::Gui) const { return phrase(code, args, lang, audience); }
    std::string english() const { return say(Lang::En); }
    friend bool operator==(const Notice& a, const Notice& b) { return a.english() == b.english(); }
};
// One value as `lang` writes it.
std::string phrase_arg(const MsgArg& arg, Lang lang);
// A single word of the catalog (statuses, buckets, roles…: see message_codes.h).
const char* word(Msg code, Lang lang);
const char* word(Status s, Lang lang);
const char* word(Bucket b, Lang lang);
const char* word(AssignmentRole r, Lang lang);
const char* word(UserRole r, Lang lang);
// The same word starting a label (a column's cell, a heading): "Hoàn thành", "Not started".
const char* label(Msg code, Lang lang);
const char* label(Status s, Lang lang);
const char* label(Bucket b, Lang lang);
const char* label(AssignmentRole r, Lang lang);
const char* label(UserRole r, Lang lang);
// An agency's kind ("department", "district", … as the registry stores it) in words; the code as it
// is when the catalog does not know it.
const char* agency_kind_label(const std::string& kind, Lang lang);
// The kinds the registry uses, "group" last.
std::span<const std::string_view> agency_kind_codes();

// For the tests that walk the catalog.
struct MsgText {
    Msg code;
    const char* en;
    const char* vi;
    const char* en_cli;  // dtrack's text when it differs (a command to run); nullptr: the same
    const char* vi_cli;
};
const MsgText& msg_text(Msg code);
// The number of values `code` takes (its highest placeholder).
int msg_arity(Msg code);
// A code of dtrack's own table (messages_cli.cpp): only dtrack says it, so its text may name a
// command or a --flag; the GUI never shows it.
bool msg_cli_only(Msg code);
// A stable name for the code ("EvidenceNeedsNote"), for logs and tests.
const char* msg_name(Msg code);
// The field names core's checks are given, English → Vietnamese.
struct FieldName {
    const char* en;
    const char* vi;
};
std::span<const FieldName> field_names();

}  // namespace dt

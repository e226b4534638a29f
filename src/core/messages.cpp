// Phrasing a message code with its values (core/messages.h). The texts are in messages_*.cpp.
#include "core/messages.h"

#include <array>
#include <cassert>
#include <span>

#include "core/date.h"
#include "core/error.h"
#include "core/numbers.h"
#include "core/status.h"
#include "core/messages_table.h"

namespace dt {

namespace {
constexpr std::size_t kCount = static_cast<std::size_t>(Msg::Count_);

constexpr const char* kNames[] = {
#define DT_MSG(name) #name,
#include "core/message_codes.h"
#undef DT_MSG
};
static_assert(std::size(kNames) == kCount);

// Every table's entries, found by code. A code without an entry is phrased as its name (the
// catalog test fails on it first).
const std::array<const MsgText*, kCount>& index() {
    static const std::array<const MsgText*, kCount> all = [] {
        std::array<const MsgText*, kCount> out{};
        for (auto table : {texts_common(), texts_service(), texts_files(), texts_cli()})
            for (const MsgText& t : table) out[static_cast<std::size_t>(t.code)] = &t;
        return out;
    }();
    return all;
}

const char* pick(const MsgText& t, Lang lang, Audience audience) {
    if (audience == Audience::Cli) {
        const char* cli = lang == Lang::Vi ? t.vi_cli : t.en_cli;
        if (cli) return cli;
    }
    return lang == Lang::Vi ? t.vi : t.en;
}

// A field's name in Vietnamese: whole names, names that start with a known beginning ("The title
// of " + a task's reference), and the CSV's "Line N: " before either.
std::string field_in(std::string_view english, Lang lang) {
    if (lang == Lang::En) return std::string(english);
    std::string before;
    if (english.starts_with("Line ")) {
        const auto colon = english.find(": ");
        if (colon != std::string_view::npos) {
            before = "Dòng " + std::string(english.substr(5, colon - 5)) + ": ";
            english.remove_prefix(colon + 2);
        }
    }
    for (const FieldName& f : field_names()) {
        const std::string_view en = f.en;
        if (english == en) return before + f.vi;
        if (en.ends_with(' ') && english.starts_with(en)) return before + f.vi + std::string(english.substr(en.size()));
    }
    return before + std::string(english);
}
}  // namespace

MsgArg::MsgArg(const Date& d) : text(d.vn()) {}

MsgArg MsgArg::grouped(long long n) {
    MsgArg a(std::string{});
    a.type = Type::Grouped;
    a.number = n;
    return a;
}

MsgArg MsgArg::percent(double p) {
    MsgArg a(std::string{});
    a.type = Type::Percent;
    a.real = p;
    return a;
}

MsgArg MsgArg::line(long long n) {
    MsgArg a(std::string{});
    a.type = Type::Line;
    a.number = n;
    return a;
}

MsgArg MsgArg::field(std::string_view english) {
    MsgArg a(english);
    a.type = Type::Field;
    return a;
}

MsgArg MsgArg::of(Msg w) {
    MsgArg a(std::string{});
    a.type = Type::Word;
    a.word = w;
    return a;
}

MsgArg MsgArg::of(Status s) {
    static constexpr Msg k[] = {Msg::WordNotStarted, Msg::WordInProgress, Msg::WordDone, Msg::WordBlocked};
    return of(k[static_cast<int>(s)]);
}
MsgArg MsgArg::of(Bucket b) {
    static constexpr Msg k[] = {Msg::WordDoneOnTime, Msg::WordDoneLate, Msg::WordOpenOnTime, Msg::WordOpenOverdue,
                                Msg::WordNoDeadline};
    return of(k[static_cast<int>(b)]);
}
MsgArg MsgArg::of(AssignmentRole r) { return of(r == AssignmentRole::Lead ? Msg::WordLead : Msg::WordCoordinate); }
MsgArg MsgArg::of(UserRole r) {
    static constexpr Msg k[] = {Msg::WordAdmin, Msg::WordAgencyUser, Msg::WordViewer};
    return of(k[static_cast<int>(r)]);
}

std::string phrase_arg(const MsgArg& arg, Lang lang) {
    switch (arg.type) {
    case MsgArg::Type::Text: return arg.text;
    case MsgArg::Type::Grouped: return format_integer(arg.number, lang == Lang::Vi ? NumberStyle::Vi : NumberStyle::En);
    case MsgArg::Type::Field: return field_in(arg.text, lang);
    case MsgArg::Type::Word: return word(arg.word, lang);
    case MsgArg::Type::Percent: return format_percent(arg.real, lang == Lang::Vi ? NumberStyle::Vi : NumberStyle::En);
    case MsgArg::Type::Line:
        if (arg.number == 0) return "";
        return (lang == Lang::Vi ? "Dòng " : "Line ") + std::to_string(arg.number) + ": ";
    }
    return arg.text;
}

const MsgText& msg_text(Msg code) {
    static const MsgText missing{Msg::Plain, "{1}", "{1}", nullptr, nullptr};
    const MsgText* t = index()[static_cast<std::size_t>(code)];
    return t ? *t : missing;
}

const char* msg_name(Msg code) {
    const auto i = static_cast<std::size_t>(code);
    return i < kCount ? kNames[i] : "?";
}

int msg_arity(Msg code) {
    int highest = 0;
    const std::string_view text = msg_text(code).en;
    for (std::size_t i = 0; i + 2 < text.size(); ++i)
        if (text[i] == '{' && text[i + 1] >= '1' && text[i + 1] <= '9' && text[i + 2] == '}')
            highest = std::max(highest, text[i + 1] - '0');
    return highest;
}

std::string phrase(Msg code, const std::vector<MsgArg>& args, Lang lang, Audience audience) {
    const std::string_view text = pick(msg_text(code), lang, audience);
    std::string out;
    out.reserve(text.size() + 32);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9' && text[i + 2] == '}') {
            const auto n = static_cast<std::size_t>(text[i + 1] - '1');
            if (n < args.size()) {
                out += phrase_arg(args[n], lang);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

const char* word(Msg code, Lang lang) { return pick(msg_text(code), lang, Audience::Gui); }
const char* word(Status s, Lang lang) { return word(MsgArg::of(s).word, lang); }
const char* word(Bucket b, Lang lang) { return word(MsgArg::of(b).word, lang); }
const char* word(AssignmentRole r, Lang lang) { return word(MsgArg::of(r).word, lang); }
const char* word(UserRole r, Lang lang) { return word(MsgArg::of(r).word, lang); }

namespace {
// The first letter of a Vietnamese or English word in upper case: ASCII, Latin-1 (à → À), and the
// pairs of Latin Extended-A/B and Extended Additional where the small letter is the odd one
// (đ → Đ, ơ → Ơ, ư → Ư, ạ → Ạ).
std::string capitalized(std::string_view text) {
    std::string out(text);
    if (out.empty()) return out;
    const auto b0 = static_cast<unsigned char>(out[0]);
    if (b0 < 0x80) {
        if (b0 >= 'a' && b0 <= 'z') out[0] = static_cast<char>(b0 - 32);
        return out;
    }
    unsigned cp = 0;
    std::size_t n = 0;
    if ((b0 & 0xE0) == 0xC0 && out.size() >= 2) cp = ((b0 & 0x1Fu) << 6) | (out[1] & 0x3Fu), n = 2;
    else if ((b0 & 0xF0) == 0xE0 && out.size() >= 3) cp = ((b0 & 0x0Fu) << 12) | ((out[1] & 0x3Fu) << 6) | (out[2] & 0x3Fu), n = 3;
    else return out;
    unsigned upper = cp;
    if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) upper = cp - 0x20;
    else if (((cp >= 0x100 && cp <= 0x17F) || (cp >= 0x1EA0 && cp <= 0x1EF9)) && cp % 2 == 1) upper = cp - 1;
    else if (cp == 0x1A1 || cp == 0x1B0) upper = cp - 1;
    std::string enc;
    if (upper < 0x800) enc = {static_cast<char>(0xC0 | (upper >> 6)), static_cast<char>(0x80 | (upper & 0x3F))};
    else enc = {static_cast<char>(0xE0 | (upper >> 12)), static_cast<char>(0x80 | ((upper >> 6) & 0x3F)),
                static_cast<char>(0x80 | (upper & 0x3F))};
    return enc + out.substr(n);
}

// Every kind the registry (assets/agencies-cao-bang.csv) uses; "group" last.
constexpr std::string_view kKindCodes[] = {"department", "district",      "city",   "commune",  "ward",
                                           "office",     "board",         "project_board", "police", "military",
                                           "bank",       "treasury",      "social_insurance", "inspectorate",
                                           "front",      "press",         "group"};
constexpr Msg kKindWords[] = {Msg::KindDepartment,   Msg::KindDistrict, Msg::KindCity,     Msg::KindCommune,
                              Msg::KindWard,         Msg::KindOffice,   Msg::KindBoard,    Msg::KindProjectBoard,
                              Msg::KindPolice,       Msg::KindMilitary, Msg::KindBank,     Msg::KindTreasury,
                              Msg::KindSocialInsurance, Msg::KindInspectorate, Msg::KindFront, Msg::KindPress,
                              Msg::KindGroup};
static_assert(std::size(kKindCodes) == std::size(kKindWords));
}  // namespace

const char* label(Msg code, Lang lang) {
    // Made once for every code and both languages, so a label lives as long as the program.
    static const std::array<std::string, kCount * 2> all = [] {
        std::array<std::string, kCount * 2> out;
        for (std::size_t i = 0; i < kCount; ++i) {
            out[2 * i] = capitalized(word(static_cast<Msg>(i), Lang::Vi));
            out[2 * i + 1] = capitalized(word(static_cast<Msg>(i), Lang::En));
        }
        return out;
    }();
    return all[2 * static_cast<std::size_t>(code) + (lang == Lang::En ? 1 : 0)].c_str();
}
const char* label(Status s, Lang lang) { return label(MsgArg::of(s).word, lang); }
const char* label(Bucket b, Lang lang) { return label(MsgArg::of(b).word, lang); }
const char* label(AssignmentRole r, Lang lang) { return label(MsgArg::of(r).word, lang); }
const char* label(UserRole r, Lang lang) { return label(MsgArg::of(r).word, lang); }

const char* agency_kind_label(const std::string& kind, Lang lang) {
    for (std::size_t i = 0; i < std::size(kKindCodes); ++i)
        if (kind == kKindCodes[i]) return label(kKindWords[i], lang);
    return kind.c_str();
}

std::span<const std::string_view> agency_kind_codes() { return kKindCodes; }

bool msg_cli_only(Msg code) {
    const auto cli = texts_cli();
    const MsgText* t = index()[static_cast<std::size_t>(code)];
    return t && t >= cli.data() && t < cli.data() + cli.size();
}

Error::Error(ErrorKind kind, Msg code, std::vector<MsgArg> args)
    : std::runtime_error(phrase(code, args, Lang::En, Audience::Cli)), kind_(kind), code_(code), args_(std::move(args)) {
    assert(static_cast<int>(args_.size()) == msg_arity(code_) && "a message's values, one per placeholder");
}

Error::Error(ErrorKind kind, const std::string& message)
    : std::runtime_error(message), kind_(kind), code_(Msg::Plain), args_{MsgArg(message)} {}

void fail(ErrorKind kind, Msg code, std::vector<MsgArg> args) { throw Error(kind, code, std::move(args)); }

std::string say(const std::exception& e, Lang lang, Audience audience) {
    if (const auto* err = dynamic_cast<const Error*>(&e)) return err->say(lang, audience);
    return e.what();
}

}  // namespace dt

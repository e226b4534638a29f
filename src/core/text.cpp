#include "core/text.h"

#include <utf8proc.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "core/error.h"

namespace dt {

namespace {
struct FreeDeleter {
    void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

std::string map_or_empty(std::string_view text, int options) {
    utf8proc_uint8_t* out = nullptr;
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                static_cast<utf8proc_ssize_t>(text.size()), &out,
                                static_cast<utf8proc_option_t>(options));
    std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owner(out);
    if (n < 0) return {};
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

bool is_space_cp(utf8proc_int32_t cp) {
    return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x2007 || cp == 0x202F || cp == 0x3000 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x200B || cp == 0xFEFF;
}
}  // namespace

bool is_valid_utf8(std::string_view text) {
    auto p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(p, left, &cp);
        if (n <= 0 || cp < 0) return false;
        p += n;
        left -= n;
    }
    return true;
}

std::string to_nfc(std::string_view text, std::string_view field) {
    if (text.empty()) return {};
    if (!is_valid_utf8(text)) fail(ErrorKind::Invalid, Msg::TextNotUtf8, {MsgArg::field(field)});
    return map_or_empty(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string fold(std::string_view text) {
    if (text.empty()) return {};
    std::string mapped = map_or_empty(
        text, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    // đ has no decomposition in Unicode, so stripping marks leaves it: map it by hand.
    std::string out;
    out.reserve(mapped.size());
    for (std::size_t i = 0; i < mapped.size(); ++i) {
        if (static_cast<unsigned char>(mapped[i]) == 0xC4 && i + 1 < mapped.size() &&
            (static_cast<unsigned char>(mapped[i + 1]) == 0x91 || static_cast<unsigned char>(mapped[i + 1]) == 0x90)) {
            out += 'd';
            ++i;
        } else {
            out += mapped[i];
        }
    }
    return out;
}

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    auto p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
    bool pending_space = false;
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        auto n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) { n = 1; cp = 0xFFFD; }
        if (is_space_cp(cp)) {
            pending_space = !out.empty();
        } else {
            if (pending_space) out += ' ';
            pending_space = false;
            out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
        }
        p += n;
        left -= n;
    }
    return out;
}

bool has_control_chars(std::string_view text) {
    auto p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        auto n = utf8proc_iterate(p, left, &cp);
        if (n <= 0) return true;
        if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) return true;
        p += n;
        left -= n;
    }
    return false;
}

namespace {
enum class Form { SingleLine, MultiLine, Secret };

bool is_control_cp(utf8proc_int32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0); }
bool is_bidi_format(utf8proc_int32_t cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}
bool is_zero_width(utf8proc_int32_t cp) {
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
}
bool is_line_separator(utf8proc_int32_t cp) { return cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029; }

std::string code_point_name(utf8proc_int32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

[[noreturn]] void too_long(std::string_view field, std::size_t size, std::size_t max_bytes) {
    fail(ErrorKind::Invalid, Msg::TextTooLong, {MsgArg::field(field), MsgArg::grouped(static_cast<long long>(size)), MsgArg::grouped(static_cast<long long>(max_bytes))});
}

std::string check_text(std::string_view field, std::string_view text, std::size_t max_bytes, Form form) {
    // A huge input is refused before any work on it: NFC never makes text three times shorter.
    if (text.size() > max_bytes * 3 + 16) too_long(field, text.size(), max_bytes);
    if (!is_valid_utf8(text)) fail(ErrorKind::Invalid, Msg::TextNotUtf8, {MsgArg::field(field)});
    std::string kept;
    kept.reserve(text.size());
    auto p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(p, left, &cp);
        const std::string_view bytes(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
        p += n;
        left -= n;
        if (is_line_separator(cp)) {
            if (form != Form::MultiLine) fail(ErrorKind::Invalid, Msg::TextNotOneLine, {MsgArg::field(field)});
            if (cp == '\r' && left > 0 && *p == '\n') continue;  // CR LF: the LF follows
            kept += '\n';
        } else if (cp == '\t' && form == Form::MultiLine) {
            kept += '\t';
        } else if (is_control_cp(cp)) {
            fail(ErrorKind::Invalid, Msg::TextControlChar, {MsgArg::field(field), code_point_name(cp)});
        } else if (is_bidi_format(cp)) {
            fail(ErrorKind::Invalid, Msg::TextBidiChar, {MsgArg::field(field), code_point_name(cp)});
        } else if (!(is_zero_width(cp) && form != Form::Secret)) {
            kept.append(bytes);
        }
    }
    std::string out = kept.empty() ? std::string() : map_or_empty(kept, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (form != Form::Secret) out = trim(out);
    if (out.size() > max_bytes) too_long(field, out.size(), max_bytes);
    return out;
}

// Appends `text` with what a terminal would act on written out; false once `max_bytes` is passed.
bool append_escaped(std::string& out, std::string_view text, std::size_t max_bytes) {
    auto p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
    const std::size_t start = out.size();
    while (left > 0) {
        if (out.size() - start >= max_bytes) return false;
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(p, left, &cp);
        char buf[24];
        if (n <= 0 || cp < 0) {
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(*p));
            out += buf;
            ++p;
            --left;
            continue;
        }
        if (is_control_cp(cp) || is_bidi_format(cp) || is_zero_width(cp) || cp == 0x2028 || cp == 0x2029) {
            std::snprintf(buf, sizeof buf, "\\u{%04X}", static_cast<unsigned>(cp));
            out += buf;
        } else {
            out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
        }
        p += n;
        left -= n;
    }
    return true;
}
}  // namespace

std::string check_single_line(std::string_view field, std::string_view text, std::size_t max_bytes) {
    return check_text(field, text, max_bytes, Form::SingleLine);
}

std::string check_multi_line(std::string_view field, std::string_view text, std::size_t max_bytes) {
    return check_text(field, text, max_bytes, Form::MultiLine);
}

std::string check_secret(std::string_view field, std::string_view text, std::size_t max_bytes) {
    return check_text(field, text, max_bytes, Form::Secret);
}

std::string check_file_name(std::string_view field, std::string_view name) {
    // '/' and '\' are ASCII, so they are found even among bytes that are not UTF-8.
    if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    auto clean = check_single_line(field, name, 255);
    if (clean.empty() || clean == "." || clean == "..")
        fail(ErrorKind::Invalid, Msg::TextNoFileName, {MsgArg::field(field)});
    return clean;
}

std::string safe_file_name(std::string_view stored) {
    if (const auto slash = stored.find_last_of("/\\"); slash != std::string_view::npos) stored.remove_prefix(slash + 1);
    std::string out;
    auto p = reinterpret_cast<const utf8proc_uint8_t*>(stored.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(stored.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        auto n = utf8proc_iterate(p, left, &cp);
        const bool bad = n <= 0 || cp < 0;
        if (bad) n = 1;
        if (bad || is_control_cp(cp) || is_bidi_format(cp) || is_zero_width(cp) || cp == 0x2028 || cp == 0x2029) {
            if (out.size() + 1 > 255) break;
            out += '_';
        } else {
            if (out.size() + static_cast<std::size_t>(n) > 255) break;
            out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
        }
        p += n;
        left -= n;
    }
    const auto first = out.find_first_not_of('.');
    out = first == std::string::npos ? std::string() : trim(out.substr(first));
    return out.empty() ? "attachment" : out;
}

std::string quoted_input(std::string_view text, std::size_t max_bytes) {
    std::string out = "'";
    if (!append_escaped(out, text, max_bytes)) out += "…";
    return out + "'";
}

std::string printable(std::string_view text, std::size_t max_bytes) {
    std::string out;
    if (!append_escaped(out, text, max_bytes)) out += "…";
    return out;
}

std::vector<std::string> split(std::string_view text, char sep) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto pos = text.find(sep, start);
        parts.emplace_back(text.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return parts;
}

}  // namespace dt

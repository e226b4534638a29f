#include "core/text.h"

#include <utf8proc.h>

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
    if (!is_valid_utf8(text)) fail(ErrorKind::Invalid, std::string(field) + " is not valid UTF-8 text.");
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

std::string clean_field(std::string_view text, std::string_view field, std::size_t max_bytes,
                        bool allow_newlines) {
    if (text.size() > max_bytes)
        fail(ErrorKind::Invalid, std::string(field) + " is too long (" + std::to_string(text.size()) +
                                     " bytes; the limit is " + std::to_string(max_bytes) + ").");
    std::string nfc = to_nfc(text, field);
    if (has_control_chars(nfc) || (!allow_newlines && nfc.find('\n') != std::string::npos))
        fail(ErrorKind::Invalid, std::string(field) + " contains control characters.");
    return trim(nfc);
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

#include "importer/text_scan.h"

#include <utf8proc.h>

#include "core/text.h"

namespace dt::importer::detail {

CodePoint decode_at(std::string_view s, std::size_t pos) {
    if (pos >= s.size()) return {0, 0};
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) return {c, 1};
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                                    static_cast<utf8proc_ssize_t>(s.size() - pos), &cp);
    if (n <= 0 || cp < 0) return {0xFFFD, 1};
    return {static_cast<char32_t>(cp), static_cast<std::size_t>(n)};
}

char32_t code_point_before(std::string_view s, std::size_t pos) {
    if (pos == 0 || pos > s.size()) return 0;
    std::size_t start = pos - 1;
    // Step back over at most three continuation bytes to the lead byte.
    for (int i = 0; i < 3 && start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80; ++i) --start;
    const auto cp = decode_at(s, start);
    return start + cp.len == pos ? cp.cp : char32_t{0xFFFD};
}

void append_utf8(std::string& out, char32_t cp) {
    utf8proc_uint8_t buf[4];
    const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

bool is_letter(char32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
           (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME);
}

bool is_upper(char32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool is_lower(char32_t cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LL;
}

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

bool starts_upper(std::string_view word) { return !word.empty() && is_upper(decode_at(word, 0).cp); }

bool is_all_upper(std::string_view word) {
    bool letters = false;
    for (std::size_t i = 0; i < word.size();) {
        const auto c = decode_at(word, i);
        if (is_lower(c.cp)) return false;
        if (is_letter(c.cp)) letters = true;
        i += c.len;
    }
    return letters;
}

std::string capitalize_first(std::string_view text) {
    if (text.empty()) return {};
    const auto c = decode_at(text, 0);
    std::string out;
    append_utf8(out, static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(c.cp))));
    out.append(text.substr(c.len));
    return out;
}

std::string title_case(std::string_view text) {
    std::string out;
    bool word_start = true;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = decode_at(text, i);
        const auto cp = static_cast<utf8proc_int32_t>(c.cp);
        if (is_letter(c.cp)) {
            append_utf8(out, static_cast<char32_t>(word_start ? utf8proc_toupper(cp) : utf8proc_tolower(cp)));
            word_start = false;
        } else {
            append_utf8(out, c.cp);
            word_start = true;
        }
        i += c.len;
    }
    return out;
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        const auto start = i;
        while (i < text.size() && text[i] != ' ') ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    return words;
}

namespace {
// Folding every Vietnamese letter through utf8proc once, instead of once per occurrence.
constexpr char32_t kTableSize = 0x2000;

const std::vector<std::string>& fold_table() {
    static const std::vector<std::string> table = [] {
        std::vector<std::string> t(kTableSize);
        for (char32_t cp = 0x80; cp < kTableSize; ++cp) {
            if (cp >= 0xD800 && cp <= 0xDFFF) continue;
            std::string one;
            append_utf8(one, cp);
            t[cp] = dt::fold(one);
        }
        return t;
    }();
    return table;
}
}  // namespace

Folded fold_mapped(std::string_view nfc) {
    Folded f;
    f.text.reserve(nfc.size());
    f.origin.reserve(nfc.size() + 1);
    const auto& table = fold_table();
    for (std::size_t i = 0; i < nfc.size();) {
        const auto c = decode_at(nfc, i);
        if (c.cp < 0x80) {
            f.text += static_cast<char>(c.cp >= 'A' && c.cp <= 'Z' ? c.cp + ('a' - 'A') : c.cp);
            f.origin.push_back(i);
        } else {
            const std::string folded = c.cp < kTableSize ? table[c.cp] : dt::fold(nfc.substr(i, c.len));
            for (char b : folded) {
                f.text += b;
                f.origin.push_back(i);
            }
        }
        i += c.len;
    }
    f.origin.push_back(nfc.size());
    return f;
}

std::string fold_fast(std::string_view nfc) {
    std::string out;
    out.reserve(nfc.size());
    const auto& table = fold_table();
    for (std::size_t i = 0; i < nfc.size();) {
        const auto c = decode_at(nfc, i);
        if (c.cp < 0x80) out += static_cast<char>(c.cp >= 'A' && c.cp <= 'Z' ? c.cp + ('a' - 'A') : c.cp);
        else if (c.cp < kTableSize) out += table[c.cp];
        else out += dt::fold(nfc.substr(i, c.len));
        i += c.len;
    }
    return out;
}

bool word_at(std::string_view folded, std::size_t pos, std::string_view word) {
    if (pos > folded.size() || folded.size() - pos < word.size()) return false;
    if (folded.compare(pos, word.size(), word) != 0) return false;
    if (is_word_char(code_point_before(folded, pos))) return false;
    const auto end = pos + word.size();
    return end == folded.size() || !is_word_char(decode_at(folded, end).cp);
}

std::size_t find_word(std::string_view folded, std::string_view word, std::size_t from) {
    if (word.empty()) return std::string_view::npos;
    for (auto pos = folded.find(word, from); pos != std::string_view::npos; pos = folded.find(word, pos + 1))
        if (word_at(folded, pos, word)) return pos;
    return std::string_view::npos;
}

std::string strip_trailing_punct(std::string_view text) {
    std::size_t end = text.size();
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '.' || text[end - 1] == ':' || text[end - 1] == ';'))
        --end;
    std::size_t begin = 0;
    while (begin < end && text[begin] == ' ') ++begin;
    return std::string(text.substr(begin, end - begin));
}

}  // namespace dt::importer::detail

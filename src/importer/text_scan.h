#pragma once
// Importer-internal helpers over NFC UTF-8: code points, letter case, and folding that
// remembers where each folded byte came from (so a match found in folded text can be cut
// out of the original).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dt::importer::detail {

struct CodePoint {
    char32_t cp = 0;
    std::size_t len = 1;  // bytes; invalid bytes decode as U+FFFD of length 1
};

CodePoint decode_at(std::string_view s, std::size_t pos);
// The code point that ends just before `pos` (U+0000 at the start).
char32_t code_point_before(std::string_view s, std::size_t pos);
void append_utf8(std::string& out, char32_t cp);

bool is_letter(char32_t cp);
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);
bool is_digit(char32_t cp);
inline bool is_word_char(char32_t cp) { return is_letter(cp) || is_digit(cp); }

bool starts_upper(std::string_view word);     // first code point is an uppercase letter
bool is_all_upper(std::string_view word);     // has letters, none of them lowercase
std::string capitalize_first(std::string_view text);  // "về việc" → "Về việc"
std::string title_case(std::string_view text);        // "CAO BẰNG" → "Cao Bằng"

// Whitespace-separated words (the text is already space-collapsed).
std::vector<std::string_view> words_of(std::string_view text);

struct Folded {
    std::string text;                 // dt::fold of the source, code point by code point
    std::vector<std::size_t> origin;  // origin[i]: source offset of folded byte i; one extra entry = source size
};
Folded fold_mapped(std::string_view nfc);
// The same folding without the map: dt::fold's result, at table speed on long texts.
std::string fold_fast(std::string_view nfc);

// True when `word` occurs in folded ASCII-ish text at `pos` and is not glued to letters or digits.
bool word_at(std::string_view folded, std::size_t pos, std::string_view word);
// First occurrence of `word` at word boundaries at or after `from`; npos when none.
std::size_t find_word(std::string_view folded, std::string_view word, std::size_t from = 0);

// Strips trailing spaces and the punctuation that closes a heading (". : ;").
std::string strip_trailing_punct(std::string_view text);

}  // namespace dt::importer::detail

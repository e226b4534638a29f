#pragma once
// Vietnamese text: validation, NFC normalisation and diacritic folding (utf8proc).
#include <string>
#include <string_view>
#include <vector>

namespace dt {

bool is_valid_utf8(std::string_view text);

// NFC form of valid UTF-8; throws Error(Invalid) naming `field` when the bytes are not UTF-8.
std::string to_nfc(std::string_view text, std::string_view field = "text");

// Lower case, no tone or vowel marks, đ → d: "Giải Ngân ĐẦU TƯ" → "giai ngan dau tu".
// Used for search and for matching names whatever their accents or case.
std::string fold(std::string_view text);

std::string trim(std::string_view text);

// Collapses runs of spaces (incl. NBSP, tabs and other Unicode spaces) into one ASCII space.
std::string collapse_spaces(std::string_view text);

// True when the text holds C0/C1 control characters other than \n and \t.
bool has_control_chars(std::string_view text);

// Validates a one-line field typed by a user: UTF-8, no control characters, bounded length.
// Returns its trimmed NFC form; throws Error(Invalid) with a sentence naming the field.
std::string clean_field(std::string_view text, std::string_view field, std::size_t max_bytes,
                        bool allow_newlines = false);

std::vector<std::string> split(std::string_view text, char sep);

}  // namespace dt

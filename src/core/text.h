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

// ---- Text typed by a user, checked before it is stored (docs/INPUT.md: one row per field) ----
// The service passes every free-text field of every write through one of these. `field` names it
// in the refusal ("The note"). What is returned is what is stored: NFC, trimmed of spaces, tabs
// and line breaks at both ends, without zero-width characters (U+200B, U+200C, U+200D, U+2060,
// U+FEFF: invisible, so a name that looks the same is the same). Refused with Error(Invalid) and
// one sentence: bytes that are not UTF-8; NUL and every other control character (C0, DEL, C1);
// bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069),
// which can make text display differently from what is stored; more than `max_bytes` bytes.
std::string check_single_line(std::string_view field, std::string_view text, std::size_t max_bytes);
// Like check_single_line, but line breaks and tabs are kept: CR LF, CR, U+2028 and U+2029
// become LF.
std::string check_multi_line(std::string_view field, std::string_view text, std::size_t max_bytes);
// A secret (password): the same refusals as one line, then its NFC form; nothing is trimmed or
// removed, since every character of a password counts.
std::string check_secret(std::string_view field, std::string_view text, std::size_t max_bytes);
// An attachment's file name: only its last component is kept (after the last / or \), checked as
// one line of at most 255 bytes; refused when nothing usable is left ("", ".", "..").
std::string check_file_name(std::string_view field, std::string_view name);

// A stored attachment name made safe to create in a folder, whatever the database holds: its
// last component, without leading dots (never hidden, never "." or ".."), control, bidirectional
// and invalid bytes replaced by '_', at most 255 bytes; "attachment" when nothing is left.
std::string safe_file_name(std::string_view stored);

// For messages that quote what someone typed: between quotes, at most `max_bytes` of it (then
// "…"), with control and bidirectional characters written as \u{…} and bytes that are not UTF-8
// as \xNN, so that a message never rearranges or drives the terminal that prints it.
std::string quoted_input(std::string_view text, std::size_t max_bytes = 80);
// A whole message made safe the same way (without quotes), cut at `max_bytes`.
std::string printable(std::string_view text, std::size_t max_bytes = 4000);

std::vector<std::string> split(std::string_view text, char sep);

}  // namespace dt

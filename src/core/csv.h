#pragma once
// RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF; a UTF-8 BOM is skipped.
#include <string>
#include <string_view>
#include <vector>

namespace dt {

struct CsvRecord {
    std::size_t line = 0;  // the line the record starts on, for error messages
    std::vector<std::string> fields;
};

// Throws Error(Invalid) naming the line of an unterminated quote.
std::vector<CsvRecord> parse_csv(std::string_view csv);

// One field quoted when it needs to be (comma, quote, line break, leading/trailing space).
std::string csv_field(std::string_view value);

}  // namespace dt

#include "core/csv.h"

#include "core/error.h"

namespace dt {

std::vector<CsvRecord> parse_csv(std::string_view csv) {
    if (csv.starts_with("\xEF\xBB\xBF")) csv.remove_prefix(3);
    std::vector<CsvRecord> records;
    CsvRecord record;
    std::string field;
    bool quoted = false, in_record = false;
    std::size_t line = 1, quote_line = 0;
    record.line = 1;
    auto end_field = [&] {
        record.fields.push_back(std::move(field));
        field.clear();
    };
    auto end_record = [&] {
        end_field();
        records.push_back(std::move(record));
        record = CsvRecord{};
        in_record = false;
    };
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (!in_record) record.line = line;
        if (c == '"' && field.empty()) {
            quoted = true;
            quote_line = line;
            in_record = true;
        } else if (c == ',') {
            end_field();
            in_record = true;
        } else if (c == '\r') {
            continue;
        } else if (c == '\n') {
            if (in_record || !field.empty()) end_record();
            ++line;
        } else {
            field += c;
            in_record = true;
        }
    }
    if (quoted) fail(ErrorKind::Invalid, Msg::CsvQuoteNotClosed, {quote_line});
    if (in_record || !field.empty()) end_record();
    return records;
}

std::string csv_field(std::string_view value) {
    const bool needs = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!needs) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace dt

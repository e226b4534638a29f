#include "service/registry.h"

#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/text.h"

namespace dt::service {

namespace {
// Splits CSV into records of fields, honouring quotes and doubled quotes (RFC 4180).
std::vector<std::vector<std::string>> parse_csv(std::string_view csv) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false, in_record = false;
    std::size_t line = 1;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') { field += '"'; ++i; }
            else if (c == '"') quoted = false;
            else { if (c == '\n') ++line; field += c; }
            continue;
        }
        if (c == '"' && field.empty()) { quoted = true; in_record = true; }
        else if (c == ',') { fields.push_back(std::move(field)); field.clear(); in_record = true; }
        else if (c == '\r') {}
        else if (c == '\n') {
            ++line;
            if (in_record || !field.empty()) { fields.push_back(std::move(field)); records.push_back(std::move(fields)); }
            field.clear(); fields.clear(); in_record = false;
        } else { field += c; in_record = true; }
    }
    if (quoted) fail(ErrorKind::Invalid, "The agency registry has an unterminated quote before line " + std::to_string(line) + ".");
    if (in_record || !field.empty()) { fields.push_back(std::move(field)); records.push_back(std::move(fields)); }
    return records;
}

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    for (auto& part : split(s, '|'))
        if (auto t = trim(part); !t.empty()) out.push_back(to_nfc(t));
    return out;
}
}  // namespace

std::vector<RegistryRow> parse_registry_csv(std::string_view csv) {
    if (csv.starts_with("\xEF\xBB\xBF")) csv.remove_prefix(3);
    const auto records = parse_csv(csv);
    if (records.empty() || records[0].size() < 3 || records[0][0] != "name")
        fail(ErrorKind::Invalid, "The agency registry must start with the header name,short_name,kind,groups,aliases.");
    std::vector<RegistryRow> rows;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& f = records[r];
        if (f.size() < 3 || trim(f[0]).empty())
            fail(ErrorKind::Invalid, "The agency registry's record " + std::to_string(r + 1) + " has no name or kind.");
        RegistryRow row;
        row.name = to_nfc(trim(f[0]), "agency name");
        row.short_name = to_nfc(trim(f[1]), "short name");
        row.kind = trim(f[2]);
        if (f.size() > 3) row.groups = split_list(f[3]);
        if (f.size() > 4) row.aliases = split_list(f[4]);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string read_file(const std::filesystem::path& path, std::size_t max_bytes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) fail(ErrorKind::Invalid, "Cannot read '" + path.string() + "': " + ec.message() + ".");
    if (size > max_bytes)
        fail(ErrorKind::Invalid, "'" + path.string() + "' is too large (" + std::to_string(size) +
                                     " bytes; the limit is " + std::to_string(max_bytes) + ").");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(ErrorKind::Invalid, "Cannot open '" + path.string() + "'.");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<RegistryRow> load_registry_file(const std::filesystem::path& path) {
    return parse_registry_csv(read_file(path, 4 * 1024 * 1024));
}

std::filesystem::path default_registry_path() {
    return std::filesystem::path(DT_ASSETS_DIR) / "agencies-cao-bang.csv";
}

std::filesystem::path default_directive_path() {
    return std::filesystem::path(DT_ASSETS_DIR) / "07-CT-UBND-cao-bang.txt";
}

importer::AgencyCatalog catalog_from(const std::vector<RegistryRow>& rows) {
    std::vector<importer::KnownAgency> entries;
    entries.reserve(rows.size());
    for (const auto& row : rows) entries.push_back({row.name, row.aliases, row.kind == "group"});
    return importer::AgencyCatalog(std::move(entries));
}

}  // namespace dt::service

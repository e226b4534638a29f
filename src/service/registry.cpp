#include "service/registry.h"

#include <fstream>
#include <sstream>

#include "core/assets.h"
#include "core/csv.h"
#include "core/error.h"
#include "core/text.h"

namespace dt::service {

namespace {
std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    for (auto& part : split(s, '|'))
        if (auto t = trim(part); !t.empty()) out.push_back(to_nfc(t));
    return out;
}
}  // namespace

std::vector<RegistryRow> parse_registry_csv(std::string_view csv) {
    const auto records = parse_csv(csv);
    if (records.empty() || records[0].fields.size() < 3 || records[0].fields[0] != "name")
        fail(ErrorKind::Invalid, Msg::RegistryNeedsHeader);
    std::vector<RegistryRow> rows;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& f = records[r].fields;
        if (f.size() < 3 || trim(f[0]).empty())
            fail(ErrorKind::Invalid, Msg::RegistryLineNoNameKind, {records[r].line});
        RegistryRow row;
        row.name = to_nfc(trim(f[0]), "agency name");
        row.short_name = to_nfc(trim(f[1]), "short name");
        row.kind = trim(f[2]);
        if (f.size() > 3) row.groups = split_list(f[3]);
        if (f.size() > 4) row.aliases = split_list(f[4]);
        if (f.size() > 5) {
            const auto active = trim(f[5]);
            if (active == "no") row.active = false;
            else if (!active.empty() && active != "yes")
                fail(ErrorKind::Invalid, Msg::RegistryActiveValue, {records[r].line, active});
        }
        row.line = records[r].line;
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string read_file(const std::filesystem::path& path, std::size_t max_bytes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) fail(ErrorKind::Invalid, Msg::CannotReadFile, {path.string(), ec.message()});
    if (size > max_bytes)
        fail(ErrorKind::Invalid, Msg::FileTooLarge, {path.string(), MsgArg::grouped(static_cast<long long>(size)), MsgArg::grouped(static_cast<long long>(max_bytes))});
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(ErrorKind::Invalid, Msg::CannotOpenFile, {path.string()});
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<RegistryRow> load_registry_file(const std::filesystem::path& path) {
    return parse_registry_csv(read_file(path, 4 * 1024 * 1024));
}

std::filesystem::path default_registry_path() {
    return assets_dir() / "agencies-cao-bang.csv";
}

std::filesystem::path default_directive_path() {
    return assets_dir() / "07-CT-UBND-cao-bang.txt";
}

importer::AgencyCatalog catalog_from(const std::vector<RegistryRow>& rows) {
    std::vector<importer::KnownAgency> entries;
    entries.reserve(rows.size());
    for (const auto& row : rows) entries.push_back({row.name, row.aliases, row.kind == "group", row.active});
    return importer::AgencyCatalog(std::move(entries));
}

}  // namespace dt::service

#pragma once
// The agency registry shipped in assets/ (CSV: name,short_name,kind,group,aliases).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "importer/agency_catalog.h"

namespace dt::service {

struct RegistryRow {
    std::string name;
    std::string short_name;
    std::string kind;  // "group" for groups such as "Các sở, ban, ngành"
    std::vector<std::string> groups;
    std::vector<std::string> aliases;
    bool active = true;    // column "active": "no" keeps a name for older directives only (district committees)
    std::size_t line = 0;  // in the CSV file, for messages
};

// RFC 4180 CSV with a header; throws Error(Invalid) naming the line of a malformed row.
std::vector<RegistryRow> parse_registry_csv(std::string_view csv);
std::vector<RegistryRow> load_registry_file(const std::filesystem::path& path);
std::filesystem::path default_registry_path();
std::filesystem::path default_directive_path();

importer::AgencyCatalog catalog_from(const std::vector<RegistryRow>& rows);

// Reads a whole file as bytes; throws Error(Invalid) when it cannot be read or exceeds max_bytes.
std::string read_file(const std::filesystem::path& path, std::size_t max_bytes);

}  // namespace dt::service

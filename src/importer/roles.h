#pragma once
// Who a paragraph addresses: the agencies named at its start lead, those listed after
// "phối hợp với" coordinate.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "importer/agency_catalog.h"

namespace dt::importer::detail {

struct RoleReading {
    bool addressed = false;                // the sentence opens with agencies: they replace inherited ones
    std::vector<std::size_t> leads;        // catalog indices, in text order
    std::vector<std::size_t> coordinates;  // catalog indices, in text order
    std::vector<std::string> unknown;      // agency-like names that the catalog does not know, as written
    std::vector<std::string> unknown_leads, unknown_coordinates;  // the same names by role
    std::vector<std::pair<std::string, std::string>> former_names;  // as written, and the successor it was read as
    std::size_t address_end = 0;           // where the list of addressees stops, a byte offset in the paragraph

    bool yields() const { return addressed || !coordinates.empty() || !unknown.empty(); }
    bool has_leads() const { return !leads.empty() || !unknown_leads.empty(); }
};

// Reads the paragraph's role sentence (its text up to the first ":", "." or ";").
// `bullet`: a bullet addresses agencies only when it starts with one; a section or clause may
// name them after a short lead-in ("Về đầu tư công, các chủ đầu tư …") or in brackets
// ("Các cơ quan chủ trì … (Sở A, Sở B) chủ trì, …").
RoleReading read_roles(std::string_view paragraph, const AgencyCatalog& catalog, bool bullet);

}  // namespace dt::importer::detail

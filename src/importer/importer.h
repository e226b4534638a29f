#pragma once
// A directive's text → its outline. Pure: no I/O, no storage; safe on any bytes (fuzzable).
#include <string_view>

#include "importer/agency_catalog.h"
#include "importer/outline.h"

namespace dt::importer {

constexpr std::size_t kMaxDirectiveBytes = 5 * 1024 * 1024;

// Throws dt::Error(ErrorKind::Invalid) with one clear sentence for empty, binary, oversized
// input, or text in which no numbered section can be found. Anything else it cannot
// place goes into Outline::warnings.
Outline parse_directive(std::string_view text, const AgencyCatalog& catalog);

}  // namespace dt::importer

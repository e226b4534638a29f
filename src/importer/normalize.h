#pragma once
// Input hygiene: refuses what is not a text, and turns what is into NFC lines.
#include <string>
#include <string_view>
#include <vector>

namespace dt::importer::detail {

struct Lines {
    std::vector<std::string> raw;    // NFC, LF-split, tabs and runs of spaces kept (header columns)
    std::vector<std::string> clean;  // the same lines with every kind of space collapsed and trimmed
};

// Throws dt::Error(Invalid) for empty, oversized, binary or non-UTF-8 input.
Lines normalize_input(std::string_view text);

// A raw line cut into its columns (tab or two or more spaces apart), each space-collapsed.
std::vector<std::string> split_cells(std::string_view raw_line);

}  // namespace dt::importer::detail

#pragma once
// The item tree of a directive: parts, sections, clauses and bullets, found from the markers
// at the start of lines, with where the body starts and ends.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importer/warnings.h"

namespace dt::importer::detail {

// Higher levels nest inside lower ones.
// "1.1." and "1.1.1." (Sub, SubSub) sit between a numbered section and its lettered clauses.
enum class Level { Roman = 0, Arabic = 1, Sub = 2, SubSub = 3, Letter = 4, Dash = 5, Plus = 6 };

struct Marker {
    Level level = Level::Arabic;
    std::string label;  // "II", "3", "đ"; empty for bullets
    int value = 0;      // numeric value of Roman and Arabic labels
    std::string text;   // the rest of the line
};

std::optional<Marker> detect_marker(std::string_view line);

struct Item {
    Level level = Level::Arabic;
    std::string ref;   // "1.a.3"
    int parent = -1;   // index into Structure::items
    int top = -1;      // index of the section it belongs to
    std::vector<int> children;
    std::vector<std::string> paragraphs;  // the first is the marker line's text

    bool is_bullet() const { return level == Level::Dash || level == Level::Plus; }
    std::string text() const;  // paragraphs joined with "\n"
};

struct Structure {
    std::vector<Item> items;  // document order: a parent precedes its children
    std::size_t body_begin = 0;  // index of the line with the first section
    std::size_t body_end = 0;    // index of the first line after the body (closing paragraph included)
    std::string body;            // the directive once, chrome left out, one paragraph per line
    Warnings warnings;
};

// A directive has tens or hundreds of items; far more means the text is something else.
constexpr std::size_t kMaxItems = 20000;

// `lines` are space-collapsed NFC lines. Throws dt::Error(Invalid) when no numbered section
// exists or when there are more than kMaxItems items.
Structure build_structure(const std::vector<std::string>& lines);

// Lines broken by copying from a PDF or a narrow web column, joined back into their paragraphs;
// page numbers left alone on their lines are dropped. `raw` and `clean` stay index-aligned.
void join_broken_lines(std::vector<std::string>& raw, std::vector<std::string>& clean);

// Lines that only belong to a web page around the directive, or open its signature block.
bool is_page_chrome(std::string_view line);
bool is_signature_start(std::string_view line);

}  // namespace dt::importer::detail

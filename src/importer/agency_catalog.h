#pragma once
// The agencies the importer can recognise: canonical names, aliases, and which are groups.
#include <string>
#include <string_view>
#include <vector>

namespace dt::importer {

struct KnownAgency {
    std::string name;                  // canonical, e.g. "Sở Tài chính", "UBND các huyện, thành phố"
    std::vector<std::string> aliases;  // other spellings, e.g. "Ủy ban nhân dân các huyện, thành phố"
    bool is_group = false;
};

struct CatalogMatch {
    std::size_t begin = 0;  // byte offsets in the *folded* text given to find_all
    std::size_t end = 0;
    std::size_t agency = 0;  // index into entries()
};

class AgencyCatalog {
public:
    AgencyCatalog() = default;
    explicit AgencyCatalog(std::vector<KnownAgency> entries);

    const std::vector<KnownAgency>& entries() const { return entries_; }

    // Longest, non-overlapping matches of known names (any alias) in already-folded text,
    // at word boundaries, left to right.
    std::vector<CatalogMatch> find_all(std::string_view folded_text) const;

private:
    struct Key {
        std::string folded;
        std::size_t agency;
    };
    std::vector<KnownAgency> entries_;
    std::vector<Key> keys_;  // grouped by first byte, longest first within a group
};

}  // namespace dt::importer

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
    bool active = true;  // false: kept for older directives (district committees after 1/7/2025)
};

// A department merged away in the 2025 reorganisation, and the one that took over its work.
// Every province's directives of before 1/3/2025 name them, so the catalog knows them all.
struct FormerName {
    std::string_view name;       // as a directive writes it
    std::string_view successor;  // canonical name of the department that took it over
};
const std::vector<FormerName>& former_names();

struct CatalogMatch {
    std::size_t begin = 0;  // byte offsets in the *folded* text given to find_all
    std::size_t end = 0;
    std::size_t agency = 0;  // index into entries()
    int former = -1;         // index into former_names() when the text used a former name
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
        int former = -1;
    };
    std::vector<KnownAgency> entries_;
    std::vector<Key> keys_;  // grouped by first byte, longest first within a group
};

}  // namespace dt::importer

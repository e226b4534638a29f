#include "importer/agency_catalog.h"

#include <algorithm>
#include <unordered_set>

#include "core/text.h"
#include "importer/text_scan.h"

namespace dt::importer {

namespace {
constexpr std::string_view kLongForm = "uy ban nhan dan";
constexpr std::string_view kShortForm = "ubnd";

// Directives write "Ủy ban nhân dân" and "UBND" interchangeably, so both keys and searched
// text use the short form. `origin`, when given, receives for every output byte the offset of
// the input byte it stands for, plus one final entry for the input's end.
std::string shorten(std::string_view folded, std::vector<std::size_t>* origin) {
    std::string out;
    out.reserve(folded.size());
    if (origin) origin->reserve(folded.size() + 1);
    std::size_t i = 0;
    while (i < folded.size()) {
        if (folded[i] == 'u' && detail::word_at(folded, i, kLongForm)) {
            out += kShortForm;
            if (origin) origin->insert(origin->end(), kShortForm.size(), i);
            i += kLongForm.size();
        } else {
            out += folded[i];
            if (origin) origin->push_back(i);
            ++i;
        }
    }
    if (origin) origin->push_back(folded.size());
    return out;
}

std::string key_of(std::string_view name) {
    return shorten(dt::fold(dt::collapse_spaces(name)), nullptr);
}

bool key_order(const std::string& a, const std::string& b) {
    // Grouped by first byte so find_all can jump to candidates; longest first inside a group
    // so the first key that fits is the longest match.
    if (a[0] != b[0]) return static_cast<unsigned char>(a[0]) < static_cast<unsigned char>(b[0]);
    return a.size() > b.size();
}
}  // namespace

const std::vector<FormerName>& former_names() {
    // Decisions of the provinces from 1/3/2025 following Resolution 18-NQ/TW; the usual
    // spellings and abbreviations of each.
    static const std::vector<FormerName> list = {
        {"Sở Kế hoạch và Đầu tư", "Sở Tài chính"},
        {"Sở KH&ĐT", "Sở Tài chính"},
        {"Sở KHĐT", "Sở Tài chính"},
        {"Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"},
        {"Sở TT&TT", "Sở Khoa học và Công nghệ"},
        {"Sở TTTT", "Sở Khoa học và Công nghệ"},
        {"Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ"},
        {"Sở Lao động – Thương binh và Xã hội", "Sở Nội vụ"},
        {"Sở Lao động-Thương binh và Xã hội", "Sở Nội vụ"},
        {"Sở Lao động, Thương binh và Xã hội", "Sở Nội vụ"},
        {"Sở Lao động Thương binh và Xã hội", "Sở Nội vụ"},
        {"Sở LĐ-TB&XH", "Sở Nội vụ"},
        {"Sở LĐTBXH", "Sở Nội vụ"},
        {"Sở Giao thông vận tải", "Sở Xây dựng"},
        {"Sở Giao thông - Vận tải", "Sở Xây dựng"},
        {"Sở GTVT", "Sở Xây dựng"},
        {"Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường"},
        {"Sở NN&PTNT", "Sở Nông nghiệp và Môi trường"},
        {"Sở NN và PTNT", "Sở Nông nghiệp và Môi trường"},
        {"Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường"},
        {"Sở TN&MT", "Sở Nông nghiệp và Môi trường"},
        {"Sở TNMT", "Sở Nông nghiệp và Môi trường"},
        {"Ban Dân tộc tỉnh", "Sở Dân tộc và Tôn giáo"},
        {"Ban Dân tộc", "Sở Dân tộc và Tôn giáo"},
    };
    return list;
}

AgencyCatalog::AgencyCatalog(std::vector<KnownAgency> entries) : entries_(std::move(entries)) {
    std::unordered_set<std::string> seen;
    auto add = [&](std::string_view spelling, std::size_t i, int former) {
        std::string key = key_of(spelling);
        // The first agency to claim a spelling keeps it: an alias must not steal a name.
        if (!key.empty() && seen.insert(key).second) keys_.push_back({std::move(key), i, former});
    };
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        add(entries_[i].name, i, -1);
        for (const auto& alias : entries_[i].aliases) {
            // A registry that lists a former name as an alias still gets the warning.
            int former = -1;
            for (std::size_t f = 0; f < former_names().size(); ++f)
                if (key_of(former_names()[f].name) == key_of(alias)) former = static_cast<int>(f);
            add(alias, i, former);
        }
    }
    // Former names lead to their successors in any province's registry that has them.
    for (std::size_t f = 0; f < former_names().size(); ++f) {
        const auto successor = key_of(former_names()[f].successor);
        for (std::size_t i = 0; i < entries_.size(); ++i)
            if (key_of(entries_[i].name) == successor) {
                add(former_names()[f].name, i, static_cast<int>(f));
                break;
            }
    }
    std::stable_sort(keys_.begin(), keys_.end(),
                     [](const Key& a, const Key& b) { return key_order(a.folded, b.folded); });
}

std::vector<CatalogMatch> AgencyCatalog::find_all(std::string_view folded_text) const {
    std::vector<CatalogMatch> matches;
    if (keys_.empty() || folded_text.empty()) return matches;

    std::vector<std::size_t> origin;
    std::string shortened;
    const bool has_long_form = folded_text.find(kLongForm) != std::string_view::npos;
    std::string_view text = folded_text;
    if (has_long_form) {
        shortened = shorten(folded_text, &origin);
        text = shortened;
    }
    auto given = [&](std::size_t pos) { return has_long_form ? origin[pos] : pos; };

    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto here = detail::decode_at(text, pos);
        if (!detail::is_word_char(here.cp) || detail::is_word_char(detail::code_point_before(text, pos))) {
            pos += here.len;
            continue;
        }
        const auto first = std::partition_point(keys_.begin(), keys_.end(), [&](const Key& k) {
            return static_cast<unsigned char>(k.folded[0]) < static_cast<unsigned char>(text[pos]);
        });
        bool matched = false;
        for (auto k = first; k != keys_.end() && k->folded[0] == text[pos]; ++k) {
            if (detail::word_at(text, pos, k->folded)) {
                matches.push_back({given(pos), given(pos + k->folded.size()), k->agency, k->former});
                pos += k->folded.size();
                matched = true;
                break;
            }
        }
        if (!matched) pos += here.len;
    }
    return matches;
}

}  // namespace dt::importer

#include "importer/roles.h"

#include <algorithm>
#include <optional>

#include "importer/text_scan.h"

namespace dt::importer::detail {

namespace {
// Only the start of a paragraph can be a role sentence; a longer one is prose, not an address.
constexpr std::size_t kMaxRoleBytes = 2000;
// A list may step over a short description ("các cơ quan liên quan, Sở Tài chính"), not a clause.
constexpr int kMaxFillerWords = 5;
constexpr int kMaxBracketLeadWords = 16;
constexpr int kMaxNameWords = 10;

enum class NextWord { Upper, NotVerb, Any };

struct Prefix {
    std::string_view text;  // NFC, as agency names are capitalised
    NextWord next;
};

constexpr Prefix kPrefixes[] = {
    {"Sở", NextWord::Upper},          {"Bộ", NextWord::Upper},        {"Cục", NextWord::Upper},
    {"Chi cục", NextWord::Upper},     {"Ngân hàng", NextWord::Upper}, {"Kho bạc", NextWord::Upper},
    {"Văn phòng", NextWord::Upper},   {"Ban", NextWord::NotVerb},     {"UBND", NextWord::Any},
    {"Ủy ban nhân dân", NextWord::Any}, {"Uỷ ban nhân dân", NextWord::Any}, {"Công an", NextWord::Any},
    {"Thanh tra", NextWord::Any},     {"Bảo hiểm xã hội", NextWord::Any},
};

// Words that begin what an agency is asked to do, so they end its name. Compared with their
// diacritics: folded, "tại" (at) would also stop "Sở Giao thông vận tải" (transport).
constexpr std::string_view kStopWords[] = {
    "chủ trì",   "phối hợp",  "thực hiện", "tập trung", "của",        "có trách nhiệm", "chịu trách nhiệm",
    "hướng dẫn", "tổ chức",   "triển khai", "rà soát",  "tham mưu",   "chỉ đạo",        "khẩn trương",
    "chủ động",  "căn cứ",    "theo",      "về",        "để",         "tại",            "trong",
    "với",       "cùng",      "báo cáo",   "tổng hợp",  "nghiên cứu", "đề xuất",        "ban hành",
    "hoàn thành", "được",     "cần",       "phải",      "là",         "kiểm tra",       "đôn đốc",
    "đẩy mạnh",  "đảm bảo",   "bảo đảm",   "lập",       "giao",       "nhằm",           "khi",
    "sau",       "trước",     "đến",       "tiếp tục",  "quyết liệt", "kịp thời",       "xử lý",
};

constexpr std::string_view kLeadIns[] = {"giao cho ", "giao ", "de nghi ", "yeu cau "};
constexpr std::string_view kWithPhrases[] = {"phoi hop chat che voi", "phoi hop voi", "phoi hop cung"};

bool is_separator_char(char c) { return c == ',' || c == ';' || c == ':' || c == '(' || c == ')'; }

struct Span {
    std::size_t begin, end, agency;
};

class Reader {
public:
    Reader(std::string_view text, const AgencyCatalog& catalog) : s_(text), folded_(fold_mapped(text)) {
        for (const auto& m : catalog.find_all(folded_.text))
            spans_.push_back({folded_.origin[m.begin], folded_.origin[m.end], m.agency});
    }

    RoleReading read(bool bullet) {
        std::size_t start = 0;
        for (auto lead_in : kLeadIns)
            if (folded_.text.starts_with(lead_in)) {
                start = folded_.origin[lead_in.size()];
                break;
            }
        end_ = sentence_end(start);

        RoleReading r;
        if (!bullet || known_at(start) || candidate_at(start)) {
            bool named = false;
            r.address_end = walk(start, 0, !bullet, r.leads, r.unknown, named);
            r.addressed = named;
        }
        if (auto with = with_phrase_end(start)) {
            bool named = false;
            walk(*with, 0, false, r.coordinates, r.unknown, named);
        }
        return r;
    }

private:
    std::string_view s_;
    Folded folded_;
    std::vector<Span> spans_;
    std::size_t end_ = 0;

    const Span* known_at(std::size_t pos) const {
        auto it = std::lower_bound(spans_.begin(), spans_.end(), pos,
                                   [](const Span& sp, std::size_t p) { return sp.begin < p; });
        return it != spans_.end() && it->begin == pos ? &*it : nullptr;
    }

    void skip_spaces(std::size_t& pos) const {
        while (pos < end_ && s_[pos] == ' ') ++pos;
    }

    bool and_at(std::size_t pos) const { return s_.substr(pos).starts_with("và "); }

    // The role sentence runs to ":", ". " or ";", except that "; " inside a list of agencies
    // ("Sở Xây dựng, …, Sở Dân tộc và Tôn giáo; UBND các huyện, thành phố:") keeps it going.
    std::size_t sentence_end(std::size_t from) const {
        std::size_t pos = from;
        while (pos < s_.size()) {
            if (auto k = known_at(pos)) {
                pos = k->end;
                continue;
            }
            const char c = s_[pos];
            if (c == ':' || (c == '.' && (pos + 1 == s_.size() || s_[pos + 1] == ' '))) return pos;
            if (c == ';') {
                auto next = pos + 1;
                while (next < s_.size() && s_[next] == ' ') ++next;
                if (!known_at(next) && !candidate_at(next, s_.size())) return pos;
            }
            ++pos;
        }
        return s_.size();
    }

    std::optional<std::size_t> with_phrase_end(std::size_t from) const {
        const auto folded_from = static_cast<std::size_t>(
            std::lower_bound(folded_.origin.begin(), folded_.origin.end(), from) - folded_.origin.begin());
        std::optional<std::pair<std::size_t, std::size_t>> best;  // folded begin, length
        for (auto phrase : kWithPhrases) {
            const auto at = find_word(folded_.text, phrase, folded_from);
            if (at != std::string::npos && (!best || at < best->first)) best = std::make_pair(at, phrase.size());
        }
        if (!best) return std::nullopt;
        const auto after = folded_.origin[best->first + best->second];
        if (folded_.origin[best->first] >= end_) return std::nullopt;
        return after;
    }

    struct Candidate {
        std::size_t end;
        std::string name;
        bool issuer;  // the provincial People's Committee itself, never an unknown agency
    };

    std::string_view word_from(std::size_t pos, std::size_t limit) const {
        std::size_t e = pos;
        while (e < limit && s_[e] != ' ' && !is_separator_char(s_[e])) ++e;
        return s_.substr(pos, e - pos);
    }

    bool is_stop_word(std::size_t pos) const {
        const auto rest = s_.substr(pos);
        for (auto stop : kStopWords) {
            if (!rest.starts_with(stop)) continue;
            if (rest.size() == stop.size() || !is_word_char(decode_at(rest, stop.size()).cp)) return true;
        }
        return false;
    }

    bool starts_prefix(std::size_t pos) const {
        for (const auto& p : kPrefixes)
            if (s_.substr(pos).starts_with(p.text) && s_.substr(pos + p.text.size()).starts_with(' ')) return true;
        return false;
    }

    std::optional<Candidate> candidate_at(std::size_t pos) const { return candidate_at(pos, end_); }

    std::optional<Candidate> candidate_at(std::size_t pos, std::size_t limit) const {
        if (pos >= limit || is_word_char(code_point_before(s_, pos))) return std::nullopt;
        const Prefix* prefix = nullptr;
        for (const auto& p : kPrefixes)
            if (s_.substr(pos).starts_with(p.text) && s_.substr(pos + p.text.size()).starts_with(' ')) {
                prefix = &p;
                break;
            }
        if (!prefix) return std::nullopt;
        std::size_t q = pos + prefix->text.size() + 1;
        const auto first = word_from(q, limit);
        if (first.empty() || !is_letter(decode_at(first, 0).cp)) return std::nullopt;
        if (prefix->next == NextWord::Upper && !starts_upper(first)) return std::nullopt;
        if (prefix->next == NextWord::NotVerb && (first == "hành" || first == "đầu" || first == "ngày"))
            return std::nullopt;

        std::size_t name_end = q;
        for (int words = 0; q < limit && words < kMaxNameWords; ++words) {
            const auto w = word_from(q, limit);
            if (w.empty()) break;
            if (words > 0 && is_stop_word(q)) break;
            if (words > 0 && w == "và") {
                // "Sở Nông nghiệp và Phát triển nông thôn" goes on; "Sở A và Sở B", "… và các …" do not.
                auto next = q + w.size();
                if (next >= limit || s_[next] != ' ' || !starts_upper(word_from(next + 1, limit)) ||
                    starts_prefix(next + 1))
                    break;
            }
            const bool sentence_stop = w.ends_with('.');
            name_end = q + w.size() - (sentence_stop ? 1 : 0);
            q += w.size();
            if (sentence_stop || q >= limit || s_[q] != ' ') break;
            ++q;
        }
        std::string name = strip_trailing_punct(s_.substr(pos, name_end - pos));
        const auto f = fold_fast(name);
        const bool issuer = f == "ubnd tinh" || f == "uy ban nhan dan tinh" || f.starts_with("ubnd tinh ") ||
                            f.starts_with("uy ban nhan dan tinh ");
        return Candidate{name_end, std::move(name), issuer};
    }

    // "Sở Tài chính tỉnh Cao Bằng": the registry's names leave the province out.
    std::size_t skip_province(std::size_t pos) const {
        auto q = pos;
        if (!s_.substr(q).starts_with(" tỉnh")) return pos;
        q += std::string_view(" tỉnh").size();
        if (q < end_ && is_word_char(decode_at(s_, q).cp)) return pos;
        while (q + 1 < end_ && s_[q] == ' ' && starts_upper(word_from(q + 1, end_)) && !starts_prefix(q + 1))
            q += 1 + word_from(q + 1, end_).size();
        return q;
    }

    // Walks a list of agencies: names apart by ",", ";", "và" or brackets, over short fillers.
    std::size_t walk(std::size_t pos, int depth, bool long_first, std::vector<std::size_t>& names,
                     std::vector<std::string>& unknown, bool& named) const {
        for (bool first = true;; first = false) {
            skip_spaces(pos);
            if (pos >= end_ || (depth > 0 && s_[pos] == ')')) return pos;
            if (auto k = known_at(pos)) {
                names.push_back(k->agency);
                named = true;
                pos = skip_province(k->end);
            } else if (auto c = candidate_at(pos)) {
                if (!c->issuer) {
                    unknown.push_back(c->name);
                    named = true;
                }
                pos = c->end;
            } else {
                int words = 1;
                std::size_t q = pos;
                while (q < end_ && !is_separator_char(s_[q]) && !(s_[q] == ' ' && and_at(q + 1))) {
                    if (s_[q] == ' ' && ++words > kMaxBracketLeadWords) return q;
                    ++q;
                }
                if (q >= end_) return q;
                const bool bracket = s_[q] == '(' && (words <= kMaxFillerWords || (first && long_first));
                if (!bracket && (words > kMaxFillerWords || s_[q] == ':' || s_[q] == ')')) return q;
                pos = q;
            }
            if (!separator(pos, depth, long_first, names, unknown, named)) return pos;
        }
    }

    // Steps over what follows a list element; false when the list ends there.
    bool separator(std::size_t& pos, int depth, bool long_first, std::vector<std::size_t>& names,
                   std::vector<std::string>& unknown, bool& named) const {
        skip_spaces(pos);
        if (pos >= end_) return false;
        if (s_[pos] == ',' || s_[pos] == ';') {
            ++pos;
            return true;
        }
        if (and_at(pos)) {
            pos += std::string_view("và ").size();
            return true;
        }
        if (s_[pos] == '(' && depth == 0) {
            pos = walk(pos + 1, depth + 1, long_first, names, unknown, named);
            if (pos < end_ && s_[pos] == ')') ++pos;
            return separator(pos, depth, long_first, names, unknown, named) || pos >= end_;
        }
        return false;
    }
};
}  // namespace

RoleReading read_roles(std::string_view paragraph, const AgencyCatalog& catalog, bool bullet) {
    std::size_t cap = std::min(paragraph.size(), kMaxRoleBytes);
    while (cap < paragraph.size() && (static_cast<unsigned char>(paragraph[cap]) & 0xC0) == 0x80) ++cap;
    Reader reader(paragraph.substr(0, cap), catalog);
    return reader.read(bullet);
}

}  // namespace dt::importer::detail

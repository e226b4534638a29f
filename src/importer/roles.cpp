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
    {"Đài", NextWord::Upper},         {"Hội", NextWord::Upper},       {"Trung tâm", NextWord::Upper},
    {"Ủy ban Mặt trận", NextWord::Upper}, {"Uỷ ban Mặt trận", NextWord::Upper}, {"Liên đoàn", NextWord::Upper},
    {"Tỉnh đoàn", NextWord::Any},     {"Báo và Phát thanh, Truyền hình", NextWord::Upper},
    // Every province has its newspaper ("Báo Lạng Sơn"), its Front ("Ủy ban MTTQ Việt Nam tỉnh")
    // and, since 2025, its tax office ("Thuế tỉnh Nghệ An", formerly "Cục Thuế").
    {"Báo", NextWord::Upper},         {"Ủy ban MTTQ", NextWord::Any}, {"Uỷ ban MTTQ", NextWord::Any},
    {"Thuế tỉnh", NextWord::Upper},   {"Thuế thành phố", NextWord::Upper}, {"Bộ Tư lệnh", NextWord::Upper},
};

// Who heads an agency: "Giám đốc Sở Tài chính", "Chủ tịch UBND các xã", "Chánh Văn phòng …"
// address the agency itself.
constexpr std::string_view kHeads[] = {"giam doc ", "pho giam doc ", "thu truong ", "chu tich ", "chanh ",
                                       "truong ban ", "chi huy truong ", "nguoi dung dau ", "cuc truong "};

// "các Sở: Tài chính, Nội vụ" names each department without its prefix.
struct Enumeration {
    std::string_view folded;  // "cac so"
    std::string_view prefix;  // what each element stands after: "Sở "
};
constexpr Enumeration kEnumerations[] = {
    {"cac so", "Sở "}, {"ubnd cac phuong", "UBND phường "}, {"ubnd cac xa", "UBND xã "},
    {"ubnd cac huyen", "UBND huyện "}, {"uy ban nhan dan cac phuong", "UBND phường "},
    {"uy ban nhan dan cac xa", "UBND xã "}, {"uy ban nhan dan cac huyen", "UBND huyện "},
};

// A sentence may open with its purpose or its ground before naming who acts:
// "Để …, Sở Tài chính chủ trì", "Thực hiện Công văn số …, Sở Nội vụ …".
constexpr std::string_view kClauseOpeners[] = {"de ", "thuc hien ", "can cu ", "tren co so ", "ve ", "nham ",
                                               "theo ", "trong ", "sau khi ", "truoc ", "ngoai ra", "dong thoi"};

// What follows a list of agencies that makes them the leads, or the coordinators.
constexpr std::string_view kLeadAfter[] = {"chu tri", "theo chuc nang", "co trach nhiem", "chiu trach nhiem",
                                           "la co quan chu tri", "tham muu"};

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
    "tăng cường", "xây dựng", "thường xuyên", "vận động", "tuyên truyền", "theo dõi", "quản lý",
    "thẩm định", "điều tra", "hoàn thiện", "bố trí",   "cắt giảm",   "công bố",  "trình",  "giám sát",
    "chuẩn bị",  "kiện toàn", "nâng cấp",  "đánh giá",   "phân bổ",  "kiểm soát", "cập nhật", "đẩy nhanh",
    "hỗ trợ",    "bình ổn",   "thu gom",   "tiếp nhận",  "giải quyết", "quán triệt", "phổ biến", "gửi",
    "thông báo", "cung cấp",  "huy động",  "bảo vệ",     "chỉ",      "sẵn sàng",  "nghiêm túc", "ra",
    "ký",        "vận hành",  "công khai", "hướng",      "tham gia", "giữ",       "đôn",     "nâng cao",
};

constexpr std::string_view kLeadIns[] = {
    "ubnd tinh giao cho ", "ubnd tinh giao ", "uy ban nhan dan tinh giao cho ", "uy ban nhan dan tinh giao ",
    "ubnd thanh pho giao cho ", "ubnd thanh pho giao ", "uy ban nhan dan thanh pho giao ",
    "chu tich ubnd thanh pho giao ",
    "chu tich ubnd tinh giao ", "chu tich uy ban nhan dan tinh giao ", "ubnd tinh yeu cau ", "ubnd tinh de nghi ",
    "dong y giao ", "giao cho ", "giao ", "de nghi ", "yeu cau "};
constexpr std::string_view kWithPhrases[] = {"phoi hop chat che voi", "phoi hop voi", "phoi hop cung",
                                             "voi su phoi hop cua", "phoi hop chat che cung", "phoi hop"};

bool is_separator_char(char c) { return c == ',' || c == ';' || c == ':' || c == '(' || c == ')'; }

struct Span {
    std::size_t begin, end, agency;
    int former;
};

class Reader {
public:
    Reader(std::string_view text, const AgencyCatalog& catalog)
        : s_(text), folded_(fold_mapped(text)), catalog_(catalog) {
        for (const auto& m : catalog.find_all(folded_.text))
            spans_.push_back({folded_.origin[m.begin], folded_.origin[m.end], m.agency, m.former});
    }

    RoleReading read(bool bullet) {
        RoleReading r;
        end_ = s_.size();
        std::size_t start = skip_lead_ins(0);
        const bool opened_by_lead_in = start > 0;
        if (!element_at(start) && opens_clause(start))
            if (auto after = agency_after_clause(start)) start = *after;
        end_ = sentence_end(start);

        if (!bullet || opened_by_lead_in || element_at(start)) {
            bool named = false;
            r.address_end = walk(start, 0, !bullet, r.leads, r.unknown_leads, named, r);
            r.addressed = named;
        }
        // The sentence goes on over ";" for what others do: "…; Sở B phối hợp …".
        end_ = clause_limit(start);
        if (auto with = with_phrase_end(start)) {
            bool named = false;
            with_begin_ = *with;
            with_end_ = walk(*with, 0, false, r.coordinates, r.unknown_coordinates, named, r);
        }
        scan_roles_inside(start, r);
        if (!r.addressed && r.has_leads()) r.addressed = true;
        for (const auto& n : r.unknown_leads) r.unknown.push_back(n);
        for (const auto& n : r.unknown_coordinates) r.unknown.push_back(n);
        return r;
    }

private:
    std::string_view s_;
    Folded folded_;
    const AgencyCatalog& catalog_;
    std::vector<Span> spans_;
    std::size_t end_ = 0;
    std::size_t with_begin_ = 0, with_end_ = 0;  // the coordinators' list after "phối hợp với"

    std::size_t folded_at(std::size_t pos) const {
        return static_cast<std::size_t>(std::lower_bound(folded_.origin.begin(), folded_.origin.end(), pos) -
                                        folded_.origin.begin());
    }
    bool folded_starts(std::size_t pos, std::string_view word) const {
        const auto f = folded_at(pos);
        return f < folded_.text.size() && std::string_view(folded_.text).substr(f).starts_with(word);
    }

    const Span* known_at(std::size_t pos) const {
        auto it = std::lower_bound(spans_.begin(), spans_.end(), pos,
                                   [](const Span& sp, std::size_t p) { return sp.begin < p; });
        return it != spans_.end() && it->begin == pos ? &*it : nullptr;
    }

    void skip_spaces(std::size_t& pos) const {
        while (pos < end_ && s_[pos] == ' ') ++pos;
    }

    bool and_at(std::size_t pos) const { return s_.substr(pos).starts_with("và "); }

    std::size_t skip_lead_ins(std::size_t pos) const {
        for (int round = 0; round < 3; ++round) {
            bool moved = false;
            for (auto lead_in : kLeadIns)
                if (folded_starts(pos, lead_in)) {
                    pos = folded_.origin[std::min(folded_at(pos) + lead_in.size(), folded_.text.size())];
                    moved = true;
                    break;
                }
            if (!moved) break;
        }
        return pos;
    }

    // "Giám đốc Sở …", "Thủ trưởng các sở, …": the head stands for the agency.
    std::size_t skip_head(std::size_t pos) const {
        for (auto head : kHeads) {
            if (!folded_starts(pos, head)) continue;
            const auto after = folded_.origin[std::min(folded_at(pos) + head.size(), folded_.text.size())];
            if (known_at(after) || candidate_at(after) || enumeration_at(after) || folded_starts(after, "cac "))
                return after;
        }
        return pos;
    }

    const Enumeration* enumeration_at(std::size_t pos) const {
        for (const auto& e : kEnumerations) {
            if (!folded_starts(pos, e.folded)) continue;
            auto q = folded_.origin[std::min(folded_at(pos) + e.folded.size(), folded_.text.size())];
            if (q < s_.size() && s_[q] == ':') ++q;
            if (q >= s_.size() || s_[q] != ' ') continue;
            ++q;
            if (q < s_.size() && starts_upper(word_from(q, s_.size())) && !starts_prefix(q)) return &e;
        }
        return nullptr;
    }

    bool element_at(std::size_t pos) const {
        const auto p = skip_head(pos);
        return enumeration_at(p) || known_at(p) || (candidate_at(p) && !candidate_at(p)->issuer);
    }

    bool opens_clause(std::size_t pos) const {
        for (auto opener : kClauseOpeners)
            if (folded_starts(pos, opener)) return true;
        return false;
    }

    // The agency named after the opening clause's comma, if one is.
    std::optional<std::size_t> agency_after_clause(std::size_t from) const {
        int words = 0;
        for (std::size_t q = from; q < s_.size() && words < 80; ++q) {
            if (s_[q] == ' ') ++words;
            if (s_[q] == ':' || (s_[q] == '.' && (q + 1 == s_.size() || s_[q + 1] == ' '))) return std::nullopt;
            if (s_[q] != ',') continue;
            auto p = q + 1;
            while (p < s_.size() && s_[p] == ' ') ++p;
            const auto after_lead_in = skip_lead_ins(p);
            if (element_at(after_lead_in)) return after_lead_in;
        }
        return std::nullopt;
    }

    // The role sentence runs to ":", ". " or ";", except that "; " inside a list of agencies
    // ("Sở Xây dựng, …, Sở Dân tộc và Tôn giáo; UBND các huyện, thành phố:") keeps it going.
    std::size_t sentence_end(std::size_t from) const {
        std::size_t pos = from;
        while (pos < s_.size()) {
            if (auto e = enumeration_at(pos)) {  // "Các Sở: Tài chính, …" goes on after its colon
                pos = folded_.origin[std::min(folded_at(pos) + e->folded.size(), folded_.text.size())] + 1;
                continue;
            }
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

    // The whole sentence, ";" included: to ". " or the end.
    std::size_t clause_limit(std::size_t from) const {
        std::size_t pos = from;
        while (pos < s_.size()) {
            if (auto k = known_at(pos)) {
                pos = k->end;
                continue;
            }
            if (s_[pos] == '.' && (pos + 1 == s_.size() || s_[pos + 1] == ' ')) return pos;
            ++pos;
        }
        return s_.size();
    }

    std::optional<std::size_t> with_phrase_end(std::size_t from) const {
        const auto folded_from = folded_at(from);
        for (auto at = find_word(folded_.text, "phoi hop", folded_from); at != std::string::npos;
             at = find_word(folded_.text, "phoi hop", at + 1)) {
            if (folded_.origin[at] >= end_) return std::nullopt;
            const auto phrase_from = at >= 7 && std::string_view(folded_.text).substr(at - 7, 7) == "voi su " ? at - 7 : at;
            for (auto phrase : kWithPhrases) {
                if (!word_at(folded_.text, phrase_from, phrase)) continue;
                auto after = folded_.origin[std::min(phrase_from + phrase.size(), folded_.text.size())];
                // Bare "phối hợp" counts only when an agency follows at once ("chủ trì, phối hợp Sở B").
                if (phrase == "phoi hop") {
                    auto q = after;
                    while (q < end_ && s_[q] == ' ') ++q;
                    if (!element_at(q)) break;
                }
                return after;
            }
        }
        return std::nullopt;
    }

    // Roles named inside the sentence: "UBND tỉnh giao Sở Y tế chủ trì", "…, Sở A chủ trì",
    // "…; Sở B phối hợp …".
    void scan_roles_inside(std::size_t from, RoleReading& r) const {
        for (std::size_t pos = from; pos < end_;) {
            if (pos > from && is_word_char(code_point_before(s_, pos))) {
                ++pos;
                continue;
            }
            if (folded_starts(pos, "giao ") && !r.has_leads()) {
                auto q = skip_lead_ins(pos);
                if (element_at(q)) {
                    bool named = false;
                    pos = walk(q, 0, false, r.leads, r.unknown_leads, named, r);
                    continue;
                }
            }
            if (pos >= with_begin_ && pos < with_end_) {
                pos = with_end_;
                continue;
            }
            const auto p = skip_head(pos);
            if (!(known_at(p) || enumeration_at(p) || (candidate_at(p) && !candidate_at(p)->issuer))) {
                ++pos;
                continue;
            }
            std::vector<std::size_t> names;
            std::vector<std::string> unknown;
            bool named = false;
            RoleReading scratch;
            auto list_end = walk(p, 0, false, names, unknown, named, scratch);
            auto q = list_end;
            while (q < end_ && (s_[q] == ' ' || s_[q] == ',')) ++q;
            bool lead = false, coordinate = false;
            for (auto w : kLeadAfter) lead = lead || folded_starts(q, w);
            coordinate = folded_starts(q, "phoi hop");
            if (lead && !r.has_leads()) {
                append(r.leads, names);
                append(r.unknown_leads, unknown);
                r.former_names.insert(r.former_names.end(), scratch.former_names.begin(), scratch.former_names.end());
            } else if (coordinate && (r.has_leads() || pos > from)) {
                for (auto n : names)
                    if (std::find(r.leads.begin(), r.leads.end(), n) == r.leads.end()) append(r.coordinates, {n});
                append(r.unknown_coordinates, unknown);
                r.former_names.insert(r.former_names.end(), scratch.former_names.begin(), scratch.former_names.end());
            }
            pos = std::max(list_end, pos + 1);
        }
    }

    template <typename T>
    static void append(std::vector<T>& to, const std::vector<T>& from) {
        for (const auto& x : from)
            if (std::find(to.begin(), to.end(), x) == to.end()) to.push_back(x);
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
        // "Thuế tỉnh Nghệ An": a prefix that names the province already closes on its proper name.
        bool after_province = prefix->text.ends_with(" tỉnh") || prefix->text.ends_with(" phố");
        std::string_view previous;
        for (int words = 0; q < limit && words < kMaxNameWords; ++words) {
            const auto w = word_from(q, limit);
            if (w.empty()) break;
            // "Ban Quản lý dự án đầu tư xây dựng tỉnh": building is the board's trade, not its duty.
            const bool trade = previous == "tư" && s_.substr(q).starts_with("xây dựng");
            if (words > 0 && !trade && is_stop_word(q)) break;
            // "… tỉnh" closes a name unless the province's own name follows ("tỉnh Cao Bằng").
            if (after_province && !starts_upper(w)) break;
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
            // "… tỉnh" and a party committee ("Ban Tuyên giáo Tỉnh ủy") close a name unless a
            // proper name follows.
            after_province = after_province || w == "tỉnh" || w == "ủy" || w == "uỷ";
            previous = w;
            if (sentence_stop || q >= limit || s_[q] != ' ') break;
            ++q;
        }
        std::string name = strip_trailing_punct(s_.substr(pos, name_end - pos));
        const auto f = fold_fast(name);
        // A centrally-run city's committee writes "UBND Thành phố" for itself, without a name.
        const bool issuer = f == "ubnd tinh" || f == "uy ban nhan dan tinh" || f.starts_with("ubnd tinh ") ||
                            f.starts_with("uy ban nhan dan tinh ") || f == "ubnd" || f == "uy ban nhan dan" ||
                            f == "ubnd thanh pho" || f == "uy ban nhan dan thanh pho";
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

    void note_former(const Span& k, RoleReading& r) const {
        if (k.former < 0) return;
        const auto& f = former_names()[static_cast<std::size_t>(k.former)];
        r.former_names.emplace_back(std::string(s_.substr(k.begin, k.end - k.begin)), std::string(f.successor));
    }

    // "các Sở: Tài chính, Nội vụ, …": each element is read as "Sở Tài chính", "Sở Nội vụ", …
    std::size_t walk_enumeration(std::size_t pos, const Enumeration& e, std::vector<std::size_t>& names,
                                 std::vector<std::string>& unknown, bool& named) const {
        pos = folded_.origin[std::min(folded_at(pos) + e.folded.size(), folded_.text.size())];
        if (pos < end_ && s_[pos] == ':') ++pos;
        for (;;) {
            skip_spaces(pos);
            if (pos >= end_ || !starts_upper(word_from(pos, end_)) || starts_prefix(pos)) return pos;
            const std::string whole = std::string(e.prefix) + std::string(s_.substr(pos, end_ - pos));
            const auto folded = fold_mapped(whole);
            std::size_t next = pos;
            bool found = false;
            for (const auto& m : catalog_.find_all(folded.text)) {
                if (m.begin != 0) break;
                const auto end_in_whole = folded.origin[m.end];
                if (end_in_whole <= e.prefix.size()) break;
                next = pos + (end_in_whole - e.prefix.size());
                names.push_back(m.agency);
                found = true;
                break;
            }
            if (!found) {
                std::size_t q = pos;
                while (q < end_ && s_[q] != ',' && s_[q] != ';' && !(s_[q] == ' ' && (and_at(q + 1) || is_stop_word(q + 1)))) ++q;
                unknown.push_back(std::string(e.prefix) + strip_trailing_punct(s_.substr(pos, q - pos)));
                next = q;
            }
            named = true;
            pos = next;
            skip_spaces(pos);
            if (pos < end_ && (s_[pos] == ',' || s_[pos] == ';')) ++pos;
            else if (and_at(pos)) pos += std::string_view("và ").size();
            else return pos;
        }
    }

    // Walks a list of agencies: names apart by ",", ";", "và" or brackets, over short fillers.
    std::size_t walk(std::size_t pos, int depth, bool long_first, std::vector<std::size_t>& names,
                     std::vector<std::string>& unknown, bool& named, RoleReading& r) const {
        for (bool first = true;; first = false) {
            skip_spaces(pos);
            if (pos >= end_ || (depth > 0 && s_[pos] == ')')) return pos;
            pos = skip_head(pos);
            if (auto e = enumeration_at(pos)) {
                pos = walk_enumeration(pos, *e, names, unknown, named);
            } else if (auto k = known_at(pos)) {
                if (std::find(names.begin(), names.end(), k->agency) == names.end()) names.push_back(k->agency);
                note_former(*k, r);
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
            if (!separator(pos, depth, long_first, names, unknown, named, r)) return pos;
        }
    }

    // Steps over what follows a list element; false when the list ends there.
    bool separator(std::size_t& pos, int depth, bool long_first, std::vector<std::size_t>& names,
                   std::vector<std::string>& unknown, bool& named, RoleReading& r) const {
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
            pos = walk(pos + 1, depth + 1, long_first, names, unknown, named, r);
            if (pos < end_ && s_[pos] == ')') ++pos;
            return separator(pos, depth, long_first, names, unknown, named, r) || pos >= end_;
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

#include "importer/meta.h"

#include <algorithm>
#include <map>
#include <optional>

#include "core/text.h"
#include "importer/deadlines.h"
#include "importer/text_scan.h"

namespace dt::importer::detail {

namespace {
// The official header (issuer, number, place and date, "CHỈ THỊ", title) fills the first lines.
constexpr std::size_t kHeaderLines = 25;
// A signature block follows the body within the recipients' list.
constexpr std::size_t kSignatureLines = 40;

bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::size_t digits_from(std::string_view s, std::size_t pos) {
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    return pos;
}

// "07/CT-UBND", "12/2025/CT-UBND", "05/CT-TTg" at pos (after spaces); empty when there is none.
std::string code_at(std::string_view s, std::size_t pos) {
    while (pos < s.size() && s[pos] == ' ') ++pos;
    std::size_t p = digits_from(s, pos);
    if (p == pos || p - pos > 4 || p >= s.size() || s[p] != '/') return {};
    ++p;
    if (const auto y = digits_from(s, p); y - p == 4 && y < s.size() && s[y] == '/') p = y + 1;
    const std::size_t kind = p;
    while (p < s.size()) {
        if (ascii_alnum(s[p]) || s[p] == '-') ++p;
        else if (s.substr(p).starts_with("Đ") || s.substr(p).starts_with("đ")) p += 2;
        else break;
    }
    while (p > kind && s[p - 1] == '-') --p;
    const auto kind_text = s.substr(kind, p - kind);
    if (kind_text.size() < 3 || kind_text.find('-') == std::string_view::npos || !is_letter(decode_at(kind_text, 0).cp))
        return {};
    return std::string(s.substr(pos, p - pos));
}

std::string join(const std::vector<std::string_view>& words) {
    std::string out;
    for (auto w : words) {
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

// "CAO BẰNG Độc lập - Tự do …" → "Cao Bằng"; "Cao Bằng năm 2025" → "Cao Bằng".
std::string place_name(std::string_view text) {
    const auto words = words_of(text);
    if (words.empty()) return {};
    const bool shouting = is_all_upper(words[0]);
    std::vector<std::string_view> taken;
    for (auto w : words) {
        std::string_view bare = w;
        while (!bare.empty() && std::string_view(",.;:)").find(bare.back()) != std::string_view::npos)
            bare.remove_suffix(1);
        if (bare.empty() || taken.size() >= 4) break;
        bool letters = true;
        for (std::size_t i = 0; i < bare.size();) {
            const auto c = decode_at(bare, i);
            letters = letters && is_letter(c.cp);
            i += c.len;
        }
        const auto f = fold_fast(bare);
        if (!letters || f == "cong" || f == "doc" || f == "so") break;
        if (shouting ? !is_all_upper(bare) : (!starts_upper(bare) || taken.size() >= 3)) break;
        taken.push_back(bare);
        if (bare.size() != w.size()) break;
    }
    return title_case(join(taken));
}

// "Cao Bằng" in "Cao Bằng, ngày 03 tháng 02 năm 2026", also when a single space joined the
// number's column to it ("Số: 12/CT-UBND Cao Bằng"); empty when the words are a sentence
// ("Thực hiện Kết luận số 12-KL/TU, ngày …") rather than a place.
std::string place_before_date(std::string_view text) {
    auto words = words_of(text);
    if (!words.empty() && (fold_fast(words[0]) == "so:" || fold_fast(words[0]) == "so")) {
        while (!words.empty() && words[0].find('/') == std::string_view::npos) words.erase(words.begin());
        if (!words.empty()) words.erase(words.begin());
    }
    if (words.empty() || words.size() > 5 || !starts_upper(words[0])) return {};
    for (auto w : words)
        for (char c : w)
            if (c >= '0' && c <= '9') return {};
    return join(words);
}

struct IssuerBody {
    std::string kind;  // "tỉnh" or "thành phố"
    std::string place;
};

// "TỈNH CAO BẰNG", "tỉnh Cao Bằng", "THÀNH PHỐ HÀ NỘI".
std::optional<IssuerBody> issuer_body(std::string_view text) {
    const auto f = fold_mapped(text);
    for (auto [key, kind] : {std::pair{"tinh ", "tỉnh"}, std::pair{"thanh pho ", "thành phố"}}) {
        if (!f.text.starts_with(key)) continue;
        auto place = place_name(text.substr(f.origin[std::string_view(key).size()]));
        if (!place.empty()) return IssuerBody{kind, std::move(place)};
    }
    return std::nullopt;
}

bool is_name_word(std::string_view w) {
    if (!starts_upper(w)) return false;
    std::size_t letters = 0;
    for (std::size_t i = 0; i < w.size();) {
        const auto c = decode_at(w, i);
        if (!is_letter(c.cp)) return false;
        ++letters;
        i += c.len;
    }
    return letters == 1 || !is_all_upper(w);  // "CHỦ TỊCH" is a title, "Nguyễn Văn A" a name
}

bool looks_like_name(std::string_view cell) {
    const auto words = words_of(cell);
    if (words.size() < 2 || words.size() > 5) return false;
    for (auto w : words)
        if (!is_name_word(w)) return false;
    const auto f = fold_fast(cell);
    for (std::string_view word : {"chu tich", "uy ban", "ubnd", "noi nhan"})
        if (f.find(word) != std::string::npos) return false;
    return true;
}

struct Reading {
    const Lines& lines;
    const Structure& st;
    DirectiveMeta meta;
    std::optional<IssuerBody> header_issuer;
    std::string place;  // from "Cao Bằng, ngày …"
    std::string page_title, news_title, news_signer;

    std::vector<std::size_t> header_lines() const {
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < st.body_begin && out.size() < kHeaderLines; ++i)
            if (!lines.clean[i].empty()) out.push_back(i);
        return out;
    }

    void read_header() {
        const auto header = header_lines();
        for (std::size_t n = 0; n < header.size(); ++n) {
            const auto cells = split_cells(lines.raw[header[n]]);
            for (const auto& cell : cells) {
                const auto f = fold_mapped(cell);
                if (!header_issuer && (f.text.starts_with("uy ban nhan dan") || f.text.starts_with("ubnd"))) {
                    const auto skip = f.text.starts_with("ubnd") ? 4 : std::string_view("uy ban nhan dan").size();
                    header_issuer = issuer_body(dt::trim(std::string_view(cell).substr(f.origin[skip])));
                    if (!header_issuer && n + 1 < header.size()) {
                        const auto next = split_cells(lines.raw[header[n + 1]]);
                        if (!next.empty()) header_issuer = issuer_body(next[0]);
                    }
                }
                if (meta.code.empty() && f.text.starts_with("so") && f.text.size() > 2 &&
                    (f.text[2] == ':' || f.text[2] == ' ')) {
                    std::size_t p = 2;
                    while (p < f.text.size() && (f.text[p] == ':' || f.text[p] == ' ')) ++p;
                    meta.code = code_at(cell, f.origin[p]);
                }
                if (!meta.issued_on) {
                    if (const auto at = f.text.find(", ngay "); at != std::string::npos) {
                        const auto date = date_at(f.text, at + 7);
                        const auto where = place_before_date(std::string_view(cell).substr(0, f.origin[at]));
                        if (date && date->date && !where.empty()) {
                            meta.issued_on = date->date;
                            place = where;
                        }
                    }
                }
                if (meta.title.empty() && is_all_upper(cell) &&
                    (f.text == "chi thi" || f.text == "ke hoach" || f.text == "thong bao" || f.text == "cong dien"))
                    read_official_title(header[n] + 1, f.text == "chi thi");
                // A letter (công văn) carries its subject under the number: "V/v tăng cường …".
                if (meta.title.empty() && (f.text.starts_with("v/v ") || f.text.starts_with("ve viec ")))
                    meta.title = strip_trailing_punct(cell);
            }
        }
    }

    void read_official_title(std::size_t from, bool about) {
        std::size_t i = from;
        while (i < st.body_begin && lines.clean[i].empty()) ++i;
        if (i >= st.body_begin || (about && !fold_fast(lines.clean[i]).starts_with("ve "))) return;
        std::string title = lines.clean[i];
        // A long title wraps; its next lines go on in lower case.
        for (++i; i < st.body_begin && !lines.clean[i].empty() && is_lower(decode_at(lines.clean[i], 0).cp); ++i)
            title += " " + lines.clean[i];
        meta.title = strip_trailing_punct(title);
    }

    // "Ngày 11/4/2025, Chủ tịch UBND tỉnh Hoàng Xuân Ánh đã ký ban hành Chỉ thị số 07/CT-UBND về việc …"
    void read_news_form() {
        std::size_t seen = 0;
        for (std::size_t i = 0; i < st.body_begin; ++i) {
            const auto& line = lines.clean[i];
            if (line.empty()) continue;
            const auto f = fold_mapped(line);
            if (++seen <= 3 && page_title.empty() && f.text.starts_with("chi thi ve "))
                page_title = capitalize_first(strip_trailing_punct(std::string_view(line).substr(f.origin[8])));
            if (!meta.code.empty() && !news_title.empty()) continue;
            for (auto at = find_word(f.text, "chi thi so"); at != std::string::npos;
                 at = find_word(f.text, "chi thi so", at + 1)) {
                // The directive issued, not one it cites ("Thực hiện Chỉ thị số 05/CT-TTg …").
                const auto before = std::string_view(f.text).substr(at > 40 ? at - 40 : 0, at > 40 ? 40 : at);
                if (before.find("ban hanh") == std::string_view::npos && find_word(before, "ky") == std::string::npos)
                    continue;
                const auto code_pos = f.origin[at + 10];
                const auto code = code_at(line, code_pos);
                if (code.empty()) continue;
                read_news_sentence(line, f, code, code_pos);
                break;
            }
        }
    }

    void read_news_sentence(std::string_view line, const Folded& f, const std::string& code, std::size_t code_pos) {
        if (meta.code.empty()) meta.code = code;
        for (auto at = find_word(f.text, "ngay"); at != std::string::npos && !meta.issued_on;
             at = find_word(f.text, "ngay", at + 1)) {
            if (auto d = date_at(f.text, at + 5); d && d->date) meta.issued_on = d->date;
        }
        auto signed_at = find_word(f.text, "da ky");
        if (signed_at == std::string::npos) signed_at = find_word(f.text, "ky ban hanh");
        if (signed_at != std::string::npos) {
            // The signer's name runs back from "đã ký" over capitalised words: "… tỉnh Hoàng Xuân Ánh đã ký".
            const auto words = words_of(line.substr(0, f.origin[signed_at]));
            std::size_t first = words.size();
            while (first > 0 && words.size() - first < 5 && is_name_word(words[first - 1])) --first;
            if (words.size() - first >= 2)
                news_signer = join({words.begin() + static_cast<std::ptrdiff_t>(first), words.end()});
        }
        const auto code_end = code_pos + code.size();
        const auto folded_end = static_cast<std::size_t>(
            std::lower_bound(f.origin.begin(), f.origin.end(), code_end) - f.origin.begin());
        if (const auto about = find_word(f.text, "ve", folded_end); about != std::string::npos) {
            auto text = line.substr(f.origin[about]);
            if (const auto stop = text.find(". "); stop != std::string_view::npos) text = text.substr(0, stop);
            news_title = capitalize_first(strip_trailing_punct(text));
        }
    }

    // "Chủ tịch UBND tỉnh Hoàng Xuân Ánh": a person, not a province.
    static bool after_chair_title(std::string_view line, std::size_t at) {
        const auto from = at > 48 ? at - 48 : 0;
        const auto before = fold_fast(line.substr(from, at - from));
        return before.ends_with("chu tich ubnd ") || before.ends_with("chu tich uy ban nhan dan ");
    }

    // The province most often named "tỉnh X" (a news page does not carry the header block).
    std::string most_named_province() const {
        std::map<std::string, std::pair<int, std::size_t>> counts;  // name → (count, first seen)
        std::size_t order = 0;
        for (std::size_t i = 0; i < st.body_end && i < lines.clean.size(); ++i) {
            const std::string_view line = lines.clean[i];
            for (std::string_view key : {"tỉnh ", "Tỉnh "}) {
                for (auto at = line.find(key); at != std::string_view::npos; at = line.find(key, at + 1)) {
                    if (is_word_char(code_point_before(line, at))) continue;
                    auto name = place_name(line.substr(at + key.size()));
                    if (name.empty() || is_all_upper(name) || name == news_signer || after_chair_title(line, at))
                        continue;
                    auto& entry = counts.try_emplace(name, 0, order++).first->second;
                    ++entry.first;
                }
            }
        }
        std::string best;
        std::pair<int, std::size_t> best_rank{0, 0};
        for (const auto& [name, rank] : counts)
            if (rank.first > best_rank.first || (rank.first == best_rank.first && rank.second < best_rank.second)) {
                best = name;
                best_rank = rank;
            }
        return best;
    }

    void read_issuer() {
        if (header_issuer) {
            meta.issuer = "UBND " + header_issuer->kind + " " + header_issuer->place;
            return;
        }
        if (meta.code.ends_with("-TTg")) {
            meta.issuer = "Thủ tướng Chính phủ";
            return;
        }
        const std::string province = !place.empty() ? place_name(place) : most_named_province();
        if (province.empty()) return;
        bool committee = meta.code.ends_with("-UBND");
        for (std::size_t i = 0; i < st.body_begin && !committee; ++i) {
            const auto f = fold_fast(lines.clean[i]);
            committee = f.find("ubnd tinh") != std::string::npos || f.find("uy ban nhan dan tinh") != std::string::npos;
        }
        if (committee) meta.issuer = "UBND tỉnh " + province;
    }

    void read_signature() {
        const auto& clean = lines.clean;
        bool in_block = false;
        for (std::size_t i = st.body_end; i < clean.size() && i < st.body_end + kSignatureLines; ++i) {
            if (clean[i].empty()) continue;
            if (is_page_chrome(clean[i])) break;
            for (const auto& cell : split_cells(lines.raw[i])) {
                if (is_signature_start(cell)) in_block = true;
                else if (in_block && looks_like_name(cell)) meta.signer = cell;
            }
        }
    }
};
}  // namespace

DirectiveMeta extract_meta(const Lines& lines, const Structure& structure, Warnings& warnings) {
    Reading r{lines, structure, {}, std::nullopt, {}, {}, {}, {}};
    r.read_header();
    r.read_news_form();
    r.read_issuer();
    r.read_signature();
    if (r.meta.title.empty()) r.meta.title = !r.page_title.empty() ? r.page_title : r.news_title;
    if (r.meta.signer.empty()) r.meta.signer = r.news_signer;
    if (r.meta.code.empty()) warnings.add(Msg::ImportNoNumber, {});
    if (!r.meta.issued_on) warnings.add(Msg::ImportNoIssueDate, {});
    return r.meta;
}

}  // namespace dt::importer::detail

#include "importer/structure.h"

#include <unordered_map>
#include <unordered_set>

#include "core/error.h"
#include "core/text.h"
#include "importer/text_scan.h"

namespace dt::importer::detail {

namespace {
// The Vietnamese alphabet has no f, j, w, z, and đ follows d: clauses run a) … d) đ) e) g) …
constexpr std::string_view kClauseLetters[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                               "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};

std::string roman_of(int value) {
    static constexpr std::pair<int, std::string_view> kParts[] = {
        {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}};
    std::string out;
    for (const auto& [v, glyphs] : kParts)
        for (; value >= v; value -= v) out += glyphs;
    return out;
}

int roman_value(std::string_view s) {
    if (s.empty() || s.size() > 9) return 0;
    auto digit = [](char c) { return c == 'I' ? 1 : c == 'V' ? 5 : c == 'X' ? 10 : c == 'L' ? 50 : 100; };
    int total = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const int v = digit(s[i]);
        total += i + 1 < s.size() && digit(s[i + 1]) > v ? -v : v;
    }
    // Only the canonical spelling counts: "IIII" or "VX" are not part numbers.
    return total > 0 && total < 400 && roman_of(total) == s ? total : 0;
}

std::optional<Level> bullet_level(char32_t cp) {
    switch (cp) {
        case '-': case '*': case 0x2013: case 0x2014: case 0x2022: case 0x25AA: case 0x25CF:
            return Level::Dash;
        case '+': case 0x25E6: case 0x25CB:
            return Level::Plus;
        default:
            return std::nullopt;
    }
}

// "1.1." / "1.1" / "2.3.1." before a capital: the last number is the label.
std::optional<Marker> dotted_marker(std::string_view line) {
    std::vector<int> parts;
    std::size_t p = 0;
    for (;;) {
        std::size_t n = 0;
        while (p + n < line.size() && line[p + n] >= '0' && line[p + n] <= '9') ++n;
        if (n == 0 || n > 2) return std::nullopt;
        parts.push_back(std::stoi(std::string(line.substr(p, n))));
        p += n;
        if (p < line.size() && line[p] == '.' && p + 1 < line.size() && line[p + 1] >= '0' && line[p + 1] <= '9') {
            ++p;
            continue;
        }
        break;
    }
    if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
    if (p < line.size() && (line[p] == '.' || line[p] == ')')) ++p;
    const auto rest = line.substr(p);
    if (!rest.starts_with(' ')) return std::nullopt;
    const auto text = dt::trim(rest);
    if (!starts_upper(text)) return std::nullopt;
    for (int v : parts)
        if (v < 1) return std::nullopt;
    return Marker{parts.size() == 2 ? Level::Sub : Level::SubSub, std::to_string(parts.back()), parts.back(), text};
}

bool has_word_char(std::string_view line) {
    for (std::size_t i = 0; i < line.size();) {
        const auto c = decode_at(line, i);
        if (is_word_char(c.cp)) return true;
        i += c.len;
    }
    return false;
}

// Folding only the start keeps the per-line checks cheap on huge lines.
std::string folded_start(std::string_view line, std::size_t bytes) {
    std::size_t end = std::min(line.size(), bytes);
    while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
    return fold_fast(line.substr(0, end));
}

bool starts_with_phrase(std::string_view folded, std::string_view phrase) {
    return folded.starts_with(phrase) &&
           (folded.size() == phrase.size() || !is_word_char(decode_at(folded, phrase.size()).cp));
}

bool is_closing_paragraph(std::string_view line) {
    const auto f = folded_start(line, 64);
    return starts_with_phrase(f, "can cu chi thi nay") || starts_with_phrase(f, "chi thi nay co hieu luc");
}

bool is_closing_formula(std::string_view line) {
    const auto f = fold_fast(line);
    return f.find("nghiem tuc") != std::string::npos || f.find("co hieu luc") != std::string::npos ||
           f.find("biet, thuc hien") != std::string::npos || f.find("biet va thuc hien") != std::string::npos ||
           f.starts_with("yeu cau") || f.starts_with("trong qua trinh");
}

struct Builder {
    const std::vector<std::string>& lines;
    Structure s;
    Level top_level = Level::Arabic;
    std::vector<int> stack;
    std::unordered_set<std::string> refs;
    std::unordered_map<std::string, int> repeats;             // ref → how many times it was taken
    std::unordered_map<std::string, std::string> top_titles;  // label → folded title
    std::unordered_set<std::string> preamble;                 // folded preamble paragraphs
    std::vector<std::pair<int, std::size_t>> continuations;   // (item, line) since the last marker

    explicit Builder(const std::vector<std::string>& l) : lines(l) {}

    void add_item(const Marker& m) {
        if (s.items.size() >= kMaxItems)
            fail(ErrorKind::Invalid, Msg::ImportTooManyItems, {MsgArg::grouped(static_cast<long long>(kMaxItems))});
        while (!stack.empty() && s.items[stack.back()].level >= m.level) stack.pop_back();
        Item item;
        item.level = m.level;
        item.parent = stack.empty() ? -1 : stack.back();
        std::string label = m.label;
        if (label.empty()) {
            int bullets = 1;
            if (item.parent >= 0)
                for (int c : s.items[item.parent].children) bullets += s.items[c].is_bullet() ? 1 : 0;
            label = std::to_string(bullets);
        }
        item.ref = item.parent < 0 ? label : s.items[item.parent].ref + "." + label;
        if (!refs.insert(item.ref).second) {
            // Counting per ref keeps a text with thousands of repeats linear.
            int& n = repeats[item.ref];
            std::string unique;
            do unique = item.ref + "-" + std::to_string(++n + 1);
            while (!refs.insert(unique).second);
            s.warnings.add(Msg::ImportRepeatedItem, {item.ref, unique});
            item.ref = unique;
        }
        item.paragraphs.push_back(m.text);
        const int index = static_cast<int>(s.items.size());
        item.top = item.parent < 0 ? index : s.items[item.parent].top;
        if (item.parent >= 0) s.items[item.parent].children.push_back(index);
        s.items.push_back(std::move(item));
        stack.push_back(index);
        continuations.clear();
    }

    void add_paragraph(std::string_view text, std::size_t line) {
        if (stack.empty()) return;
        auto& paragraphs = s.items[stack.back()].paragraphs;
        // A marker alone on its line takes the next line as its own first paragraph.
        if (paragraphs.size() == 1 && paragraphs[0].empty()) paragraphs[0] = std::string(text);
        else paragraphs.emplace_back(text);
        continuations.emplace_back(stack.back(), line);
    }

    // Without a closing line, a repeated copy's title and preamble were read as continuation
    // paragraphs of the last item; give them back before stopping.
    std::size_t drop_repeated_preamble(std::size_t stop_line) {
        while (!continuations.empty()) {
            auto [index, line] = continuations.back();
            auto& paragraphs = s.items[index].paragraphs;
            if (paragraphs.size() < 2 || !preamble.count(fold_fast(paragraphs.back()))) break;
            paragraphs.pop_back();
            continuations.pop_back();
            stop_line = line;
        }
        return stop_line;
    }

    void run() {
        bool roman = false;
        for (const auto& line : lines)
            if (auto m = detect_marker(line); m && m->level == Level::Roman && m->value == 1) roman = true;
        top_level = roman ? Level::Roman : Level::Arabic;

        std::optional<std::size_t> first_any, first_one;
        for (std::size_t i = 0; i < lines.size() && !first_one; ++i) {
            auto m = detect_marker(lines[i]);
            if (!m || m->level != top_level) continue;
            if (!first_any) first_any = i;
            if (m->value == 1) first_one = i;
        }
        if (!first_any) fail(ErrorKind::Invalid, Msg::ImportNoSections);
        s.body_begin = first_one ? *first_one : *first_any;
        for (std::size_t i = 0; i < s.body_begin; ++i)
            if (!lines[i].empty()) preamble.insert(fold_fast(lines[i]));

        s.body_end = lines.size();
        bool skipping = false;
        for (std::size_t i = s.body_begin; i < lines.size(); ++i) {
            const auto& line = lines[i];
            if (line.empty() || !has_word_char(line)) continue;
            if (is_page_chrome(line) || is_signature_start(line)) {
                s.body_end = i;
                break;
            }
            // "II." in a directive without parts is just text.
            std::optional<Marker> m;
            if (auto found = detect_marker(line); found && found->level >= top_level) m = std::move(found);
            if (m && m->level == top_level) {
                const auto title = fold_fast(strip_trailing_punct(m->text));
                if (auto seen = top_titles.find(m->label); seen != top_titles.end()) {
                    if (seen->second == title) {
                        s.body_end = drop_repeated_preamble(i);
                        break;
                    }
                    s.warnings.add(Msg::ImportRepeatedSection, {m->label});
                    skipping = true;
                    continue;
                }
                top_titles.emplace(m->label, title);
                skipping = false;
            }
            if (m) {
                if (skipping) continue;
                const auto end_mark = m->text.find("./.");
                const bool last = end_mark != std::string::npos;
                if (last) m->text = strip_trailing_punct(m->text.substr(0, end_mark));
                add_item(*m);
                if (last) {
                    s.body_end = i + 1;
                    break;
                }
                continue;
            }
            if (line.find("./.") != std::string::npos || is_closing_paragraph(line)) {
                // The last duty may carry the end mark ("Giao Văn phòng … báo cáo …./."); a
                // closing formula ("Yêu cầu … nghiêm túc thực hiện …") is no duty.
                if (!skipping && !is_closing_paragraph(line) && !is_closing_formula(line))
                    add_paragraph(strip_trailing_punct(line.substr(0, line.find("./."))), i);
                s.body_end = i + 1;
                break;
            }
            if (!skipping) add_paragraph(line, i);
        }

        for (std::size_t i = 0; i < s.body_end; ++i) {
            const auto& line = lines[i];
            if (line.empty() || !has_word_char(line) || (i < s.body_begin && is_page_chrome(line))) continue;
            if (!s.body.empty()) s.body += '\n';
            s.body += line;
        }
    }
};
}  // namespace

std::optional<Marker> detect_marker(std::string_view line) {
    if (line.empty()) return std::nullopt;
    const auto first = decode_at(line, 0);
    if (auto level = bullet_level(first.cp)) {
        const auto rest = line.substr(first.len);
        if (rest.starts_with(' ')) return Marker{*level, "", 0, dt::trim(rest)};
        // "-Tổ chức …" from careless typing is still a bullet; "-5%" and "--" are not.
        if (!rest.empty() && is_letter(decode_at(rest, 0).cp)) return Marker{*level, "", 0, std::string(rest)};
        return std::nullopt;
    }

    // The appendix of tasks, placed as a part of its own by rewrite_tables (tables.h).
    if (line.starts_with("PL. ")) return Marker{Level::Roman, "PL", 0, dt::trim(line.substr(4))};

    std::size_t n = 0;
    while (n < line.size() && std::string_view("IVXLC").find(line[n]) != std::string_view::npos) ++n;
    if (n > 0 && n < line.size() && line[n] == '.' && (n + 1 == line.size() || line[n + 1] == ' ')) {
        if (const int v = roman_value(line.substr(0, n)); v > 0)
            return Marker{Level::Roman, std::string(line.substr(0, n)), v, dt::trim(line.substr(n + 1))};
    }

    if (auto dotted = dotted_marker(line)) return dotted;

    n = 0;
    while (n < line.size() && line[n] >= '0' && line[n] <= '9') ++n;
    if (n >= 1 && n <= 2 && n < line.size() && (line[n] == '.' || line[n] == ')' || line[n] == '/')) {
        const auto rest = line.substr(n + 1);
        const int v = std::stoi(std::string(line.substr(0, n)));
        if (v >= 1 && (rest.empty() || rest.starts_with(' ') || starts_upper(rest)))
            return Marker{Level::Arabic, std::to_string(v), v, dt::trim(rest)};
    }

    for (auto letter : kClauseLetters) {
        if (!line.starts_with(letter) || line.size() <= letter.size()) continue;
        const char close = line[letter.size()];
        const auto rest = line.substr(letter.size() + 1);
        // "a)" as the decree writes it; "a." and "a/" as many offices type it, then a capital.
        if (close == ')' && (rest.empty() || rest.starts_with(' ')))
            return Marker{Level::Letter, std::string(letter), 0, dt::trim(rest)};
        if ((close == '.' || close == '/') && rest.starts_with(' ') && starts_upper(dt::trim(rest)))
            return Marker{Level::Letter, std::string(letter), 0, dt::trim(rest)};
    }
    return std::nullopt;
}

bool is_page_chrome(std::string_view line) {
    if (line.starts_with("P.V") && line.size() <= 40 && (line.size() == 3 || !is_letter(decode_at(line, 3).cp)))
        return true;
    if (line.size() > 80) return false;
    const auto f = folded_start(line, 64);
    for (std::string_view key : {"luot xem", "tin khac", "thong ke truy cap", "bai viet lien quan", "tin lien quan"})
        if (starts_with_phrase(f, key)) return true;
    return false;
}

bool is_signature_start(std::string_view line) {
    for (std::string_view key : {"TM. ", "KT. ", "Q. CHỦ TỊCH", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"})
        if (line.starts_with(key) || line == dt::trim(key)) return true;
    const auto f = folded_start(line, 32);
    for (std::string_view key : {"noi nhan", "luu: vt", "luu vt", "(da ky)"})
        if (starts_with_phrase(f, key)) return true;
    return false;
}

namespace {
bool digits_only(std::string_view line) {
    if (line.empty() || line.size() > 3) return false;
    for (char c : line)
        if (c < '0' || c > '9') return false;
    return true;
}

bool ends_sentence(std::string_view line) {
    if (line.empty()) return true;
    const char c = line.back();
    return c == '.' || c == ':' || c == ';' || c == '!' || c == '?';
}

// A line that ends with the first word of an agency's name: "2. Sở" / "Tài chính …".
bool ends_with_name_start(std::string_view line) {
    for (std::string_view w : {" Sở", " Ban", " UBND", " Ủy ban nhân dân", " Công an", " Văn phòng", " Chủ tịch",
                               " Giám đốc", " Bộ Chỉ huy", " Kho bạc", " Ngân hàng"})
        if (line.ends_with(w) || line == w.substr(1)) return true;
    return false;
}

bool joins_previous(std::string_view prev, std::string_view raw_prev, std::string_view line) {
    if (prev.empty() || line.empty()) return false;
    const auto fprev = fold_fast(prev);
    if (fprev == "so:" || fprev == "so") return true;  // "Số:" / "06/CT-UBND"
    if (ends_sentence(prev) || detect_marker(line) || is_signature_start(line) || is_page_chrome(line)) return false;
    // Header columns (tabs, wide gaps) are read cell by cell, not as prose.
    if (raw_prev.find('\t') != std::string_view::npos || raw_prev.find("   ") != std::string_view::npos) return false;
    const auto first = decode_at(line, 0).cp;
    if (is_lower(first) || is_digit(first)) return true;
    if (ends_with_name_start(prev)) return true;
    // A long line cut by the page's width goes on even before a capital ("… trước Chủ tịch" / "UBND tỉnh").
    std::size_t chars = 0;
    for (std::size_t i = 0; i < prev.size(); i += decode_at(prev, i).len) ++chars;
    return chars >= 75 && !is_all_upper(prev) && is_lower(code_point_before(prev, prev.size()));
}
}  // namespace

void join_broken_lines(std::vector<std::string>& raw, std::vector<std::string>& clean) {
    std::vector<std::string> out_raw, out_clean;
    out_raw.reserve(raw.size());
    out_clean.reserve(clean.size());
    for (std::size_t i = 0; i < clean.size(); ++i) {
        if (digits_only(clean[i])) continue;  // a page number
        if (!out_clean.empty() && joins_previous(out_clean.back(), out_raw.back(), clean[i])) {
            out_clean.back() += ' ';
            out_clean.back() += clean[i];
            out_raw.back() += ' ';
            out_raw.back() += raw[i];
            continue;
        }
        out_raw.push_back(std::move(raw[i]));
        out_clean.push_back(std::move(clean[i]));
    }
    raw = std::move(out_raw);
    clean = std::move(out_clean);
}

std::string Item::text() const {
    std::string out;
    for (const auto& p : paragraphs) {
        if (!out.empty()) out += '\n';
        out += p;
    }
    return out;
}

Structure build_structure(const std::vector<std::string>& lines) {
    Builder b(lines);
    b.run();
    return std::move(b.s);
}

}  // namespace dt::importer::detail

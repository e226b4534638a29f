#include "importer/deadlines.h"

#include <functional>

#include "importer/text_scan.h"

namespace dt::importer::detail {

namespace {
// Everything below reads folded text: lower case, no diacritics ("trong quý II" → "trong quy ii").

bool digit_at(std::string_view f, std::size_t pos) { return pos < f.size() && f[pos] >= '0' && f[pos] <= '9'; }

// Reads 1..max_digits digits at pos; the number must not continue past them.
std::optional<int> number_at(std::string_view f, std::size_t& pos, std::size_t min_digits, std::size_t max_digits) {
    std::size_t end = pos;
    int value = 0;
    while (digit_at(f, end) && end - pos < max_digits) value = value * 10 + (f[end++] - '0');
    if (end - pos < min_digits || digit_at(f, end)) return std::nullopt;
    pos = end;
    return value;
}

bool literal_at(std::string_view f, std::size_t& pos, std::string_view lit) {
    if (f.substr(pos).starts_with(lit)) {
        pos += lit.size();
        return true;
    }
    return false;
}

void skip_spaces(std::string_view f, std::size_t& pos) {
    while (pos < f.size() && f[pos] == ' ') ++pos;
}

DeadlineFinding finding(int year, int month, int day, std::string written = {}) {
    if (written.empty()) written = std::to_string(day) + "/" + std::to_string(month) + "/" + std::to_string(year);
    return {Date::make(year, month, day), std::move(written)};
}

DeadlineFinding month_end(int year, int month) {
    if (!Date::valid(year, month, 1)) return {std::nullopt, std::to_string(month) + "/" + std::to_string(year)};
    return {Date::last_of_month(year, month), ""};
}

// "18/4/2025", "18-04-2025", "18.4.2025", "31 tháng 3 năm 2026".
std::optional<DeadlineFinding> day_date_at(std::string_view f, std::size_t pos) {
    const auto start = pos;
    auto d = number_at(f, pos, 1, 2);
    if (!d || pos >= f.size()) return std::nullopt;
    if (const char sep = f[pos]; sep == '/' || sep == '-' || sep == '.') {
        ++pos;
        auto m = number_at(f, pos, 1, 2);
        if (!m || pos >= f.size() || f[pos] != sep) return std::nullopt;
        ++pos;
        auto y = number_at(f, pos, 4, 4);
        if (!y) return std::nullopt;
        return finding(*y, *m, *d, std::string(f.substr(start, pos - start)));  // digits read the same folded
    }
    if (!literal_at(f, pos, " thang ")) return std::nullopt;
    auto m = number_at(f, pos, 1, 2);
    if (!m || !literal_at(f, pos, " nam ")) return std::nullopt;
    auto y = number_at(f, pos, 4, 4);
    if (!y) return std::nullopt;
    return finding(*y, *m, *d);
}

// " năm 2026" or "/2026" after a quarter or a month.
std::optional<int> year_after(std::string_view f, std::size_t& pos) {
    if (!literal_at(f, pos, " nam ") && !literal_at(f, pos, "/")) return std::nullopt;
    return number_at(f, pos, 4, 4);
}

using Reader = std::function<std::optional<DeadlineFinding>(std::string_view, std::size_t)>;

std::optional<DeadlineFinding> after_date_trigger(std::string_view f, std::size_t pos,
                                                  std::initializer_list<std::string_view> fillers) {
    skip_spaces(f, pos);
    for (auto filler : fillers)
        if (literal_at(f, pos, filler)) skip_spaces(f, pos);
    return day_date_at(f, pos);
}

std::optional<DeadlineFinding> quarter(std::string_view f, std::size_t pos) {
    static constexpr std::pair<std::string_view, int> kQuarters[] = {
        {"iv", 4}, {"iii", 3}, {"ii", 2}, {"i", 1}, {"4", 4}, {"3", 3}, {"2", 2}, {"1", 1}};
    for (const auto& [name, q] : kQuarters) {
        auto p = pos;
        if (!literal_at(f, p, name) || (p < f.size() && is_word_char(decode_at(f, p).cp))) continue;
        auto y = year_after(f, p);
        if (!y) return std::nullopt;
        return month_end(*y, q * 3);
    }
    return std::nullopt;
}

std::optional<DeadlineFinding> month(std::string_view f, std::size_t pos) {
    auto m = number_at(f, pos, 1, 2);
    if (!m) return std::nullopt;
    auto y = year_after(f, pos);
    if (!y) return std::nullopt;
    return month_end(*y, *m);
}

// "trong năm 2025" is a deadline when it closes the clause ("… thông tuyến trong năm 2025.");
// followed by more words it usually qualifies something else ("nhiệm vụ trong năm 2025 đối với …").
std::optional<DeadlineFinding> whole_year(std::string_view f, std::size_t pos) {
    auto y = number_at(f, pos, 4, 4);
    if (!y) return std::nullopt;
    if (pos < f.size() && std::string_view(".,;:)\n").find(f[pos]) == std::string_view::npos) return std::nullopt;
    return month_end(*y, 12);
}

std::optional<DeadlineFinding> half_year(std::string_view f, std::size_t pos, int last_month) {
    auto y = number_at(f, pos, 4, 4);
    if (!y) return std::nullopt;
    return month_end(*y, last_month);
}

struct Trigger {
    std::string_view words;
    Reader read;  // reads what follows the trigger
};

const std::vector<Trigger>& triggers() {
    static const std::vector<Trigger> list = {
        {"truoc", [](auto f, auto p) { return after_date_trigger(f, p, {"ngay"}); }},
        {"den het", [](auto f, auto p) { return after_date_trigger(f, p, {"ngay"}); }},
        {"den ngay", [](auto f, auto p) { return after_date_trigger(f, p, {}); }},
        {"cham nhat", [](auto f, auto p) { return after_date_trigger(f, p, {"la", "vao", "ngay"}); }},
        {"trong ngay", [](auto f, auto p) { return after_date_trigger(f, p, {}); }},
        {"trong quy ", quarter},
        {"trong thang ", month},
        {"trong nam ", whole_year},
        {"trong 6 thang dau nam ", [](auto f, auto p) { return half_year(f, p, 6); }},
        {"trong 6 thang cuoi nam ", [](auto f, auto p) { return half_year(f, p, 12); }},
    };
    return list;
}

bool word_start(std::string_view f, std::size_t pos) { return !is_word_char(code_point_before(f, pos)); }
}  // namespace

std::optional<DeadlineFinding> date_at(std::string_view folded, std::size_t pos) { return day_date_at(folded, pos); }

std::optional<DeadlineFinding> find_deadline(std::string_view f) {
    std::optional<DeadlineFinding> best;
    std::size_t best_pos = std::string_view::npos;
    for (const auto& t : triggers()) {
        for (auto pos = f.find(t.words); pos < best_pos; pos = f.find(t.words, pos + 1)) {
            const auto after = pos + t.words.size();
            const bool glued = t.words.back() != ' ' && after < f.size() && is_word_char(decode_at(f, after).cp);
            if (!word_start(f, pos) || glued) continue;
            if (auto found = t.read(f, after)) {
                best = std::move(found);
                best_pos = pos;
                break;
            }
        }
    }
    return best;
}

Recurrence find_recurrence(std::string_view f) {
    static constexpr std::pair<std::string_view, Recurrence> kPeriods[] = {
        {"hang thang", Recurrence::Monthly}, {"hang quy", Recurrence::Quarterly}, {"hang nam", Recurrence::Yearly}};
    Recurrence best = Recurrence::None;
    std::size_t best_pos = std::string_view::npos;
    for (const auto& [words, recurrence] : kPeriods) {
        for (auto pos = find_word(f, words); pos != std::string::npos && pos < best_pos;
             pos = find_word(f, words, pos + 1)) {
            // The six words before: "báo cáo định kỳ hằng tháng", "báo cáo kết quả thực hiện hằng quý".
            std::size_t from = pos;
            for (int spaces = 0; from > 0 && spaces < 7; --from)
                if (f[from - 1] == ' ') ++spaces;
            const auto before = std::string_view(f).substr(from, pos - from);
            bool periodic = before.find("dinh ky") != std::string_view::npos ||
                            before.find("bao cao") != std::string_view::npos;
            if (!periodic && recurrence != Recurrence::Yearly) {
                auto after = pos + words.size();
                if (after < f.size() && f[after] == ',') ++after;
                skip_spaces(f, after);
                periodic = word_at(f, after, "bao cao") || word_at(f, after, "gui");
            }
            if (periodic) {
                best = recurrence;
                best_pos = pos;
                break;
            }
        }
    }
    return best;
}

std::optional<int> disbursement_percent(std::string_view f) {
    if (find_word(f, "giai ngan") == std::string::npos) return std::nullopt;
    auto percent_at = [&](std::size_t pos) -> std::optional<int> {
        auto value = number_at(f, pos, 1, 3);
        if (!value) return std::nullopt;
        skip_spaces(f, pos);
        // Above 100 % it is a growth rate ("tăng 108%"), never a share of the plan to disburse.
        return pos < f.size() && f[pos] == '%' && *value <= 100 ? value : std::nullopt;
    };
    for (auto pos = find_word(f, "toi thieu"); pos != std::string::npos; pos = find_word(f, "toi thieu", pos + 1)) {
        auto p = pos + std::string_view("toi thieu").size();
        skip_spaces(f, p);
        if (auto v = percent_at(p)) return v;
    }
    for (auto pos = f.size(); pos > 0; --pos) {
        if (f[pos - 1] != '%') continue;
        auto start = pos - 1;
        while (start > 0 && f[start - 1] == ' ') --start;
        const auto digits_end = start;
        while (start > 0 && digit_at(f, start - 1)) --start;
        const bool fraction = start > 1 && (f[start - 1] == ',' || f[start - 1] == '.') && digit_at(f, start - 2);
        if (start == digits_end || fraction) continue;  // no number, or the tail of "8,5%"
        if (auto v = percent_at(start)) return v;
    }
    return std::nullopt;
}

}  // namespace dt::importer::detail

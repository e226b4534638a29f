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

// A date followed by "hằng năm" / "hằng tháng" names a recurring day, not a deadline.
bool recurring_after(std::string_view f, std::size_t pos) {
    skip_spaces(f, pos);
    // "15/6 và 15/12 hằng năm": step over the other dates of the same rule.
    while (f.substr(pos).starts_with("va ") || f.substr(pos).starts_with(", ")) {
        auto p = pos + (f[pos] == 'v' ? 3 : 2);
        skip_spaces(f, p);
        const auto start = p;
        while (p < f.size() && (digit_at(f, p) || f[p] == '/')) ++p;
        if (p == start) break;
        pos = p;
        skip_spaces(f, pos);
    }
    const auto tail = f.substr(pos);
    return tail.starts_with("hang nam") || tail.starts_with("hang thang") || tail.starts_with("hang quy") ||
           tail.starts_with("moi nam") || tail.starts_with("cua thang") || tail.starts_with("hang tuan");
}

// A day and month without a year falls in the directive's year, or the next one when that day
// is already past on the day of issue ("trước ngày 15/01" in a directive of December).
std::optional<DeadlineFinding> yearless(int month, int day, std::optional<Date> issued, std::string written) {
    if (!issued) return std::nullopt;
    auto date = Date::make(issued->year, month, day);
    if (!date) return DeadlineFinding{std::nullopt, std::move(written)};
    if (*date < *issued && issued->month - month >= 3) date = Date::make(issued->year + 1, month, day);
    return DeadlineFinding{date, std::move(written)};
}

// "18/4/2025", "18-04-2025", "18.4.2025", "31 tháng 3 năm 2026"; with the directive's date also
// "31/3" and "31 tháng 3".
std::optional<DeadlineFinding> day_date_at(std::string_view f, std::size_t pos, std::optional<Date> issued = std::nullopt) {
    const auto start = pos;
    auto d = number_at(f, pos, 1, 2);
    if (!d || pos >= f.size()) return std::nullopt;
    if (const char sep = f[pos]; sep == '/' || sep == '-' || sep == '.') {
        ++pos;
        auto m = number_at(f, pos, 1, 2);
        if (!m) return std::nullopt;
        if (pos >= f.size() || f[pos] != sep || !digit_at(f, pos + 1)) {
            if (sep == '.' || recurring_after(f, pos)) return std::nullopt;
            return yearless(*m, *d, issued, std::string(f.substr(start, pos - start)));
        }
        ++pos;
        auto y = number_at(f, pos, 4, 4);
        if (!y) return std::nullopt;
        if (recurring_after(f, pos)) return std::nullopt;
        return finding(*y, *m, *d, std::string(f.substr(start, pos - start)));  // digits read the same folded
    }
    if (!literal_at(f, pos, " thang ")) return std::nullopt;
    auto m = number_at(f, pos, 1, 2);
    if (!m) return std::nullopt;
    if (!literal_at(f, pos, " nam ")) {
        if (recurring_after(f, pos)) return std::nullopt;
        return yearless(*m, *d, issued, std::to_string(*d) + "/" + std::to_string(*m));
    }
    auto y = number_at(f, pos, 4, 4);
    if (!y) return std::nullopt;
    return finding(*y, *m, *d);
}

// " năm 2026" or "/2026" after a quarter or a month.
std::optional<int> year_after(std::string_view f, std::size_t& pos) {
    if (!literal_at(f, pos, " nam ") && !literal_at(f, pos, "/")) return std::nullopt;
    return number_at(f, pos, 4, 4);
}

using Reader = std::function<std::optional<DeadlineFinding>(std::string_view, std::size_t, std::optional<Date>)>;

std::optional<DeadlineFinding> after_date_trigger(std::string_view f, std::size_t pos,
                                                  std::initializer_list<std::string_view> fillers,
                                                  std::optional<Date> issued) {
    skip_spaces(f, pos);
    // "trước 15 giờ ngày 23/02/2026", "chậm nhất 17 giờ 00 ngày …": the hour goes before the day.
    if (auto q = pos; number_at(f, q, 1, 2) && literal_at(f, q, " gio")) {
        skip_spaces(f, q);
        if (number_at(f, q, 1, 2)) skip_spaces(f, q);
        if (literal_at(f, q, "phut")) skip_spaces(f, q);
        if (f.substr(q).starts_with("ngay ")) pos = q;
    }
    for (auto filler : fillers)
        if (literal_at(f, pos, filler)) skip_spaces(f, pos);
    return day_date_at(f, pos, issued);
}

// "trong thời hạn 30 ngày kể từ ngày ký", "trong vòng 15 ngày làm việc kể từ ngày ban hành":
// counted from the directive's date; from any other day ("kể từ ngày nhận đủ hồ sơ") it is a
// rule, not a deadline.
std::optional<DeadlineFinding> days_from_signing(std::string_view f, std::size_t pos, std::optional<Date> issued) {
    skip_spaces(f, pos);
    auto n = number_at(f, pos, 1, 3);
    if (!n || !literal_at(f, pos, " ngay")) return std::nullopt;
    const bool working = literal_at(f, pos, " lam viec");
    skip_spaces(f, pos);
    if (!literal_at(f, pos, "ke tu ngay ")) return std::nullopt;
    const auto what = f.substr(pos, 48);
    const bool from_issue = what.starts_with("ky") || what.starts_with("ban hanh") ||
                            (what.find("ban hanh") != std::string_view::npos && what.find("nhan") == std::string_view::npos);
    if (!from_issue || !issued) return std::nullopt;
    Date d = *issued;
    for (int left = *n; left > 0;) {
        d = d.plus_days(1);
        if (!working || ((d.serial() % 7 + 7 + 3) % 7) < 5) --left;  // 1/1/1970 was a Thursday
    }
    return DeadlineFinding{d, d.vn()};
}

std::optional<DeadlineFinding> quarter(std::string_view f, std::size_t pos, std::optional<Date> issued) {
    static constexpr std::pair<std::string_view, int> kQuarters[] = {
        {"iv", 4}, {"iii", 3}, {"ii", 2}, {"i", 1}, {"4", 4}, {"3", 3}, {"2", 2}, {"1", 1}};
    for (const auto& [name, q] : kQuarters) {
        auto p = pos;
        if (!literal_at(f, p, name) || (p < f.size() && is_word_char(decode_at(f, p).cp))) continue;
        auto y = year_after(f, p);
        if (!y) {
            // "trong quý III" alone: the directive's year, unless a period word follows ("quý III hằng năm").
            if (!issued || recurring_after(f, p)) return std::nullopt;
            return month_end(issued->year, q * 3);
        }
        return month_end(*y, q * 3);
    }
    return std::nullopt;
}

std::optional<DeadlineFinding> month(std::string_view f, std::size_t pos, std::optional<Date> issued) {
    auto m = number_at(f, pos, 1, 2);
    if (!m) return std::nullopt;
    auto y = year_after(f, pos);
    if (!y) {
        if (!issued || *m < 1 || *m > 12 || recurring_after(f, pos)) return std::nullopt;
        // "trong tháng 4" names a month, not "tháng 4 năm học …": the next word must close the phrase.
        if (pos < f.size() && std::string_view(".,;:)\n ").find(f[pos]) == std::string_view::npos) return std::nullopt;
        if (pos + 1 < f.size() && f[pos] == ' ' && is_word_char(decode_at(f, pos + 1).cp) &&
            !word_at(f, pos + 1, "va") && !word_at(f, pos + 1, "de"))
            return std::nullopt;
        int year = issued->year + (*m + 3 <= issued->month ? 1 : 0);
        return month_end(year, *m);
    }
    return month_end(*y, *m);
}

// "trong năm 2025" is a deadline when it closes the clause ("… thông tuyến trong năm 2025.");
// followed by more words it usually qualifies something else ("nhiệm vụ trong năm 2025 đối với …").
std::optional<DeadlineFinding> whole_year(std::string_view f, std::size_t pos, std::optional<Date>) {
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
        {"truoc", [](auto f, auto p, auto i) { return after_date_trigger(f, p, {"ngay"}, i); }},
        {"den het", [](auto f, auto p, auto i) { return after_date_trigger(f, p, {"ngay"}, i); }},
        {"den ngay", [](auto f, auto p, auto i) { return after_date_trigger(f, p, {}, i); }},
        {"cham nhat", [](auto f, auto p, auto i) { return after_date_trigger(f, p, {"la", "vao", "truoc", "ngay"}, i); }},
        {"trong ngay", [](auto f, auto p, auto i) { return after_date_trigger(f, p, {}, i); }},
        {"han chot", [](auto f, auto p, auto i) { return after_date_trigger(f, p, {":", "ngay"}, i); }},
        {"thoi han hoan thanh:", [](auto f, auto p, auto i) { return after_date_trigger(f, p, {"truoc", "ngay"}, i); }},
        {"thoi han:", [](auto f, auto p, auto i) { return after_date_trigger(f, p, {"truoc", "ngay"}, i); }},
        {"trong thoi han ", days_from_signing},
        {"trong vong ", days_from_signing},
        {"trong quy ", quarter},
        {"trong thang ", month},
        {"trong nam ", whole_year},
        {"trong 6 thang dau nam ", [](auto f, auto p, auto) { return half_year(f, p, 6); }},
        {"trong 6 thang cuoi nam ", [](auto f, auto p, auto) { return half_year(f, p, 12); }},
    };
    return list;
}

bool word_start(std::string_view f, std::size_t pos) { return !is_word_char(code_point_before(f, pos)); }
}  // namespace

std::optional<DeadlineFinding> date_at(std::string_view folded, std::size_t pos) { return day_date_at(folded, pos); }

std::optional<DeadlineFinding> find_deadline(std::string_view f, std::optional<Date> issued) {
    std::optional<DeadlineFinding> best;
    std::size_t best_pos = std::string_view::npos;
    for (const auto& t : triggers()) {
        for (auto pos = f.find(t.words); pos < best_pos; pos = f.find(t.words, pos + 1)) {
            const auto after = pos + t.words.size();
            const bool glued = t.words.back() != ' ' && after < f.size() && is_word_char(decode_at(f, after).cp);
            if (!word_start(f, pos) || glued) continue;
            if (auto found = t.read(f, after, issued)) {
                best = std::move(found);
                best_pos = pos;
                break;
            }
        }
    }
    return best;
}

namespace {
// Verbs that make "hằng tháng" a duty's rhythm rather than a noun's ("trợ cấp hằng tháng").
constexpr std::string_view kPeriodicVerbs[] = {"dinh ky", "bao cao", "kiem tra", "cong khai", "tong hop",
                                               "giao ban", "danh gia", "cap nhat", "gui", "so ket"};

std::string_view words_before(std::string_view f, std::size_t pos, int words) {
    std::size_t from = pos;
    for (int spaces = 0; from > 0 && spaces <= words; --from)
        if (f[from - 1] == ' ' && ++spaces > words) break;
    return f.substr(from, pos - from);
}

bool periodic_context(std::string_view f, std::size_t pos, std::size_t len, bool yearly) {
    if (f.substr(0, pos).ends_with("ngan ")) return false;  // "ngân hàng tháng trước": a bank, last month
    // "báo cáo … hằng quý" reaches over the report's subject; other verbs stand right before.
    const auto far = words_before(f, pos, 14);
    if (far.find("dinh ky") != std::string_view::npos || far.find("bao cao") != std::string_view::npos) return true;
    const auto near = words_before(f, pos, 2);
    if (!yearly)
        for (auto verb : kPeriodicVerbs)
            if (near.find(verb) != std::string_view::npos) return true;
    // A labelled rhythm ("thời gian hoàn thành: hằng năm", "Thời hạn: hằng quý").
    if (f.substr(0, pos).ends_with(": ")) return true;
    if (yearly) return false;
    auto after = pos + len;
    // At the end of its clause ("… công khai kết quả hằng tháng.") it is the duty's rhythm.
    if (after >= f.size() || std::string_view(".;\n").find(f[after]) != std::string_view::npos) return true;
    if (f[after] == ',') ++after;
    skip_spaces(f, after);
    return word_at(f, after, "bao cao") || word_at(f, after, "gui");
}

// "ngày 25 hằng tháng" / "ngày 25 của tháng cuối quý": the day written just before.
int day_before(std::string_view f, std::size_t pos) {
    const auto from = pos > 32 ? pos - 32 : 0;
    const auto window = f.substr(from, pos - from);
    const auto at = window.rfind("ngay ");
    if (at == std::string_view::npos) return 0;
    std::size_t p = from + at + 5;
    auto d = number_at(f, p, 1, 2);
    if (!d || *d < 1 || *d > 31) return 0;
    skip_spaces(f, p);
    return p == pos || f.substr(p, pos - p) == "cua thang cuoi " || f.substr(p, pos - p).starts_with("cua ") ? *d : 0;
}

// The days without a year in f[from, to): "15/6 và 15/12", "30 tháng 11" — (day, month) pairs.
std::vector<std::pair<int, int>> yearless_dates(std::string_view f, std::size_t from, std::size_t to) {
    std::vector<std::pair<int, int>> out;
    for (std::size_t p = from; p < to; ++p) {
        if (!digit_at(f, p) || (p > 0 && (digit_at(f, p - 1) || f[p - 1] == '/'))) continue;
        auto q = p;
        auto d = number_at(f, q, 1, 2);
        if (!d || q >= to) continue;
        std::optional<int> m;
        if (f[q] == '/') {
            ++q;
            m = number_at(f, q, 1, 2);
            if (!m || (q < f.size() && f[q] == '/')) continue;
        } else if (literal_at(f, q, " thang ")) {
            m = number_at(f, q, 1, 2);
            if (!m || f.substr(q).starts_with(" nam ")) continue;
        } else {
            continue;
        }
        if (Date::valid(2024, *m, *d)) out.emplace_back(*d, *m);
        p = q;
    }
    return out;
}

// "trước ngày 15/6 và 15/12 hằng năm": the (day, month) pairs before `pos`; "định kỳ hằng năm
// … trước ngày 15/12" also after it, within the sentence.
std::vector<std::pair<int, int>> dates_before(std::string_view f, std::size_t pos) {
    auto out = yearless_dates(f, pos > 48 ? pos - 48 : 0, pos);
    if (out.empty()) {
        auto end = f.find(". ", pos);
        if (end == std::string_view::npos) end = f.size();
        out = yearless_dates(f, pos, std::min(end, pos + 160));
    }
    return out;
}
}  // namespace

RecurrenceFinding find_recurrence_rule(std::string_view f) {
    static constexpr std::pair<std::string_view, Recurrence> kPeriods[] = {
        {"hang tuan", Recurrence::Weekly},         {"hang thang", Recurrence::Monthly},
        {"hang quy", Recurrence::Quarterly},       {"cuoi moi quy", Recurrence::Quarterly},
        {"thang cuoi quy", Recurrence::Quarterly}, {"dinh ky 6 thang", Recurrence::HalfYearly},
        {"6 thang mot lan", Recurrence::HalfYearly}, {"6 thang/lan", Recurrence::HalfYearly},
        {"hang nam", Recurrence::Yearly}};
    RecurrenceFinding best;
    std::size_t best_pos = std::string_view::npos;
    for (const auto& [words, recurrence] : kPeriods) {
        for (auto pos = find_word(f, words); pos != std::string::npos && pos < best_pos;
             pos = find_word(f, words, pos + 1)) {
            const bool explicit_period = words.starts_with("dinh ky") || words.starts_with("6 thang") ||
                                         words == "thang cuoi quy" || words == "cuoi moi quy";
            const auto dates = recurrence == Recurrence::Yearly ? dates_before(f, pos) : std::vector<std::pair<int, int>>{};
            if (!explicit_period && dates.empty() &&
                !periodic_context(f, pos, words.size(), recurrence == Recurrence::Yearly))
                continue;
            best = {recurrence, 0, {}};
            best_pos = pos;
            if (recurrence == Recurrence::Yearly) {
                best.dates = dates;
                if (dates.size() == 2) best.every = Recurrence::HalfYearly;
            } else if (recurrence == Recurrence::HalfYearly) {
                // "định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12)".
                best.dates = dates_before(f, pos);
            } else if (recurrence == Recurrence::Monthly || recurrence == Recurrence::Quarterly) {
                best.day = day_before(f, pos);
            }
            break;
        }
    }
    return best;
}

Recurrence find_recurrence(std::string_view f) { return find_recurrence_rule(f).every; }

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

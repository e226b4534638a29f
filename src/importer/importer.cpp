#include "importer/importer.h"

#include <algorithm>

#include "core/text.h"
#include "importer/deadlines.h"
#include "importer/meta.h"
#include "importer/normalize.h"
#include "importer/roles.h"
#include "importer/structure.h"
#include "importer/tables.h"
#include "importer/text_scan.h"

namespace dt::importer {

namespace {
using detail::Item;

constexpr std::size_t kTitleCodePoints = 90;
constexpr std::size_t kTitleMinWords = 3;

// Agencies an item hands down to the tasks under it.
struct Assigned {
    std::vector<std::size_t> leads;
    std::vector<std::size_t> coordinates;
    std::vector<std::string> unknown_leads;  // names the registry does not know, shown as written
    std::vector<std::string> unknown_coordinates;
};

template <typename T>
void append_unique(std::vector<T>& to, const std::vector<T>& from) {
    for (auto a : from)
        if (std::find(to.begin(), to.end(), a) == to.end()) to.push_back(a);
}

std::string cap_title(std::string_view text) {
    std::size_t count = 0, pos = 0, last_space = std::string_view::npos;
    while (pos < text.size() && count < kTitleCodePoints) {
        if (text[pos] == ' ') last_space = pos;
        pos += detail::decode_at(text, pos).len;
        ++count;
    }
    if (pos >= text.size()) return std::string(text);
    const auto cut = last_space != std::string_view::npos && last_space > 0 ? last_space : pos;
    return detail::strip_trailing_punct(text.substr(0, cut)) + "…";
}

std::size_t clause_end(std::string_view text, std::size_t from) {
    for (std::size_t i = from; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ';' || c == ':' || (c == '.' && (i + 1 == text.size() || text[i + 1] == ' '))) return i;
    }
    return text.size();
}

// The first clause of the text when it says enough (three words or more), capped in length.
// A clause that opens with its addressees ("b) Sở Khoa học và Công nghệ: tập trung …") is
// titled by what they must do; who does it is shown beside the title anyway.
std::string short_title(std::string_view text, const AgencyCatalog& catalog, bool bullet) {
    text = text.substr(0, text.find('\n'));
    std::string duty;
    if (const auto roles = detail::read_roles(text, catalog, bullet); roles.addressed) {
        auto rest = text.substr(std::min(roles.address_end, text.size()));
        while (rest.starts_with(' ')) rest.remove_prefix(1);
        if (rest.starts_with(':') && detail::words_of(rest).size() > kTitleMinWords) {
            rest.remove_prefix(1);
            while (rest.starts_with(' ')) rest.remove_prefix(1);
            duty = detail::capitalize_first(rest);
            text = duty;
        }
    }
    auto end = clause_end(text, 0);
    // "Đến hết ngày 30/6/2025: Giải ngân đạt …": a date alone would make a poor title.
    if (end < text.size() && text[end] == ':' && detail::words_of(text.substr(0, end)).size() <= 6 &&
        detail::find_deadline(detail::fold_fast(text.substr(0, end))))
        end = clause_end(text, end + 1);
    std::string title = detail::strip_trailing_punct(text.substr(0, end));
    if (detail::words_of(title).size() < kTitleMinWords) title = detail::strip_trailing_punct(text);
    return cap_title(title);
}

class Assembler {
public:
    Assembler(const detail::Structure& st, const AgencyCatalog& catalog, Outline& out, detail::Warnings& warnings)
        : st_(st),
          catalog_(catalog),
          out_(out),
          warnings_(warnings),
          assigned_(st.items.size()),
          deadlines_(st.items.size()),
          deadline_done_(st.items.size(), false) {}

    void run() {
        // Parents precede their children, so one pass in document order sees inherited agencies
        // ready and reports warnings in reading order.
        for (std::size_t i = 0; i < st_.items.size(); ++i) {
            assign(i);
            const Item& item = st_.items[i];
            if (item.parent < 0)
                out_.sections.push_back({item.ref, detail::strip_trailing_punct(item.paragraphs.front())});
            if (item.children.empty()) add_task(i);
        }
    }

private:
    const detail::Structure& st_;
    const AgencyCatalog& catalog_;
    Outline& out_;
    detail::Warnings& warnings_;
    std::vector<Assigned> assigned_;
    std::vector<std::optional<Date>> deadlines_;
    std::vector<bool> deadline_done_;

    void warn(Msg code, std::vector<MsgArg> args) { warnings_.add(code, std::move(args)); }

    void assign(std::size_t index) {
        const Item& item = st_.items[index];
        detail::RoleReading reading;
        if (item.is_bullet()) {
            reading = detail::read_roles(item.paragraphs.front(), catalog_, true);
        } else {
            // A section may open with its topic and name its addressees in the next paragraph.
            for (const auto& paragraph : item.paragraphs) {
                reading = detail::read_roles(paragraph, catalog_, false);
                if (reading.yields()) break;
            }
        }
        for (const auto& name : reading.unknown)
            warn(Msg::ImportNotInRegistry, {item.ref, name});
        for (const auto& [written, successor] : reading.former_names) warn(Msg::ImportFormerName, {item.ref, written, successor});

        Assigned& mine = assigned_[index];
        if (reading.addressed && reading.has_leads()) {
            append_unique(mine.leads, reading.leads);
            append_unique(mine.unknown_leads, reading.unknown_leads);
        } else if (item.parent >= 0) {
            mine = assigned_[static_cast<std::size_t>(item.parent)];
        }
        append_unique(mine.coordinates, reading.coordinates);
        append_unique(mine.unknown_coordinates, reading.unknown_coordinates);
    }

    // An item's own deadline phrase; a parent's phrase ("… trong quý II năm 2026:") covers its children.
    std::optional<Date> deadline_of(std::size_t index) {
        if (deadline_done_[index]) return deadlines_[index];
        deadline_done_[index] = true;
        const Item& item = st_.items[index];
        if (auto found = detail::find_deadline(detail::fold_fast(item.text()), out_.directive.issued_on)) {
            if (!found->date)
                warn(Msg::ImportDateNotExist, {item.ref, found->written});
            deadlines_[index] = found->date;
            return deadlines_[index];
        }
        if (item.parent >= 0) deadlines_[index] = deadline_of(static_cast<std::size_t>(item.parent));
        return deadlines_[index];
    }

    // An item's sentences, cut at ". " before a capital and at its paragraphs.
    static std::vector<std::string> sentences_of(const std::string& text) {
        std::vector<std::string> out;
        std::size_t start = 0;
        for (std::size_t i = 0; i <= text.size(); ++i) {
            bool cut = i == text.size() || text[i] == '\n';
            if (!cut && text[i] == '.' && i + 2 < text.size() && text[i + 1] == ' ' &&
                detail::is_upper(detail::decode_at(text, i + 2).cp)) {
                // "TP. Hồ Chí Minh": a short abbreviation before the dot does not end a sentence.
                std::size_t w = i;
                while (w > start && text[w - 1] != ' ') --w;
                cut = i - w > 3 || !detail::is_all_upper(std::string_view(text).substr(w, i - w));
                if (cut) ++i;  // keep the dot with its sentence
            }
            if (!cut) continue;
            auto part = dt::trim(std::string_view(text).substr(start, i - start));
            if (!part.empty()) out.emplace_back(part);
            start = i + 1;
        }
        return out;
    }

    // "Sở A chủ trì …, trước ngày X. Sở B …, chậm nhất ngày Y.": one item, two duties. Each
    // sentence that names its own lead, or a second deadline, starts a task of its own.
    void add_task(std::size_t index) {
        const Item& item = st_.items[index];
        const auto sentences = sentences_of(item.text());
        struct Part {
            std::string text;
            Assigned assigned;
            std::optional<Date> deadline;
            bool own_leads = false;
        };
        std::vector<Part> parts;
        for (const auto& sentence : sentences) {
            const auto reading = detail::read_roles(sentence, catalog_, false);
            const auto found = detail::find_deadline(detail::fold_fast(sentence), out_.directive.issued_on);
            const bool leads = reading.addressed && reading.has_leads();
            const bool new_part = parts.empty() ||
                                  (leads && parts.back().own_leads &&
                                   (reading.leads != parts.back().assigned.leads ||
                                    reading.unknown_leads != parts.back().assigned.unknown_leads)) ||
                                  (found && found->date && parts.back().deadline && *found->date != *parts.back().deadline);
            if (new_part) {
                Part p;
                p.own_leads = leads;
                if (leads) {
                    p.assigned.leads = reading.leads;
                    p.assigned.unknown_leads = reading.unknown_leads;
                    p.assigned.coordinates = reading.coordinates;
                    p.assigned.unknown_coordinates = reading.unknown_coordinates;
                }
                parts.push_back(std::move(p));
            } else if (leads && !parts.back().own_leads) {
                parts.back().own_leads = true;
            }
            auto& part = parts.back();
            if (!part.text.empty()) part.text += (sentence.size() && part.text.back() != '\n' ? " " : "");
            part.text += sentence;
            if (found && found->date && !part.deadline) part.deadline = found->date;
        }
        if (parts.size() <= 1) {
            add_one(index, item.ref, item.text(), assigned_[index], deadline_of(index));
            return;
        }
        // The first part keeps what the item inherits; later parts without their own leads
        // carry on the one before.
        for (std::size_t n = 0; n < parts.size(); ++n) {
            auto& part = parts[n];
            if (n == 0 && part.own_leads) {
                // The item's own reading already holds the first sentence's agencies.
                part.assigned = assigned_[index];
            } else if (n == 0) {
                part.assigned = assigned_[index];
            } else if (!part.own_leads) {
                part.assigned = parts[n - 1].assigned;
            }
            const auto deadline = part.deadline ? part.deadline : (n == 0 ? deadline_of(index) : std::nullopt);
            add_one(index, item.ref + "." + std::to_string(n + 1), part.text, part.assigned, deadline, item.ref);
        }
    }

    void add_one(std::size_t index, const std::string& ref, const std::string& text, const Assigned& a,
                 std::optional<Date> deadline, std::optional<std::string> split_from = std::nullopt) {
        const Item& item = st_.items[index];
        Task task;
        task.ref = ref;
        task.section = st_.items[static_cast<std::size_t>(item.top)].ref;
        if (split_from) task.parent = split_from;
        else if (item.parent >= 0) task.parent = st_.items[static_cast<std::size_t>(item.parent)].ref;
        task.text = text;
        task.title = short_title(task.text, catalog_, item.is_bullet());
        task.deadline = deadline;
        const auto folded = detail::fold_fast(task.text);
        const auto rule = detail::find_recurrence_rule(folded);
        task.recurrence = rule.every;
        task.recurrence_day = rule.day;
        task.recurrence_dates = rule.dates;
        // "Định kỳ hằng năm … trước ngày 15/12": the day of the rule, not a one-off deadline.
        if (task.deadline && !rule.dates.empty() &&
            std::any_of(rule.dates.begin(), rule.dates.end(), [&](const auto& dm) {
                return dm.first == task.deadline->day && dm.second == task.deadline->month;
            }))
            task.deadline.reset();
        if (task.deadline && out_.directive.issued_on && *task.deadline < *out_.directive.issued_on)
            warn(Msg::ImportDeadlineBeforeIssue, {task.ref, *task.deadline, *out_.directive.issued_on});

        for (auto lead : a.leads) task.agencies.push_back({catalog_.entries()[lead].name, AssignmentRole::Lead});
        for (const auto& name : a.unknown_leads) task.agencies.push_back({name, AssignmentRole::Lead, false});
        for (auto c : a.coordinates)
            if (std::find(a.leads.begin(), a.leads.end(), c) == a.leads.end())
                task.agencies.push_back({catalog_.entries()[c].name, AssignmentRole::Coordinate});
        for (const auto& name : a.unknown_coordinates)
            if (std::find(a.unknown_leads.begin(), a.unknown_leads.end(), name) == a.unknown_leads.end())
                task.agencies.push_back({name, AssignmentRole::Coordinate, false});
        for (auto e : a.leads)
            if (!catalog_.entries()[e].active)
                warn(Msg::ImportAgencyInactive, {task.ref, catalog_.entries()[e].name});
        if (task.agencies.empty())
            warn(Msg::ImportNoAgency, {task.ref});
        else if (a.leads.empty() && a.unknown_leads.empty())
            warn(Msg::ImportNoLead, {task.ref});
        for (const auto& share : task.agencies)
            if (share.registered && std::find(out_.agencies.begin(), out_.agencies.end(), share.name) == out_.agencies.end())
                out_.agencies.push_back(share.name);

        if (task.deadline)
            if (auto percent = detail::disbursement_percent(folded))
                out_.ladder.push_back({*task.deadline, *percent, task.ref});
        out_.tasks.push_back(std::move(task));
    }
};
}  // namespace

namespace {
// A ladder only climbs, as the ladder editor requires: by date, each milestone asks at least
// what the one before asked. A figure that breaks that (a reduction, a growth rate beside a
// date) is left out with a warning rather than stored as a step down.
void keep_climbing(std::vector<Milestone>& ladder, detail::Warnings& warnings) {
    std::stable_sort(ladder.begin(), ladder.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    std::vector<Milestone> kept;
    for (auto& m : ladder) {
        if (!kept.empty() && (m.percent < kept.back().percent || m.date == kept.back().date)) {
            warnings.add(Msg::ImportMilestoneNotClimbing,
                         {m.task_ref, m.percent, m.date, kept.back().percent, kept.back().date});
            continue;
        }
        kept.push_back(std::move(m));
    }
    ladder = std::move(kept);
}
}  // namespace

Outline parse_directive(std::string_view text, const AgencyCatalog& catalog) {
    auto lines = detail::normalize_input(text);
    detail::rewrite_tables(lines);
    detail::join_broken_lines(lines.raw, lines.clean);
    const auto structure = detail::build_structure(lines.clean);

    Outline out;
    detail::Warnings warnings;
    out.directive = detail::extract_meta(lines, structure, warnings);
    warnings.add_all(structure.warnings);
    out.body = structure.body;
    Assembler(structure, catalog, out, warnings).run();
    keep_climbing(out.ladder, warnings);
    out.warnings = warnings.take();
    return out;
}

}  // namespace dt::importer

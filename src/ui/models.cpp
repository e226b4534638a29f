#include "ui/models.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <limits>
#include <set>
#include <unordered_map>

#include "core/money.h"
#include "core/text.h"
#include "ui/strings.h"

namespace dt::ui {

namespace {
// Numbers zero-padded and đ placed after d, so that plain byte order is the directive's order.
std::string ref_sort_key(const std::string& ref) {
    std::string key;
    for (const auto& part : split(ref, '.')) {
        const bool number = !part.empty() && std::all_of(part.begin(), part.end(), ::isdigit);
        std::string p = part == "đ" ? "d~" : part;
        if (number && p.size() < 6) p = std::string(6 - p.size(), '0') + p;
        key += p + '.';
    }
    return key;
}

// Ranks of distinct keys in byte order, so that sorting rows compares integers.
std::vector<int> ranks_of(const std::vector<std::string>& keys) {
    std::vector<int> order(keys.size());
    for (int i = 0; i < static_cast<int>(order.size()); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](int x, int y) { return keys[x] < keys[y]; });
    std::vector<int> rank(keys.size());
    for (int i = 0; i < static_cast<int>(order.size()); ++i)
        rank[order[i]] = i > 0 && keys[order[i]] == keys[order[i - 1]] ? rank[order[i - 1]] : i;
    return rank;
}

// What a save changes in a row (the rest is the task's and the agency's, shared by keys).
void set_saved_fields(TaskRow& row, const service::AssignmentView& v) {
    const auto& r = v.record;
    row.due = r.due;
    row.due_text = r.due ? r.due->vn() : "—";
    row.status = r.status;
    row.bucket = v.bucket;
    row.progress = r.progress;
    row.version = r.version;
}
}  // namespace

void TaskTable::rebuild(std::vector<service::AssignmentView> views, std::vector<std::pair<Id, std::string>> task_keys) {
    rows_.clear();
    rows_.reserve(views.size());
    task_keys_.clear();
    agency_keys_.clear();
    owner_keys_.clear();
    sections_.clear();
    agencies_.clear();
    std::unordered_map<Id, std::string> stored_keys;
    stored_keys.reserve(task_keys.size());
    for (auto& [id, key] : task_keys) stored_keys.emplace(id, std::move(key));
    // Per task, per agency and per owner: folded once, whatever the number of rows sharing them.
    std::unordered_map<Id, int> task_index;
    std::vector<std::string> task_ref_keys;
    auto& owner_index = owner_index_;
    owner_index.clear();
    std::unordered_map<Id, int> agency_index;
    std::vector<std::string> agency_names;
    std::unordered_map<std::string, int> section_index;
    owners_.clear();
    for (auto& v : views) {
        auto& r = v.record;
        TaskRow row;
        row.id = r.id;
        row.agency_id = r.agency_id;
        row.directive = r.directive_code;
        row.ref = r.task_ref;
        row.section = r.section;
        row.agency = r.agency_short.empty() ? r.agency : r.agency_short;
        row.agency_full = r.agency;
        row.title = r.title;
        row.owner = r.owner;
        row.role = r.role;
        set_saved_fields(row, v);
        auto [task, new_task] = task_index.try_emplace(r.task_id, static_cast<int>(task_keys_.size()));
        if (new_task) {
            auto stored = stored_keys.find(r.task_id);
            task_keys_.push_back(stored != stored_keys.end() ? std::move(stored->second)
                                                             : fold(r.task_ref + " " + r.title + " " + r.text));
            task_ref_keys.push_back(ref_sort_key(r.directive_code) + ref_sort_key(r.task_ref));
        }
        row.task = task->second;
        auto [owner, new_owner] = owner_index.try_emplace(r.owner, static_cast<int>(owner_keys_.size()));
        if (new_owner) {
            owner_keys_.push_back(fold(r.owner));
            if (!r.owner.empty()) owners_.push_back(r.owner);
        }
        row.owner_key = owner->second;
        auto [agency, new_agency] = agency_index.try_emplace(r.agency_id, static_cast<int>(agency_names.size()));
        if (new_agency) {
            agency_names.push_back(row.agency);  // sorted as shown
            agency_keys_.push_back(fold(r.agency + " " + r.agency_short));
            agencies_.emplace_back(r.agency_id, r.agency);
        }
        row.agency_key = agency->second;
        auto [section, new_section] = section_index.try_emplace(r.section, static_cast<int>(sections_.size()));
        if (new_section) sections_.push_back(r.section);
        row.section_index = section->second;
        rows_.push_back(std::move(row));
    }
    const auto ref_ranks = ranks_of(task_ref_keys);
    const auto agency_ranks = ranks_of(agency_names);
    for (auto& row : rows_) {
        row.ref_rank = ref_ranks[row.task];
        row.agency_rank = agency_ranks[row.agency_key];
    }
    // The directive's order, leads before coordinators: rows may come unordered (RowDetail::Table).
    std::sort(rows_.begin(), rows_.end(), [](const TaskRow& a, const TaskRow& b) {
        if (a.ref_rank != b.ref_rank) return a.ref_rank < b.ref_rank;
        if (a.role != b.role) return a.role < b.role;
        return a.agency_id < b.agency_id;
    });
    std::sort(owners_.begin(), owners_.end());
    std::sort(agencies_.begin(), agencies_.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
    rows_built_ += rows_.size();
    ++generation_;
    apply();
}

bool TaskTable::patch(const service::AssignmentView& view) {
    const auto& r = view.record;
    const auto found = std::find_if(rows_.begin(), rows_.end(), [&](const TaskRow& row) { return row.id == r.id; });
    // What the shared keys and ranks were built from must not have moved.
    if (found == rows_.end() || found->agency_id != r.agency_id || found->ref != r.task_ref || found->title != r.title ||
        found->section != r.section || found->role != r.role)
        return false;
    TaskRow& row = *found;
    if (row.owner != r.owner) {
        auto [owner, new_owner] = owner_index_.try_emplace(r.owner, static_cast<int>(owner_keys_.size()));
        if (new_owner) {
            owner_keys_.push_back(fold(r.owner));
            if (!r.owner.empty()) owners_.insert(std::upper_bound(owners_.begin(), owners_.end(), r.owner), r.owner);
        }
        row.owner = r.owner;
        row.owner_key = owner->second;
    }
    set_saved_fields(row, view);
    ++rows_built_;
    ++generation_;
    apply();
    return true;
}

void TaskTable::set_filter(const TaskFilter& filter) {
    if (filter == filter_) return;
    filter_ = filter;
    apply();
}

void TaskTable::set_sort(const SortSpec& sort) {
    if (sort == sort_) return;
    sort_ = sort;
    apply();
}

bool TaskTable::matches(const TaskRow& row, std::string_view needle) const {
    return task_keys_[row.task].find(needle) != std::string::npos ||
           agency_keys_[row.agency_key].find(needle) != std::string::npos ||
           owner_keys_[row.owner_key].find(needle) != std::string::npos;
}

const TaskRow* TaskTable::find(Id id) const {
    for (const auto& r : rows_)
        if (r.id == id) return &r;
    return nullptr;
}

namespace {
// A date-less row sorts after every dated one, whichever the direction.
int compare_due(const TaskRow& a, const TaskRow& b) {
    if (a.due == b.due) return 0;
    if (!a.due) return 1;
    if (!b.due) return -1;
    return *a.due < *b.due ? -1 : 1;
}
}  // namespace

void TaskTable::apply() {
    visible_.clear();
    // Every word typed must be found (in the task's text, the agency's names or the owner), in any order.
    std::vector<std::string> words;
    for (auto& w : split(fold(collapse_spaces(filter_.text)), ' '))
        if (!w.empty()) words.push_back(std::move(w));
    // Each shared text is searched once per word, not once per row that shows it.
    auto hits = [&](const std::vector<std::string>& keys, const std::string& word) {
        std::vector<char> hit;
        hit.reserve(keys.size());
        for (const auto& key : keys) hit.push_back(key.find(word) != std::string::npos);
        return hit;
    };
    struct WordHits { std::vector<char> task, agency, owner; };
    std::vector<WordHits> word_hits;
    for (const auto& w : words) word_hits.push_back({hits(task_keys_, w), hits(agency_keys_, w), hits(owner_keys_, w)});
    for (int i = 0; i < static_cast<int>(rows_.size()); ++i) {
        const auto& r = rows_[i];
        if (!filter_.section.empty() && r.section != filter_.section) continue;
        if (filter_.agency_id && r.agency_id != *filter_.agency_id) continue;
        if (filter_.status && r.status != *filter_.status) continue;
        if (filter_.bucket && r.bucket != *filter_.bucket) continue;
        if (!filter_.owner.empty() && r.owner != filter_.owner) continue;
        if (!filter_.ref.empty() && r.ref != filter_.ref) continue;
        if (filter_.due && r.due != filter_.due) continue;
        if (filter_.open_only && r.status == Status::Done) continue;
        bool all_words = true;
        for (const auto& h : word_hits)
            all_words = all_words && (h.task[r.task] || h.agency[r.agency_key] || h.owner[r.owner_key]);
        if (!all_words) continue;
        visible_.push_back(i);
    }
    const auto& rows = rows_;
    const SortSpec spec = sort_;
    if (spec.key != SortKey::Owner && spec.key != SortKey::Title) {
        // An integer key packed beside each row's index and sorted there (the index breaks
        // ties, so the order is stable): comparing through the rows themselves reads a table of
        // tens of megabytes at random at province scale.
        std::vector<std::pair<std::int64_t, int>> keyed;
        keyed.reserve(visible_.size());
        for (int i : visible_) {
            const auto& r = rows[i];
            std::int64_t key = 0;
            switch (spec.key) {
            case SortKey::Ref: key = r.ref_rank; break;
            case SortKey::Agency: key = r.agency_rank; break;
            case SortKey::Role: key = static_cast<int>(r.role); break;
            case SortKey::Status: key = static_cast<int>(r.status); break;
            case SortKey::Bucket: key = static_cast<int>(r.bucket); break;
            case SortKey::Progress: key = r.progress; break;
            case SortKey::Due: key = r.due ? r.due->serial() : 0; break;
            case SortKey::Owner:
            case SortKey::Title: break;
            }
            if (spec.descending) key = -key;
            if (spec.key == SortKey::Due && !r.due) key = std::numeric_limits<std::int64_t>::max();  // undated rows stay last
            keyed.emplace_back(key, i);
        }
        std::sort(keyed.begin(), keyed.end());
        for (std::size_t j = 0; j < keyed.size(); ++j) visible_[j] = keyed[j].second;
        return;
    }
    std::stable_sort(visible_.begin(), visible_.end(), [&](int ia, int ib) {
        const auto& a = rows[ia];
        const auto& b = rows[ib];
        const int c = spec.key == SortKey::Owner ? a.owner.compare(b.owner) : a.title.compare(b.title);
        return spec.descending ? c > 0 : c < 0;
    });
}

std::vector<int> agency_agenda(const TaskTable& table, Id agency_id) {
    std::vector<int> out;
    const auto& rows = table.rows();
    for (int i = 0; i < static_cast<int>(rows.size()); ++i)
        if (rows[i].agency_id == agency_id) out.push_back(i);
    std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
        const bool done_a = rows[a].status == Status::Done, done_b = rows[b].status == Status::Done;
        if (done_a != done_b) return done_b;  // open work first
        return compare_due(rows[a], rows[b]) < 0;
    });
    return out;
}

void Dashboard::rebuild(const TaskTable& table, Date as_of) {
    *this = Dashboard{};
    const auto& rows = table.rows();
    sections = table.sections();
    std::unordered_map<Id, int> agency_index;
    std::vector<BucketTally> agency_tally;
    std::vector<std::vector<MatrixCell>> cells;
    struct Due { std::string ref; std::string task_ref; std::string title; int open = 0; };
    std::map<std::pair<Date, int>, Due> upcoming;  // (due, the task's place in the directive)
    BucketTally tally;
    for (const auto& r : rows) {
        tally.add(r.bucket, r.due, as_of);
        auto [it, inserted] = agency_index.try_emplace(r.agency_id, static_cast<int>(agencies.size()));
        if (inserted) {
            agencies.push_back({r.agency_id, r.agency, r.agency_full});
            cells.emplace_back(sections.size());
            agency_tally.emplace_back();
        }
        auto& line = agencies[it->second];
        agency_tally[it->second].add(r.bucket, r.due, as_of);
        auto& cell = cells[it->second][r.section_index];
        ++cell.total;
        cell.done += r.status == Status::Done ? 1 : 0;
        cell.overdue += r.bucket == Bucket::OpenOverdue ? 1 : 0;
        cell.blocked += r.status == Status::Blocked ? 1 : 0;
        ++line.total;
        line.done += r.status == Status::Done ? 1 : 0;
        line.overdue += r.bucket == Bucket::OpenOverdue ? 1 : 0;
        line.blocked += r.status == Status::Blocked ? 1 : 0;
        if (r.due && *r.due >= as_of && r.status != Status::Done) {
            auto [u, added] = upcoming.try_emplace({*r.due, r.ref_rank});
            if (added) u->second = {r.directive + " " + r.ref, r.ref, r.title, 0};
            ++u->second.open;
        }
    }
    for (int b = 0; b < 5; ++b) buckets[b] = tally.counts[b];
    total = tally.total;
    deadline_passed = tally.deadline_passed;
    on_time_passed = tally.on_time_passed;
    on_time_rate = tally.on_time_rate();
    for (std::size_t a = 0; a < agencies.size(); ++a) {
        agencies[a].deadline_passed = agency_tally[a].deadline_passed;
        agencies[a].on_time_passed = agency_tally[a].on_time_passed;
        agencies[a].on_time_rate = agency_tally[a].on_time_rate();
    }
    // Worst first: most overdue, then most blocked, then by name.
    std::vector<int> order(agencies.size());
    for (int a = 0; a < static_cast<int>(order.size()); ++a) order[a] = a;
    std::sort(order.begin(), order.end(), [&](int x, int y) {
        const auto &a = agencies[x], &b = agencies[y];
        if (a.overdue != b.overdue) return a.overdue > b.overdue;
        if (a.blocked != b.blocked) return a.blocked > b.blocked;
        return a.name < b.name;
    });
    std::vector<AgencyLine> sorted;
    sorted.reserve(order.size());
    for (int a : order) {
        sorted.push_back(std::move(agencies[a]));
        matrix.push_back(std::move(cells[a]));
    }
    agencies = std::move(sorted);
    for (const auto& [key, u] : upcoming) {
        if (next_deadlines.size() == 8) break;
        next_deadlines.push_back({key.first, u.ref, u.task_ref, u.title, u.open});
    }
    for (int a = 0; a < static_cast<int>(agencies.size()) && most_overdue.size() < 10; ++a)
        if (agencies[a].overdue > 0) most_overdue.push_back(a);
    for (int a = 0; a < static_cast<int>(agencies.size()); ++a)
        if (agencies[a].deadline_passed > 0) by_rate.push_back(a);
    std::stable_sort(by_rate.begin(), by_rate.end(),
                     [&](int x, int y) { return agencies[x].on_time_rate < agencies[y].on_time_rate; });
}

void DashboardText::rebuild(const Dashboard& d, const std::map<std::string, std::string>& section_titles,
                            unsigned built_from) {
    generation = built_from;
    lang = language();
    for (int b = 0; b < 5; ++b) buckets[b] = format_count(d.buckets[b]);
    rate = format_percent(d.on_time_rate);
    rate_of = std::string(tr(T::OnTimeRate)) + ": " + format_count(d.on_time_passed) + " / " +
              format_count(d.deadline_passed) + " " + tr(T::OnTimeOf);
    headers.clear();
    for (const auto& sec : d.sections) {
        const auto title = section_titles.find(sec);
        headers.push_back(title == section_titles.end() ? tr(T::Section) + (" " + sec) : sec + ". " + title->second);
    }
    cells.assign(d.matrix.size(), {});
    for (std::size_t a = 0; a < d.matrix.size(); ++a)
        for (const auto& cell : d.matrix[a]) {
            std::string text;
            if (cell.total > 0) {
                text = format_count(cell.done) + "/" + format_count(cell.total);
                if (cell.overdue > 0) text += " · " + format_count(cell.overdue) + " " + tr(T::OverdueCount);
            }
            cells[a].push_back(std::move(text));
        }
    agency_rates.clear();
    agency_tips.clear();
    for (const auto& a : d.agencies) {
        agency_rates.push_back(format_percent(a.on_time_rate));
        agency_tips.push_back(a.full + "\n" + tr(T::OnTimeRate) + ": " + format_count(a.on_time_passed) + " / " +
                              format_count(a.deadline_passed) + " " + tr(T::OnTimeOf));
    }
    next_deadlines.clear();
    for (const auto& u : d.next_deadlines)
        next_deadlines.push_back(u.due.vn() + "  " + u.ref + " — " + u.title + " (" + format_count(u.open_assignments) + ")");
    most_overdue.clear();
    for (int index : d.most_overdue) most_overdue.push_back(format_count(d.agencies[index].overdue) + "  " + d.agencies[index].full);
}

namespace {
// "approved 2025-07-31: Chờ số liệu (Đồng ý)" → "Đã đồng ý 31/07/2025: Chờ số liệu (Đồng ý)"
std::string extension_value(const std::string& v) {
    const auto space = v.find(' ');
    const auto status = store::parse_extension_status(v.substr(0, space));
    if (!status) return v;
    std::string rest = space == std::string::npos ? "" : v.substr(space);
    if (rest.size() >= 11)
        if (auto d = Date::parse_iso(rest.substr(1, 10))) rest = " " + d->vn() + rest.substr(11);
    return label(*status) + rest;
}
}  // namespace

std::string journal_line(const store::JournalRecord& source) {
    // Who: the full name with the sign-in name, when the user has one.
    store::JournalRecord e = source;
    if (!e.user_full_name.empty() && e.user_full_name != e.user_name) e.user_name = e.user_full_name + " (" + e.user_name + ")";
    static const std::pair<const char*, T> fields[] = {
        {"status", T::Status},       {"progress", T::Progress},         {"owner", T::Owner},
        {"due", T::Due},             {"completed_on", T::Completed},    {"evidence", T::Evidence},
        {"review", T::JournalReview}, {"extension", T::JournalExtension}, {"evidence_withdrawn", T::JournalWithdrawn}};
    std::string field = e.field;
    for (const auto& [name, key] : fields)
        if (e.field == name) field = tr(key);
    auto value = [&](const std::optional<std::string>& v) -> std::string {
        if (!v || v->empty()) return "—";
        if (e.field == "status")
            if (auto st = parse_status(*v)) return label(*st);
        if (auto d = Date::parse_iso(*v)) return d->vn();
        if (e.field == "progress") return *v + "%";
        return *v;
    };
    if (e.field == "evidence") return e.user_name + " · " + field + ": " + value(e.new_value);
    if (e.field == "evidence_withdrawn")
        return e.user_name + " · " + field + ": " + value(e.old_value) + " · " + tr(T::Reason) + ": " + value(e.new_value);
    if (e.field == "extension") {
        const std::string now = extension_value(e.new_value.value_or(""));
        return e.user_name + " · " + field + ": " + (e.old_value ? extension_value(*e.old_value) + " → " + now : now);
    }
    return e.user_name + " · " + field + ": " + value(e.old_value) + " → " + value(e.new_value);
}

void DirectiveModel::rebuild(const service::Service& service) {
    directives = service.directives();
    nodes.clear();
    paragraphs.clear();
    paragraphs_of_ref.clear();
    if (directives.empty()) return;
    current = std::clamp(current, 0, static_cast<int>(directives.size()) - 1);
    const auto& d = directives[current];
    for (auto& p : split(d.body, '\n'))
        if (auto t = trim(p); !t.empty()) paragraphs.push_back(std::move(t));

    const auto sections = service.sections(d.id);
    const auto tasks = service.tasks(d.id);
    std::set<std::string> emitted;
    std::vector<std::pair<int, std::string>> structural;  // node index, ref of its first task
    for (const auto& s : sections) {
        nodes.push_back({s.label, s.label + ". " + s.title, 0, false, std::nullopt, {}});
        emitted.insert(s.label);
        for (const auto& t : tasks) {
            if (t.section_id != s.id) continue;
            // Structural parents (clauses, bullets with sub-bullets) are shown once, before their first task.
            std::vector<std::string> chain;
            for (auto p = t.parent_ref; p && !emitted.count(*p);) {
                chain.push_back(*p);
                const auto dot = p->rfind('.');
                p = dot == std::string::npos ? std::nullopt : std::optional<std::string>(p->substr(0, dot));
            }
            for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
                nodes.push_back({*it, *it, static_cast<int>(std::count(it->begin(), it->end(), '.')), false, std::nullopt, {}});
                structural.emplace_back(static_cast<int>(nodes.size()) - 1, t.ref);
                emitted.insert(*it);
            }
            const int depth = static_cast<int>(std::count(t.ref.begin(), t.ref.end(), '.'));
            // A task's title is the importer's summary, often cut: the hover shows its whole text.
            const std::string whole = trim(t.text);
            nodes.push_back({t.ref, t.ref + "  " + t.title + (t.closed_on ? std::string("  [") + tr(T::StructClosed) + "]" : ""), depth == 0 ? 1 : depth, true, t.id,
                             whole.empty() || whole == t.title ? std::string() : t.ref + "  " + whole});
            // The paragraphs that hold this task's text, to highlight beside the tree.
            for (const auto& line : split(t.text, '\n')) {
                const auto probe = trim(line).substr(0, 80);
                if (probe.size() < 12) continue;
                for (int i = 0; i < static_cast<int>(paragraphs.size()); ++i)
                    if (paragraphs[i].find(probe) != std::string::npos) {
                        paragraphs_of_ref[t.ref].push_back(i);
                        break;
                    }
            }
        }
    }
    // A clause or heading bullet is the paragraph just before its first task's text
    // ("b) Sở Tài chính:"), shown in the tree so the addressee is visible.
    for (const auto& [index, first_task] : structural) {
        const auto found = paragraphs_of_ref.find(first_task);
        if (found == paragraphs_of_ref.end() || found->second.empty()) continue;
        const int before = found->second.front() - 1;
        if (before < 0) continue;
        std::string text = paragraphs[before];
        if (text.size() > 110) {
            std::size_t cut = text.rfind(' ', 105);
            text = text.substr(0, cut == std::string::npos ? 105 : cut) + "…";
            nodes[index].full = nodes[index].ref + "  " + paragraphs[before];
        }
        nodes[index].label = nodes[index].ref + "  " + text;
    }
}

// ---- Giải ngân

double rate_at(const RateSeries& series, Date date) {
    const auto after = std::upper_bound(series.begin(), series.end(), date,
                                        [](Date d, const RatePoint& p) { return d < p.date; });
    return after == series.begin() ? 0.0 : std::prev(after)->percent;
}

namespace {
// The year whose plan the ladder measures: its first milestone's, else the projects' latest.
int plan_year_of(const service::DisbursementStatus& status, const std::vector<service::ProjectStatus>& projects,
                 Date as_of) {
    if (!status.ladder.empty()) return status.ladder.front().due.year;
    int year = 0;
    for (const auto& p : projects) year = std::max(year, p.project.year);
    return year > 0 ? year : as_of.year;
}

// A project without an assigned plan is judged on its whole plan (extended capital only).
double judged_rate(const service::Rates& r) { return r.plan_assigned > 0 ? r.rate_assigned : r.rate_total; }

void set_point(RateSeries& series, Date date, double percent) {
    if (!series.empty() && series.back().date == date) series.back().percent = percent;
    else series.push_back({date, percent});
}
}  // namespace

void DisbursementModel::rebuild(const service::Service& service, const service::Actor& actor, Date as_of,
                                bool with_entries) {
    *this = DisbursementModel{};
    projects = service.project_status(actor, as_of, std::nullopt);
    status = service.disbursement_status(actor, as_of, projects);
    has_entries = with_entries;
    if (with_entries) entries = service.disbursement_entries(actor, std::nullopt);
    current = service::current_milestone(status.ladder, as_of);

    for (int i = 0; i < static_cast<int>(status.investors.size()); ++i) {
        investor_index[status.investors[i].investor.id] = i;
        if (status.investors[i].behind) laggards.push_back(i);
    }
    std::map<Id, Id> investor_of_project;
    for (int i = 0; i < static_cast<int>(projects.size()); ++i) {
        const auto& p = projects[i].project;
        project_index[p.id] = i;
        projects_of[p.investor_id].push_back(i);
        investor_of_project[p.id] = p.investor_id;
    }
    for (int i = 0; i < static_cast<int>(entries.size()); ++i) entries_of[entries[i].project_id].push_back(i);

    // Cumulative rates: the same entries the status sums (readable projects, dated up to the
    // as-of date), so the line ends where the table's rate stands.
    plan_year = plan_year_of(status, projects, as_of);
    chart_from = Date{plan_year, 1, 1};
    chart_to = Date{plan_year + 1, 1, 31};
    province_series = {{chart_from, 0.0}};
    std::map<Id, std::int64_t> investor_sum;
    for (const auto& inv : status.investors) investor_series[inv.investor.id] = {{chart_from, 0.0}};
    std::int64_t province_sum = 0;
    for (const auto& e : entries) {
        if (e.date > as_of) break;
        const Date at = std::max(e.date, chart_from);
        province_sum += e.amount;
        set_point(province_series, at, percent_of(province_sum, status.province.plan_assigned));
        const auto owner = investor_of_project.find(e.project_id);
        if (owner == investor_of_project.end()) continue;
        const auto* inv = investor(owner->second);
        if (!inv) continue;
        auto& sum = investor_sum[owner->second];
        sum += e.amount;
        set_point(investor_series[owner->second], at, percent_of(sum, inv->rates.plan_assigned));
    }
    // The line runs flat to the as-of date, where the chart marks it (entries of a later plan
    // year may already lie beyond the chart's end).
    const Date end = std::min(as_of, chart_to);
    const auto extend = [end](RateSeries& series) {
        if (end > series.back().date) series.push_back({end, series.back().percent});
    };
    extend(province_series);
    for (auto& [id, series] : investor_series) extend(series);

    const double required = status.required_percent;
    const bool past_first = !status.ladder.empty() && status.ladder.front().due <= as_of;
    for (int i = 0; i < static_cast<int>(projects.size()); ++i) {
        const auto& r = projects[i].rates;
        const double rate = judged_rate(r);
        const double gap = rate - required;
        if (gap < -kGiveBelowRequired || (past_first && r.disbursed == 0)) give.push_back({i, gap});
        else if (gap >= kTakeAboveRequired || rate >= kTakeFrom) take.push_back({i, gap});
    }
    std::stable_sort(give.begin(), give.end(), [](const auto& a, const auto& b) { return a.gap < b.gap; });
    std::stable_sort(take.begin(), take.end(), [](const auto& a, const auto& b) { return a.gap > b.gap; });
}

const service::InvestorStatus* DisbursementModel::investor(Id id) const {
    const auto it = investor_index.find(id);
    return it == investor_index.end() ? nullptr : &status.investors[it->second];
}

const service::ProjectStatus* DisbursementModel::project(Id id) const {
    const auto it = project_index.find(id);
    return it == project_index.end() ? nullptr : &projects[it->second];
}

std::optional<double> DisbursementModel::gap_to_next(const service::Rates& rates) const {
    if (!status.next) return std::nullopt;
    return status.next->percent - rates.rate_assigned;
}

}  // namespace dt::ui

// The synthetic province, written through the service (import, updates, evidence, investment):
// the same validation and journal as a user's changes, many calls to one transaction
// (Service::batch) so that 100,000 assignments take seconds, not hours.
#include "province.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <set>
#include <vector>

#include "vocabulary.h"
#include "core/error.h"
#include "core/text.h"
#include "importer/outline.h"
#include "service/registry.h"
#include "service/service.h"
#include "store/server_tools.h"
#include "store/store.h"

namespace dt::bench {

namespace fs = std::filesystem;
using service::Service;

namespace {

constexpr const char* kDepartmentsGroup = "Các sở, ban, ngành";
constexpr const char* kDistrictsGroup = "UBND các huyện, thành phố";
constexpr const char* kInvestorsGroup = "Các chủ đầu tư";
constexpr const char* kCommunesGroup = "UBND các xã, phường";
constexpr std::size_t kBatch = 4000;  // service calls per transaction

// splitmix64: the same sequence on every platform and standard library.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    long range(long lo, long hi) {  // inclusive
        return lo + static_cast<long>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    int range(int lo, int hi) { return static_cast<int>(range(static_cast<long>(lo), static_cast<long>(hi))); }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }
    template <class Container>
    const auto& pick(const Container& c) {
        return c[static_cast<std::size_t>(range(0L, static_cast<long>(c.size()) - 1))];
    }

private:
    std::uint64_t state_;
};

std::string str(std::string_view v) { return std::string(v); }

std::string person(Rng& rng) {
    return str(rng.pick(kSurnames)) + " " + str(rng.pick(kMiddleNames)) + " " + str(rng.pick(kGivenNames));
}

// The registry of Cao Bằng (assets/) plus the communes and wards, in one more group.
struct Registry {
    std::vector<service::RegistryRow> rows;
    std::map<std::string, std::vector<std::string>> members;  // group → its agencies
    std::vector<std::string> departments;                     // may lead a task alone
    std::vector<std::string> agencies;                        // every agency that is not a group
    std::map<std::string, std::string> short_of;

    Registry() {
        rows = service::load_registry_file(service::default_registry_path());
        // The province as its figures were measured: the communes are the ones below, and the
        // registry's later additions (the Front, the newspaper) stay out of the random draws.
        std::erase_if(rows, [](const auto& r) { return r.kind == "commune" || r.kind == "front" || r.kind == "press"; });
        // The shipped registry already has the group and the wards it knows for sure.
        auto known = [&](const std::string& name) {
            return std::any_of(rows.begin(), rows.end(), [&](const auto& r) { return r.name == name; });
        };
        if (!known(kCommunesGroup)) rows.push_back({kCommunesGroup, "UBND xã/phường", "group", {}, {}});
        for (std::size_t i = 0; i < kCommunes.size(); ++i) {
            const bool ward = i < 3;  // the first three are the wards of the provincial city
            const auto place = str(kCommunes[i]);
            const auto name = std::string(ward ? "UBND phường " : "UBND xã ") + place;
            if (!known(name)) rows.push_back({name, (ward ? "P. " : "Xã ") + place, ward ? "ward" : "commune", {kCommunesGroup}, {}});
        }
        // The synthetic province's directives span two years on both sides of 1/7/2025: its
        // district committees stay active so that every one of them reaches them, as the
        // figures of docs/PERFORMANCE.md were measured.
        for (auto& r : rows) r.active = true;
        for (const auto& r : rows) {
            short_of[r.name] = r.short_name;
            if (r.kind == "group") continue;
            agencies.push_back(r.name);
            if (r.kind == "department" || r.kind == "office" || r.kind == "treasury" || r.kind == "bank" ||
                r.kind == "police" || r.kind == "inspectorate")
                departments.push_back(r.name);
            for (const auto& g : r.groups) members[g].push_back(r.name);
        }
    }

    // How many assignments the service makes of these shares: groups fan out, each agency once.
    std::size_t fanout(const std::vector<importer::AgencyShare>& shares) const {
        std::set<std::string> reached;
        for (const auto& s : shares) {
            if (const auto it = members.find(s.name); it != members.end()) reached.insert(it->second.begin(), it->second.end());
            else reached.insert(s.name);
        }
        return reached.size();
    }
};

// Who a clause addresses, drawn with weights that make about 49 assignments a task on average.
std::vector<importer::AgencyShare> draw_addressees(Rng& rng, const Registry& reg) {
    using importer::AgencyShare;
    const auto lead = AssignmentRole::Lead, coordinate = AssignmentRole::Coordinate;
    const double r = rng.unit();
    if (r < 0.07 || (r >= 0.95)) {  // "X chủ trì, phối hợp với Y, Z" (and X with the districts)
        std::vector<AgencyShare> shares{{rng.pick(reg.departments), lead}};
        if (r >= 0.95) {
            shares.push_back({kDistrictsGroup, coordinate});
            return shares;
        }
        const int coordinators = rng.range(1, 3);
        while (static_cast<int>(shares.size()) < coordinators + 1) {
            const auto& name = rng.pick(reg.departments);
            if (std::none_of(shares.begin(), shares.end(), [&](auto& s) { return s.name == name; }))
                shares.push_back({name, coordinate});
        }
        return shares;
    }
    if (r < 0.15) return {{kDepartmentsGroup, lead}};
    if (r < 0.21) return {{kDistrictsGroup, lead}};
    if (r < 0.25) return {{kInvestorsGroup, lead}};
    if (r < 0.42) return {{kCommunesGroup, lead}};
    if (r < 0.50) return {{kDepartmentsGroup, lead}, {kDistrictsGroup, lead}};
    if (r < 0.70) return {{kDistrictsGroup, lead}, {kCommunesGroup, lead}};
    return {{kDepartmentsGroup, lead}, {kDistrictsGroup, lead}, {kCommunesGroup, lead}};
}

std::string addressee_text(const std::vector<importer::AgencyShare>& shares) {
    std::string out;
    for (const auto& s : shares) {
        if (s.role != AssignmentRole::Lead) continue;
        out += (out.empty() ? "" : "; ") + s.name;
    }
    return out;
}

constexpr std::array<std::string_view, 23> kClauseLetters{"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                                          "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};

struct DirectivePlan {
    importer::Outline outline;
    Date issued;
};

// One directive whose tasks fan out to exactly `target` assignments.
DirectivePlan plan_directive(Rng& rng, const Registry& reg, int index, int count, long target, Date anchor, int plan_year) {
    DirectivePlan plan;
    const auto& theme = kThemes[static_cast<std::size_t>(index) % kThemes.size()];
    // Issued over the 20 months before the anchor date, the first one earliest.
    plan.issued = anchor.plus_days(-620 + (count > 1 ? index * 560 / (count - 1) : 0));
    auto& o = plan.outline;
    char code[32];
    std::snprintf(code, sizeof code, "%02d/CT-UBND", index + 1);
    o.directive.code = code;
    o.directive.issued_on = plan.issued;
    o.directive.title = str(kTitlePrefixes[static_cast<std::size_t>(index) % kTitlePrefixes.size()]) + " " +
                        str(theme.title) + " năm " + std::to_string(plan.issued.year);
    o.directive.issuer = "UBND tỉnh Cao Bằng";
    o.directive.signer = person(rng);
    for (std::size_t s = 0; s < theme.sections.size(); ++s)
        o.sections.push_back({std::to_string(s + 1), str(theme.sections[s])});

    std::string body = "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: " + o.directive.code + "\nCao Bằng, ngày " +
                       std::to_string(plan.issued.day) + " tháng " + std::to_string(plan.issued.month) + " năm " +
                       std::to_string(plan.issued.year) + "\nCHỈ THỊ\n" + o.directive.title + "\n";
    const long estimate = std::max(1L, target / 49);
    long assigned = 0;
    long task_index = 0;
    std::size_t section = 0, clause = 0;
    int left_in_clause = 0;
    std::vector<importer::AgencyShare> addressees;
    std::set<std::string> used_agencies;
    bool section_open = false;
    while (assigned < target) {
        const std::size_t want_section =
            std::min<std::size_t>(o.sections.size() - 1, static_cast<std::size_t>(task_index * 5 / estimate));
        if (want_section != section || !section_open) {
            section = want_section;
            clause = 0;
            left_in_clause = 0;
            section_open = true;
            body += o.sections[section].label + ". " + o.sections[section].title + "\n";
        }
        auto shares = left_in_clause > 0 ? addressees : draw_addressees(rng, reg);
        std::size_t size = reg.fanout(shares);
        const bool last = assigned + static_cast<long>(size) > target;
        if (last) {
            // The remainder: that many agencies named one by one, the first leading.
            const auto remaining = static_cast<std::size_t>(target - assigned);
            std::vector<std::string> pool = reg.agencies;
            for (std::size_t i = pool.size() - 1; i > 0; --i)
                std::swap(pool[i], pool[static_cast<std::size_t>(rng.range(0L, static_cast<long>(i)))]);
            shares.clear();
            for (std::size_t i = 0; i < remaining; ++i)
                shares.push_back({pool[i], i == 0 ? AssignmentRole::Lead : AssignmentRole::Coordinate});
            size = remaining;
            left_in_clause = 0;
        }
        if (left_in_clause == 0) {
            clause = std::min(clause + 1, kClauseLetters.size());  // past 'y', tasks go on under 'y'
            left_in_clause = estimate > 200 ? rng.range(3, 8) : rng.range(1, 6);
            addressees = shares;
            body += str(kClauseLetters[clause - 1]) + ") " + addressee_text(shares) + ":\n";
        }
        --left_in_clause;
        const std::string parent = o.sections[section].label + "." + str(kClauseLetters[clause - 1]);
        int n = 1;
        for (auto it = o.tasks.rbegin(); it != o.tasks.rend() && it->parent == parent; ++it) ++n;

        importer::Task t;
        t.ref = parent + "." + std::to_string(n);
        t.section = o.sections[section].label;
        t.parent = parent;
        t.title = str(rng.pick(kVerbs)) + " " + str(rng.pick(theme.duties));
        t.text = t.title + " " + str(rng.pick(kQualifiers));
        if (shares.front().role == AssignmentRole::Lead && shares.size() > 1 && reg.members.count(shares.front().name) == 0) {
            t.text += "; " + shares.front().name + " chủ trì, phối hợp với ";
            for (std::size_t i = 1; i < std::min<std::size_t>(shares.size(), 4); ++i)
                t.text += (i > 1 ? ", " : "") + shares[i].name;
            t.text += shares.size() > 4 ? " và các cơ quan, đơn vị liên quan thực hiện" : " thực hiện";
        }
        if (rng.chance(0.86)) {
            // Deadlines from 15 months before the anchor date to 8 months after it: every
            // directive has work overdue, done on time or late, and still in time.
            t.deadline = std::max(plan.issued.plus_days(20), anchor.plus_days(rng.range(-450, 240)));
            t.text += "; hoàn thành trước ngày " + t.deadline->vn();
        } else {
            t.text += "; thực hiện thường xuyên";
        }
        if (rng.chance(0.12)) {
            t.recurrence = rng.chance(0.7) ? Recurrence::Monthly : Recurrence::Quarterly;
            t.text += std::string(t.recurrence == Recurrence::Monthly ? "; định kỳ hằng tháng" : "; định kỳ hằng quý") +
                      " báo cáo kết quả về UBND tỉnh (qua Văn phòng UBND tỉnh)";
        }
        t.text += ".";
        t.agencies = shares;
        for (const auto& s : shares) used_agencies.insert(s.name);
        body += "- " + t.text + "\n";
        o.tasks.push_back(std::move(t));
        assigned += static_cast<long>(size);
        ++task_index;
    }
    o.agencies.assign(used_agencies.begin(), used_agencies.end());
    std::erase_if(o.sections, [&](const importer::Section& sec) {  // a small directive may not reach its last sections
        return std::none_of(o.tasks.begin(), o.tasks.end(), [&](auto& t) { return t.section == sec.label; });
    });
    if (index == 0) {
        // The disbursement ladder of the plan year, on the first directive (as in 07/CT-UBND).
        const auto ref = o.tasks.front().ref;
        o.ladder = {{Date{plan_year, 6, 30}, 50, ref}, {Date{plan_year, 9, 30}, 75, ref}, {Date{plan_year, 11, 30}, 85, ref},
                    {Date{plan_year, 12, 31}, 95, ref}, {Date{plan_year + 1, 1, 31}, 100, ref}};
    }
    body += "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n" + o.directive.signer + "\n";
    o.body = std::move(body);
    return plan;
}

std::string doc_code(const std::string& agency_short) {
    const bool plain = !agency_short.empty() && std::all_of(agency_short.begin(), agency_short.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
    return plain ? agency_short : "UBND";
}

std::string_view evidence_note(std::string_view kind) {
    if (kind == "KH") return "Kế hoạch triển khai thực hiện";
    if (kind == "BC") return "Báo cáo kết quả thực hiện";
    if (kind == "CV") return "Công văn đôn đốc các đơn vị trực thuộc thực hiện";
    if (kind == "QĐ") return "Quyết định phân công cán bộ thực hiện";
    if (kind == "TB") return "Thông báo kết luận của lãnh đạo đơn vị về";
    return "Biên bản kiểm tra kết quả thực hiện";
}

Date clamp(Date d, Date lo, Date hi) { return std::min(std::max(d, lo), hi); }

struct Tally {
    long journal = 0;
    long evidence = 0;
};

// What happened to one assignment since it was given: an owner, evidence, a status, progress.
void act(Service& svc, const service::Actor& admin, Rng& rng, const service::AssignmentView& v, Date issued, Date anchor,
         Tally& tally) {
    const auto& a = v.record;
    enum class Plan { NotStarted, InProgress, Done, Blocked };
    const double r = rng.unit();
    Plan plan;
    if (!a.due) plan = r < 0.30 ? Plan::Done : r < 0.70 ? Plan::InProgress : r < 0.90 ? Plan::NotStarted : Plan::Blocked;
    else if (*a.due < anchor) plan = r < 0.55 ? Plan::Done : r < 0.75 ? Plan::InProgress : r < 0.87 ? Plan::NotStarted : Plan::Blocked;
    else plan = r < 0.15 ? Plan::Done : r < 0.60 ? Plan::InProgress : r < 0.92 ? Plan::NotStarted : Plan::Blocked;

    const int evidence = plan == Plan::Done ? rng.range(2, 4) : plan == Plan::NotStarted ? 0 : rng.range(1, 3);
    const auto code = doc_code(a.agency_short);
    for (int i = 0; i < evidence; ++i) {
        service::EvidenceInput e;
        const auto kind = rng.pick(kEvidenceKinds);
        e.doc_date = clamp(issued.plus_days(rng.range(5, 400)), issued, anchor);
        e.doc_ref = std::to_string(rng.range(1, 999)) + "/" + str(kind) + "-" + code;
        if (plan == Plan::Blocked && i == 0)
            e.note = "Báo cáo khó khăn, vướng mắc: " + str(rng.pick(kQualifiers)) +
                     " chưa thực hiện được do thiếu kinh phí; đề nghị UBND tỉnh xem xét, hỗ trợ.";
        else
            e.note = str(evidence_note(kind)) + " nhiệm vụ " + a.task_ref + " của " + a.agency + ".";
        svc.add_evidence(admin, a.id, e);
        ++tally.evidence;
        ++tally.journal;
    }

    service::AssignmentChange change;
    change.owner = person(rng);
    ++tally.journal;
    switch (plan) {
    case Plan::NotStarted: break;
    case Plan::InProgress:
        change.status = Status::InProgress;
        change.progress = rng.range(10, 60);
        tally.journal += 2;
        break;
    case Plan::Blocked:
        change.status = Status::Blocked;
        change.progress = rng.range(5, 60);
        tally.journal += 2;
        break;
    case Plan::Done: {
        change.status = Status::Done;
        change.progress = 100;
        Date done_on;
        if (a.due && *a.due < anchor && rng.chance(0.3)) done_on = clamp(a.due->plus_days(rng.range(1, 90)), issued, anchor);
        else if (a.due) done_on = clamp(std::min(*a.due, anchor).plus_days(-rng.range(0, 45)), issued, anchor);
        else done_on = clamp(anchor.plus_days(-rng.range(0, 300)), issued, anchor);
        change.completed_on = done_on;
        tally.journal += 3;
        break;
    }
    }
    svc.update(admin, a.id, change, std::nullopt);
    if (plan == Plan::InProgress && rng.chance(0.5)) {  // a later progress report
        service::AssignmentChange later;
        later.progress = std::min(95, *change.progress + rng.range(10, 35));
        svc.update(admin, a.id, later, std::nullopt);
        ++tally.journal;
    }
}

template <class Item, class Fn>
void in_batches(Service& svc, const std::vector<Item>& items, Fn fn) {
    for (std::size_t start = 0; start < items.size(); start += kBatch) {
        const auto end = std::min(items.size(), start + kBatch);
        svc.batch([&] {
            for (std::size_t i = start; i < end; ++i) fn(items[i]);
        });
    }
}

}  // namespace

namespace {
GenerateResult generate_file(const GenerateOptions& o);
}

// A server database is generated as a file first (the same seed gives the same province),
// then copied by `dtrack migrate`'s batched inserts in one transaction: the service's row at a
// time over the network would take many minutes. The database must be empty (createdb), and
// this runs as a role that may create roles (the migrations make the tracker's group roles).
GenerateResult generate(const GenerateOptions& o) {
    if (!store::is_server_spec(o.out.native())) return generate_file(o);
    const auto started = std::chrono::steady_clock::now();
    char tmpl[] = "/tmp/dtrack-bench-generate-XXXXXX";
    if (!mkdtemp(tmpl)) fail(ErrorKind::Storage, "Cannot create a temporary folder for the province.");
    const fs::path folder = tmpl;
    struct Remove {
        fs::path p;
        ~Remove() {
            std::error_code ec;
            fs::remove_all(p, ec);
        }
    } remove{folder};
    GenerateOptions file = o;
    file.out = folder / "province.db";
    auto result = generate_file(file);
    {
        store::OpenOptions options;
        options.create = true;  // an empty database gets the schema, the roles and no rows
        if (store::Store::open(o.out, options)->count_users() > 0)
            fail(ErrorKind::Usage, "'" + o.out.string() + "' is already a tracker: generate into a new, empty database.");
    }
    const auto copy_started = std::chrono::steady_clock::now();
    store::copy_file_to_server(file.out, o.out.native(), {{o.admin, o.password}});
    if (!o.quiet)
        std::cerr << "copied to the server in "
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - copy_started).count() << " s\n";
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

namespace {
GenerateResult generate_file(const GenerateOptions& o) {
    const auto started = std::chrono::steady_clock::now();
    if (o.assignments < 100) fail(ErrorKind::Usage, "Generate at least 100 assignments.");
    const Date today = Date::today();
    const Date anchor = o.anchor.value_or(today);
    if (anchor > today) fail(ErrorKind::Usage, "The anchor date " + anchor.vn() + " is after today: completions cannot be in the future.");
    std::error_code ec;
    if (fs::exists(o.out, ec)) {
        if (!o.force) fail(ErrorKind::Usage, "'" + o.out.string() + "' exists: give --force to replace it.");
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(o.out.string() + suffix, ec);
    }
    auto say = [&](const std::string& what) {
        if (!o.quiet)
            std::cerr << "[" << static_cast<int>(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count())
                      << " s] " << what << "\n";
    };

    auto store = store::Store::open(o.out);
    Service svc(*store);
    const Registry reg;
    svc.seed_registry(reg.rows);
    const auto admin = svc.create_first_admin(o.admin, o.password);
    Rng rng(o.seed);
    const int plan_year = anchor.month == 1 ? anchor.year - 1 : anchor.year;

    GenerateResult result;
    const int directives = static_cast<int>(std::clamp(o.assignments / 2000, 2L, 50L));
    const long first = o.assignments / 5;  // the report's directive: a fifth of the province
    const long rest = o.assignments - first;
    Tally tally;
    for (int d = 0; d < directives; ++d) {
        const long target = d == 0 ? first : rest / (directives - 1) + (d - 1 < rest % (directives - 1) ? 1 : 0);
        auto plan = plan_directive(rng, reg, d, directives, target, anchor, plan_year);
        const auto summary = svc.import_directive(admin, plan.outline);
        if (summary.assignments != target)
            fail(ErrorKind::Invalid, "Directive " + summary.code + " has " + std::to_string(summary.assignments) +
                                         " assignments, not the planned " + std::to_string(target) + ".");
        result.tasks += summary.tasks;
        result.assignments += summary.assignments;
        ++result.directives;
        service::ListFilter filter;
        filter.directive = summary.code;
        filter.as_of = anchor;
        const auto views = svc.list(filter);
        in_batches(svc, views, [&](const service::AssignmentView& v) { act(svc, admin, rng, v, plan.issued, anchor, tally); });
        if (d == 0 || (d + 1) % 10 == 0 || d + 1 == directives)
            say("directive " + summary.code + ": " + std::to_string(result.assignments) + " assignments so far");
    }
    result.assignment_journal = tally.journal;
    result.evidence = tally.evidence;

    // Investors and their projects, with weekly entries from January to the anchor date.
    struct InvestorPick { std::string name; int weight; };
    std::vector<InvestorPick> investors;
    for (const auto& row : reg.rows) {
        if (row.kind == "project_board") investors.push_back({row.name, 6});
        else if (row.kind == "district" || row.kind == "city") investors.push_back({row.name, 2});
        else if (row.kind == "commune" || row.kind == "ward") investors.push_back({row.name, 1});
    }
    svc.batch([&] {
        for (const auto& i : investors) svc.add_investor(admin, i.name, i.name);
    });
    result.investors = static_cast<int>(investors.size());
    int total_weight = 0;
    for (const auto& i : investors) total_weight += i.weight;
    const long projects = std::max(6L, o.assignments * 3 / 100);
    std::vector<service::ProjectInput> inputs;
    for (long p = 0; p < projects; ++p) {
        int w = rng.range(0, total_weight - 1);
        std::size_t k = 0;
        while (w >= investors[k].weight) w -= investors[k++].weight;
        service::ProjectInput in;
        char code[32];
        std::snprintf(code, sizeof code, "DA-%d-%04ld", plan_year, p + 1);
        in.code = code;
        in.name = str(rng.pick(kProjectKinds)) + " " + str(rng.pick(kCommunes)) + ", tỉnh Cao Bằng";
        in.investor = investors[k].name;
        in.year = plan_year;
        in.plan_assigned = rng.range(2L, 150L) * 1'000'000'000L + rng.range(0L, 999L) * 1'000'000L;
        in.plan_total = in.plan_assigned + in.plan_assigned / 100 * rng.range(0L, 15L);
        const double s = rng.unit();
        in.source = s < 0.8 ? store::CapitalSource::Domestic : s < 0.9 ? store::CapitalSource::Oda
                                                                        : store::CapitalSource::NationalTargetProgramme;
        inputs.push_back(std::move(in));
    }
    in_batches(svc, inputs, [&](const service::ProjectInput& in) { svc.add_project(admin, in); });
    result.projects = static_cast<int>(inputs.size());
    say(std::to_string(result.projects) + " projects of " + std::to_string(result.investors) + " investors");

    std::vector<service::EntryInput> entries;
    const Date window_end = std::min(anchor, Date{plan_year + 1, 1, 31});
    for (const auto& in : inputs) {
        const Date start = Date{plan_year, 1, 1}.plus_days(rng.range(0, 6));
        if (start > window_end) continue;
        const long weeks = (window_end.serial() - start.serial()) / 7 + 1;
        const double reached = 0.15 + 0.8 * rng.unit();  // of the assigned plan, by the anchor date
        const auto goal = static_cast<std::int64_t>(static_cast<double>(in.plan_assigned) * reached);
        std::vector<double> weight(static_cast<std::size_t>(weeks));
        double sum = 0;
        for (auto& w : weight) sum += (w = rng.chance(0.12) ? 0.0 : 0.2 + 1.6 * rng.unit());
        std::int64_t total = 0;
        for (long k = 0; k < weeks; ++k) {
            if (weight[static_cast<std::size_t>(k)] == 0.0 || sum == 0.0) continue;
            auto amount = static_cast<std::int64_t>(static_cast<double>(goal) * weight[static_cast<std::size_t>(k)] / sum);
            amount = amount / 1'000'000 * 1'000'000;
            if (amount < 1'000'000 || total + amount > in.plan_total) continue;
            total += amount;
            entries.push_back({in.code, start.plus_days(static_cast<int>(k * 7)), amount,
                               "Thanh toán khối lượng hoàn thành đợt " + std::to_string(k + 1), 0});
        }
    }
    in_batches(svc, entries, [&](const service::EntryInput& e) { svc.record_disbursement(admin, e); });
    result.entries = static_cast<long>(entries.size());
    result.journal_rows = store->journal_count();
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    say(std::to_string(result.entries) + " disbursement entries; done");
    return result;
}
}  // namespace

void export_taskwarrior(const fs::path& db, std::ostream& out) {
    store::OpenOptions options;
    options.create = false;
    auto store = store::Store::open(db, options);
    Service svc(*store);
    service::ListFilter all;
    auto project_of = [](const std::string& agency_short) {
        std::string p;
        for (char c : fold(agency_short))
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) p += c;
        return p;
    };
    auto tw_date = [](Date d, const char* time) {
        auto iso = d.iso();
        iso.erase(std::remove(iso.begin(), iso.end(), '-'), iso.end());
        return iso + time;
    };
    nlohmann::json tasks = nlohmann::json::array();
    for (const auto& v : svc.list(all)) {
        const auto& a = v.record;
        char uuid[40];
        std::snprintf(uuid, sizeof uuid, "00000000-0000-4000-8000-%012llx", static_cast<unsigned long long>(a.id));
        nlohmann::json t{{"uuid", uuid},
                         {"description", a.title},
                         {"project", project_of(a.agency_short)},
                         {"status", a.status == Status::Done ? "completed" : "pending"},
                         {"entry", "20250101T000000Z"},
                         {"tags", nlohmann::json::array({std::string(to_string(a.status))})}};
        if (a.due) t["due"] = tw_date(*a.due, "T235959Z");  // overdue from the next day on, as in dtrack
        if (a.status == Status::Done && a.completed_on) t["end"] = tw_date(*a.completed_on, "T120000Z");
        if (!a.owner.empty()) {
            nlohmann::json note = nlohmann::json::object();
            note["entry"] = "20250101T000000Z";
            note["description"] = a.owner;
            t["annotations"] = nlohmann::json::array();
            t["annotations"].push_back(std::move(note));
        }
        tasks.push_back(std::move(t));
    }
    out << tasks.dump() << "\n";
}

}  // namespace dt::bench

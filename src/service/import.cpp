// Seeding the agency registry and importing directives: groups fan out to their members.
#include <map>

#include "core/error.h"
#include "core/text.h"
#include "importer/importer.h"
#include "service/service.h"
#include "store/store.h"

namespace dt::service {

void Service::seed_registry(const std::vector<RegistryRow>& given) {
    // The registry is a file: its names are checked as a user's would be.
    std::vector<RegistryRow> rows = given;
    for (auto& row : rows) {
        row.name = check_single_line("An agency name in the registry", row.name, kMaxTitleBytes);
        row.short_name = check_single_line("The short name of " + row.name, row.short_name, kMaxShortBytes);
        row.kind = check_single_line("The kind of " + row.name, row.kind, kMaxShortBytes);
        if (row.name.empty() || row.kind.empty()) fail(ErrorKind::Invalid, Msg::RegistryRowNoNameKind);
        for (auto& g : row.groups) g = check_single_line("A group of " + row.name, g, kMaxTitleBytes);
        for (auto& a : row.aliases) a = check_single_line("An alias of " + row.name, a, kMaxTitleBytes);
    }
    // Seeding is the system's write: journalled like any other (who: the system).
    add_registry(system(), rows, [](const RegistryRow& row, const std::string& group) {
        fail(ErrorKind::Invalid, Msg::RegistryGroupNotGroup, {row.name, group});
    });
}

std::size_t Service::import_agencies(const Actor& actor, const std::vector<RegistryRow>& given) {
    require_admin(actor, "import agencies");
    std::vector<RegistryRow> rows = given;
    std::map<std::string, std::size_t> lines;  // folded name → line
    auto at = [](const RegistryRow& row) { return "Line " + std::to_string(row.line) + ": "; };
    for (auto& row : rows) {
        row.name = check_single_line(at(row) + "the agency name", row.name, kMaxTitleBytes);
        row.short_name = check_single_line(at(row) + "the short name", row.short_name, kMaxShortBytes);
        row.kind = check_single_line(at(row) + "the kind", row.kind, kMaxShortBytes);
        if (row.name.empty() || row.kind.empty()) fail(ErrorKind::Invalid, Msg::AgencyRowNoNameKind, {MsgArg::line(static_cast<long long>(row.line))});
        for (auto& g : row.groups) g = check_single_line(at(row) + "a group", g, kMaxTitleBytes);
        for (auto& a : row.aliases) a = check_single_line(at(row) + "an alias", a, kMaxTitleBytes);
        const auto key = dt::fold(row.name);
        if (auto seen = lines.find(key); seen != lines.end())
            fail(ErrorKind::Invalid, Msg::AgencyRowDuplicate, {MsgArg::line(static_cast<long long>(row.line)), quoted_input(row.name), seen->second});
        lines.emplace(key, row.line);
    }
    return add_registry(actor, rows, [](const RegistryRow& row, const std::string& group) {
        fail(ErrorKind::Invalid, Msg::AgencyRowNotGroup, {MsgArg::line(static_cast<long long>(row.line)), quoted_input(group)});
    });
}

std::size_t Service::add_registry(const Actor& actor, const std::vector<RegistryRow>& rows,
                                  const std::function<void(const RegistryRow&, const std::string&)>& refuse_not_a_group) {
    store::Store::WriteTx tx(store_);
    std::size_t added = 0;
    for (const auto& row : rows) {
        if (store_.find_agency(row.name)) continue;
        store::AgencyRecord a{0, row.name, row.short_name, row.kind, row.kind == "group", row.active};
        const Id id = store_.insert_agency(a, row.aliases);
        journal(actor, "agency", id, std::nullopt, "created", std::nullopt, row.name);
        ++added;
    }
    for (const auto& row : rows) {
        const auto member = store_.find_agency(row.name);
        for (const auto& group_name : row.groups) {
            const auto group = store_.find_agency(group_name);
            if (!group || !group->is_group) {
                refuse_not_a_group(row, group_name);  // throws, in the words of the caller
                continue;
            }
            store_.add_group_member(group->id, member->id);
        }
    }
    tx.commit();
    return added;
}

namespace {
// An outline comes from the importer, which cleans what it reads, or is built in code (the
// benchmark's province, tests): either way its text is checked as any user's text is, so that
// what is stored follows docs/INPUT.md. Lines are what they are in the text: the body and a
// task's full text keep theirs, every title is one line.
importer::Outline checked(const importer::Outline& in) {
    importer::Outline out = in;
    auto& meta = out.directive;
    meta.code = check_single_line("The directive's number", meta.code, kMaxShortBytes);
    meta.title = check_single_line("The directive's title", meta.title, kMaxReasonBytes);
    meta.issuer = check_single_line("The directive's issuer", meta.issuer, kMaxTitleBytes);
    meta.signer = check_single_line("The directive's signer", meta.signer, kMaxNameBytes);
    out.body = check_multi_line("The directive's text", out.body, importer::kMaxDirectiveBytes);
    for (auto& s : out.sections) {
        s.label = check_single_line("A section's label", s.label, kMaxShortBytes);
        s.title = check_single_line("The title of section " + s.label, s.title, kMaxReasonBytes);
    }
    for (auto& t : out.tasks) {
        t.ref = check_single_line("A task's reference", t.ref, kMaxShortBytes);
        const std::string what = "task " + t.ref;
        t.section = check_single_line("The section of " + what, t.section, kMaxShortBytes);
        if (t.parent) t.parent = check_single_line("The parent of " + what, *t.parent, kMaxShortBytes);
        t.title = check_single_line("The title of " + what, t.title, kMaxReasonBytes);
        t.text = check_multi_line("The text of " + what, t.text, kMaxTaskTextBytes);
    }
    for (auto& m : out.ladder) m.task_ref = check_single_line("A milestone's task reference", m.task_ref, kMaxShortBytes);
    return out;
}
}  // namespace

importer::AgencyCatalog Service::catalog() const {
    std::vector<importer::KnownAgency> entries;
    // Inactive agencies (district committees after 1/7/2025) are still recognised in the older
    // directives that name them.
    for (const auto& a : store_.agencies()) entries.push_back({a.name, store_.aliases_of(a.id), a.is_group, a.active});
    return importer::AgencyCatalog(std::move(entries));
}

ImportSummary Service::import_directive(const Actor& actor, const importer::Outline& given) {
    require_admin(actor, "import a directive");
    const importer::Outline outline = checked(given);
    const auto& meta = outline.directive;
    if (meta.code.empty())
        fail(ErrorKind::Invalid, Msg::DirectiveNoNumber);
    if (outline.tasks.empty()) fail(ErrorKind::Invalid, Msg::DirectiveNoTasks);

    store::Store::WriteTx tx(store_);
    if (store_.directive_exists(meta.code))
        fail(ErrorKind::Invalid, Msg::DirectiveImported, {meta.code});
    ImportSummary summary;
    summary.code = meta.code;
    summary.warnings = outline.warnings;
    store::DirectiveRecord d{0, meta.code, meta.issued_on, meta.issuer, meta.signer, meta.title, outline.body};
    summary.directive_id = store_.insert_directive(d, actor.user_id);

    // What comes with the directive counts from the directive's date (never later than today):
    // a directive typed in late held from the day it was issued, as late evidence counts from
    // its document's date. Anything added to it later counts from the day it is added.
    const Date today = Date::today();
    const Date exists_from = meta.issued_on && *meta.issued_on < today ? *meta.issued_on : today;
    const bool before_reorganisation = meta.issued_on && *meta.issued_on < Date{2025, 7, 1};
    std::map<std::string, Id> section_ids;
    int position = 0;
    for (const auto& s : outline.sections) {
        section_ids[s.label] = store_.insert_section({0, summary.directive_id, s.label, s.title, ++position});
        ++summary.sections;
    }
    position = 0;
    for (const auto& t : outline.tasks) {
        const auto section = section_ids.find(t.section);
        if (section == section_ids.end())
            fail(ErrorKind::Invalid, Msg::TaskSectionMissing, {t.ref});
        store::TaskRecord task{0, summary.directive_id, section->second, t.ref, t.parent, t.title, t.text,
                               t.deadline, t.recurrence, ++position};
        task.exists_from = exists_from;
        const Id task_id = store_.insert_task(task);
        ++summary.tasks;

        // One assignment per agency: a group expands to its members, and a lead share wins
        // over a coordinating one when an agency is reached twice.
        struct Share { AssignmentRole role; std::optional<Id> via; };
        std::map<Id, Share> shares;
        std::vector<Id> order;
        for (const auto& share : t.agencies) {
            const auto agency = share.registered ? store_.find_agency(share.name) : std::nullopt;
            if (!agency) {
                summary.warnings.push_back({Msg::ImportUnknownAgency, {t.ref, quoted_input(share.name)}});
                continue;
            }
            // A directive of before 1/7/2025, when the district level ended, still reaches the
            // district committees its groups name; a later one only the active members.
            std::vector<Id> members = !agency->is_group ? std::vector<Id>{agency->id}
                                      : before_reorganisation ? store_.all_group_members(agency->id)
                                                              : store_.group_members(agency->id);
            if (members.empty())
                summary.warnings.push_back({Msg::ImportGroupEmpty, {t.ref, quoted_input(share.name)}});
            for (Id m : members) {
                auto [it, inserted] = shares.try_emplace(m, Share{share.role, agency->is_group ? std::optional<Id>(agency->id) : std::nullopt});
                if (inserted) order.push_back(m);
                else if (share.role == AssignmentRole::Lead) it->second.role = AssignmentRole::Lead;
            }
        }
        for (Id m : order) {
            store::AssignmentRecord a;
            a.task_id = task_id;
            a.agency_id = m;
            a.role = shares[m].role;
            a.via_group_id = shares[m].via;
            a.due = t.deadline;
            a.exists_from = exists_from;
            store_.insert_assignment(a);
            ++summary.assignments;
        }
    }
    for (const auto& m : outline.ladder) store_.set_milestone(summary.directive_id, {m.date, m.percent, m.task_ref});
    journal(actor, "directive", summary.directive_id, std::nullopt, "imported", std::nullopt,
            meta.code + ": " + std::to_string(summary.tasks) + " tasks, " + std::to_string(summary.assignments) +
                " assignments");
    tx.commit();
    return summary;
}

}  // namespace dt::service

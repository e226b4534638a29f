// Quản trị › Nhập chỉ thị: a directive read from a file or pasted, shown as an editable plan
// (importer/plan.h, the plan `dtrack import --plan` applies) and stored only when the office
// says so: any task's text, deadline, recurrence, agencies and roles can be corrected, a task
// dropped or merged into another first.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "core/error.h"
#include "core/text.h"
#include "importer/importer.h"
#include "service/registry.h"
#include "ui/strings.h"
#include "ui/views/admin_parts.h"
#include "ui/widgets.h"

namespace dt::ui {

namespace {
constexpr Recurrence kRecurrences[] = {Recurrence::None,       Recurrence::Weekly, Recurrence::Monthly,
                                       Recurrence::Quarterly, Recurrence::HalfYearly, Recurrence::Yearly};

const char* recurrence_label(Recurrence r) {
    switch (r) {
        case Recurrence::None: return tr(T::RecNone);
        case Recurrence::Weekly: return tr(T::RecWeekly);
        case Recurrence::Monthly: return tr(T::RecMonthly);
        case Recurrence::Quarterly: return tr(T::RecQuarterly);
        case Recurrence::HalfYearly: return tr(T::RecHalfYearly);
        case Recurrence::Yearly: return tr(T::RecYearly);
    }
    return "";
}

void start_plan(AdminState& a, const importer::Outline& parsed, const importer::AgencyCatalog& catalog) {
    a.plan = importer::plan_of(parsed);
    a.plan_deadlines.clear();
    for (const auto& t : a.plan->tasks) a.plan_deadlines.push_back(t.task.deadline ? t.task.deadline->vn() : "");
    a.plan_names.clear();
    // Inactive agencies (district committees after 1/7/2025) are kept where the text named them
    // but not offered for a new assignment.
    for (const auto& e : catalog.entries())
        if (e.active) a.plan_names.push_back(e.name);
}

// One agency of a task: its name (any of the registry's), its role, and a button that removes it.
// Returns false when it was removed.
bool draw_share(AppState& s, const std::string& id, importer::AgencyShare& share) {
    const auto& names = s.admin.plan_names;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    if (ImGui::BeginCombo("##agency", share.name.c_str())) {
        for (const auto& n : names) {
            if (ImGui::Selectable(n.c_str(), n == share.name)) {
                share.name = n;
                share.registered = true;
            }
            probe(s, id + ":agency:" + n);
        }
        ImGui::EndCombo();
    }
    probe(s, id + ":agency");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::BeginCombo("##role", label(share.role))) {
        for (auto role : {AssignmentRole::Lead, AssignmentRole::Coordinate}) {
            if (ImGui::Selectable(label(role), role == share.role)) share.role = role;
            probe(s, id + ":role:" + std::string(to_string(role)));
        }
        ImGui::EndCombo();
    }
    probe(s, id + ":role");
    ImGui::SameLine();
    const bool removed = ImGui::SmallButton(tr(T::PlanRemove));
    probe(s, id + ":remove");
    return !removed;
}

void draw_plan_task(AppState& s, std::size_t index) {
    auto& a = s.admin;
    auto& p = a.plan->tasks[index];
    auto& t = p.task;
    const std::string id = "admin:plan:" + t.ref;
    ImGui::PushID(static_cast<int>(index));
    const bool open = ImGui::TreeNode("##task", "%s  %s%s", t.ref.c_str(), t.title.c_str(), p.drop ? " ✕" : "");
    probe_left(s, id);
    if (!open) {
        ImGui::PopID();
        return;
    }
    ImGui::Checkbox(tr(T::PlanDrop), &p.drop);
    probe(s, id + ":drop");
    // Labels stand before their fields, so that a field's centre (where a test clicks) is the field.
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(T::PlanMerge));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::BeginCombo("##merge", p.merge_into.empty() ? "—" : p.merge_into.c_str())) {
        if (ImGui::Selectable("—", p.merge_into.empty())) p.merge_into.clear();
        for (const auto& other : a.plan->tasks) {
            if (other.task.ref == t.ref) continue;
            if (ImGui::Selectable(other.task.ref.c_str(), other.task.ref == p.merge_into)) p.merge_into = other.task.ref;
            probe(s, id + ":merge:" + other.task.ref);
        }
        ImGui::EndCombo();
    }
    probe(s, id + ":merge");

    ImGui::InputTextMultiline("##text", &t.text, ImVec2(-1, ImGui::GetFontSize() * 4));
    probe(s, id + ":text");
    ImGui::TextUnformatted(tr(T::Deadline));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::InputTextWithHint("##deadline", "dd/mm/yyyy", &a.plan_deadlines[index]);
    probe(s, id + ":deadline");
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(T::PlanRecurrence));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::BeginCombo("##recurrence", recurrence_label(t.recurrence))) {
        for (auto r : kRecurrences) {
            if (ImGui::Selectable(recurrence_label(r), r == t.recurrence)) {
                t.recurrence = r;
                t.recurrence_day = 0;  // the day read from the text belonged to the former rhythm
                t.recurrence_dates.clear();
            }
            probe(s, id + ":recurrence:" + (r == Recurrence::None ? std::string("none") : std::string(to_string(r))));
        }
        ImGui::EndCombo();
    }
    probe(s, id + ":recurrence");

    for (std::size_t i = 0; i < t.agencies.size();) {
        ImGui::PushID(static_cast<int>(i));
        const bool kept = draw_share(s, id + ":" + std::to_string(i), t.agencies[i]);
        ImGui::PopID();
        if (kept) ++i;
        else t.agencies.erase(t.agencies.begin() + static_cast<std::ptrdiff_t>(i));
    }
    if (ImGui::SmallButton(tr(T::PlanAddAgency)) && !a.plan_names.empty()) {
        // The first registry name the task does not have yet, as a coordinator; the combo changes it.
        for (const auto& n : a.plan_names)
            if (std::none_of(t.agencies.begin(), t.agencies.end(), [&](const auto& x) { return x.name == n; })) {
                t.agencies.push_back({n, t.agencies.empty() ? AssignmentRole::Lead : AssignmentRole::Coordinate, true});
                break;
            }
    }
    probe(s, id + ":add");
    ImGui::TreePop();
    ImGui::PopID();
}

// The plan as the office left it, applied to what was read: a deadline that is not a date is
// refused with the task's reference, and nothing is stored.
importer::Outline planned(AdminState& a) {
    auto plan = *a.plan;
    for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
        auto& t = plan.tasks[i].task;
        const auto& typed = a.plan_deadlines[i];
        if (typed.find_first_not_of(' ') == std::string::npos) {
            t.deadline.reset();
            continue;
        }
        auto d = Date::parse_user(typed);
        if (!d) fail(ErrorKind::Invalid, Msg::TaskDeadlineInvalid, {t.ref, quoted_input(typed)});
        t.deadline = d;
    }
    return importer::apply_plan(*a.preview, plan);
}
}  // namespace

void draw_admin_import(AppState& s) {
    auto& a = s.admin;
    const bool admin = s.actor.role == UserRole::Admin;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    file_field(s.files, "import", tr(T::ImportFromFile), a.import_path, sizeof a.import_path, ChooseMode::Open,
               "*.txt *.docx *.pdf");
    ImGui::TextUnformatted(tr(T::PasteText));
    ImGui::InputTextMultiline("##paste", &a.import_text, ImVec2(-1, ImGui::GetFontSize() * 8));
    probe(s, "admin:import:paste");
    if (ImGui::Button(tr(T::Preview))) {
        a.preview.reset();
        a.plan.reset();
        a.preview_error.clear();
        try {
            const std::string text = a.import_path[0]
                                         ? service::read_file(a.import_path, importer::kMaxDirectiveBytes)
                                         : a.import_text;
            const auto catalog = s.service.catalog();
            a.preview = importer::parse_directive(text, catalog);
            start_plan(a, *a.preview, catalog);
        } catch (const Error& e) {
            a.preview_error = e.what();
        }
    }
    probe(s, "admin:import:preview");
    field_error(a.preview_error);
    if (!a.preview || !a.plan) return;

    const auto& o = *a.preview;
    ImGui::Text("%s — %s", o.directive.code.c_str(), o.directive.title.c_str());
    ImGui::Text("%zu %s · %zu %s", o.sections.size(), tr(T::Sections), a.plan->tasks.size(), tr(T::Tasks));
    // A few sentences, phrased in the window's language as it is now (it can change any frame).
    ImGui::PushTextWrapPos(0.0f);
    for (const auto& w : o.warnings)
        ImGui::TextColored(ImVec4(0.75f, 0.45f, 0.10f, 1.0f), "⚠ %s", w.say(language()).c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextWrapped("%s", tr(T::PlanHint));
    if (ImGui::BeginChild("##plan", ImVec2(0, ImGui::GetFontSize() * 22), true)) {
        for (std::size_t i = 0; i < a.plan->tasks.size(); ++i) draw_plan_task(s, i);
    }
    ImGui::EndChild();

    ImGui::BeginDisabled(!admin);
    if (ImGui::Button(tr(T::ImportNow))) {
        if (admin_act(s, [&] { s.service.import_directive(s.actor, planned(a)); }, T::Imported)) {
            a.preview.reset();
            a.plan.reset();
        }
    }
    probe(s, "admin:import:store");
    ImGui::EndDisabled();
    if (!admin) disabled_reason(tr(T::OnlyAdmin));
}

}  // namespace dt::ui

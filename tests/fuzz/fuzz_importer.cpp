// The directive importer on any bytes, with the agency registry of Cao Bằng as the service
// uses it: parse_directive either refuses the text with Error(Invalid) or returns an outline
// that the service can store as it is.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/text.h"
#include "fuzz_check.h"
#include "importer/importer.h"
#include "service/registry.h"

using namespace dt;

namespace {
const importer::AgencyCatalog* catalog = nullptr;
std::set<std::string> known;

void check_text(const std::string& s, const char* what, bool lines_allowed) {
    FUZZ_CHECK(is_valid_utf8(s), "%s is not valid UTF-8", what);
    FUZZ_CHECK(!has_control_chars(s), "%s has control characters", what);
    FUZZ_CHECK(lines_allowed || s.find('\n') == std::string::npos, "%s has a line break", what);
}

bool valid(const Date& d) { return Date::valid(d.year, d.month, d.day); }
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static const auto registry = service::load_registry_file(service::default_registry_path());
    static const auto built = service::catalog_from(registry);
    catalog = &built;
    for (const auto& e : built.entries()) known.insert(e.name);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    importer::Outline out;
    try {
        out = importer::parse_directive(text, *catalog);
    } catch (const Error& e) {
        FUZZ_CHECK(e.kind() == ErrorKind::Invalid, "refused with kind %d: %s", e.exit_code(), e.what());
        FUZZ_CHECK(*e.what() != '\0', "refused without a message");
        return 0;
    }

    const auto& meta = out.directive;
    check_text(meta.code, "the code", false);
    check_text(meta.title, "the title", true);
    check_text(meta.issuer, "the issuer", false);
    check_text(meta.signer, "the signer", false);
    check_text(out.body, "the body", true);
    if (meta.issued_on) FUZZ_CHECK(valid(*meta.issued_on), "invalid issue date");
    for (const auto& w : out.warnings) check_text(w.english(), "a warning", true);

    FUZZ_CHECK(!out.sections.empty(), "an outline without sections");
    std::set<std::string> sections;
    for (const auto& s : out.sections) {
        FUZZ_CHECK(!s.label.empty(), "a section without a label");
        FUZZ_CHECK(sections.insert(s.label).second, "section %s twice", s.label.c_str());
        check_text(s.label, "a section label", false);
        check_text(s.title, "a section title", false);
    }

    FUZZ_CHECK(!out.tasks.empty(), "sections without tasks");
    std::set<std::string> refs;
    for (const auto& t : out.tasks) {
        FUZZ_CHECK(!t.ref.empty(), "a task without a ref");
        FUZZ_CHECK(refs.insert(t.ref).second, "task %s twice", t.ref.c_str());
        check_text(t.ref, "a ref", false);
        check_text(t.title, "a task title", false);
        check_text(t.text, "a task text", true);
        FUZZ_CHECK(sections.count(t.section), "task %s in unknown section %s", t.ref.c_str(), t.section.c_str());
        FUZZ_CHECK(t.ref == t.section || t.ref.starts_with(t.section + "."), "task %s outside section %s",
                   t.ref.c_str(), t.section.c_str());
        if (t.parent) {
            FUZZ_CHECK(t.ref.starts_with(*t.parent + "."), "task %s under %s", t.ref.c_str(), t.parent->c_str());
            FUZZ_CHECK(!sections.count(t.ref), "task %s is also a section", t.ref.c_str());
        }
        if (t.deadline) FUZZ_CHECK(valid(*t.deadline), "task %s has an invalid deadline", t.ref.c_str());
        std::set<std::string> names;
        bool coordinating = false;
        for (const auto& a : t.agencies) {
            FUZZ_CHECK(names.insert(a.name).second, "task %s names %s twice", t.ref.c_str(), a.name.c_str());
            FUZZ_CHECK(known.count(a.name), "task %s: %s is not in the registry", t.ref.c_str(), a.name.c_str());
            if (a.role == AssignmentRole::Coordinate) coordinating = true;
            else FUZZ_CHECK(!coordinating, "task %s: a lead after a coordinating agency", t.ref.c_str());
            FUZZ_CHECK(std::find(out.agencies.begin(), out.agencies.end(), a.name) != out.agencies.end(),
                       "task %s: %s missing from the outline's agencies", t.ref.c_str(), a.name.c_str());
        }
    }
    FUZZ_CHECK(std::set<std::string>(out.agencies.begin(), out.agencies.end()).size() == out.agencies.size(),
               "an agency listed twice");
    for (const auto& m : out.ladder) {
        FUZZ_CHECK(valid(m.date), "a milestone with an invalid date");
        FUZZ_CHECK(m.percent >= 0 && m.percent <= 100, "a milestone of %d %%", m.percent);
        FUZZ_CHECK(refs.count(m.task_ref), "a milestone of unknown task %s", m.task_ref.c_str());
    }
    return 0;
}

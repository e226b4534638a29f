#pragma once
// Shared by the importer tests: the registry's catalog, reading test texts, finding tasks.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "importer/importer.h"
#include "service/registry.h"

namespace importer_test {

using dt::importer::Outline;
using dt::importer::Task;

inline const dt::importer::AgencyCatalog& registry() {
    static const auto catalog =
        dt::service::catalog_from(dt::service::load_registry_file(dt::service::default_registry_path()));
    return catalog;
}

inline std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path.string());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string test_directive(std::string_view name) {
    return read_bytes(std::filesystem::path(DT_TEST_DATA) / "directives" / name);
}

inline std::string seed_text() { return read_bytes(dt::service::default_directive_path()); }

inline Outline parse(std::string_view text) { return dt::importer::parse_directive(text, registry()); }

inline const Task& task(const Outline& o, std::string_view ref) {
    const auto it = std::find_if(o.tasks.begin(), o.tasks.end(), [&](const Task& t) { return t.ref == ref; });
    REQUIRE_MESSAGE(it != o.tasks.end(), "no task " << ref);
    return *it;
}

inline bool has_task(const Outline& o, std::string_view ref) {
    return std::any_of(o.tasks.begin(), o.tasks.end(), [&](const Task& t) { return t.ref == ref; });
}

inline std::vector<std::string> refs(const Outline& o) {
    std::vector<std::string> out;
    for (const auto& t : o.tasks) out.push_back(t.ref);
    return out;
}

// "Sở Tài chính:lead" for each share the registry knows, in order: compact to compare whole
// assignments at once. Names the registry does not know are in unregistered().
inline std::vector<std::string> shares(const Task& t) {
    std::vector<std::string> out;
    for (const auto& a : t.agencies)
        if (a.registered) out.push_back(a.name + ":" + std::string(dt::to_string(a.role)));
    return out;
}

inline std::vector<std::string> unregistered(const Task& t) {
    std::vector<std::string> out;
    for (const auto& a : t.agencies)
        if (!a.registered) out.push_back(a.name + ":" + std::string(dt::to_string(a.role)));
    return out;
}

inline bool has_warning(const Outline& o, std::string_view needle) {
    return std::any_of(o.warnings.begin(), o.warnings.end(),
                       [&](const dt::Notice& w) { return w.english().find(needle) != std::string::npos; });
}

// A warning as the Vietnamese window shows it.
inline bool has_warning_vi(const Outline& o, std::string_view needle) {
    return std::any_of(o.warnings.begin(), o.warnings.end(),
                       [&](const dt::Notice& w) { return w.say(dt::Lang::Vi).find(needle) != std::string::npos; });
}

inline std::string iso(const std::optional<dt::Date>& d) { return d ? d->iso() : "none"; }

}  // namespace importer_test

#include "service/seed.h"

#include "importer/importer.h"

namespace dt::service {

bool seed_defaults(Service& service, ImportSummary* summary) {
    if (!service.directives().empty()) return false;
    service.seed_registry(load_registry_file(default_registry_path()));
    const auto text = read_file(default_directive_path(), importer::kMaxDirectiveBytes);
    const auto result = service.import_directive(Service::system(), importer::parse_directive(text, service.catalog()));
    if (summary) *summary = result;
    return true;
}

}  // namespace dt::service

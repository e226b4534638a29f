#pragma once
// Computes the report from the service at an as-of date (and, with `since`, what changed).
#include <optional>
#include <string>

#include "report/model.h"
#include "service/service.h"

namespace dt::report {

struct Request {
    Date as_of;
    std::optional<Date> since;          // when absent, the as-of date of the last recorded report, if any
    std::optional<std::string> directive;  // code; the first directive when absent
    Date generated_on = Date::today();
};

// Throws Error(Invalid) when there is no directive, the code is unknown, or since > as_of.
Report build_report(const service::Service& service, const service::Actor& actor, const Request& request);

// The settings the admin keeps in the database (keys "report.*"), over the defaults.
Settings load_settings(const service::Service& service);
void save_setting(service::Service& service, const service::Actor& actor, const std::string& key, const std::string& value);

// The figures a recorded report keeps, as JSON: enough to show them again as they were.
std::string figures_json(const Report& report);

}  // namespace dt::report

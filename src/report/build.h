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
    std::optional<Settings> settings;   // this document's number, date, signer, recipients; else the saved ones
    bool since_last_report = true;      // without `since`: since the last recorded report (a reissue: none)
};

// A recorded report's document fields as JSON (number, date, signer, title, recipients, the
// day it was made), and back: a reissue rebuilds the report at its dates with these.
std::string document_json(const Report& report);
struct RecordedDocument {
    Settings settings;
    Date generated_on;
};
RecordedDocument parse_document_json(const std::string& json, const Settings& fallback);

// The next report's document: the saved settings, with the last recorded report's number,
// signer, title and recipients, its number incremented ("125/BC-UBND" → "126/BC-UBND").
Settings next_document(const service::Service& service);
// The request that rebuilds recorded report `id` exactly as it was made: its as-of and since
// dates, directive, document and day. Throws Error(Invalid) when there is no such report.
Request reissue_request(const service::Service& service, store::Id id);

// Throws Error(Invalid) when there is no directive, the code is unknown, or since > as_of.
Report build_report(const service::Service& service, const service::Actor& actor, const Request& request);

// The settings the admin keeps in the database (keys "report.*"), over the defaults.
Settings load_settings(const service::Service& service);
void save_setting(service::Service& service, const service::Actor& actor, const std::string& key, const std::string& value);

// The figures a recorded report keeps, as JSON: enough to show them again as they were.
std::string figures_json(const Report& report);

}  // namespace dt::report

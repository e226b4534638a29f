// The disbursement CSV import (dtrack invest import, the GUI's CSV preview): the RFC 4180
// reader on any bytes, then the service's reading and checking of the entries against a small
// database (two investors, three projects of 2025), and, when the preview accepts a file, the
// import itself inside a transaction that is rolled back so that every run sees the same data.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

#include "core/csv.h"
#include "core/error.h"
#include "core/text.h"
#include "fuzz_check.h"
#include "service/disbursement.h"
#include "service/service.h"
#include "store/store.h"

using namespace dt;

namespace {
std::filesystem::path folder;
std::unique_ptr<store::Store> db;
std::unique_ptr<service::Service> svc;
const std::set<std::string> kProjects = {"A-1", "A-2", "B-1"};

void remove_folder() {
    svc.reset();
    db.reset();
    std::error_code ec;
    std::filesystem::remove_all(folder, ec);
}

void add_project(const std::string& code, const std::string& investor, std::int64_t assigned, std::int64_t total) {
    service::ProjectInput p;
    p.code = code;
    p.name = "Dự án " + code;
    p.investor = investor;
    p.year = 2025;
    p.plan_assigned = assigned;
    p.plan_total = total;
    svc->add_project(service::Service::system(), p);
}

// Writes records back as CSV the way the report's CSV writer does (a BOM, then the fields).
std::string write_csv(const std::vector<CsvRecord>& records) {
    std::string out = "\xEF\xBB\xBF";
    for (const auto& r : records) {
        if (r.fields.size() == 1 && r.fields[0].empty()) {
            out += "\"\"\n";  // an empty line would be no record at all
            continue;
        }
        for (std::size_t i = 0; i < r.fields.size(); ++i) {
            if (i) out += ',';
            out += csv_field(r.fields[i]);
        }
        out += '\n';
    }
    return out;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::string templ = (std::filesystem::temp_directory_path() / "dt-fuzz-csv-XXXXXX").string();
    if (!mkdtemp(templ.data())) std::abort();
    folder = templ;
    std::atexit(remove_folder);
    db = store::Store::open(folder / "fuzz.db");
    svc = std::make_unique<service::Service>(*db);
    const auto admin = service::Service::system();
    svc->add_investor(admin, "Ban QLDA Ví dụ A", std::nullopt);
    svc->add_investor(admin, "Huyện Ví dụ B", std::nullopt);
    add_project("A-1", "Ban QLDA Ví dụ A", 100'000'000, 120'000'000);
    add_project("A-2", "Ban QLDA Ví dụ A", 5'000'000'000, 5'000'000'000);
    add_project("B-1", "Huyện Ví dụ B", 200'000'000, 200'000'000);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view csv(reinterpret_cast<const char*>(data), size);

    // The reader alone: what it reads, written back, reads the same.
    try {
        const auto records = parse_csv(csv);
        std::size_t last_line = 0;
        for (const auto& r : records) {
            FUZZ_CHECK(r.line > last_line, "record lines do not increase (%zu after %zu)", r.line, last_line);
            FUZZ_CHECK(!r.fields.empty(), "a record without fields on line %zu", r.line);
            last_line = r.line;
        }
        const auto again = parse_csv(write_csv(records));
        FUZZ_CHECK(again.size() == records.size(), "%zu records written back read as %zu", records.size(), again.size());
        for (std::size_t i = 0; i < records.size(); ++i)
            FUZZ_CHECK(again[i].fields == records[i].fields, "record %zu does not survive writing back", i);
    } catch (const Error& e) {
        FUZZ_CHECK(e.kind() == ErrorKind::Invalid, "parse_csv failed with kind %d: %s", e.exit_code(), e.what());
    }

    // The service's path, as `dtrack invest import` and the GUI take it.
    const auto admin = service::Service::system();
    std::vector<service::EntryInput> entries;
    try {
        entries = svc->preview_disbursement_csv(admin, csv);
    } catch (const Error& e) {
        FUZZ_CHECK(e.kind() == ErrorKind::Invalid, "preview failed with kind %d: %s", e.exit_code(), e.what());
        FUZZ_CHECK(is_valid_utf8(e.what()), "an error message that is not UTF-8");
        return 0;
    }
    FUZZ_CHECK(!entries.empty(), "an accepted file without entries");
    std::set<std::tuple<std::string, Date, std::int64_t>> seen;
    for (const auto& e : entries) {
        FUZZ_CHECK(kProjects.count(e.project_code), "entry for unknown project '%s'", e.project_code.c_str());
        FUZZ_CHECK(e.amount > 0 && e.amount <= 5'000'000'000, "entry of %lld", static_cast<long long>(e.amount));
        FUZZ_CHECK(service::within_plan_window(2025, e.date), "entry dated %s", e.date.iso().c_str());
        FUZZ_CHECK(seen.insert({e.project_code, e.date, e.amount}).second, "the same entry twice");
        FUZZ_CHECK(is_valid_utf8(e.note), "a note that is not UTF-8");
    }
    {
        store::Store::WriteTx outer(*db);  // never committed: the import is rolled back
        int imported = 0;
        try {
            imported = svc->import_disbursement_csv(admin, csv);
        } catch (const Error& e) {
            FUZZ_CHECK(false, "the preview accepted a file the import refuses (kind %d): %s", e.exit_code(), e.what());
        }
        FUZZ_CHECK(static_cast<std::size_t>(imported) == entries.size(), "imported %d of %zu previewed entries",
                   imported, entries.size());
    }
    return 0;
}

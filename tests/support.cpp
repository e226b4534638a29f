#include "support.h"

#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "core/clock.h"
#include "service/registry.h"

namespace dt::test {

FixedClock::FixedClock(Date day) { clock::set_fixed(static_cast<std::time_t>(day.serial()) * 86400 + 12 * 3600); }
FixedClock::~FixedClock() { clock::set_fixed(std::nullopt); }

TempDir::TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("dtrack-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

importer::Outline small_outline() {
    importer::Outline o;
    o.directive = {"99/CT-TEST", Date{2025, 4, 1}, "Về việc thử nghiệm", "UBND tỉnh Cao Bằng", "Nguyễn Văn A"};
    o.sections = {{"1", "Giải ngân vốn đầu tư công"}, {"2", "Phát triển thương mại"}};
    o.tasks.push_back({"1.1", "1", std::nullopt, "Tổng hợp báo cáo giải ngân", "Tổng hợp báo cáo giải ngân hằng tháng",
                       Date{2025, 6, 30}, Recurrence::Monthly,
                       {{"Sở Tài chính", AssignmentRole::Lead}, {"Sở Xây dựng", AssignmentRole::Coordinate}}, 0, {}});
    o.tasks.push_back({"1.2", "1", std::nullopt, "Đẩy nhanh giải ngân vốn", "Đẩy nhanh giải ngân vốn đầu tư công",
                       Date{2025, 12, 31}, Recurrence::None, {{"UBND các huyện, thành phố", AssignmentRole::Lead}}, 0, {}});
    o.tasks.push_back({"2.1", "2", std::nullopt, "Phát triển hạ tầng thương mại", "Phát triển hạ tầng thương mại biên giới",
                       std::nullopt, Recurrence::None, {{"Sở Công Thương", AssignmentRole::Lead}}, 0, {}});
    o.agencies = {"Sở Tài chính", "Sở Xây dựng", "UBND các huyện, thành phố", "Sở Công Thương"};
    o.body = "1. Giải ngân vốn đầu tư công\n2. Phát triển thương mại";
    return o;
}

Fixture::Fixture() {
    if (test_pg_uri()) {
        pg = std::make_unique<PgDatabase>();
        store = store::Store::open(pg->uri);
        // Tests replay dated changes (FixedClock): let the journal take the program's clock.
        const auto clock = pg->psql_owner("INSERT INTO dtrack_meta VALUES ('client_clock', 'on')");
        REQUIRE_MESSAGE(clock.exit_code == 0, clock.out);
    } else {
        store = store::Store::open(dir / "tracker.db");
    }
    service = std::make_unique<service::Service>(*store);
    service->seed_registry(service::load_registry_file(service::default_registry_path()));
    admin = service->create_first_admin("admin", "mật-khẩu-quản-trị");
    service->import_directive(admin, small_outline());
}

Fixture::~Fixture() {
    service.reset();
    store.reset();  // before the database is dropped
}

service::Actor Fixture::add_user(const std::string& name, UserRole role, std::optional<std::string> agency) {
    service->add_user(admin, name, "mật-khẩu-" + name, role, agency);
    if (pg) {
        // On a server signing in is connecting as the user; the owner's connection stands in.
        const auto u = store->find_user(name);
        REQUIRE(u.has_value());
        return service::Actor{u->id, u->name, u->role, u->agency_id, u->agency_name, service::credential_of(u->password_hash)};
    }
    return service->sign_in(name, "mật-khẩu-" + name);
}

store::Id Fixture::assignment_of(const std::string& task_ref, const std::string& agency) const {
    service::ListFilter filter;
    filter.agency = agency;
    for (const auto& v : service->list(filter))
        if (v.record.task_ref == task_ref) return v.record.id;
    return 0;
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

ErrorKind kind_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.kind();
    }
    FAIL("no error was raised");
    return ErrorKind::Usage;
}

CommandResult run_dtrack(const std::string& args, const std::string& env) { return run_program(DT_DTRACK_EXE, args, env); }

CommandResult run_program(const std::string& exe, const std::string& args, const std::string& env) {
    TempDir io;
    const auto out = io / "out", err = io / "err";
    // English unless a test asks for another language: the sentences tests look for are English.
    const std::string cmd = "LC_ALL= LC_MESSAGES= LANG=C " + env + " '" + exe + "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "' </dev/null";
    const int status = std::system(cmd.c_str());
    CommandResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_text(out);
    r.err = read_text(err);
    return r;
}

}  // namespace dt::test

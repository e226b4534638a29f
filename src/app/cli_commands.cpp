// dtrack's commands: parse arguments into domain values, call the service, print.
#include "app/cli_commands.h"

#include <nlohmann/json.hpp>

#include <climits>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "core/numbers.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/text.h"
#include "app/cli_plan.h"
#include "importer/importer.h"
#include "importer/sources/sources.h"
#include "app/cli_session.h"
#include "app/daily_backup.h"
#include "app/prompt.h"
#include "service/recovery.h"
#include "service/registry.h"
#include "service/seed.h"

namespace dt::cli {

using store::Id;

namespace {

Id parse_id(const std::string& text) {
    return whole_or_fail(text, "", "an assignment id (a positive whole number)", 1, INT64_MAX);
}

int parse_int(const std::string& text, const std::string& what) {
    return static_cast<int>(whole_or_fail(text, what + " ", "a whole number", INT_MIN, INT_MAX));
}

Status parse_status_or_fail(const std::string& s) {
    if (auto st = parse_status(s)) return *st;
    fail(ErrorKind::Invalid, "Unknown status " + quoted_input(s) + " (use not_started, in_progress, done or blocked).");
}

Date as_of_or_today(const std::optional<std::string>& text) {
    return text ? parse_date_or_fail(*text, "The as-of date") : Date::today();
}

}  // namespace

Session open_session(const Context& ctx, bool create) {
    Session s;
    store::OpenOptions options;
    options.create = create;
    // On a server, signing in is connecting as the user (the server checks the password).
    const bool server = store::is_server_spec(ctx.db.native());
    if (server) options.user = ctx.user;
    s.store = store::Store::open(ctx.db, options);
    s.service = std::make_unique<service::Service>(*s.store);
    if (!server) app::take_daily_backup(*s.store, *s.service);  // a server's backups are the server's job
    if (ctx.user && server) {
        s.actor = s.service->sign_in(*ctx.user, "");
    } else if (ctx.user) {
        // Without DTRACK_PASSWORD a valid session of this user (dtrack login) stands for the password.
        std::optional<service::Actor> resumed;
        if (const char* password = std::getenv("DTRACK_PASSWORD"); !password || !*password)
            resumed = resume_session(*s.service, ctx.db, *ctx.user);
        s.actor = resumed ? std::move(*resumed)
                          : s.service->sign_in(*ctx.user, app::read_password("DTRACK_PASSWORD", "Password for " + *ctx.user + ": "));
    } else
        s.actor = s.service->anonymous();
    return s;
}

int run_init(const Context& ctx, const InitOptions& o) {
    store::OpenOptions options;
    options.accept_empty = true;  // asked for: an empty file becomes a new database
    auto store = store::Store::open(ctx.db, options);
    service::Service service(*store);
    if (o.admin) {
        const auto password = app::read_password("DTRACK_PASSWORD", "Password for the new administrator " + *o.admin + ": ");
        service.create_first_admin(*o.admin, password);
        std::cout << "Created administrator " << *o.admin << ".\n";
    }
    service::ImportSummary summary;
    if (!o.no_seed && service::seed_defaults(service, &summary)) {
        std::cout << "Seeded " << service.agencies().size() << " agencies and directive " << summary.code << " ("
                  << summary.tasks << " tasks, " << summary.assignments << " assignments).\n";
    }
    std::cout << "Database ready: " << ctx.db.string() << " (schema " << store->schema_version() << ").\n";
    return 0;
}

int run_server_init(const Context& ctx, const InitOptions& o) {
    if (!store::is_server_spec(ctx.db.native()))
        fail(ErrorKind::Usage, "'server init' needs --db postgresql://OWNER@HOST/DBNAME (a file is made with 'init').");
    auto store = store::Store::open(ctx.db, {});  // as the database's owner, who may create roles
    service::Service service(*store);
    if (service.has_users()) fail(ErrorKind::Invalid, "'" + ctx.db.string() + "' is already a tracker with users.");
    const auto password = app::read_password("DTRACK_PASSWORD", "Password for the new administrator " + *o.admin + ": ");
    service.create_first_admin(*o.admin, password);
    std::cout << "Created administrator " << *o.admin << " (a PostgreSQL login role).\n";
    service::ImportSummary summary;
    if (!o.no_seed && service::seed_defaults(service, &summary)) {
        std::cout << "Seeded " << service.agencies().size() << " agencies and directive " << summary.code << " ("
                  << summary.tasks << " tasks, " << summary.assignments << " assignments).\n";
    }
    std::cout << "Server database ready: " << store->path().string() << " (schema " << store->schema_version() << ").\n";
    return 0;
}

namespace {
// "-" is standard input; a .docx or a PDF is read by its bytes, whatever its name says.
std::string directive_text(const std::string& file) {
    std::string bytes;
    if (file == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        bytes = ss.str();
        if (bytes.size() > importer::kMaxDirectiveBytes * 4)
            fail(ErrorKind::Invalid, "The directive given on standard input is too large.");
    } else {
        bytes = service::read_file(file, importer::kMaxDirectiveBytes * 4);
    }
    return importer::sources::text_of(bytes);
}

importer::Outline planned(importer::Outline outline, const std::optional<std::string>& plan) {
    if (!plan) return outline;
    return app::apply_plan(outline, service::read_file(*plan, importer::kMaxDirectiveBytes));
}
}  // namespace

int run_import(const Context& ctx, const ImportOptions& o) {
    const auto text = directive_text(o.file);
    if (o.dry_run) {
        // A preview stores nothing; it needs the database only for the agencies it knows.
        std::error_code ec;
        importer::AgencyCatalog catalog;
        if (std::filesystem::exists(ctx.db, ec)) {
            store::OpenOptions options;
            options.create = false;
            auto store = store::Store::open(ctx.db, options);
            catalog = service::Service(*store).catalog();
        } else {
            catalog = service::catalog_from(service::load_registry_file(service::default_registry_path()));
        }
        const auto outline = planned(importer::parse_directive(text, catalog), o.plan);
        if (o.json) {
            std::cout << outline_json(outline) << "\n";
        } else {
            std::cout << outline.directive.code << " — " << outline.directive.title << "\n"
                      << outline.sections.size() << " sections, " << outline.tasks.size() << " tasks, "
                      << outline.agencies.size() << " agencies\n";
            for (const auto& t : outline.tasks)
                std::cout << "  " << t.ref << (t.deadline ? " (hạn " + t.deadline->vn() + ")" : "") << ": " << t.title << "\n";
            for (const auto& w : outline.warnings) std::cout << "warning: " << w << "\n";
        }
        return 0;
    }
    auto s = open_session(ctx);
    const auto outline = planned(importer::parse_directive(text, s.service->catalog()), o.plan);
    const auto summary = s.service->import_directive(s.actor, outline);
    if (o.json) {
        std::cout << nlohmann::json{{"directive_id", summary.directive_id}, {"code", summary.code},
                                    {"sections", summary.sections}, {"tasks", summary.tasks},
                                    {"assignments", summary.assignments}, {"warnings", summary.warnings}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                  << "\n";
    } else {
        std::cout << "Imported " << summary.code << ": " << summary.sections << " sections, " << summary.tasks
                  << " tasks, " << summary.assignments << " assignments.\n";
        for (const auto& w : summary.warnings) std::cerr << "warning: " << w << "\n";
    }
    return 0;
}

int run_list(const Context& ctx, const ListOptions& o) {
    service::ListFilter filter;
    filter.directive = o.directive;
    filter.section = o.section;
    filter.agency = o.agency;
    filter.owner = o.owner;
    filter.search = o.search;
    if (o.status) filter.status = parse_status_or_fail(*o.status);
    if (o.bucket) {
        filter.bucket = parse_bucket(*o.bucket);
        if (!filter.bucket)
            fail(ErrorKind::Invalid, "Unknown bucket '" + *o.bucket +
                                         "' (use done_on_time, done_late, open_on_time, open_overdue or no_deadline).");
    }
    filter.as_of = as_of_or_today(o.as_of);
    filter.detail = store::RowDetail::List;  // neither output shows the task's text
    auto s = open_session(ctx);
    const auto rows = s.service->list(filter);
    if (o.json) std::cout << assignments_json(rows) << "\n";
    else print_assignments(rows);
    return 0;
}

int run_show(const Context& ctx, const std::string& id_text, bool json) {
    const Id id = parse_id(id_text);
    auto s = open_session(ctx);
    const auto view = s.service->get(id);
    const auto evidence = s.service->evidence(id);
    if (json) std::cout << assignment_json(view, evidence) << "\n";
    else print_assignment(view, evidence);
    return 0;
}

int run_update(const Context& ctx, const UpdateOptions& o) {
    const Id id = parse_id(o.id);
    service::AssignmentChange change;
    if (o.status) change.status = parse_status_or_fail(*o.status);
    if (o.progress) change.progress = parse_int(*o.progress, "Progress");
    change.owner = o.owner;
    if (o.due) change.due = parse_date_or_fail(*o.due, "The due date");
    if (o.done_on) change.completed_on = parse_date_or_fail(*o.done_on, "The completion date");
    std::optional<int> expect;
    if (o.expect_version) expect = parse_int(*o.expect_version, "The expected version");
    if (!change.status && !change.progress && !change.owner && !change.due && !change.completed_on)
        fail(ErrorKind::Usage, "Nothing to change: give --status, --progress, --owner, --due or --done-on.");
    auto s = open_session(ctx);
    const auto view = s.service->update(s.actor, id, change, expect);
    std::cout << "Assignment " << id << " is now " << to_string(view.record.status) << ", " << view.record.progress
              << "% (version " << view.record.version << ").\n";
    return 0;
}

int run_evidence_add(const Context& ctx, const EvidenceOptions& o) {
    const Id id = parse_id(o.id);
    service::EvidenceInput input;
    input.note = o.note;
    input.doc_ref = o.doc_ref.value_or("");
    if (o.doc_date) input.doc_date = parse_date_or_fail(*o.doc_date, "The document date");
    if (o.file) {
        const std::filesystem::path path(*o.file);
        input.file = store::EvidenceFile{path.filename().string(),
                                         service::read_file(path, service::kMaxAttachmentBytes), ""};
    }
    auto s = open_session(ctx);
    const Id evidence_id = s.service->add_evidence(s.actor, id, input);
    std::cout << "Added evidence " << evidence_id << " to assignment " << id << ".\n";
    return 0;
}

int run_propose(const Context& ctx, const ProposeOptions& o) {
    const Id id = parse_id(o.id);
    service::ProposalInput input{o.difficulties, o.proposals};
    std::optional<int> expect;
    if (o.expect_version) expect = parse_int(*o.expect_version, "The expected version");
    auto s = open_session(ctx);
    const auto view = s.service->propose(s.actor, id, input, expect);
    std::cout << "Assignment " << id << " (" << view.record.agency << "): difficulties and proposals saved, version "
              << view.record.version << ".\n";
    return 0;
}

int run_history(const Context& ctx, const std::string& id_text, bool json) {
    const Id id = parse_id(id_text);
    auto s = open_session(ctx);
    const auto entries = s.service->history(id);
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& j : entries)
            out.push_back({{"at", j.at}, {"user", j.user_name}, {"field", j.field},
                           {"old", j.old_value ? nlohmann::json(*j.old_value) : nlohmann::json(nullptr)},
                           {"new", j.new_value ? nlohmann::json(*j.new_value) : nlohmann::json(nullptr)}});
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    for (const auto& j : entries)
        std::cout << j.at << "  " << j.user_name << "  " << j.field << ": " << j.old_value.value_or("—") << " → "
                  << j.new_value.value_or("—") << "\n";
    return 0;
}

int run_user_add(const Context& ctx, const UserAddOptions& o) {
    const auto role = parse_user_role(o.role);
    if (!role) fail(ErrorKind::Invalid, "Unknown role '" + o.role + "' (use admin, agency or viewer).");
    auto s = open_session(ctx);
    const auto password = app::read_password("DTRACK_NEW_PASSWORD", "Password for the new user " + o.name + ": ");
    s.service->add_user(s.actor, o.name, password, *role, o.agency, o.full_name);
    std::cout << "Added user " << o.name << " (" << o.role << (o.agency ? ", " + *o.agency : "") << ").\n";
    return 0;
}

int run_user_list(const Context& ctx, bool json) {
    auto s = open_session(ctx);
    const auto users = s.service->users(s.actor);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& u : users) {
        const bool locked = u.locked_until && seconds_until(*u.locked_until).value_or(0) > 0;
        if (json) out.push_back({{"name", u.name}, {"role", to_string(u.role)}, {"agency", u.agency_name}, {"full_name", u.full_name}, {"active", u.active},
                                 {"locked_until", locked ? nlohmann::json(*u.locked_until) : nlohmann::json(nullptr)}});
        else std::cout << u.name << (u.full_name.empty() ? "" : "  " + u.full_name) << "  " << to_string(u.role) << (u.agency_name.empty() ? "" : "  " + u.agency_name)
                       << (u.active ? "" : "  (inactive)") << (locked ? "  (locked until " + *u.locked_until + ")" : "")
                       << "\n";
    }
    if (json) std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
}

int run_agency_list(const Context& ctx, bool json) {
    auto s = open_session(ctx);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : s.service->agencies()) {
        if (json) out.push_back({{"id", a.id}, {"name", a.name}, {"short_name", a.short_name}, {"kind", a.kind}, {"active", a.active}});
        else std::cout << a.id << "  " << a.name << (a.short_name.empty() ? "" : " (" + a.short_name + ")") << "  " << a.kind << "\n";
    }
    if (json) std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
}

int run_agency_add(const Context& ctx, const AgencyAddOptions& o) {
    auto s = open_session(ctx);
    const Id id = s.service->add_agency(s.actor, o.name, o.short_name, o.kind, o.groups);
    std::cout << "Added agency " << id << ": " << o.name << ".\n";
    return 0;
}

int run_agency_import(const Context& ctx, const std::string& file) {
    auto s = open_session(ctx);
    const auto rows = service::parse_registry_csv(service::read_file(file, 4 * 1024 * 1024));
    const auto added = s.service->import_agencies(s.actor, rows);
    std::cout << "Read " << rows.size() << " agencies; added " << added << " (the others were already known).\n";
    return 0;
}

int run_agency_rename(const Context& ctx, const std::string& name, const std::string& new_name) {
    auto s = open_session(ctx);
    s.service->rename_agency(s.actor, name, new_name);
    std::cout << "Renamed '" << name << "' to '" << new_name << "'; the old name still finds it.\n";
    return 0;
}

int run_agency_deactivate(const Context& ctx, const std::string& name) {
    auto s = open_session(ctx);
    s.service->set_agency_active(s.actor, name, false);
    std::cout << "Deactivated '" << name << "': its assignments and history stay; new tasks skip it.\n";
    return 0;
}

int run_summary(const Context& ctx, const std::optional<std::string>& as_of_text) {
    const Date as_of = as_of_or_today(as_of_text);
    auto s = open_session(ctx);
    const auto directives = s.service->directives();
    if (directives.empty()) std::cout << "No directive has been imported yet: use 'dtrack import FILE'.\n";
    for (const auto& d : directives) {
        const auto summary = s.service->summary(d, as_of);
        // A directive has at least one task from its import on: none at the date, not yet then.
        if (summary.tasks == 0) continue;
        print_summary(summary, as_of);
        std::cout << "\n";
    }
    return 0;
}

int run_check(const Context& ctx) {
    store::OpenOptions options;
    options.create = false;
    auto store = store::Store::open(ctx.db, options);
    const service::Service service(*store);
    const auto problems = service.check();
    if (!problems.empty()) {
        for (const auto& p : problems) std::cerr << printable(p) << "\n";
        throw store::StorageError(store::Fault::Damaged, ctx.db,
                                  "The database '" + ctx.db.string() + "' is damaged (" + std::to_string(problems.size()) +
                                      (problems.size() == 1 ? " problem" : " problems") + ", listed above).");
    }
    // A broken business rule is not a damaged file: restoring a backup would lose the day's
    // work to fix what the office can correct in place, so it is shown with its own exit code.
    const auto broken = service.inconsistencies();
    if (!broken.empty()) {
        for (const auto& b : broken) std::cerr << printable(b) << "\n";
        std::cerr << "dtrack: the file '" << printable(ctx.db.string()) << "' is sound, but " << broken.size()
                  << (broken.size() == 1 ? " rule of the tracker is" : " rules of the tracker are")
                  << " broken (listed above, with the rows): an inconsistency, not damage, so do not restore a backup; "
                     "an administrator repairs it (a done assignment without evidence: 'dtrack review ID --reason …' "
                     "sends it back, or its agency adds evidence).\n";
        return kExitInconsistent;
    }
    std::cout << "ok: " << ctx.db.string() << " is healthy (schema " << store->schema_version() << ").\n";
    return 0;
}

int run_backup(const Context& ctx, const std::string& path) {
    if (store::is_server_spec(ctx.db.native())) return run_server_backup(ctx, path);
    auto s = open_session(ctx);
    s.service->backup(s.actor, path);
    std::cout << "Backed up to " << path << ".\n";
    return 0;
}

int run_restore(const Context& ctx, const std::string& path) {
    if (store::is_server_spec(ctx.db.native())) return run_server_restore(ctx, path);
    // A database that cannot be used is replaced without signing in (service/recovery.h).
    if (service::unusable_database(ctx.db)) {
        const auto kept = service::restore_unusable(ctx.db, path);
        std::cout << "Restored " << ctx.db.string() << " from " << path << "."
                  << (kept.empty() ? "" : " The file it replaced is kept as " + kept.string() + ".") << "\n";
        return 0;
    }
    auto s = open_session(ctx);
    s.service->restore(s.actor, path);
    std::cout << "Restored " << ctx.db.string() << " from " << path << ".\n";
    return 0;
}

}  // namespace dt::cli

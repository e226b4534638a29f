// dtrack's commands: parse arguments into domain values, call the service, print.
#include "app/cli_commands.h"

#include <nlohmann/json.hpp>

#include <climits>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>

#include "core/numbers.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/text.h"
#include "app/cli_plan.h"
#include "importer/importer.h"
#include "importer/sources/sources.h"
#include "app/cli_session.h"
#include "app/cli_words.h"
#include "app/daily_backup.h"
#include "app/prompt.h"
#include "service/recovery.h"
#include "service/registry.h"
#include "service/seed.h"

namespace dt::cli {

using store::Id;

namespace {

Id parse_id(const std::string& text) {
    return whole_or_fail(text, Msg::NotAssignmentId, {}, 1, INT64_MAX);
}

int parse_int(const std::string& text, const std::string& what) {
    return static_cast<int>(whole_or_fail(text, Msg::NotWholeNumber, {MsgArg::field(what)}, INT_MIN, INT_MAX));
}

Status parse_status_or_fail(const std::string& s) {
    if (auto st = parse_status(s)) return *st;
    fail(ErrorKind::Invalid, Msg::UnknownStatus, {quoted_input(s)});
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
    if (!server) app::take_daily_backup(*s.store, *s.service, lang());  // a server's backups are the server's job
    if (ctx.user && server) {
        s.actor = s.service->sign_in(*ctx.user, "");
    } else if (ctx.user) {
        // Without DTRACK_PASSWORD a valid session of this user (dtrack login) stands for the password.
        std::optional<service::Actor> resumed;
        if (const char* password = std::getenv("DTRACK_PASSWORD"); !password || !*password)
            resumed = resume_session(*s.service, ctx.db, *ctx.user);
        s.actor = resumed ? std::move(*resumed)
                          : s.service->sign_in(*ctx.user, app::read_password("DTRACK_PASSWORD", say(Msg::PromptPassword, {*ctx.user})));
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
        const auto password = app::read_password("DTRACK_PASSWORD", say(Msg::PromptNewAdmin, {*o.admin}));
        service.create_first_admin(*o.admin, password);
        std::cout << say(Msg::OutCreatedAdmin, {*o.admin}) << "\n";
    }
    service::ImportSummary summary;
    if (!o.no_seed && service::seed_defaults(service, &summary)) {
        std::cout << say(Msg::OutSeeded, {MsgArg::grouped(static_cast<long long>(service.agencies().size())), summary.code,
                                          MsgArg::grouped(summary.tasks), MsgArg::grouped(summary.assignments)})
                  << "\n";
    }
    std::cout << say(Msg::OutDatabaseReady, {ctx.db.string(), store->schema_version()}) << "\n";
    return 0;
}

int run_server_init(const Context& ctx, const InitOptions& o) {
    if (!store::is_server_spec(ctx.db.native()))
        fail(ErrorKind::Usage, Msg::ServerInitNeedsServer);
    auto store = store::Store::open(ctx.db, {});  // as the database's owner, who may create roles
    service::Service service(*store);
    if (service.has_users()) fail(ErrorKind::Invalid, Msg::AlreadyTracker, {ctx.db.string()});
    const auto password = app::read_password("DTRACK_PASSWORD", say(Msg::PromptNewAdmin, {*o.admin}));
    service.create_first_admin(*o.admin, password);
    std::cout << say(Msg::OutCreatedServerAdmin, {*o.admin}) << "\n";
    service::ImportSummary summary;
    if (!o.no_seed && service::seed_defaults(service, &summary)) {
        std::cout << say(Msg::OutSeeded, {MsgArg::grouped(static_cast<long long>(service.agencies().size())), summary.code,
                                          MsgArg::grouped(summary.tasks), MsgArg::grouped(summary.assignments)})
                  << "\n";
    }
    std::cout << say(Msg::OutServerReady, {store->path().string(), store->schema_version()}) << "\n";
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
            fail(ErrorKind::Invalid, Msg::StdinTooLarge);
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
                      << say(Msg::OutPreviewCounts, {MsgArg::grouped(static_cast<long long>(outline.sections.size())),
                                                     MsgArg::grouped(static_cast<long long>(outline.tasks.size())),
                                                     MsgArg::grouped(static_cast<long long>(outline.agencies.size()))})
                      << "\n";
            for (const auto& t : outline.tasks)
                std::cout << "  " << t.ref << (t.deadline ? " (" + say(Msg::OutDue, {*t.deadline}) + ")" : "") << ": " << t.title << "\n";
            for (const auto& w : said(outline.warnings)) std::cout << say(Msg::OutWarning, {w}) << "\n";
        }
        return 0;
    }
    auto s = open_session(ctx);
    const auto outline = planned(importer::parse_directive(text, s.service->catalog()), o.plan);
    const auto summary = s.service->import_directive(s.actor, outline);
    if (o.json) {
        std::cout << nlohmann::json{{"directive_id", summary.directive_id}, {"code", summary.code},
                                    {"sections", summary.sections}, {"tasks", summary.tasks},
                                    {"assignments", summary.assignments}, {"warnings", said(summary.warnings)}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                  << "\n";
    } else {
        std::cout << say(Msg::OutImported, {summary.code, MsgArg::grouped(summary.sections), MsgArg::grouped(summary.tasks),
                                            MsgArg::grouped(summary.assignments)})
                  << "\n";
        for (const auto& w : said(summary.warnings)) std::cerr << say(Msg::OutWarning, {w}) << "\n";
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
            fail(ErrorKind::Invalid, Msg::UnknownBucket, {quoted_input(*o.bucket)});
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
        fail(ErrorKind::Usage, Msg::NothingToChange);
    auto s = open_session(ctx);
    const auto view = s.service->update(s.actor, id, change, expect);
    std::cout << say(Msg::OutUpdated, {id, in_sentence(view.record.status), view.record.progress, view.record.version})
              << "\n";
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
    std::cout << say(Msg::OutEvidenceAdded, {evidence_id, id}) << "\n";
    return 0;
}

int run_propose(const Context& ctx, const ProposeOptions& o) {
    const Id id = parse_id(o.id);
    service::ProposalInput input{o.difficulties, o.proposals};
    std::optional<int> expect;
    if (o.expect_version) expect = parse_int(*o.expect_version, "The expected version");
    auto s = open_session(ctx);
    const auto view = s.service->propose(s.actor, id, input, expect);
    std::cout << say(Msg::OutProposed, {id, view.record.agency, view.record.version}) << "\n";
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
    // The fields of an assignment in words, as the GUI's history says them; a status or a role as
    // core's word, a date as dd/mm/yyyy. Other fields (rarer, the structure's) keep their names.
    static const std::map<std::string, std::pair<const char*, const char*>> fields = {
        {"status", {"Trạng thái", "Status"}},        {"progress", {"Tiến độ", "Progress"}},
        {"owner", {"Người phụ trách", "Owner"}},     {"due", {"Hạn", "Due"}},
        {"completed_on", {"Ngày hoàn thành", "Completed"}}, {"evidence", {"Minh chứng", "Evidence"}},
        {"review", {"Trả lại", "Sent back"}},        {"extension", {"Gia hạn", "Extension"}},
        {"evidence_withdrawn", {"Rút minh chứng", "Evidence withdrawn"}}, {"role", {"Vai trò", "Role"}}};
    auto value = [](const std::string& field, const std::optional<std::string>& v) -> std::string {
        if (!v || v->empty()) return "—";
        if (field == "status")
            if (const auto st = parse_status(*v)) return word(*st);
        if (field == "role")
            if (const auto r = parse_assignment_role(*v)) return word(*r);
        if (field == "extension") {  // "approved 2025-07-31 …": the decision, then the date asked for
            const auto space = v->find(' ');
            if (const auto x = store::parse_extension_status(v->substr(0, space))) {
                std::string rest = space == std::string::npos ? "" : v->substr(space);
                if (rest.size() >= 11)
                    if (const auto d = Date::parse_iso(rest.substr(1, 10))) rest = " " + d->vn() + rest.substr(11);
                return word(*x) + rest;
            }
        }
        if (const auto d = Date::parse_iso(*v)) return d->vn();
        return *v;
    };
    for (const auto& j : entries) {
        const auto f = fields.find(j.field);
        std::cout << j.at << "  " << j.user_name << "  "
                  << (f == fields.end() ? j.field : std::string(say(f->second.first, f->second.second))) << ": "
                  << value(j.field, j.old_value) << " → " << value(j.field, j.new_value) << "\n";
    }
    return 0;
}

int run_user_add(const Context& ctx, const UserAddOptions& o) {
    const auto role = parse_user_role(o.role);
    if (!role) fail(ErrorKind::Invalid, Msg::UnknownUserRole, {quoted_input(o.role)});
    auto s = open_session(ctx);
    const auto password = app::read_password("DTRACK_NEW_PASSWORD", say(Msg::PromptNewUser, {o.name}));
    s.service->add_user(s.actor, o.name, password, *role, o.agency, o.full_name);
    std::cout << say(Msg::OutUserAdded, {o.name, std::string(word(*role)) + (o.agency ? ", " + *o.agency : "")}) << "\n";
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
        else std::cout << u.name << (u.full_name.empty() ? "" : "  " + u.full_name) << "  " << word(u.role)
                       << (u.agency_name.empty() ? "" : "  " + u.agency_name) << (u.active ? "" : "  " + say(Msg::OutInactive))
                       << (locked ? "  " + say(Msg::OutLockedUntil, {*u.locked_until}) : "") << "\n";
    }
    if (json) std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
}

int run_agency_list(const Context& ctx, bool json) {
    auto s = open_session(ctx);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& a : s.service->agencies()) {
        if (json) out.push_back({{"id", a.id}, {"name", a.name}, {"short_name", a.short_name}, {"kind", a.kind}, {"active", a.active}});
        else std::cout << a.id << "  " << a.name << (a.short_name.empty() ? "" : " (" + a.short_name + ")") << "  " << agency_kind(a.kind) << "\n";
    }
    if (json) std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
}

int run_agency_add(const Context& ctx, const AgencyAddOptions& o) {
    auto s = open_session(ctx);
    const Id id = s.service->add_agency(s.actor, o.name, o.short_name, o.kind, o.groups);
    std::cout << say(Msg::OutAgencyAdded, {id, o.name}) << "\n";
    return 0;
}

int run_agency_import(const Context& ctx, const std::string& file) {
    auto s = open_session(ctx);
    const auto rows = service::parse_registry_csv(service::read_file(file, 4 * 1024 * 1024));
    const auto added = s.service->import_agencies(s.actor, rows);
    std::cout << say(Msg::OutAgenciesImported, {MsgArg::grouped(static_cast<long long>(rows.size())), MsgArg::grouped(added)})
              << "\n";
    return 0;
}

int run_agency_rename(const Context& ctx, const std::string& name, const std::string& new_name) {
    auto s = open_session(ctx);
    s.service->rename_agency(s.actor, name, new_name);
    std::cout << say(Msg::OutAgencyRenamed, {name, new_name}) << "\n";
    return 0;
}

int run_agency_deactivate(const Context& ctx, const std::string& name) {
    auto s = open_session(ctx);
    s.service->set_agency_active(s.actor, name, false);
    std::cout << say(Msg::OutAgencyDeactivated, {name}) << "\n";
    return 0;
}

int run_summary(const Context& ctx, const std::optional<std::string>& as_of_text) {
    const Date as_of = as_of_or_today(as_of_text);
    auto s = open_session(ctx);
    const auto directives = s.service->directives();
    if (directives.empty()) std::cout << say(Msg::OutNoDirective) << "\n";
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
        if (problems.size() == 1) throw store::StorageError(store::Fault::Damaged, ctx.db, Msg::CheckDamagedOne, {ctx.db.string()});
        throw store::StorageError(store::Fault::Damaged, ctx.db, Msg::CheckDamagedMany,
                                  {ctx.db.string(), MsgArg::grouped(static_cast<long long>(problems.size()))});
    }
    // A broken business rule is not a damaged file: restoring a backup would lose the day's
    // work to fix what the office can correct in place, so it is shown with its own exit code.
    const auto broken = service.inconsistencies();
    if (!broken.empty()) {
        for (const auto& b : broken) std::cerr << printable(b) << "\n";
        std::cerr << "dtrack: "
                  << say(Msg::CheckInconsistent, {printable(ctx.db.string()), MsgArg::grouped(static_cast<long long>(broken.size()))})
                  << "\n";
        return kExitInconsistent;
    }
    std::cout << say(Msg::OutHealthy, {ctx.db.string(), store->schema_version()}) << "\n";
    return 0;
}

int run_backup(const Context& ctx, const std::string& path) {
    if (store::is_server_spec(ctx.db.native())) return run_server_backup(ctx, path);
    auto s = open_session(ctx);
    s.service->backup(s.actor, path);
    std::cout << say(Msg::OutBackedUp, {path}) << "\n";
    return 0;
}

int run_restore(const Context& ctx, const std::string& path) {
    if (store::is_server_spec(ctx.db.native())) return run_server_restore(ctx, path);
    // A database that cannot be used is replaced without signing in (service/recovery.h).
    if (service::unusable_database(ctx.db)) {
        const auto kept = service::restore_unusable(ctx.db, path);
        std::cout << (kept.empty() ? say(Msg::OutRestored, {ctx.db.string(), path})
                                   : say(Msg::OutRestoredKept, {ctx.db.string(), path, kept.string()}))
                  << "\n";
        return 0;
    }
    auto s = open_session(ctx);
    s.service->restore(s.actor, path);
    std::cout << say(Msg::OutRestored, {ctx.db.string(), path}) << "\n";
    return 0;
}

}  // namespace dt::cli

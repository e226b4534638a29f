#pragma once
// The commands of `dtrack` (docs/CLI.md). Each returns the process exit status or throws
// dt::Error, whose kind is the exit status.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "importer/outline.h"
#include "service/service.h"
#include "store/store.h"

namespace CLI {
class App;
}

namespace dt::cli {

struct Context {
    std::filesystem::path db;
    std::optional<std::string> user;
    char** argv = nullptr;  // the command line as given, for handing `report` to dtrack-report
};

// An open database and the signed-in user (--user; password from DTRACK_PASSWORD or a prompt).
struct Session {
    std::unique_ptr<store::Store> store;
    std::unique_ptr<service::Service> service;
    service::Actor actor;
};
Session open_session(const Context& ctx, bool create = false);

struct InitOptions { bool no_seed = false; std::optional<std::string> admin; };
struct ImportOptions { std::string file; std::optional<std::string> plan; bool dry_run = false; bool json = false; };
struct ListOptions {
    std::optional<std::string> directive, section, agency, status, bucket, owner, search, as_of;
    bool json = false;
};
struct UpdateOptions {
    std::string id;
    std::optional<std::string> status, progress, owner, due, done_on, expect_version;
};
struct EvidenceOptions {
    std::string id, note;
    std::optional<std::string> doc_ref, doc_date, file;
};
struct AgencyAddOptions { std::string name, kind, short_name; std::vector<std::string> groups; };
struct UserAddOptions { std::string name, role, full_name; std::optional<std::string> agency; };

int run_init(const Context& ctx, const InitOptions& o);
int run_server_init(const Context& ctx, const InitOptions& o);
int run_server_upgrade(const Context& ctx);
int run_import(const Context& ctx, const ImportOptions& o);
int run_list(const Context& ctx, const ListOptions& o);
int run_show(const Context& ctx, const std::string& id, bool json);
int run_update(const Context& ctx, const UpdateOptions& o);
int run_evidence_add(const Context& ctx, const EvidenceOptions& o);
struct ProposeOptions {
    std::string id;
    std::optional<std::string> difficulties, proposals, expect_version;
};
int run_propose(const Context& ctx, const ProposeOptions& o);
int run_history(const Context& ctx, const std::string& id, bool json);
int run_user_add(const Context& ctx, const UserAddOptions& o);
int run_user_list(const Context& ctx, bool json);
int run_agency_list(const Context& ctx, bool json);
int run_agency_add(const Context& ctx, const AgencyAddOptions& o);
int run_agency_rename(const Context& ctx, const std::string& name, const std::string& new_name);
int run_agency_deactivate(const Context& ctx, const std::string& name);
int run_agency_import(const Context& ctx, const std::string& file);
int run_summary(const Context& ctx, const std::optional<std::string>& as_of);
// `check`: 0 healthy; 5 damaged (restore advice); kExitInconsistent when the file is sound but a
// business rule is broken (shown with its rows, to repair; never restore advice).
constexpr int kExitInconsistent = 6;
int run_check(const Context& ctx);
int run_backup(const Context& ctx, const std::string& path);
int run_restore(const Context& ctx, const std::string& path);

// Server mode, as the database's owner (cli_server.cpp, docs/SERVER.md)
struct MigrateOptions { std::string from, to; std::optional<std::string> passwords; };
int run_migrate(const Context& ctx, const MigrateOptions& o);
int run_server_backup(const Context& ctx, const std::string& path);   // pg_dump -Fc
int run_server_restore(const Context& ctx, const std::string& path);  // pg_restore into an empty database

// dtrack invest … (cli_invest.cpp)
struct ProjectAddOptions {
    std::string code, investor, name, year, plan_assigned, plan_total, source = "domestic";
};
struct RecordOptions { std::string code, date, amount, note; };
int run_investor_add(const Context& ctx, const std::string& name, const std::optional<std::string>& agency);
int run_investor_list(const Context& ctx, bool json);
int run_project_add(const Context& ctx, const ProjectAddOptions& o);
int run_invest_record(const Context& ctx, const RecordOptions& o);
int run_invest_import(const Context& ctx, const std::string& file);
int run_invest_status(const Context& ctx, const std::optional<std::string>& as_of, bool json);
int run_ladder_list(const Context& ctx, bool json);
int run_ladder_set(const Context& ctx, const std::string& date, const std::string& percent);
int run_ladder_remove(const Context& ctx, const std::string& date);

// dtrack remind (cli_remind.cpp); --pdf is written by dtrack-report (cli_report.cpp)
struct RemindOptions {
    std::string within = "7";
    std::optional<std::string> agency, as_of, pdf;
    bool json = false, force = false;
};
int within_days(const std::string& text);  // 1…366, else Error(Invalid)
int run_remind(const Context& ctx, const RemindOptions& o);
int run_remind_pdf(const Context& ctx, const RemindOptions& o);

// dtrack report … (cli_report.cpp)
struct ReportOptions {
    std::optional<std::string> as_of, since, format, directive;
    std::string out;
    bool force = false;
    // This document's own number, date, signer, signer's title and recipients (else the saved settings).
    std::optional<std::string> number, date, signer, signer_title, reissue;
    std::vector<std::string> recipients;
};
int run_report(const Context& ctx, const ReportOptions& o);
int run_report_settings(const Context& ctx, const std::optional<std::string>& key, const std::optional<std::string>& value);

// Workflow (cli_workflow.cpp): extension request|approve|refuse|list, review, evidence withdraw,
// user reset-password|deactivate|activate. Registers its subcommands; `action` is set on parse.
struct WorkflowOptions {
    std::string id, to, reason, note, name;
    std::optional<std::string> expect_version;
    bool pending = false, json = false;
};
void add_workflow_commands(CLI::App& app, CLI::App& evidence, CLI::App& user, const Context& ctx, WorkflowOptions& o,
                           std::function<int()>& action);

// Structure (cli_structure.cpp): task add|edit|move|remove|list, assign, unassign,
// directive add|list, amendment add|list. Registers its subcommands; `action` is set on parse.
struct StructureOptions {
    std::string task, agency, role, code, kind = "Công văn";
    std::optional<std::string> directive, section, section_title, parent, ref, text, title, deadline, recurrence;
    std::optional<std::string> reason, amendment, by, date, issuer, signer, text_file, summary;
    std::vector<std::string> leads, coordinators;
    bool json = false;
};
void add_structure_commands(CLI::App& app, const Context& ctx, StructureOptions& o, std::function<int()>& action);

// Output (cli_output.cpp)
// Pads or cuts UTF-8 text to `width` terminal columns (code points), with … when cut.
std::string fit(const std::string& s, std::size_t width, bool right = false);
std::string outline_json(const importer::Outline& outline);
std::string assignments_json(const std::vector<service::AssignmentView>& rows);
void print_assignments(const std::vector<service::AssignmentView>& rows);
void print_assignment(const service::AssignmentView& view, const std::vector<store::EvidenceRecord>& evidence);
std::string assignment_json(const service::AssignmentView& view, const std::vector<store::EvidenceRecord>& evidence);
void print_summary(const service::DirectiveSummary& s, Date as_of);

}  // namespace dt::cli

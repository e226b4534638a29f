// dtrack: the command line of Directive Tracker. Exit codes: 0 ok, 1 usage, 2 invalid input,
// 3 permission denied, 4 conflict, 5 storage error (docs/CLI.md).
#include <CLI/CLI.hpp>

#include <functional>
#include <iostream>

#include "app/cli_commands.h"
#include "app/cli_session.h"
#include "app/cli_words.h"
#include "app/paths.h"
#include "app/storage_advice.h"
#include "core/error.h"
#include "core/text.h"

using namespace dt::cli;

int main(int argc, char** argv) {
    CLI::App app{"Directive Tracker: follow a directive's tasks per agency, with deadlines and evidence.", "dtrack"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("Directive Tracker ") + DT_VERSION);
    app.fallthrough();  // --db and --user are accepted after the command too
    std::string db_path;
    Context ctx;
    ctx.argv = argv;
    app.add_option("--db", db_path, "Database file (default: $XDG_DATA_HOME/directive-tracker/tracker.db)");
    std::optional<std::string> lang;
    app.add_option("--lang", lang, "Language of the output for people: vi or en (default: from LANG)")
        ->check(CLI::IsMember({"vi", "en"}));
    app.add_option("--user", ctx.user, "Sign in as this user (password from DTRACK_PASSWORD or a prompt)")
        ->envname("DTRACK_USER");

    std::function<int()> action;

    InitOptions init;
    auto* init_cmd = app.add_subcommand("init", "Create or migrate the database; seed the Cao Bằng agencies and 07/CT-UBND");
    init_cmd->add_flag("--no-seed", init.no_seed, "Do not seed agencies and the first directive");
    init_cmd->add_option("--admin", init.admin, "Create the first administrator (password from DTRACK_PASSWORD)");
    init_cmd->callback([&] { action = [&] { return run_init(ctx, init); }; });

    // Server mode: an empty PostgreSQL database becomes a tracker (schema, roles, row-level
    // security, seed, first administrator), as the database's owner.
    InitOptions server_init;
    auto* server_cmd = app.add_subcommand("server", "PostgreSQL server mode (--db postgresql://…)");
    server_cmd->require_subcommand(1);
    auto* server_init_cmd = server_cmd->add_subcommand(
        "init", "Make an empty PostgreSQL database a tracker: schema, roles, row-level security, seed, first administrator");
    server_init_cmd->add_option("--admin", server_init.admin, "The first administrator (password from DTRACK_PASSWORD)")
        ->required();
    server_init_cmd->add_flag("--no-seed", server_init.no_seed, "Do not seed agencies and the first directive");
    server_init_cmd->callback([&] { action = [&] { return run_server_init(ctx, server_init); }; });
    auto* server_upgrade_cmd = server_cmd->add_subcommand(
        "upgrade", "Apply this version's pending migrations to the server database, as its owner (docs/SERVER.md)");
    server_upgrade_cmd->callback([&] { action = [&] { return run_server_upgrade(ctx); }; });

    ImportOptions imp;
    auto* import_cmd = app.add_subcommand("import", "Import a directive's text");
    import_cmd->add_option("FILE", imp.file, "The directive: text, .docx or text PDF; - for standard input")->required();
    import_cmd->add_option("--plan", imp.plan, "The outline as corrected by the office (JSON of --dry-run --json)");
    import_cmd->add_flag("--dry-run", imp.dry_run, "Show what would be imported; store nothing");
    import_cmd->add_flag("--json", imp.json, "Print JSON");
    import_cmd->callback([&] { action = [&] { return run_import(ctx, imp); }; });

    ListOptions list;
    auto* list_cmd = app.add_subcommand("list", "List assignments");
    list_cmd->add_option("--directive", list.directive, "Directive code, e.g. 07/CT-UBND");
    list_cmd->add_option("--section", list.section, "Section label, e.g. 1");
    list_cmd->add_option("--agency", list.agency, "Agency name, short name or alias");
    list_cmd->add_option("--status", list.status, "not_started, in_progress, done, blocked");
    list_cmd->add_option("--bucket", list.bucket, "done_on_time, done_late, open_on_time, open_overdue, no_deadline");
    list_cmd->add_option("--owner", list.owner, "Owner (person)");
    list_cmd->add_option("--search", list.search, "Text to find, ignoring diacritics and case");
    list_cmd->add_option("--as-of", list.as_of, "Date the buckets are computed at (default today)");
    list_cmd->add_flag("--json", list.json, "Print JSON");
    list_cmd->callback([&] { action = [&] { return run_list(ctx, list); }; });

    std::string show_id;
    bool show_json = false;
    auto* show_cmd = app.add_subcommand("show", "Show one assignment with its evidence");
    show_cmd->add_option("ID", show_id, "Assignment id")->required();
    show_cmd->add_flag("--json", show_json, "Print JSON");
    show_cmd->callback([&] { action = [&] { return run_show(ctx, show_id, show_json); }; });

    UpdateOptions upd;
    auto* update_cmd = app.add_subcommand("update", "Change an assignment's status, progress, owner or deadline");
    update_cmd->add_option("ID", upd.id, "Assignment id")->required();
    update_cmd->add_option("--status", upd.status, "not_started, in_progress, done, blocked");
    update_cmd->add_option("--progress", upd.progress, "0 to 100");
    update_cmd->add_option("--owner", upd.owner, "Person in charge");
    update_cmd->add_option("--due", upd.due, "New deadline (administrators)");
    update_cmd->add_option("--done-on", upd.done_on, "Day the work was completed (default today)");
    update_cmd->add_option("--expect-version", upd.expect_version, "Refuse if someone saved since this version");
    update_cmd->callback([&] { action = [&] { return run_update(ctx, upd); }; });

    ProposeOptions prop;
    auto* propose_cmd = app.add_subcommand("propose", "Write an assignment's difficulties and proposals (report, Part III)");
    propose_cmd->add_option("ID", prop.id, "Assignment id")->required();
    propose_cmd->add_option("--difficulties", prop.difficulties, "Khó khăn, vướng mắc (empty text clears)");
    propose_cmd->add_option("--proposals", prop.proposals, "Đề xuất, kiến nghị (empty text clears)");
    propose_cmd->add_option("--expect-version", prop.expect_version, "Refuse if someone saved since this version");
    propose_cmd->callback([&] { action = [&] { return run_propose(ctx, prop); }; });

    EvidenceOptions ev;
    auto* evidence_cmd = app.add_subcommand("evidence", "Evidence of an assignment");
    evidence_cmd->require_subcommand(1);
    auto* evidence_add = evidence_cmd->add_subcommand("add", "Add evidence");
    evidence_add->add_option("ID", ev.id, "Assignment id")->required();
    evidence_add->add_option("--note", ev.note, "What the evidence shows")->required();
    evidence_add->add_option("--doc-ref", ev.doc_ref, "Document number, e.g. 215/BC-STC");
    evidence_add->add_option("--doc-date", ev.doc_date, "Document date");
    evidence_add->add_option("--file", ev.file, "File to attach (at most 20 MiB)");
    evidence_add->callback([&] { action = [&] { return run_evidence_add(ctx, ev); }; });

    std::string history_id;
    bool history_json = false;
    auto* history_cmd = app.add_subcommand("history", "The journal of one assignment");
    history_cmd->add_option("ID", history_id, "Assignment id")->required();
    history_cmd->add_flag("--json", history_json, "Print JSON");
    history_cmd->callback([&] { action = [&] { return run_history(ctx, history_id, history_json); }; });

    UserAddOptions user_add;
    bool user_json = false;
    auto* user_cmd = app.add_subcommand("user", "Users");
    user_cmd->require_subcommand(1);
    auto* user_add_cmd = user_cmd->add_subcommand("add", "Add a user (password from DTRACK_NEW_PASSWORD or a prompt)");
    user_add_cmd->add_option("NAME", user_add.name, "User name")->required();
    user_add_cmd->add_option("--role", user_add.role, "admin, agency or viewer")->required();
    user_add_cmd->add_option("--agency", user_add.agency, "The agency of an agency user");
    user_add_cmd->add_option("--full-name", user_add.full_name, "The person's full name, shown in the history");
    user_add_cmd->callback([&] { action = [&] { return run_user_add(ctx, user_add); }; });
    auto* user_list_cmd = user_cmd->add_subcommand("list", "List users");
    user_list_cmd->add_flag("--json", user_json, "Print JSON");
    user_list_cmd->callback([&] { action = [&] { return run_user_list(ctx, user_json); }; });

    // extension …, review, evidence withdraw, user reset-password|deactivate|activate
    WorkflowOptions workflow;
    add_workflow_commands(app, *evidence_cmd, *user_cmd, ctx, workflow, action);

    // task …, assign, unassign, directive …, amendment …
    StructureOptions structure;
    add_structure_commands(app, ctx, structure, action);

    bool agency_json = false;
    auto* agency_cmd = app.add_subcommand("agency", "Agencies and groups");
    agency_cmd->require_subcommand(1);
    auto* agency_list_cmd = agency_cmd->add_subcommand("list", "List agencies and groups");
    agency_list_cmd->add_flag("--json", agency_json, "Print JSON");
    agency_list_cmd->callback([&] { action = [&] { return run_agency_list(ctx, agency_json); }; });
    AgencyAddOptions agency_add;
    auto* agency_add_cmd = agency_cmd->add_subcommand("add", "Add an agency (administrators)");
    agency_add_cmd->add_option("NAME", agency_add.name, "Full name")->required();
    agency_add_cmd->add_option("--kind", agency_add.kind, "department, district, board, bank, group, …")->required();
    agency_add_cmd->add_option("--short", agency_add.short_name, "Short name");
    agency_add_cmd->add_option("--group", agency_add.groups, "Group it belongs to (repeatable)");
    agency_add_cmd->callback([&] { action = [&] { return run_agency_add(ctx, agency_add); }; });
    std::string agency_import_file;
    auto* agency_import_cmd = agency_cmd->add_subcommand("import", "Load a province's agencies: name,short_name,kind,group,aliases (all rows or none)");
    agency_import_cmd->add_option("FILE", agency_import_file, "CSV file")->required();
    agency_import_cmd->callback([&] { action = [&] { return run_agency_import(ctx, agency_import_file); }; });
    std::string rename_from, rename_to, deactivate_name;
    auto* agency_rename_cmd = agency_cmd->add_subcommand("rename", "Rename an agency; the old name stays an alias");
    agency_rename_cmd->add_option("NAME", rename_from, "Current name")->required();
    agency_rename_cmd->add_option("NEW_NAME", rename_to, "New name")->required();
    agency_rename_cmd->callback([&] { action = [&] { return run_agency_rename(ctx, rename_from, rename_to); }; });
    auto* agency_deactivate_cmd = agency_cmd->add_subcommand("deactivate", "Stop assigning new tasks to an agency");
    agency_deactivate_cmd->add_option("NAME", deactivate_name, "Name")->required();
    agency_deactivate_cmd->callback([&] { action = [&] { return run_agency_deactivate(ctx, deactivate_name); }; });

    std::optional<std::string> summary_as_of;
    auto* summary_cmd = app.add_subcommand("summary", "Each directive's sections and progress");
    summary_cmd->add_option("--as-of", summary_as_of, "Date (default today)");
    summary_cmd->callback([&] { action = [&] { return run_summary(ctx, summary_as_of); }; });

    // dtrack invest …
    auto* invest_cmd = app.add_subcommand("invest", "Public-investment disbursement");
    invest_cmd->require_subcommand(1);
    auto* investor_cmd = invest_cmd->add_subcommand("investor", "Investors (chủ đầu tư)");
    investor_cmd->require_subcommand(1);
    std::string investor_name;
    std::optional<std::string> investor_agency;
    bool investor_json = false;
    auto* investor_add_cmd = investor_cmd->add_subcommand("add", "Add an investor");
    investor_add_cmd->add_option("NAME", investor_name, "Name")->required();
    investor_add_cmd->add_option("--agency", investor_agency, "The agency it is, when it is one");
    investor_add_cmd->callback([&] { action = [&] { return run_investor_add(ctx, investor_name, investor_agency); }; });
    auto* investor_list_cmd = investor_cmd->add_subcommand("list", "List investors");
    investor_list_cmd->add_flag("--json", investor_json, "Print JSON");
    investor_list_cmd->callback([&] { action = [&] { return run_investor_list(ctx, investor_json); }; });

    auto* project_cmd = invest_cmd->add_subcommand("project", "Projects");
    project_cmd->require_subcommand(1);
    ProjectAddOptions project;
    auto* project_add_cmd = project_cmd->add_subcommand("add", "Add a project with its two plans");
    project_add_cmd->add_option("CODE", project.code, "Project code")->required();
    project_add_cmd->add_option("--investor", project.investor, "Investor")->required();
    project_add_cmd->add_option("--name", project.name, "Project name")->required();
    project_add_cmd->add_option("--year", project.year, "Plan year")->required();
    project_add_cmd->add_option("--plan-assigned", project.plan_assigned, "Plan the Prime Minister assigned (đồng)")->required();
    project_add_cmd->add_option("--plan-total", project.plan_total, "Whole plan incl. extended capital (đồng)")->required();
    project_add_cmd->add_option("--source", project.source, "domestic, oda or ntp");
    project_add_cmd->callback([&] { action = [&] { return run_project_add(ctx, project); }; });

    RecordOptions record;
    auto* record_cmd = invest_cmd->add_subcommand("record", "Record an amount disbursed");
    record_cmd->add_option("CODE", record.code, "Project code")->required();
    record_cmd->add_option("--date", record.date, "Date of the entry")->required();
    record_cmd->add_option("--amount", record.amount, "Amount disbursed by this entry (đồng: 1250000 or 1.250.000)")->required();
    record_cmd->add_option("--note", record.note, "Note");
    record_cmd->callback([&] { action = [&] { return run_invest_record(ctx, record); }; });

    std::string invest_file;
    auto* invest_import_cmd = invest_cmd->add_subcommand("import", "Import entries: project_code,date,amount,note");
    invest_import_cmd->add_option("FILE", invest_file, "CSV file")->required();
    invest_import_cmd->callback([&] { action = [&] { return run_invest_import(ctx, invest_file); }; });

    std::optional<std::string> invest_as_of;
    bool invest_json = false;
    auto* invest_status_cmd = invest_cmd->add_subcommand("status", "Rates per investor against the ladder, slowest first");
    invest_status_cmd->add_option("--as-of", invest_as_of, "Date (default today)");
    invest_status_cmd->add_flag("--json", invest_json, "Print JSON");
    invest_status_cmd->callback([&] { action = [&] { return run_invest_status(ctx, invest_as_of, invest_json); }; });

    auto* ladder_cmd = invest_cmd->add_subcommand("ladder", "The directive's disbursement milestones");
    ladder_cmd->require_subcommand(1);
    bool ladder_json = false;
    std::string ladder_date, ladder_percent;
    auto* ladder_list_cmd = ladder_cmd->add_subcommand("list", "List milestones");
    ladder_list_cmd->add_flag("--json", ladder_json, "Print JSON");
    ladder_list_cmd->callback([&] { action = [&] { return run_ladder_list(ctx, ladder_json); }; });
    auto* ladder_set_cmd = ladder_cmd->add_subcommand("set", "Set a milestone (administrators)");
    ladder_set_cmd->add_option("DATE", ladder_date, "Date")->required();
    ladder_set_cmd->add_option("PERCENT", ladder_percent, "Percent of the plan required by then")->required();
    ladder_set_cmd->callback([&] { action = [&] { return run_ladder_set(ctx, ladder_date, ladder_percent); }; });
    auto* ladder_remove_cmd = ladder_cmd->add_subcommand("remove", "Remove a milestone (administrators)");
    ladder_remove_cmd->add_option("DATE", ladder_date, "Date")->required();
    ladder_remove_cmd->callback([&] { action = [&] { return run_ladder_remove(ctx, ladder_date); }; });

    RemindOptions remind;
    auto* remind_cmd = app.add_subcommand("remind", "Reminders: open work overdue or due soon, sent back, extensions decided");
    remind_cmd->add_option("--within", remind.within, "Days ahead (1 to 366, default 7)");
    remind_cmd->add_option("--agency", remind.agency, "Agency name, short name or alias (default: all you may see)");
    remind_cmd->add_option("--as-of", remind.as_of, "Date the reminders are computed at (default today)");
    remind_cmd->add_flag("--json", remind.json, "Print JSON (each object carries the assignment's id)");
    remind_cmd->add_option("--pdf", remind.pdf, "Write a printable digest, one page per agency, to this PDF");
    remind_cmd->add_flag("--force", remind.force, "Overwrite an existing PDF");
    remind_cmd->callback([&] { action = [&] { return run_remind(ctx, remind); }; });

    ReportOptions rep;
    auto* report_cmd = app.add_subcommand("report", "Write the progress report (pdf, docx, xlsx, html or csv)");
    report_cmd->add_option("--as-of", rep.as_of, "Date the figures are computed at (default today)");
    report_cmd->add_option("--since", rep.since, "Show what changed since this date (default: the last report's date)");
    report_cmd->add_option("--format", rep.format, "pdf, docx, xlsx, html or csv (default: from --out's extension)");
    report_cmd->add_option("--out", rep.out, "File to write")->required();
    report_cmd->add_option("--number", rep.number, "This report's number, e.g. 125/BC-UBND (default: the settings')");
    report_cmd->add_option("--date", rep.date, "This report's date on its letterhead (default today)");
    report_cmd->add_option("--signer", rep.signer, "Who signs it");
    report_cmd->add_option("--signer-title", rep.signer_title, "The signer's title, e.g. KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
    report_cmd->add_option("--recipient", rep.recipients, "A recipient (repeat; replaces the settings' list)");
    report_cmd->add_option("--reissue", rep.reissue, "Write recorded report ID again exactly as it was (its dates and document)");
    report_cmd->add_option("--directive", rep.directive, "Directive code (default: the first)");
    report_cmd->add_flag("--force", rep.force, "Overwrite an existing file");
    report_cmd->callback([&] { action = [&] { return run_report(ctx, rep); }; });
    std::optional<std::string> setting_key, setting_value;
    auto* settings_cmd = app.add_subcommand("report-settings", "Show or set who issues the report (administrators set)");
    settings_cmd->add_option("KEY", setting_key, "issuing_body, parent_body, number, place, signer_authority, signer_title, signer_name, recipients");
    settings_cmd->add_option("VALUE", setting_value, "New value (recipients: one per line)");
    settings_cmd->callback([&] { action = [&] { return run_report_settings(ctx, setting_key, setting_value); }; });

    // Sessions: the password once, then a token file for a few hours (cli_session.cpp)
    auto* login_cmd = app.add_subcommand("login", "Sign in once (password) and keep a session for later commands");
    login_cmd->callback([&] { action = [&] { return run_login(ctx); }; });
    auto* logout_cmd = app.add_subcommand("logout", "Revoke this database's session and delete its file");
    logout_cmd->callback([&] { action = [&] { return run_logout(ctx); }; });
    std::optional<std::string> session_hours;
    auto* session_hours_cmd = app.add_subcommand("session-lifetime", "Show or set how many hours a new session lasts (administrators set)");
    session_hours_cmd->add_option("HOURS", session_hours, "1 to 168 (default 8)");
    session_hours_cmd->callback([&] { action = [&] { return run_session_lifetime(ctx, session_hours); }; });

    auto* where_cmd = app.add_subcommand("where", "Print the database file's path");
    where_cmd->callback([&] { action = [&] { std::cout << ctx.db.string() << "\n"; return 0; }; });

    auto* check_cmd = app.add_subcommand("check", "Check the database file's integrity");
    check_cmd->callback([&] { action = [&] { return run_check(ctx); }; });

    std::string backup_path, restore_path;
    auto* backup_cmd = app.add_subcommand("backup", "Copy the database to a new file (a server: pg_dump -Fc, as its owner)");
    backup_cmd->add_option("PATH", backup_path, "Backup file")->required();
    backup_cmd->callback([&] { action = [&] { return run_backup(ctx, backup_path); }; });
    auto* restore_cmd = app.add_subcommand("restore", "Replace the database with a backup (a server: pg_restore into an empty database)");
    restore_cmd->add_option("PATH", restore_path, "Backup file")->required();
    restore_cmd->callback([&] { action = [&] { return run_restore(ctx, restore_path); }; });

    MigrateOptions migrate;
    auto* migrate_cmd = app.add_subcommand(
        "migrate", "Copy a tracker file into a server database made by 'server init' (as the database's owner)");
    migrate_cmd->add_option("--from", migrate.from, "The tracker file")->required();
    migrate_cmd->add_option("--to", migrate.to, "The server database: postgresql://OWNER@HOST/DBNAME")->required();
    migrate_cmd->add_option("--passwords", migrate.passwords,
                            "File of NAME:PASSWORD lines for the users' new logins (chmod 600); the others are listed");
    migrate_cmd->callback([&] { action = [&] { return run_migrate(ctx, migrate); }; });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 1;
    }
    set_lang(lang);
    ctx.db = db_path.empty() ? dt::app::default_database_path() : std::filesystem::path(db_path);
    // Storage errors say what to do (restore the newest backup, free some space, …); SQLite's
    // errors at any statement become one (store/faults.h).
    auto storage = [&](const dt::store::StorageError& e) {
        std::cerr << "dtrack: " << dt::printable(dt::app::storage_sentence(e, ctx.db, dt::cli::lang())) << "\n";
        return 5;
    };
    try {
        return action ? action() : 1;
    } catch (const dt::store::StorageError& e) {
        return storage(e);
    } catch (const dt::Error& e) {
        std::cerr << "dtrack: " << dt::printable(e.say(dt::cli::lang(), dt::Audience::Cli)) << "\n";
        return e.exit_code();
    } catch (const std::exception& e) {
        return storage(dt::store::storage_error(e, ctx.db));
    }
}

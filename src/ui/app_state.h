#pragma once
// Everything the views share, in one struct passed by reference (hello_imgui's way).
#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "importer/plan.h"
#include "report/model.h"
#include "service/service.h"
#include "ui/file_dialog.h"
#include "ui/models.h"
#include "ui/strings.h"

struct ImVec2;

namespace dt::ui {

enum class View { Dashboard, Directive, Tasks, Task, MyAgency, Admin, Disbursement, Reports, Reminders };

std::optional<View> parse_view(std::string_view name);

// The editor's buffers: what the user typed, kept apart from the saved record.
struct EditorState {
    Id loaded_id = 0;
    int base_version = 0;  // the version the user started editing from
    unsigned loaded_revision = 0;
    service::AssignmentView saved;
    std::vector<store::EvidenceRecord> evidence;
    std::vector<store::JournalRecord> history;
    // What the history and evidence show, formatted once per load and language, not per frame.
    std::vector<std::pair<std::string, std::string>> history_lines;  // (local time, line), newest first
    std::vector<std::string> evidence_times;                         // local time of each evidence
    Lang lines_lang = Lang::Vi;
    int status = 0;
    int progress = 0;
    char owner[256] = {};
    char due[32] = {};
    char note[2048] = {};
    char doc_ref[128] = {};
    char doc_date[32] = {};
    char file[512] = {};
    std::map<std::string, std::string> field_errors;  // field → message shown next to it

    // Workflow (task_workflow.cpp): this assignment's extension requests, newest first, and the
    // buffers of the request, the office's decision, the send-back and a withdrawal.
    std::vector<store::ExtensionRecord> extensions;
    int pending_extension = -1;  // index of the one waiting for the office's decision, else -1
    Id workflow_for = 0;  // the assignment the buffers below were typed for
    char ext_due[32] = {};
    char ext_reason[512] = {};
    char decision_note[512] = {};
    char review_reason[512] = {};
    Id withdraw_id = 0;  // the evidence whose withdrawal reason is being typed; 0: none
    char withdraw_reason[512] = {};
    Id proposals_for = 0;  // the assignment the two buffers below were filled from; 0: refill
    char difficulties[4096] = {};
    char proposals[4096] = {};
};

// Someone saved first: their values and ours, until the user reloads or re-applies.
struct ConflictState {
    bool open = false;
    Id id = 0;
    service::AssignmentView theirs;
    service::AssignmentChange mine;
};

// The Chỉ thị view's structure editor (admin, directive_structure.cpp): the selected task with
// its assignments, the directive's amendments and the agencies, read when the task or the data
// changes (never per frame); the buffers are filled again when another task is chosen or after
// a save.
struct StructureState {
    Id task_id = 0;             // the task chosen in the outline (0: none)
    Id loaded_task = 0;
    unsigned loaded_revision = 0;
    bool open = false;          // the popup is shown
    store::TaskRecord task;
    std::vector<store::AssignmentRecord> assignments;  // the closed ones too
    std::vector<store::AmendmentRecord> amendments;
    std::vector<store::AgencyRecord> agencies;
    std::string directive_code;
    char title[1024] = {};
    char text[16384] = {};
    bool text_too_long = false;  // longer than the buffer: edited with dtrack task edit only
    char deadline[32] = {};
    std::string deadline_error;
    int cite = -1;               // index into amendments; -1: none
    int pick_agency = -1;        // index into agencies
    int pick_role = 0;           // 0 lead, 1 coordinate
    char reason[512] = {};
    char new_text[4096] = {};
    char new_deadline[32] = {};
    char amend_number[64] = {};
    char amend_date[32] = {};
    char amend_kind[64] = "Công văn";
    char amend_summary[512] = {};
};

struct AdminState {
    unsigned built_revision = 0;  // the lists below are read again only after a change
    std::vector<store::AgencyRecord> agencies;
    std::map<Id, std::vector<Id>> members;  // group → member agencies
    std::vector<store::UserRecord> users;
    std::vector<std::string> user_locks;  // per user: "dd/mm/yyyy HH:MM" while its sign-in lock lasts, else ""
    char agency_name[256] = {}, agency_short[64] = {}, agency_kind[64] = "department", new_name[256] = {};
    int selected_agency = -1;
    char user_name[128] = {}, user_password[128] = {}, user_full_name[200] = {};
    int user_role = 2;
    int user_agency = -1;
    char import_path[512] = {};
    std::string import_text;
    std::optional<importer::Outline> preview;
    std::string preview_error;
    // The preview as the office corrects it (importer/plan.h, the plan `import --plan` reads):
    // per task its deadline as typed, and the registry's names to pick from, read once per preview.
    std::optional<importer::Plan> plan;
    std::vector<std::string> plan_deadlines;
    std::vector<std::string> plan_names;

    // Đề nghị gia hạn: the pending requests, with the office's note for each.
    std::vector<store::ExtensionRecord> pending;
    std::map<Id, std::string> decision_notes;
    // Người dùng: the picked user (by name, so a reload keeps it), a new password, one's own.
    std::string picked_user;
    char reset_password[128] = {};
    char own_current[128] = {}, own_new[128] = {}, own_repeat[128] = {};
    std::map<std::string, std::string> field_errors;  // field → message shown next to it
    // Sao lưu: a backup now, the automatic ones (listed again after a backup or a change), a restore.
    struct BackupFile {
        std::string path, name;
        std::uintmax_t bytes = 0;
    };
    std::vector<BackupFile> backups;
    bool backups_stale = true;
    char backup_path[512] = {};
    char restore_path[512] = {};
    bool confirm_restore = false;  // the confirmation popup is open
};

struct TasksViewState {
    char search[256] = {};
    TaskFilter filter;
    std::map<Id, bool> selected;  // multi-select for bulk changes
    int bulk_status = 0;          // 0 = unchanged
    char bulk_owner[256] = {};
    char bulk_due[32] = {};
    bool focus_search = false;
    // Column widths from the content (widest short agency name, owner, label), measured once per
    // data revision and language, not per frame.
    unsigned widths_revision = 0;
    Lang widths_lang = Lang::Vi;
    std::array<float, 10> widths{};  // per column of the table (tasks_view.cpp's Column), title unused
    float shown_fixed = 0;             // last frame: the visible columns' widths beside the title
};

// Giải ngân: the drill-down selection, the entry form's buffers and the CSV preview.
struct DisbursementViewState {
    std::optional<Id> investor;  // its projects are listed, and its chart drawn
    std::optional<Id> project;   // its entries are listed
    std::optional<Id> form_project;
    char date[32] = {};
    char amount[64] = {};
    char note[512] = {};
    bool date_prefilled = false;  // the date starts at the as-of date once, then is the user's
    std::map<std::string, std::string> field_errors;  // field → message shown next to it
    char csv_path[512] = {};
    std::string csv_text;  // what was previewed is what Import stores, even if the file changes meanwhile
    std::vector<service::EntryInput> csv_rows;
    std::int64_t csv_total = 0;
    std::string csv_error;
};

struct ReportsViewState {
    char since[32] = {};
    char folder[512] = {};
    char file_stem[128] = {};
    bool formats[5] = {true, true, false, false, false};  // pdf, xlsx, html, csv, docx
    // This report's document (number, date, signer, title, recipients), prefilled from the
    // last recorded report with its number one higher (report::next_document).
    bool document_loaded = false;
    char number[128] = {};
    char doc_date[32] = {};
    char signer[200] = {};
    char signer_title[200] = {};
    char recipients[2048] = {};
    std::vector<store::ReportRecord> recorded;  // read when the data revision changes
    unsigned recorded_revision = 0;
    bool overwrite = false;
    std::optional<report::Report> preview;  // rebuilt when the data, the as-of or the since date change
    unsigned preview_revision = 0;
    Date preview_as_of{};
    std::string preview_since;
    std::string error;
    std::vector<int> queue;  // formats still to write, one per frame
    int done_steps = 0, total_steps = 0;
    std::vector<std::string> written;
};

// Nhắc việc: the service's list, read again only when the data, the date, the window or the agency change.
struct RemindersState {
    int within = 7;                 // 7 or 14 days ahead
    std::optional<Id> agency;       // the office's pick; none: every agency
    // Every reminder the signed-in user may see (the office: every agency's), so that the
    // sidebar's and the home views' counts do not change with the list's agency pick.
    std::vector<service::Reminder> rows;
    std::vector<int> shown;  // into rows: the picked agency's (or all), what the list and the digest hold
    unsigned built_revision = 0;
    Date built_as_of{};
    int built_within = 0;
    std::optional<Id> built_agency;
    std::map<Id, int> count_by_agency;  // reminders per agency (the sidebar's and homes' counts)
    int count = 0;                      // reminders of every agency the user may see
    std::string error;
    std::string written;            // the last digest written
};

// The command palette: what can be jumped to, and what matches the text typed.
struct PaletteEntry {
    enum class Kind { View, Agency, Task } kind = Kind::View;
    std::string label, detail;
    Id id = 0;        // the view (as a number) or the agency
    std::string ref;  // the task's
    std::string folded;
};
struct PaletteState {
    bool open = false, focus = false;
    char query[128] = {};
    std::vector<PaletteEntry> candidates;
    unsigned built_revision = 0;
    Lang built_lang = Lang::Vi;
    std::string matched_query = "\x01";
    std::vector<int> matches;  // into candidates
    int selected = 0;
};

// Server mode: the connection was lost and is being tried again (ui/connection.h).
struct ConnectionState {
    bool lost = false;
    std::string problem;  // the storage error's sentence, shown small under the banner
    double next_try = 0;  // ImGui time of the next automatic attempt
    int attempts = 0;     // failed attempts since the connection was lost
    bool connecting = false;  // an attempt runs in the background (store::Link::Connecting)
};

struct AppState {
    service::Service& service;
    service::Actor actor;
    // The open database file, for its automatic backups (store::list_backups); empty when the
    // caller did not say, and then the backups tab says it cannot list them.
    std::filesystem::path database;
    Date as_of = Date::today();
    char as_of_text[32] = {};
    View view = View::Dashboard;
    std::optional<Id> selected;       // the assignment in the editor
    std::string selected_ref;         // its task, highlighted in the directive view
    std::optional<Id> agenda_agency;  // "Đơn vị của tôi" for an admin who picks one
    struct Agenda {
        unsigned revision = 0;
        Id agency = 0;
        Date as_of{};
        std::vector<int> rows;
        std::map<Id, int> evidence;  // assignment → evidence not withdrawn
    } agenda;                          // re-sorted only when rows or the agency change
    std::string scrolled_to_ref;       // the directive text scrolls once per newly selected task

    // Data revision: bumped after our own writes and when another process commits.
    unsigned revision = 1;
    // Bumped with it by every change except one assignment's own fields saved here
    // (assignment_changed): what does not hang on those (the directive, disbursement) keys on it.
    unsigned wide_revision = 1;
    std::vector<Id> changed_rows;  // assignments saved here since the tasks table was built
    unsigned built_revision = 0;   // the revision the models reflect
    Date built_as_of{};
    // Each model's key: what it was built from. A model is rebuilt only when its own key
    // changed; `rebuilds` counts them (tests and the frame benchmark read it).
    struct ModelKeys {
        unsigned tasks_revision = 0, tasks_wide = 0;
        Date tasks_as_of{};
        unsigned dashboard_generation = ~0u;  // TaskTable::generation() it was counted from
        unsigned directive_wide = 0;
        unsigned disbursement_wide = 0;
        Date disbursement_as_of{};
    } keys;
    struct Rebuilds {
        int tasks = 0, tasks_patched = 0, dashboard = 0, directive = 0, disbursement = 0;
    } rebuilds;
    std::optional<int> data_version;  // the store's, as last polled; none before the first poll
    double last_poll = -1e9;
    // Set when the signed-in account was deactivated, or its password or role changed (checked
    // whenever the data changed, ours or another process's): the window returns to sign-in.
    bool signed_out = false;
    ConnectionState connection;

    TaskTable tasks;
    Dashboard dashboard;
    DashboardText dashboard_text;  // its strings (dashboard_view.cpp), per dashboard and language
    std::map<std::string, std::string> section_titles;  // section label → its title (the first directive's that has it)
    DirectiveModel directive;
    DisbursementModel disbursement;
    EditorState editor;
    StructureState structure;
    ConflictState conflict;
    AdminState admin;
    TasksViewState tasks_view;
    ReportsViewState reports_view;
    DisbursementViewState disbursement_view;
    PaletteState palette;
    FileChoosers files;                 // the open file dialogs, one per path field
    std::vector<std::string> dropped;   // files dropped on the window since the last frame
    RemindersState reminders;
    bool nav_collapsed = false;  // the sidebar shows only its shortcut numbers
    bool save_shortcut = false;  // Ctrl+S this frame: the open editor saves

    std::string message;  // status line after an action
    bool message_is_error = false;

    // Rectangles of named widgets from the last frame, for headless tests that click.
    std::map<std::string, std::pair<float, float>> probes;

    explicit AppState(service::Service& s, service::Actor a) : service(s), actor(std::move(a)) {}

    bool can_edit(const TaskRow& row) const;
    void report(const std::string& text, bool error);
    void data_changed() {
        ++revision;
        ++wide_revision;
    }
    // Only assignment `id`'s own fields changed (an editor save): the tasks table patches its row.
    void assignment_changed(Id id) {
        ++revision;
        changed_rows.push_back(id);
    }
};

// Rebuilds each cached model whose key changed (data revision, as-of date); an assignment
// saved here patches its one row of the tasks table instead of reading the table again.
void refresh_models(AppState& state);

}  // namespace dt::ui

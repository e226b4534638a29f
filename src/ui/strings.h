#pragma once
// Every user-visible string of the GUI, one table per language (strings.cpp).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/messages.h"
#include "core/status.h"
#include "service/records.h"

namespace dt::ui {

using Lang = dt::Lang;

enum class T : int {
    AppTitle, NavDashboard, NavDirective, NavTasks, NavTask, NavMyAgency, NavDisbursement, NavReports, NavAdmin,
    AsOf, Language, SignedInAs, ReadOnly,
    // buckets and statuses
    // dashboard
    OnTimeRate, Assignments, Tasks, Matrix, NextDeadlines, MostOverdue, Section, Agency, NoData, OverdueCount,
    // table columns and filters
    Ref, Title, Status, Bucket, Progress, Owner, Due, Role, Filter, FilterHint, All, Clear, Selected, BulkApply,
    BulkNone, RowsShown,
    // editor
    Save, Reload, ReApply, Cancel, Evidence, AddEvidence, Note, DocRef, DocDate, AttachFile, OpenAttachment,
    History, Text, Completed, NoSelection, Version, Conflict, ConflictExplain, Theirs, Yours, Saved, Directive,
    NotYourAgency, ViewerCannotEdit, OnlyOfficeDue,
    // directive view
    Outline, DirectiveText,
    // my agency
    MyAgencyFor, NoAgency, ChooseAgency,
    // admin
    AdminAgencies, AdminGroups, AdminUsers, AdminImport, Name, ShortName, Kind, Active, Members, Add, Rename,
    Deactivate, NewName, UserName, Password, ImportFromFile, PasteText, Preview, ImportNow, Warnings, Sections,
    Deadline, OnlyAdmin, Imported,
    // disbursement
    DisbTitle, DisbTabInvestors, DisbTabChart, DisbTabRealloc, DisbTabEntry, AmountsInDong, NoInvestors,
    ColRank, ColInvestor, ColPlanAssigned, ColPlanTotal, ColDisbursed, ColRateAssigned, ColRateTotal, ColRequired,
    ColGap, ColCode, ColProject, ColSource, ColDate, ColAmount, ColNote, ColWho, ColLine, SourceDomestic, SourceOda,
    SourceNtp, PickInvestor, PickProject, NoEntries, Province, OfAssignedPlan, ProvinceRate, RequiredNow,
    NextMilestone, InvestorsBehind, Reached, NoLadder, ChartProvince, ChartInvestor, LegendCumulative, LegendLadder,
    Month1, Month2, Month3, Month4, Month5, Month6, Month7, Month8, Month9, Month10, Month11, Month12, Laggards,
    GiveList, TakeList, GiveExplain, TakeExplain, BehindBy, AheadBy, NoneListed, EntryFormTitle, ChooseProject,
    BadAmount, NeedProject, NeedDate, Recorded, CsvTitle, CsvPath, CsvFormat, Total, CsvImported, Undisbursed,
    // reports
    ReportFigures, ChangesSince, NewlyDone, NewlyOverdue, DeadlineChanges, NewEvidence, Since, SinceHint,
    Export, Folder, FileName, Overwrite, OpenFolder, FileExists, InvalidDate,
    // sign-in
    SignIn, SignInExplain, FirstAdminExplain, CreateAdmin, RepeatPassword, PasswordsDiffer, SignInAgain,
    // workflow: deadlines and extensions, review, withdrawn evidence
    OriginalDue, ExtensionCount, ReviewNoteTitle, RequestExtension, RequestedDue, Reason, SendRequest, ExtensionSent,
    NoDueToExtend, DoneNoExtension, RequestPending, ExtensionRequests, Approve,
    Refuse, DecisionNote, ExtensionApproved, ExtensionRefused, NeedReason, NeedNewDue, SendBack, SendBackTitle,
    SendBackExplain, SentBack, Withdraw, WithdrawnMark, WithdrawReason, ConfirmWithdraw, Withdrawn, RequestedBy,
    RequestedAt, CurrentDue, NoPendingRequests, NoRequests, OpenTask, JournalReview, JournalExtension,
    JournalWithdrawn,
    // users
    UserState, LockedUntil, UserInactive, Activate, NewPassword, ResetPassword, PasswordReset, ChangeOwnPassword,
    CurrentPassword, PasswordChanged, FailedSignIns, PickUser, NeedPassword,
    // backups
    AdminBackup, BackupNow, BackupPath, BackupMade, AutoBackups, NoBackups, BackupsUnknown, RestoreFrom, Restore,
    ConfirmRestore, RestoreExplain, RestoreKeeps, RestoreNow, Restored, UseFile, ColFile, ColSize, NeedPath, AdminExtensions, Attachment, AddUser, ColCurrentDue, ColRequestedDue,
    // the recovery screen: the database cannot be used
    RecoveryTitle, RecoveryFile, RecoveryDetails, FaultMissing, FaultEmpty, FaultNotDatabase, FaultDamaged,
    FaultForeign, FaultNewer, FaultReadOnlyFile, FaultReadOnlyFolder, FaultDiskFull, FaultLocked, FaultIo,
    AdviceRestore, AdviceNoBackup, AdviceKeepsDamaged, AdviceDiskFull, AdviceReadOnly, AdviceLocked, AdviceNewer,
    AdviceIo, AdviceMissing, RestoreFromBackup, TryAgain, Quit, RecoveryRestored,
    // issue 15: the agencies' proposals; a report as a document
    ProposalsTitle, Difficulties, Proposals, SaveProposals, ProposalsSaved, ReportDocument, DocNumber, ReportDate,
    Signer, SignerTitle, Recipients, RecordedReports, Reissue, Print, NoPrinter, PrintFailed, SentToPrinter, ColAsOf, ColFormat,
    OnTimeOf, LegendOverdue, LegendBlocked, LegendAllDone, LegendOpen, ChartBuckets, ChartAgencyRates, ClickToOpen, CountsAt, DoneOfTotal, OpenOnly, FromLink, AgencyCount,
    NothingMatches,
    PaletteView, PaletteTask, PaletteHint, PaletteNothing, PaletteKeys, ShortcutsHint, CollapseNav,
    NavReminders, RemindWithin, RemindDays, AllAgencies, PrintDigest, DigestWritten, NothingToRemind, DaysLeft, DaysLate, Today, RemindSummary, ShowList,
    ChooseFile, DroppedFile, DropWhere,
    FullName,
    // the Chỉ thị view's structure editor (issue 13)
    StructEdit, StructTaskTitle, StructSaveTask, StructAgencies, StructAssign, StructUnassign, StructClosed, StructAddTask, StructAddSubtask, StructRemoveTask, StructRemoveExplain, StructAmendments, StructAmendmentNumber, StructAmendmentKind, StructAmendmentSummary, StructRecordAmendment, StructCite, StructNoCitation, StructTaskClosed, StructPickAgency,
    // the editable import preview
    PlanHint, PlanDrop, PlanMerge, PlanRecurrence, PlanAddAgency, PlanRemove, RecNone, RecWeekly, RecMonthly,
    RecQuarterly, RecHalfYearly, RecYearly,
    // server mode: the sign-in screen's database, a lost connection
    DatabaseLabel, DbFile, DbServer, ServerAddress, ServerExplain, NeedServerAddress, ConnectionLost, ConnectionKept,
    RetryingIn, Seconds, Reconnecting, Reconnected, FaultUnreachable, AdviceUnreachable,
    // a table's narrow column: the bucket's short word (the whole one on hover)
    BucketShortDoneOnTime, BucketShortDoneLate, BucketShortOpenOnTime, BucketShortOpenOverdue, BucketShortNoDeadline,
    // opening a file with the desktop's program (ui/open_file.h); a written report's Open button
    OpenNoProgram, OpenSavedTo, OpenBadFolder, OpenBadName, OpenCannotWrite, OpenWritten,
    OwnInvestorsReached, OwnInvestorsRate,
    Count_
};

void set_language(Lang lang);
Lang language();
const char* tr(T key);
// An error's sentence in the GUI's language, for the GUI (no command, no --flag: core/messages.h);
// any other exception's what().
std::string message(const std::exception& e);
// All strings of both tables, so the font atlas can hold every glyph they need.
std::vector<std::string_view> all_strings();

const char* label(Status s);
const char* label(Bucket b);
// The short word for a narrow table column ("Quá hạn" for "Chưa hoàn thành, quá hạn").
const char* short_label(Bucket b);
const char* label(AssignmentRole r);
const char* label(UserRole r);
const char* label(service::ExtensionStatus s);
// An agency's kind in words ("department" → "Sở, ngành"); an unknown code as it is.
const char* agency_kind_label(const std::string& kind);
// The kinds the registry uses, in the order a combo lists them.
const std::vector<std::string>& agency_kinds();

// True when the table lists every key once, in order (a test checks it).
bool table_in_order();

// 1250000 → "1.250.000 ₫"
std::string format_vnd(std::int64_t amount);
// 48.25 → "48,3 %" in Vietnamese (comma decimals beside dotted thousands), "48.3 %" in English.
std::string format_percent(double percent);
// 1250 → "1.250" in Vietnamese, "1,250" in English (core/numbers.h).
std::string format_count(long long n);

}  // namespace dt::ui

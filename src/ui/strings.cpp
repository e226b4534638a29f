#include "ui/strings.h"

#include "core/error.h"
#include "core/money.h"
#include "core/numbers.h"

#include <array>
#include <cstdio>

namespace dt::ui {

namespace {
struct Entry {
    T key;
    const char* vi;
    const char* en;
};

// Kept in the order of T; checked at start-up by a test.
constexpr Entry kTable[] = {
    {T::AppTitle, "Theo dõi thực hiện Chỉ thị", "Directive Tracker"},
    {T::NavDashboard, "Tổng quan", "Dashboard"},
    {T::NavDirective, "Chỉ thị", "Directive"},
    {T::NavTasks, "Nhiệm vụ", "Tasks"},
    {T::NavTask, "Chi tiết nhiệm vụ", "Task detail"},
    {T::NavMyAgency, "Đơn vị của tôi", "My agency"},
    {T::NavDisbursement, "Giải ngân", "Disbursement"},
    {T::NavReports, "Báo cáo", "Reports"},
    {T::NavAdmin, "Quản trị", "Administration"},
    {T::AsOf, "Tính đến ngày", "As of"},
    {T::Language, "Ngôn ngữ", "Language"},
    {T::SignedInAs, "Người dùng", "Signed in as"},
    {T::RoleAdmin, "Quản trị viên", "Administrator"},
    {T::RoleAgency, "Cán bộ đơn vị", "Agency user"},
    {T::RoleViewer, "Lãnh đạo (chỉ xem)", "Viewer (read only)"},
    {T::ReadOnly, "Chỉ xem", "Read only"},
    {T::BucketDoneOnTime, "Hoàn thành đúng hạn", "Done on time"},
    {T::BucketDoneLate, "Hoàn thành quá hạn", "Done late"},
    {T::BucketOpenOnTime, "Chưa hoàn thành, trong hạn", "Open, on time"},
    {T::BucketOpenOverdue, "Chưa hoàn thành, quá hạn", "Open, overdue"},
    {T::BucketNoDeadline, "Không giao thời hạn", "No deadline"},
    {T::StatusNotStarted, "Chưa thực hiện", "Not started"},
    {T::StatusInProgress, "Đang thực hiện", "In progress"},
    {T::StatusDone, "Hoàn thành", "Done"},
    {T::StatusBlocked, "Vướng mắc", "Blocked"},
    {T::RoleLead, "Chủ trì", "Lead"},
    {T::RoleCoordinate, "Phối hợp", "Coordinate"},
    {T::OnTimeRate, "Tỷ lệ đúng hạn", "On-time rate"},
    {T::Assignments, "Phân công", "Assignments"},
    {T::Tasks, "Nhiệm vụ", "Tasks"},
    {T::Matrix, "Đơn vị × nhóm nhiệm vụ", "Agency × section"},
    {T::NextDeadlines, "Hạn sắp tới", "Next deadlines"},
    {T::MostOverdue, "Đơn vị có nhiều nhiệm vụ quá hạn", "Agencies with most overdue tasks"},
    {T::Section, "Nhóm", "Section"},
    {T::Agency, "Đơn vị", "Agency"},
    {T::NoData, "Chưa có dữ liệu", "No data yet"},
    {T::OverdueCount, "Quá hạn", "Overdue"},
    {T::Ref, "Mục", "Ref"},
    {T::Title, "Nội dung", "Title"},
    {T::Status, "Trạng thái", "Status"},
    {T::Bucket, "Tiến độ thời hạn", "Timeliness"},
    {T::Progress, "Tiến độ", "Progress"},
    {T::Owner, "Người phụ trách", "Owner"},
    {T::Due, "Thời hạn", "Due"},
    {T::Role, "Vai trò", "Role"},
    {T::Filter, "Lọc", "Filter"},
    {T::FilterHint, "Tìm (không cần dấu): giai ngan…", "Search (accents optional): giai ngan…"},
    {T::All, "Tất cả", "All"},
    {T::Clear, "Xóa lọc", "Clear"},
    {T::Selected, "Đã chọn", "Selected"},
    {T::BulkApply, "Áp dụng cho các dòng đã chọn", "Apply to selected rows"},
    {T::BulkNone, "(không đổi)", "(unchanged)"},
    {T::RowsShown, "dòng", "rows"},
    {T::Save, "Lưu", "Save"},
    {T::Reload, "Tải lại", "Reload"},
    {T::ReApply, "Áp dụng lại thay đổi của tôi", "Re-apply my changes"},
    {T::Cancel, "Hủy", "Cancel"},
    {T::Evidence, "Minh chứng", "Evidence"},
    {T::AddEvidence, "Thêm minh chứng", "Add evidence"},
    {T::Note, "Nội dung minh chứng", "Note"},
    {T::DocRef, "Số, ký hiệu văn bản", "Document reference"},
    {T::DocDate, "Ngày văn bản", "Document date"},
    {T::AttachFile, "Tệp đính kèm (đường dẫn)", "Attachment (path)"},
    {T::OpenAttachment, "Mở tệp", "Open file"},
    {T::History, "Lịch sử thay đổi", "History"},
    {T::Text, "Nội dung nhiệm vụ", "Task text"},
    {T::Completed, "Ngày hoàn thành", "Completed on"},
    {T::NoSelection, "Chọn một nhiệm vụ trong danh sách.", "Pick a task in the list."},
    {T::Version, "Phiên bản", "Version"},
    {T::Conflict, "Xung đột khi lưu", "Save conflict"},
    {T::ConflictExplain, "Người khác đã lưu nhiệm vụ này trước bạn. So sánh rồi chọn:",
     "Someone saved this task before you. Compare, then choose:"},
    {T::Theirs, "Đã lưu (của người khác)", "Saved (theirs)"},
    {T::Yours, "Của bạn", "Yours"},
    {T::Saved, "Đã lưu.", "Saved."},
    {T::Directive, "Chỉ thị", "Directive"},
    {T::NotYourAgency, "Chỉ đơn vị được giao mới được cập nhật nhiệm vụ này.",
     "Only the assigned agency may update this task."},
    {T::ViewerCannotEdit, "Tài khoản chỉ xem không được thay đổi dữ liệu.", "A viewer account cannot change data."},
    {T::OnlyOfficeDue, "Chỉ văn phòng (quản trị) được đổi thời hạn; hãy đề nghị gia hạn.",
     "Only the office changes deadlines; ask for an extension."},
    {T::Outline, "Bố cục chỉ thị", "Outline"},
    {T::DirectiveText, "Toàn văn", "Full text"},
    {T::MyAgencyFor, "Nhiệm vụ của", "Tasks of"},
    {T::NoAgency, "Tài khoản này không gắn với đơn vị nào.", "This account is not bound to an agency."},
    {T::ChooseAgency, "Chọn đơn vị", "Choose agency"},
    {T::AdminAgencies, "Cơ quan, đơn vị", "Agencies"},
    {T::AdminGroups, "Nhóm đơn vị", "Groups"},
    {T::AdminUsers, "Người dùng", "Users"},
    {T::AdminImport, "Nhập chỉ thị", "Import a directive"},
    {T::Name, "Tên", "Name"},
    {T::ShortName, "Tên viết tắt", "Short name"},
    {T::Kind, "Loại", "Kind"},
    {T::Active, "Đang hoạt động", "Active"},
    {T::Members, "Thành viên", "Members"},
    {T::Add, "Thêm", "Add"},
    {T::Rename, "Đổi tên", "Rename"},
    {T::Deactivate, "Ngừng hoạt động", "Deactivate"},
    {T::NewName, "Tên mới", "New name"},
    {T::UserName, "Tên đăng nhập", "User name"},
    {T::Password, "Mật khẩu", "Password"},
    {T::ImportFromFile, "Tệp văn bản (đường dẫn)", "Text file (path)"},
    {T::PasteText, "Hoặc dán nội dung chỉ thị", "Or paste the directive's text"},
    {T::Preview, "Xem trước", "Preview"},
    {T::ImportNow, "Nhập vào cơ sở dữ liệu", "Import into the database"},
    {T::Warnings, "Cảnh báo", "Warnings"},
    {T::Sections, "Nhóm nhiệm vụ", "Sections"},
    {T::Deadline, "Thời hạn", "Deadline"},
    {T::OnlyAdmin, "Chỉ quản trị viên được thực hiện.", "Only an administrator may do this."},
    {T::Imported, "Đã nhập chỉ thị.", "Directive imported."},
    {T::DisbTitle, "Giải ngân vốn đầu tư công", "Public-investment disbursement"},
    {T::DisbTabInvestors, "Chủ đầu tư và dự án", "Investors and projects"},
    {T::DisbTabChart, "Biểu đồ theo lộ trình", "Chart against the ladder"},
    {T::DisbTabRealloc, "Đề xuất điều chuyển vốn", "Reallocation proposal"},
    {T::DisbTabEntry, "Nhập số liệu", "Enter figures"},
    {T::AmountsInDong, "Số tiền tính bằng đồng.", "Amounts in đồng."},
    {T::NoInvestors, "Chưa có chủ đầu tư nào liên quan (Văn phòng thêm chủ đầu tư và dự án).",
     "No investors here yet (the office adds investors and projects)."},
    {T::ColRank, "Xếp\nhạng", "Rank"},
    {T::ColInvestor, "Chủ đầu tư", "Investor"},
    {T::ColPlanAssigned, "Kế hoạch\nThủ tướng giao", "Plan assigned\nby the PM"},
    {T::ColPlanTotal, "Tổng kế hoạch\n(gồm vốn kéo dài)", "Whole plan\n(incl. extended)"},
    {T::ColDisbursed, "Đã giải ngân", "Disbursed"},
    {T::ColRateAssigned, "Tỷ lệ\nKH giao", "Rate of\nassigned"},
    {T::ColRateTotal, "Tỷ lệ\ntổng KH", "Rate of\nwhole plan"},
    {T::ColRequired, "Yêu cầu\ntheo mốc", "Required\nnow"},
    {T::ColGap, "Còn thiếu đến\nmốc tiếp theo", "Gap to the next\nmilestone"},
    {T::ColCode, "Mã dự án", "Code"},
    {T::ColProject, "Dự án", "Project"},
    {T::ColSource, "Nguồn vốn", "Source"},
    {T::ColDate, "Ngày", "Date"},
    {T::ColAmount, "Số tiền (đồng)", "Amount (đồng)"},
    {T::ColNote, "Ghi chú", "Note"},
    {T::ColWho, "Người nhập", "Entered by"},
    {T::ColLine, "Dòng", "Line"},
    {T::SourceDomestic, "Trong nước", "Domestic"},
    {T::SourceOda, "ODA", "ODA"},
    {T::SourceNtp, "Chương trình MTQG", "Nat. target programme"},
    {T::PickInvestor, "Chọn một chủ đầu tư để xem các dự án.", "Pick an investor to see its projects."},
    {T::PickProject, "Chọn một dự án để xem các lần giải ngân.", "Pick a project to see its entries."},
    {T::NoEntries, "Chưa có số liệu giải ngân.", "No entries yet."},
    {T::Province, "Toàn tỉnh đạt", "Province:"},
    {T::OfAssignedPlan, "kế hoạch Thủ tướng giao", "of the assigned plan"},
    {T::ProvinceRate, "Tỷ lệ giải ngân toàn tỉnh so với kế hoạch Thủ tướng giao",
     "The province's rate of the plan assigned by the PM"},
    {T::RequiredNow, "Yêu cầu theo mốc", "Required at the milestone"},
    {T::NextMilestone, "Mốc tiếp theo", "Next milestone"},
    {T::InvestorsBehind, "chủ đầu tư chậm so với lộ trình", "investors behind the ladder"},
    {T::Reached, "Đã đạt", "Reached"},
    {T::NoLadder, "Chưa có lộ trình giải ngân (các mốc của Chỉ thị).",
     "No disbursement ladder (the directive's milestones) yet."},
    {T::ChartProvince, "Tỷ lệ giải ngân lũy kế toàn tỉnh so với lộ trình",
     "The province's cumulative rate against the ladder"},
    {T::ChartInvestor, "Tỷ lệ giải ngân lũy kế của chủ đầu tư", "The investor's cumulative rate"},
    {T::LegendCumulative, "Tỷ lệ lũy kế (kế hoạch Thủ tướng giao)", "Cumulative rate (assigned plan)"},
    {T::LegendLadder, "Lộ trình theo Chỉ thị", "The directive's ladder"},
    {T::Month1, "T1", "Jan"},
    {T::Month2, "T2", "Feb"},
    {T::Month3, "T3", "Mar"},
    {T::Month4, "T4", "Apr"},
    {T::Month5, "T5", "May"},
    {T::Month6, "T6", "Jun"},
    {T::Month7, "T7", "Jul"},
    {T::Month8, "T8", "Aug"},
    {T::Month9, "T9", "Sep"},
    {T::Month10, "T10", "Oct"},
    {T::Month11, "T11", "Nov"},
    {T::Month12, "T12", "Dec"},
    {T::Laggards, "Chủ đầu tư chậm giải ngân", "Investors behind the ladder"},
    {T::GiveList, "Dự án có thể điều chuyển vốn đi", "Projects that could give capital"},
    {T::TakeList, "Dự án có thể nhận thêm vốn", "Projects that could take more capital"},
    {T::GiveExplain, "Thấp hơn yêu cầu của mốc trên 20 điểm %, hoặc chưa giải ngân sau mốc đầu tiên.",
     "More than 20 points below the milestone, or nothing disbursed after the first milestone."},
    {T::TakeExplain, "Vượt yêu cầu của mốc từ 10 điểm % trở lên, hoặc đã đạt từ 90 %.",
     "At least 10 points above the milestone, or at 90 % or more."},
    {T::BehindBy, "Chậm", "Behind by"},
    {T::AheadBy, "So với\nyêu cầu", "Against\nrequired"},
    {T::NoneListed, "Không có.", "None."},
    {T::EntryFormTitle, "Ghi nhận một lần giải ngân", "Record a disbursement"},
    {T::ChooseProject, "Chọn dự án", "Choose a project"},
    {T::BadAmount,
     "Số tiền là số đồng nguyên, lớn hơn 0, ví dụ 1250000 hoặc 1.250.000 (không dấu trừ, không phần thập phân).",
     "The amount is whole đồng above 0, e.g. 1250000 or 1.250.000 (no sign, no decimals)."},
    {T::NeedProject, "Hãy chọn một dự án.", "Choose a project."},
    {T::NeedDate, "Hãy nhập ngày giải ngân hợp lệ (dd/mm/yyyy).", "Enter a valid date for the entry (dd/mm/yyyy)."},
    {T::Recorded, "Đã ghi nhận số liệu giải ngân.", "Disbursement recorded."},
    {T::CsvTitle, "Nhập từ CSV", "Import from CSV"},
    {T::CsvPath, "Tệp CSV (đường dẫn)", "CSV file (path)"},
    {T::CsvFormat, "Dòng đầu của tệp: project_code,date,amount,note",
     "The file's first line: project_code,date,amount,note"},
    {T::Total, "Tổng cộng", "Total"},
    {T::CsvImported, "Đã nhập số liệu giải ngân từ CSV, số dòng:", "Disbursement entries imported from CSV, rows:"},
    {T::Undisbursed, "Vốn chưa\ngiải ngân", "Not yet\ndisbursed"},
    {T::ReportFigures, "Số liệu của báo cáo", "The report's figures"},
    {T::ChangesSince, "Thay đổi từ ngày", "Changes since"},
    {T::NewlyDone, "Mới hoàn thành", "Newly done"},
    {T::NewlyOverdue, "Mới quá hạn", "Newly overdue"},
    {T::DeadlineChanges, "Điều chỉnh thời hạn", "Deadline changes"},
    {T::NewEvidence, "Minh chứng mới", "New evidence"},
    {T::Since, "So với ngày", "Since"},
    {T::SinceHint, "(để trống: từ kỳ báo cáo trước)", "(empty: since the previous report)"},
    {T::Export, "Xuất báo cáo", "Export"},
    {T::Folder, "Thư mục", "Folder"},
    {T::FileName, "Tên tệp", "File name"},
    {T::Overwrite, "Ghi đè tệp đã có", "Overwrite existing files"},
    {T::OpenFolder, "Mở thư mục", "Open the folder"},
    {T::FileExists, "tệp đã có; chọn tên khác hoặc cho phép ghi đè.", "the file exists; choose another name or allow overwriting."},
    {T::InvalidDate, "Ngày không hợp lệ (dd/mm/yyyy).", "Not a valid date (dd/mm/yyyy)."},
    {T::SignIn, "Đăng nhập", "Sign in"},
    {T::SignInExplain, "Nhập tên đăng nhập và mật khẩu do văn phòng cấp.", "Enter the user name and password the office gave you."},
    {T::FirstAdminExplain,
     "Cơ sở dữ liệu mới chưa có tài khoản. Tạo tài khoản quản trị viên đầu tiên (mật khẩu ít nhất 8 ký tự).",
     "This new database has no accounts yet. Create the first administrator (a password of at least 8 characters)."},
    {T::CreateAdmin, "Tạo quản trị viên", "Create the administrator"},
    {T::RepeatPassword, "Nhập lại mật khẩu", "Repeat the password"},
    {T::PasswordsDiffer, "Hai mật khẩu không giống nhau.", "The two passwords differ."},
    {T::SignInAgain, "Tài khoản đã bị ngừng, hoặc mật khẩu hay vai trò đã thay đổi: hãy đăng nhập lại.",
     "The account was deactivated, or its password or role changed: sign in again."},
    {T::OriginalDue, "Thời hạn ban đầu", "Original deadline"},
    {T::ExtensionCount, "Số lần gia hạn", "Extensions granted"},
    {T::ReviewNoteTitle, "Văn phòng đã trả lại kết quả hoàn thành, lý do:", "The office sent the completion back:"},
    {T::RequestExtension, "Đề nghị gia hạn", "Request an extension"},
    {T::RequestedDue, "Thời hạn đề nghị", "Requested deadline"},
    {T::Reason, "Lý do", "Reason"},
    {T::SendRequest, "Gửi đề nghị gia hạn", "Send the request"},
    {T::ExtensionSent, "Đã gửi đề nghị gia hạn; chờ văn phòng quyết định.", "Extension requested; the office decides."},
    {T::NoDueToExtend, "Nhiệm vụ không có thời hạn để gia hạn.", "This task has no deadline to extend."},
    {T::DoneNoExtension, "Nhiệm vụ đã hoàn thành, không cần gia hạn.", "The task is done: there is nothing to extend."},
    {T::RequestPending, "Đã có một đề nghị đang chờ văn phòng quyết định.",
     "A request is already waiting for the office's decision."},
    {T::ExtensionRequests, "Các đề nghị gia hạn", "Extension requests"},
    {T::ExtPending, "Chờ quyết định", "Pending"},
    {T::ExtApproved, "Đã đồng ý", "Approved"},
    {T::ExtRefused, "Không đồng ý", "Refused"},
    {T::Approve, "Đồng ý", "Approve"},
    {T::Refuse, "Từ chối", "Refuse"},
    {T::DecisionNote, "Ghi chú của văn phòng", "The office's note"},
    {T::ExtensionApproved, "Đã đồng ý gia hạn; thời hạn mới được áp dụng.", "Extension approved; the new deadline applies."},
    {T::ExtensionRefused, "Đã từ chối đề nghị gia hạn.", "Extension request refused."},
    {T::NeedReason, "Hãy nhập lý do.", "Enter a reason."},
    {T::NeedNewDue, "Hãy nhập thời hạn mới hợp lệ (dd/mm/yyyy).", "Enter a valid new deadline (dd/mm/yyyy)."},
    {T::SendBack, "Trả lại", "Send back"},
    {T::SendBackTitle, "Trả lại kết quả hoàn thành", "Send the completion back"},
    {T::SendBackExplain, "Nhiệm vụ trở về trạng thái Đang thực hiện; đơn vị thấy lý do cho đến khi báo hoàn thành lại.",
     "The task returns to In progress; the agency sees the reason until it marks it done again."},
    {T::SentBack, "Đã trả lại nhiệm vụ cho đơn vị.", "Sent back to the agency."},
    {T::Withdraw, "Thu hồi", "Withdraw"},
    {T::WithdrawnMark, "đã thu hồi", "withdrawn"},
    {T::WithdrawReason, "Lý do thu hồi minh chứng", "Why the evidence is withdrawn"},
    {T::ConfirmWithdraw, "Xác nhận thu hồi", "Withdraw it"},
    {T::Withdrawn, "Đã thu hồi minh chứng.", "Evidence withdrawn."},
    {T::RequestedBy, "Người đề nghị", "Requested by"},
    {T::RequestedAt, "Thời điểm", "When"},
    {T::CurrentDue, "Thời hạn hiện tại", "Current deadline"},
    {T::NoPendingRequests, "Không có đề nghị gia hạn nào đang chờ.", "No extension request is waiting."},
    {T::NoRequests, "Chưa có đề nghị gia hạn.", "No extension requests."},
    {T::OpenTask, "Mở", "Open"},
    {T::JournalReview, "Lý do trả lại", "Sent back because"},
    {T::JournalExtension, "Gia hạn", "Extension"},
    {T::JournalWithdrawn, "Thu hồi minh chứng", "Evidence withdrawn"},
    {T::UserState, "Tình trạng", "State"},
    {T::LockedUntil, "Bị khóa đến", "Locked until"},
    {T::UserInactive, "Đã ngừng hoạt động", "Deactivated"},
    {T::Activate, "Kích hoạt lại", "Reactivate"},
    {T::NewPassword, "Mật khẩu mới", "New password"},
    {T::ResetPassword, "Đặt lại mật khẩu", "Reset the password"},
    {T::PasswordReset, "Đã đặt lại mật khẩu.", "Password reset."},
    {T::ChangeOwnPassword, "Đổi mật khẩu của tôi", "Change my password"},
    {T::CurrentPassword, "Mật khẩu hiện tại", "Current password"},
    {T::PasswordChanged, "Đã đổi mật khẩu.", "Password changed."},
    {T::FailedSignIns, "Đăng nhập sai", "Failed sign-ins"},
    {T::PickUser, "Chọn một người dùng trong bảng để đặt lại mật khẩu, ngừng hoặc kích hoạt lại.",
     "Pick a user in the table to reset the password, deactivate or reactivate."},
    {T::NeedPassword, "Hãy nhập mật khẩu.", "Enter a password."},
    {T::AdminBackup, "Sao lưu", "Backups"},
    {T::BackupNow, "Sao lưu ngay", "Back up now"},
    {T::BackupPath, "Tệp sao lưu mới (đường dẫn)", "New backup file (path)"},
    {T::BackupMade, "Đã sao lưu vào", "Backed up to"},
    {T::AutoBackups, "Bản sao lưu tự động (mỗi ngày một bản khi mở lần đầu)", "Automatic backups (one a day, on first open)"},
    {T::NoBackups, "Chưa có bản sao lưu tự động.", "No automatic backups yet."},
    {T::BackupsUnknown, "Không xác định được vị trí cơ sở dữ liệu nên không liệt kê được bản sao lưu tự động.",
     "The database's location is unknown here, so the automatic backups cannot be listed."},
    {T::RestoreFrom, "Khôi phục từ tệp (đường dẫn)", "Restore from file (path)"},
    {T::Restore, "Khôi phục…", "Restore…"},
    {T::ConfirmRestore, "Xác nhận khôi phục", "Confirm the restore"},
    {T::RestoreExplain, "Toàn bộ dữ liệu hiện tại sẽ được thay bằng nội dung của tệp:",
     "All current data will be replaced by the content of:"},
    {T::RestoreKeeps, "Trước khi khôi phục, dữ liệu hiện tại được sao lại thành một tệp .bak cạnh cơ sở dữ liệu.",
     "Before restoring, the current data is copied to a .bak file beside the database."},
    {T::RestoreNow, "Khôi phục", "Restore"},
    {T::Restored, "Đã khôi phục dữ liệu từ", "Restored from"},
    {T::UseFile, "Chọn để khôi phục", "Use to restore"},
    {T::ColFile, "Tệp", "File"},
    {T::ColSize, "Dung lượng", "Size"},
    {T::NeedPath, "Hãy nhập đường dẫn tệp.", "Enter a file path."},
    {T::AdminExtensions, "Đề nghị gia hạn", "Extension requests"},
    {T::Attachment, "Tệp đính kèm:", "Attachment:"},
    {T::AddUser, "Thêm người dùng", "Add a user"},
    {T::ColCurrentDue, "Thời hạn\nhiện tại", "Current\ndeadline"},
    {T::ColRequestedDue, "Thời hạn\nđề nghị", "Requested\ndeadline"},
    {T::RecoveryTitle, "Không sử dụng được cơ sở dữ liệu", "The database cannot be used"},
    {T::RecoveryFile, "Tệp:", "File:"},
    {T::RecoveryDetails, "Chi tiết:", "Details:"},
    {T::FaultMissing, "Không có tệp cơ sở dữ liệu.", "There is no database file."},
    {T::FaultEmpty, "Tệp cơ sở dữ liệu trống (0 byte): nội dung đã mất.", "The database file is empty (0 bytes): its content is lost."},
    {T::FaultNotDatabase, "Tệp này không phải là cơ sở dữ liệu SQLite: tệp đã hỏng, hoặc là một loại tệp khác.",
     "The file is not a SQLite database: it is damaged, or another kind of file."},
    {T::FaultDamaged, "Tệp cơ sở dữ liệu bị hỏng (bị cắt ngắn hoặc bị ghi đè).",
     "The database file is damaged (cut short or overwritten)."},
    {T::FaultForeign, "Tệp này là cơ sở dữ liệu của một chương trình khác.", "The file is a database of another program."},
    {T::FaultNewer, "Tệp được ghi bởi một phiên bản mới hơn của chương trình.",
     "The file was written by a newer version of the program."},
    {T::FaultReadOnlyFile, "Người dùng này chỉ được đọc tệp, không được ghi.", "This user may read the file but not write it."},
    {T::FaultReadOnlyFolder, "Thư mục chứa tệp không cho ghi; SQLite cần tạo các tệp -wal và -shm bên cạnh tệp.",
     "The file's folder cannot be written; SQLite must create its -wal and -shm files beside the file."},
    {T::FaultDiskFull, "Ổ đĩa chứa tệp đã đầy.", "The disk that holds the file is full."},
    {T::FaultLocked, "Một chương trình khác đã khóa tệp quá lâu.", "Another program kept the file locked for too long."},
    {T::FaultIo, "Không đọc hoặc ghi được tệp.", "The file cannot be read or written."},
    {T::AdviceRestore, "Có thể khôi phục từ bản sao lưu gần nhất còn dùng được:",
     "It can be restored from the newest usable backup:"},
    {T::AdviceNoBackup,
     "Không có bản sao lưu nào dùng được trong thư mục backups bên cạnh tệp. Hãy chọn một bản sao đã tạo "
     "trước đó để khôi phục, hoặc nhờ cán bộ kỹ thuật.",
     "There is no usable backup in the backups folder beside the file. Choose a copy made earlier to restore, or "
     "ask for technical help."},
    {T::AdviceKeepsDamaged,
     "Tệp hiện tại được giữ lại bên cạnh (tên kết thúc bằng .bak). Hãy đóng các cửa sổ khác của chương trình trước khi "
     "khôi phục.",
     "The current file is kept beside it (its name ends in .bak). Close other windows of the program before restoring."},
    {T::AdviceDiskFull, "Hãy giải phóng dung lượng ổ đĩa rồi bấm Thử lại. Chưa có gì bị thay đổi.",
     "Free some space on the disk, then press Try again. Nothing was changed."},
    {T::AdviceReadOnly,
     "Hãy cấp quyền ghi cho người dùng này (hoặc chép tệp sang thư mục có quyền ghi rồi mở tệp đó), rồi bấm Thử lại.",
     "Give this user write permission (or copy the file to a folder you can write to and open that copy), then "
     "press Try again."},
    {T::AdviceLocked, "Hãy đóng chương trình đang dùng tệp rồi bấm Thử lại.",
     "Close the program that is using the file, then press Try again."},
    {T::AdviceNewer, "Hãy dùng phiên bản mới hơn của chương trình.", "Use the newer version of the program."},
    {T::AdviceIo, "Hãy kiểm tra ổ đĩa và quyền truy cập tệp rồi bấm Thử lại.",
     "Check the disk and the file's permissions, then press Try again."},
    {T::AdviceMissing, "Bấm Thử lại để tạo một cơ sở dữ liệu mới.", "Press Try again to create a new database."},
    {T::RestoreFromBackup, "Khôi phục từ bản sao lưu này", "Restore from this backup"},
    {T::TryAgain, "Thử lại", "Try again"},
    {T::Quit, "Thoát", "Quit"},
    {T::RecoveryRestored, "Đã khôi phục dữ liệu. Tệp cũ được giữ tại:", "Restored. The replaced file is kept as:"},
    {T::ProposalsTitle, "Khó khăn, vướng mắc; đề xuất, kiến nghị", "Difficulties and proposals"},
    {T::Difficulties, "Khó khăn, vướng mắc", "Difficulties"},
    {T::Proposals, "Đề xuất, kiến nghị", "Proposals"},
    {T::SaveProposals, "Lưu đề xuất", "Save the proposals"},
    {T::ProposalsSaved, "Đã lưu khó khăn, đề xuất.", "Difficulties and proposals saved."},
    {T::ReportDocument, "Văn bản báo cáo", "The report document"},
    {T::DocNumber, "Số văn bản", "Number"},
    {T::ReportDate, "Ngày văn bản", "Date"},
    {T::Signer, "Người ký", "Signer"},
    {T::SignerTitle, "Chức vụ người ký", "Signer's title"},
    {T::Recipients, "Nơi nhận (mỗi dòng một nơi)", "Recipients (one per line)"},
    {T::RecordedReports, "Các báo cáo đã lập", "Recorded reports"},
    {T::Reissue, "Xuất lại", "Export again"},
    {T::Print, "In", "Print"},
    {T::NoPrinter, "Không tìm thấy lệnh in (lp, CUPS).", "No print command (lp, CUPS) was found."},
    {T::SentToPrinter, "Đã gửi bản PDF tới máy in:", "The PDF was sent to the printer:"},
    {T::ColAsOf, "Tính đến", "As of"},
    {T::ColFormat, "Định dạng", "Format"},
    {T::OnTimeOf, "trong số phân công đã đến hạn, số được hoàn thành đúng hạn", "of the assignments whose deadline has passed, done on time"},
    {T::LegendOverdue, "Có việc quá hạn", "Has overdue work"},
    {T::LegendBlocked, "Có việc vướng mắc", "Has blocked work"},
    {T::LegendAllDone, "Đã hoàn thành hết", "All done"},
    {T::LegendOpen, "Đang thực hiện, trong hạn", "Open, on time"},
    {T::ChartBuckets, "Phân công theo tình trạng", "Assignments by state"},
    {T::ChartAgencyRates, "Tỷ lệ đúng hạn theo đơn vị (thấp nhất trước)", "On-time rate by agency (lowest first)"},
    {T::ClickToOpen, "Bấm để xem đúng các phân công này", "Click to list exactly these assignments"},
    {T::CountsAt, "Mọi số liệu tính đến hết ngày", "Every figure as at the end of"},
    {T::DoneOfTotal, "đã xong / tổng số", "done / total"},
    {T::OpenOnly, "chưa xong", "open"},
    {T::FromLink, "Đang lọc", "Filtered by"},
    {T::AgencyCount, "đơn vị", "agencies"},
    {T::NothingMatches, "Không có phân công nào khớp với điều kiện lọc (mỗi từ phải có mặt).", "No assignment matches the filter (every word must be found)."},
    {T::PaletteView, "Màn hình", "View"},
    {T::PaletteTask, "Nhiệm vụ", "Task"},
    {T::PaletteHint, "Gõ tên màn hình, đơn vị hoặc nhiệm vụ (không cần dấu)…", "Type a view, an agency or a task (accents optional)…"},
    {T::PaletteNothing, "Không tìm thấy.", "Nothing found."},
    {T::PaletteKeys, "↑↓ chọn · Enter mở · Esc đóng", "↑↓ choose · Enter open · Esc close"},
    {T::ShortcutsHint, "Ctrl+K: tìm nhanh · Ctrl+1…9: chuyển màn hình", "Ctrl+K: jump to · Ctrl+1…9: switch views"},
    {T::CollapseNav, "Thu gọn", "Collapse"},
    {T::NavReminders, "Nhắc việc", "Reminders"},
    {T::RemindOverdue, "Quá hạn", "Overdue"},
    {T::RemindDueSoon, "Sắp đến hạn", "Due soon"},
    {T::RemindSentBack, "Bị trả lại, cần bổ sung", "Sent back, to complete"},
    {T::RemindExtension, "Đã có quyết định gia hạn", "Extension decided"},
    {T::RemindWithin, "Hạn trong", "Due within"},
    {T::RemindDays, "ngày tới", "days"},
    {T::AllAgencies, "Tất cả đơn vị", "All agencies"},
    {T::PrintDigest, "In phiếu nhắc việc (PDF)", "Print the reminder digest (PDF)"},
    {T::DigestWritten, "Đã ghi phiếu nhắc việc:", "Reminder digest written:"},
    {T::NothingToRemind, "Không có việc cần nhắc.", "Nothing to remind."},
    {T::DaysLeft, "còn %d ngày", "in %d day(s)"},
    {T::DaysLate, "quá %d ngày", "%d day(s) late"},
    {T::Today, "hôm nay", "today"},
    {T::RemindSummary, "Nhắc việc", "Reminders"},
    {T::ShowList, "Xem danh sách", "Show the list"},
    {T::ChooseFile, "Chọn…", "Choose…"},
    {T::DroppedFile, "Đã nhận tệp kéo vào:", "File dropped:"},
    {T::DropWhere, "Kéo tệp vào màn hình Chi tiết nhiệm vụ (đính kèm), Quản trị (nhập chỉ thị, khôi phục) hoặc Giải ngân (nhập CSV).", "Drop a file on Task detail (attach), Administration (import a directive, restore) or Disbursement (CSV import)."},
    {T::KindDepartment, "Sở, ngành", "Department"},
    {T::KindDistrict, "UBND huyện", "District"},
    {T::KindCity, "UBND thành phố", "City"},
    {T::KindGroup, "Nhóm đơn vị", "Group"},
    {T::KindOffice, "Văn phòng", "Office"},
    {T::KindBoard, "Ban quản lý", "Board"},
    {T::KindProjectBoard, "Ban quản lý dự án", "Project board"},
    {T::KindPolice, "Công an", "Police"},
    {T::KindMilitary, "Quân sự, biên phòng", "Military"},
    {T::KindBank, "Ngân hàng", "Bank"},
    {T::KindTreasury, "Kho bạc", "Treasury"},
    {T::KindSocialInsurance, "Bảo hiểm xã hội", "Social insurance"},
    {T::KindInspectorate, "Thanh tra", "Inspectorate"},
    {T::KindCommune, "UBND xã, phường", "Commune"},
    {T::FullName, "Họ và tên", "Full name"},
};
static_assert(sizeof kTable / sizeof kTable[0] == static_cast<std::size_t>(T::Count_), "one entry per string");

Lang g_lang = Lang::Vi;
}  // namespace

void set_language(Lang lang) { g_lang = lang; }
Lang language() { return g_lang; }

std::string message(const std::exception& e) { return say(e, g_lang, Audience::Gui); }

const char* tr(T key) {
    const auto& e = kTable[static_cast<int>(key)];
    return g_lang == Lang::Vi ? e.vi : e.en;
}

std::vector<std::string_view> all_strings() {
    std::vector<std::string_view> out;
    for (const auto& e : kTable) {
        out.emplace_back(e.vi);
        out.emplace_back(e.en);
    }
    return out;
}

bool table_in_order() {
    for (int i = 0; i < static_cast<int>(T::Count_); ++i)
        if (static_cast<int>(kTable[i].key) != i) return false;
    return true;
}

const char* label(Status s) {
    static constexpr T keys[] = {T::StatusNotStarted, T::StatusInProgress, T::StatusDone, T::StatusBlocked};
    return tr(keys[static_cast<int>(s)]);
}
const char* label(Bucket b) {
    static constexpr T keys[] = {T::BucketDoneOnTime, T::BucketDoneLate, T::BucketOpenOnTime, T::BucketOpenOverdue,
                                 T::BucketNoDeadline};
    return tr(keys[static_cast<int>(b)]);
}
const char* label(AssignmentRole r) { return tr(r == AssignmentRole::Lead ? T::RoleLead : T::RoleCoordinate); }
const char* label(UserRole r) {
    return tr(r == UserRole::Admin ? T::RoleAdmin : r == UserRole::Agency ? T::RoleAgency : T::RoleViewer);
}

const char* label(store::ExtensionStatus s) {
    return tr(s == store::ExtensionStatus::Pending    ? T::ExtPending
              : s == store::ExtensionStatus::Approved ? T::ExtApproved
                                                      : T::ExtRefused);
}

namespace {
const std::pair<const char*, T> kKinds[] = {
    {"department", T::KindDepartment}, {"district", T::KindDistrict},   {"city", T::KindCity},
    {"commune", T::KindCommune},       {"office", T::KindOffice},       {"board", T::KindBoard},
    {"project_board", T::KindProjectBoard}, {"police", T::KindPolice}, {"military", T::KindMilitary},
    {"bank", T::KindBank},             {"treasury", T::KindTreasury},   {"social_insurance", T::KindSocialInsurance},
    {"inspectorate", T::KindInspectorate}, {"group", T::KindGroup}};
}  // namespace

const char* agency_kind_label(const std::string& kind) {
    for (const auto& [code, key] : kKinds)
        if (kind == code) return tr(key);
    return kind.c_str();
}

const std::vector<std::string>& agency_kinds() {
    static const std::vector<std::string> codes = [] {
        std::vector<std::string> out;
        for (const auto& [code, key] : kKinds)
            if (std::string_view(code) != "group") out.emplace_back(code);
        return out;
    }();
    return codes;
}

namespace {
NumberStyle number_style() { return g_lang == Lang::Vi ? NumberStyle::Vi : NumberStyle::En; }
}  // namespace

std::string format_vnd(std::int64_t amount) { return format_integer(amount, number_style()) + " ₫"; }

std::string format_percent(double percent) { return dt::format_percent(percent, number_style()); }

std::string format_count(long long n) { return format_integer(n, number_style()); }

}  // namespace dt::ui

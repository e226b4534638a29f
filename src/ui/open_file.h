#pragma once
#include <optional>
#include <string>

#include "service/records.h"

namespace dt::ui {

// Writes an attachment into `folder` (a subfolder named after its sha256) under its stored name
// made safe (core/text.h safe_file_name): whatever the name holds, the file lands inside
// `folder`. Returns the file's path, or none with a sentence in `error`.
std::optional<std::string> save_attachment(const service::EvidenceFile& file, const std::string& folder, std::string& error);

// Saves an attachment to a private folder (save_attachment) and opens it with the desktop's
// default program. False with a sentence in `error` when it cannot.
bool open_attachment(const service::EvidenceFile& file, std::string& error);

// Opens a file or folder with the desktop's default program (xdg-open, no shell).
bool open_path(const std::string& path, std::string& error);

// Sends a PDF to the system's default printer through CUPS' `lp` (no shell): A4, the job named
// `title`, the file after "--" (whatever its name, never an option). lp only queues the job, so
// the file may go once it returns. Missing: no `lp` on the PATH (CUPS' client not installed);
// Failed: lp refused the job (no default printer, the scheduler not running).
enum class PrintResult { Sent, Missing, Failed };
PrintResult print_pdf(const std::string& path, const std::string& title);

// Where reports go by default: ~/Documents when it exists, else the home folder.
std::string default_report_folder();

}  // namespace dt::ui

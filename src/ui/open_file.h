#pragma once
#include <string>

#include "store/records.h"

namespace dt::ui {

// Writes an attachment to a private folder under its own (path-free) name and opens it with
// the desktop's default program. False with a sentence in `error` when it cannot.
bool open_attachment(const store::EvidenceFile& file, std::string& error);

// Opens a file or folder with the desktop's default program (xdg-open, no shell).
bool open_path(const std::string& path, std::string& error);

// Where reports go by default: ~/Documents when it exists, else the home folder.
std::string default_report_folder();

}  // namespace dt::ui

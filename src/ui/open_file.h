#pragma once
#include <string>

#include "store/records.h"

namespace dt::ui {

// Writes an attachment to a private folder under its own (path-free) name and opens it with
// the desktop's default program. False with a sentence in `error` when it cannot.
bool open_attachment(const store::EvidenceFile& file, std::string& error);

}  // namespace dt::ui

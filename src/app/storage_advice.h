#pragma once
// What dtrack says when the database cannot be used: the storage error's own words, then what
// to do about it, naming the newest usable backup and the exact command that restores it.
#include <filesystem>
#include <string>

#include "store/faults.h"

namespace dt::app {

// One sentence. `database` is the file dtrack was working on; an error about another file (a
// backup being read or written) gets advice about that file instead.
// In `lang`, for dtrack (it names the commands to run).
std::string storage_sentence(const store::StorageError& error, const std::filesystem::path& database, Lang lang);

// A word the shell reads back as `text`, whatever it holds: 'it''s' → 'it'\''s'.
std::string shell_word(const std::string& text);

}  // namespace dt::app

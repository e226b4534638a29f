#pragma once
// File choosers: the desktop's own dialog (zenity, spawned without blocking the frame) where it
// is installed, an in-app folder browser otherwise. One chooser per field, keyed by its id.
#include <sys/types.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dt::ui {

enum class ChooseMode { Open, Save, Folder };

struct FileChooser {
    ChooseMode mode = ChooseMode::Open;
    pid_t pid = 0;   // zenity while it runs
    int fd = -1;     // its standard output
    std::string output;
    // The in-app browser, when zenity is missing.
    bool browsing = false;
    std::string folder;
    std::vector<std::pair<std::string, bool>> entries;  // name, is a folder; read when the folder changes
    char name[256] = {};
};

struct FileChoosers {
    std::map<std::string, FileChooser> open;
    std::optional<bool> zenity;  // looked for once
    ~FileChoosers();             // ends a zenity still open
};

// A "Chọn…" button, then a path field (drawn last: the last item). True when the path changed (typed or chosen). `filter`
// is zenity's, e.g. "*.txt *.docx *.pdf"; empty: any file.
bool file_field(FileChoosers& choosers, const char* id, const char* label, char* buf, std::size_t size, ChooseMode mode,
                const char* filter = "");

// For tests: whether the in-app browser is used (no zenity on PATH, or DT_NO_ZENITY set).
bool use_zenity(FileChoosers& choosers);

}  // namespace dt::ui

#pragma once
// File choosers: the desktop's own dialog — zenity (spawned without blocking the frame) where
// it is installed, else the XDG desktop portal (ui/portal.h) where the session bus has one —
// and an in-app folder browser otherwise. One chooser per field, keyed by its id.
#include <sys/types.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ui/portal.h"

namespace dt::ui {

struct FileChooser {
    ChooseMode mode = ChooseMode::Open;
    pid_t pid = 0;   // zenity while it runs
    int fd = -1;     // its standard output
    std::string output;
    std::shared_ptr<PortalDialog> portal;  // the portal's dialog while it is open
    // The in-app browser, when neither zenity nor the portal is there.
    bool browsing = false;
    std::string folder;
    std::vector<std::pair<std::string, bool>> entries;  // name, is a folder; read when the folder changes
    char name[256] = {};
};

struct FileChoosers {
    std::map<std::string, FileChooser> open;
    std::optional<ChooserKind> kind;  // looked for once
    ~FileChoosers();                  // ends a zenity still open
};

// A "Chọn…" button, then a path field (drawn last: the last item). True when the path changed (typed or chosen). `filter`
// is zenity's, e.g. "*.txt *.docx *.pdf"; empty: any file.
bool file_field(FileChoosers& choosers, const char* id, const char* label, char* buf, std::size_t size, ChooseMode mode,
                const char* filter = "");

// Which chooser the fields use, looked for at the first use: zenity on PATH (unless DT_NO_ZENITY
// is set), else the portal (portal_available), else the in-app browser.
ChooserKind chooser_kind(FileChoosers& choosers);

}  // namespace dt::ui

#pragma once
// The desktop's own file dialog through the XDG desktop portal (org.freedesktop.portal.
// FileChooser on the session bus, GIO's GDBus): the dialog GNOME, KDE and the sandboxes show,
// used when zenity is not installed. Asked without blocking the frame: the call returns a
// request at once, and its Response signal is read when the window polls.
#include <memory>
#include <optional>
#include <string>

namespace dt::ui {

enum class ChooseMode { Open, Save, Folder };

// Which chooser a path field uses: zenity where present, else the portal, else the in-app browser.
enum class ChooserKind { Zenity, Portal, Browser };
ChooserKind pick_chooser(bool zenity, bool portal);

// True when a session bus is there (never launched for this: DBUS_SESSION_BUS_ADDRESS or
// $XDG_RUNTIME_DIR/bus) and answers for the portal's FileChooser (waiting at most 2 s, once per
// session: FileChoosers remembers the answer). DT_NO_PORTAL set: false.
bool portal_available();

class PortalDialog {
public:
    PortalDialog();
    ~PortalDialog();  // closes a dialog still open
    PortalDialog(const PortalDialog&) = delete;
    PortalDialog& operator=(const PortalDialog&) = delete;
    // Asks the portal to open its dialog; false when it cannot (then the in-app browser).
    // `filter` is zenity's ("*.csv *.txt"); `start` a file or a folder to begin in.
    bool start(ChooseMode mode, const std::string& title, const std::string& filter, const std::string& start);
    // None while the dialog is open; then the chosen path, or none when it was cancelled.
    std::optional<std::optional<std::string>> poll();

    struct State;

private:
    std::unique_ptr<State> state_;
};

}  // namespace dt::ui

#include "ui/file_dialog.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "core/text.h"
#include "ui/open_file.h"
#include "ui/strings.h"

extern char** environ;

namespace dt::ui {

namespace fs = std::filesystem;

namespace {
bool on_path(const char* program) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    for (const auto& dir : split(path, ':')) {
        std::error_code ec;
        if (!dir.empty() && fs::exists(fs::path(dir) / program, ec)) return true;
    }
    return false;
}

// zenity with its output on a pipe we read a little each frame; false when it cannot start.
bool spawn_zenity(FileChooser& c, const char* title, const char* filter, const std::string& start) {
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) return false;
    std::vector<std::string> args = {"zenity", "--file-selection", std::string("--title=") + title};
    if (c.mode == ChooseMode::Save) args.push_back("--save");
    if (c.mode == ChooseMode::Save) args.push_back("--confirm-overwrite");
    if (c.mode == ChooseMode::Folder) args.push_back("--directory");
    if (filter && *filter) args.push_back(std::string("--file-filter=") + filter);
    if (!start.empty()) args.push_back("--filename=" + start);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    const int rc = posix_spawnp(&c.pid, "zenity", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    if (rc != 0) {
        close(pipe_fds[0]);
        c.pid = 0;
        return false;
    }
    c.fd = pipe_fds[0];
    fcntl(c.fd, F_SETFL, O_NONBLOCK);
    c.output.clear();
    return true;
}

// Reads what zenity wrote so far; the chosen path once it has ended (none when cancelled).
std::optional<std::optional<std::string>> poll_zenity(FileChooser& c) {
    char buf[4096];
    for (;;) {
        const ssize_t n = read(c.fd, buf, sizeof buf);
        if (n > 0) c.output.append(buf, static_cast<std::size_t>(n));
        else break;
    }
    int status = 0;
    if (waitpid(c.pid, &status, WNOHANG) != c.pid) return std::nullopt;  // still open
    for (ssize_t n; (n = read(c.fd, buf, sizeof buf)) > 0;) c.output.append(buf, static_cast<std::size_t>(n));
    close(c.fd);
    c.fd = -1;
    c.pid = 0;
    std::string chosen = trim(c.output);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && !chosen.empty()) return std::optional<std::string>(chosen);
    return std::optional<std::optional<std::string>>(std::optional<std::string>());
}

void read_folder(FileChooser& c) {
    c.entries.clear();
    std::error_code ec;
    for (fs::directory_iterator it(c.folder, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;  // hidden files, as the desktop's dialogs
        std::error_code type_ec;
        const bool folder = it->is_directory(type_ec);
        if (c.mode == ChooseMode::Folder && !folder) continue;
        c.entries.emplace_back(name, folder);
    }
    std::sort(c.entries.begin(), c.entries.end(), [](const auto& a, const auto& b) {
        if (a.second != b.second) return a.second;  // folders first
        return fold(a.first) < fold(b.first);
    });
}

// The in-app browser: the folder's parent, its folders and files; a name for Save.
std::optional<std::string> draw_browser(FileChooser& c, const char* title) {
    std::optional<std::string> chosen;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36, ImGui::GetFontSize() * 24), ImGuiCond_Appearing);
    bool open = true;
    if (!ImGui::BeginPopupModal(title, &open)) return chosen;
    ImGui::TextWrapped("%s", c.folder.c_str());
    if (ImGui::Button("..")) {
        c.folder = fs::path(c.folder).parent_path().string();
        read_folder(c);
    }
    ImGui::BeginChild("##entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 1.5f), true);
    std::optional<std::string> enter;
    for (const auto& [name, folder] : c.entries) {
        const std::string line = (folder ? "▸ " : "   ") + name;
        if (ImGui::Selectable(line.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (folder) enter = name;
            else if (c.mode == ChooseMode::Save) std::snprintf(c.name, sizeof c.name, "%s", name.c_str());
            else chosen = (fs::path(c.folder) / name).string();
        }
    }
    ImGui::EndChild();
    if (enter) {
        c.folder = (fs::path(c.folder) / *enter).string();
        read_folder(c);
    }
    if (c.mode == ChooseMode::Save) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
        ImGui::InputText("##name", c.name, sizeof c.name);
        ImGui::SameLine();
        if (ImGui::Button(tr(T::UseFile)) && c.name[0]) chosen = (fs::path(c.folder) / c.name).string();
    } else if (c.mode == ChooseMode::Folder) {
        if (ImGui::Button(tr(T::UseFile))) chosen = c.folder;
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(T::Cancel))) open = false;
    if (chosen || !open) {
        c.browsing = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return chosen;
}
}  // namespace

FileChoosers::~FileChoosers() {
    for (auto& [id, c] : open)
        if (c.pid > 0) {
            kill(c.pid, SIGTERM);
            waitpid(c.pid, nullptr, 0);
            if (c.fd >= 0) close(c.fd);
        }
}

ChooserKind chooser_kind(FileChoosers& choosers) {
    if (!choosers.kind) {
        const bool zenity = std::getenv("DT_NO_ZENITY") == nullptr && on_path("zenity");
        choosers.kind = pick_chooser(zenity, !zenity && portal_available());
    }
    return *choosers.kind;
}

bool file_field(FileChoosers& choosers, const char* id, const char* label, char* buf, std::size_t size, ChooseMode mode,
                const char* filter) {
    // A width set for this field (SetNextItemWidth) is the path field's, not the button's.
    ImGuiContext& g = *GImGui;
    std::optional<float> width;
    if (g.NextItemData.Flags & ImGuiNextItemDataFlags_HasWidth) {
        width = g.NextItemData.Width;
        g.NextItemData.Flags &= ~ImGuiNextItemDataFlags_HasWidth;
    }
    ImGui::PushID(id);
    bool changed = false;
    auto& c = choosers.open[id];
    const bool running = c.pid > 0 || c.portal;
    ImGui::BeginDisabled(running);
    const bool pressed = ImGui::Button(tr(T::ChooseFile));
    ImGui::EndDisabled();
    const std::string title = std::string(tr(T::ChooseFile)) + "###browser";
    if (pressed) {
        c.mode = mode;
        const std::string start = buf[0] ? std::string(buf) : default_report_folder() + "/";
        const auto kind = chooser_kind(choosers);
        bool asked = kind == ChooserKind::Zenity && spawn_zenity(c, tr(T::ChooseFile), filter, start);
        if (kind == ChooserKind::Portal) {
            c.portal = std::make_shared<PortalDialog>();
            asked = c.portal->start(mode, tr(T::ChooseFile), filter ? filter : "", start);
            if (!asked) c.portal.reset();
        }
        if (!asked) {
            std::error_code ec;
            fs::path p = buf[0] ? fs::path(buf) : fs::path(default_report_folder());
            if (!fs::is_directory(p, ec)) p = p.parent_path();
            if (p.empty() || !fs::is_directory(p, ec)) p = default_report_folder();
            c.folder = p.string();
            c.browsing = true;
            read_folder(c);
            ImGui::OpenPopup(title.c_str());
        }
    }
    std::optional<std::string> chosen;
    if (c.pid > 0)
        if (auto done = poll_zenity(c)) chosen = *done;
    if (c.portal)
        if (auto done = c.portal->poll()) {
            chosen = *done;
            c.portal.reset();
        }
    if (c.browsing) chosen = draw_browser(c, title.c_str());
    if (chosen) {
        std::snprintf(buf, size, "%s", chosen->c_str());
        changed = true;
    }
    // The field last, so that it is the "last item" for whoever records it (tests' probes).
    ImGui::SameLine();
    if (width) ImGui::SetNextItemWidth(*width);
    changed = ImGui::InputText(label, buf, size) || changed;
    ImGui::PopID();
    return changed;
}

}  // namespace dt::ui

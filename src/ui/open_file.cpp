#include "ui/open_file.h"

#include <spawn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

extern char** environ;

namespace dt::ui {

bool open_attachment(const store::EvidenceFile& file, std::string& error) {
    namespace fs = std::filesystem;
    // Only the last component, never hidden: a stored name cannot point outside the folder.
    std::string name = fs::path(file.name).filename().string();
    while (!name.empty() && name.front() == '.') name.erase(0, 1);
    if (name.empty()) name = "attachment";
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    const fs::path base = runtime && *runtime ? fs::path(runtime) : fs::temp_directory_path();
    const fs::path dir = base / ("directive-tracker-" + std::to_string(getuid())) / file.sha256.substr(0, 16);
    std::error_code ec;
    fs::create_directories(dir, ec);
    chmod(dir.parent_path().c_str(), 0700);
    const fs::path target = dir / name;
    {
        std::ofstream out(target, std::ios::binary | std::ios::trunc);
        out.write(file.data.data(), static_cast<std::streamsize>(file.data.size()));
        if (!out) {
            error = "Cannot write " + target.string() + ".";
            return false;
        }
    }
    if (!open_path(target.string(), error)) {
        error = "Saved to " + target.string() + " (no program to open it was found).";
        return false;
    }
    return true;
}

bool open_path(const std::string& path, std::string& error) {
    // No shell: the path is one argument, whatever characters it holds.
    std::string arg = path;
    char program[] = "xdg-open";
    char* argv[] = {program, arg.data(), nullptr};
    pid_t pid = 0;
    if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ) != 0) {
        error = "No program was found to open " + path + ".";
        return false;
    }
    return true;
}

std::string default_report_folder() {
    const char* home = std::getenv("HOME");
    if (!home || !*home) return std::filesystem::temp_directory_path().string();
    std::error_code ec;
    const auto documents = std::filesystem::path(home) / "Documents";
    return std::filesystem::is_directory(documents, ec) ? documents.string() : std::string(home);
}

}  // namespace dt::ui

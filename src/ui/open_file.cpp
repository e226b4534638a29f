#include "ui/open_file.h"

#include <spawn.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "core/text.h"
#include "ui/strings.h"

extern char** environ;

namespace dt::ui {

std::optional<std::string> save_attachment(const store::EvidenceFile& file, const std::string& folder, std::string& error) {
    namespace fs = std::filesystem;
    // The subfolder is named from the hash's hex digits only, and the name is one safe component.
    std::string hash;
    for (char c : file.sha256)
        if (std::isxdigit(static_cast<unsigned char>(c)) && hash.size() < 16) hash += c;
    if (hash.empty()) hash = "unknown";
    const fs::path dir = fs::path(folder) / hash;
    const fs::path target = dir / safe_file_name(file.name);
    if (target.parent_path() != dir) {
        error = tr(T::OpenBadName);
        return std::nullopt;
    }
    std::error_code ec;
    fs::create_directories(dir, ec);
    // Never write through a link someone else left there.
    if (fs::is_symlink(fs::symlink_status(target, ec))) fs::remove(target, ec);
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out.write(file.data.data(), static_cast<std::streamsize>(file.data.size()));
    out.close();
    if (!out) {
        error = std::string(tr(T::OpenCannotWrite)) + " " + target.string() + ".";
        return std::nullopt;
    }
    return target.string();
}

bool open_attachment(const store::EvidenceFile& file, std::string& error) {
    namespace fs = std::filesystem;
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    const fs::path base = runtime && *runtime ? fs::path(runtime) : fs::temp_directory_path();
    const fs::path folder = base / ("directive-tracker-" + std::to_string(getuid()));
    std::error_code ec;
    fs::create_directory(folder, ec);
    // A private folder of ours: not a link planted in a shared /tmp, not someone else's.
    struct stat st {};
    if (lstat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid()) {
        error = std::string(tr(T::OpenBadFolder)) + " " + folder.string();
        return false;
    }
    chmod(folder.c_str(), 0700);
    const auto target = save_attachment(file, folder.string(), error);
    if (!target) return false;
    if (!open_path(*target, error)) {
        error = std::string(tr(T::OpenSavedTo)) + " " + *target + ". " + error;
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
        error = std::string(tr(T::OpenNoProgram)) + " " + path;
        return false;
    }
    // xdg-open may wait for the program it started (its generic mode does): reaped aside, so
    // the window goes on and no finished child is left behind.
    std::thread([pid] {
        int status = 0;
        waitpid(pid, &status, 0);
    }).detach();
    return true;
}

PrintResult print_pdf(const std::string& path, const std::string& title) {
    std::vector<std::string> args = {"lp", "-t", title, "-o", "media=A4", "--", path};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    // glibc's posix_spawnp reports a program it cannot find (ENOENT) as its own result.
    if (posix_spawnp(&pid, "lp", nullptr, nullptr, argv.data(), environ) != 0) return PrintResult::Missing;
    int status = 0;
    // lp only queues the job: it returns at once; a failure (no printer) is its exit status.
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return PrintResult::Failed;
    // 127: a shell wrapper named lp that found no program behind it.
    if (WEXITSTATUS(status) == 127) return PrintResult::Missing;
    return WEXITSTATUS(status) == 0 ? PrintResult::Sent : PrintResult::Failed;
}

std::string default_report_folder() {
    const char* home = std::getenv("HOME");
    if (!home || !*home) return std::filesystem::temp_directory_path().string();
    std::error_code ec;
    const auto documents = std::filesystem::path(home) / "Documents";
    return std::filesystem::is_directory(documents, ec) ? documents.string() : std::string(home);
}

}  // namespace dt::ui

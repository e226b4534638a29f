#include "store/backups.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "store/impl.h"

namespace dt::store {

namespace fs = std::filesystem;

fs::path backup_folder(const fs::path& database) {
    const fs::path folder = database.has_parent_path() ? database.parent_path() : fs::path(".");
    return folder / "backups";
}

namespace {
std::string prefix_of(const fs::path& database) { return database.stem().string() + "-"; }

// "tracker-2025-09-30.db" → 2025-09-30
std::optional<Date> date_of(const fs::path& file, const std::string& prefix) {
    const std::string name = file.filename().string();
    if (!name.starts_with(prefix) || file.extension() != ".db") return std::nullopt;
    return Date::parse_iso(name.substr(prefix.size(), 10));
}
}  // namespace

std::optional<fs::path> daily_backup(const Store& store, int keep_days, Date today) {
    const fs::path folder = backup_folder(store.path());
    std::error_code ec;
    fs::create_directories(folder, ec);
    const std::string prefix = prefix_of(store.path());
    const fs::path target = folder / (prefix + today.iso() + ".db");
    std::optional<fs::path> made;
    if (!fs::exists(target, ec)) {
        // Written under a temporary name: a crash mid-copy never looks like a good backup.
        const fs::path temp = folder / (prefix + today.iso() + ".partial");
        fs::remove(temp, ec);
        store.backup_to(temp);
        fs::rename(temp, target);
        made = target;
    }
    const Date oldest_kept = today.plus_days(-std::max(1, keep_days) + 1);
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const auto day = date_of(entry.path(), prefix);
        if (day && *day < oldest_kept) fs::remove(entry.path(), ec);
    }
    return made;
}

bool is_tracker_file(const fs::path& path) {
    const int fd = open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return false;
    struct stat st {};
    unsigned char header[100] = {};
    const bool read_all = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && read(fd, header, sizeof header) == sizeof header;
    close(fd);
    static constexpr char kMagic[] = "SQLite format 3";
    if (!read_all || std::memcmp(header, kMagic, sizeof kMagic) != 0) return false;
    const auto id = std::uint32_t(header[68]) << 24 | std::uint32_t(header[69]) << 16 | std::uint32_t(header[70]) << 8 | header[71];
    return id == static_cast<std::uint32_t>(kApplicationId);
}

std::vector<fs::path> list_backups(const fs::path& database) {
    std::vector<std::pair<Date, fs::path>> found;
    std::error_code ec;
    const std::string prefix = prefix_of(database);
    for (const auto& entry : fs::directory_iterator(backup_folder(database), ec))
        if (auto day = date_of(entry.path(), prefix)) found.emplace_back(*day, entry.path());
    std::sort(found.begin(), found.end(), [](auto& a, auto& b) { return a.first > b.first; });
    std::vector<fs::path> out;
    for (auto& f : found) out.push_back(std::move(f.second));
    return out;
}

}  // namespace dt::store

#include "core/assets.h"

#include <cstdlib>
#include <system_error>

namespace dt {

namespace fs = std::filesystem;

namespace {
// True when `path` lies inside `folder` (both absolute, compared component by component).
bool inside(const fs::path& path, const fs::path& folder) {
    const auto rel = path.lexically_normal().lexically_relative(fs::path(folder).lexically_normal());
    return !rel.empty() && *rel.begin() != "..";
}
}  // namespace

fs::path assets_dir() {
    if (const char* env = std::getenv("DTRACK_ASSETS"); env && *env) return env;
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = self.parent_path().parent_path() / "share" / "directive-tracker";
        if (fs::is_directory(installed, ec)) return installed;
        if (inside(self, DT_BUILD_DIR)) return DT_SOURCE_ASSETS_DIR;
        return installed;
    }
    return "/usr/share/directive-tracker";
}

}  // namespace dt

#pragma once
// Look-alike names: "admin", "Admin" and "аdmin" (Cyrillic а) must not be three users.
#include <string>
#include <string_view>

namespace dt {

// The name case-folded and reduced to its confusable skeleton (ICU's spoof checker, UTS #39):
// two names with the same skeleton look the same to a reader. `name` is valid UTF-8.
std::string name_skeleton(std::string_view name);

}  // namespace dt

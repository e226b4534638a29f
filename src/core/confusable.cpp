#include "core/confusable.h"

#include <unicode/uspoof.h>
#include <unicode/ustring.h>

#include <memory>
#include <vector>

#include "core/error.h"

namespace dt {

namespace {
struct CloseSpoof {
    void operator()(USpoofChecker* sc) const { uspoof_close(sc); }
};
}  // namespace

std::string name_skeleton(std::string_view name) {
    UErrorCode status = U_ZERO_ERROR;
    // Case first (ICU's full case folding): "Admin" and "admin" are one name.
    std::vector<UChar> wide(name.size() * 2 + 4);
    int32_t wide_len = 0;
    u_strFromUTF8(wide.data(), static_cast<int32_t>(wide.size()), &wide_len, name.data(), static_cast<int32_t>(name.size()), &status);
    std::vector<UChar> folded(static_cast<std::size_t>(wide_len) * 3 + 4);
    const int32_t folded_len = u_strFoldCase(folded.data(), static_cast<int32_t>(folded.size()), wide.data(), wide_len,
                                             U_FOLD_CASE_DEFAULT, &status);
    std::unique_ptr<USpoofChecker, CloseSpoof> sc(uspoof_open(&status));
    std::vector<UChar> skeleton(static_cast<std::size_t>(folded_len) * 4 + 16);
    const int32_t skeleton_len = uspoof_getSkeleton(sc.get(), 0, folded.data(), folded_len, skeleton.data(),
                                                    static_cast<int32_t>(skeleton.size()), &status);
    std::string out(static_cast<std::size_t>(skeleton_len) * 4 + 4, '\0');
    int32_t out_len = 0;
    u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &out_len, skeleton.data(), skeleton_len, &status);
    if (U_FAILURE(status)) fail(ErrorKind::Invalid, Msg::NameNotComparable, {u_errorName(status)});
    out.resize(static_cast<std::size_t>(out_len));
    return out;
}

}  // namespace dt

#include "ui/fonts.h"

#include <imgui.h>

#include <filesystem>

#include "ui/strings.h"

namespace dt::ui {

bool load_fonts(float pixels, std::string& error) {
    ImGuiIO& io = ImGui::GetIO();
    if (!std::filesystem::exists(kScreenFont)) {
        error = std::string("The screen font ") + kScreenFont + " is missing (Debian package fonts-dejavu-core).";
        io.Fonts->AddFontDefault();
        return false;
    }
    // The builder keeps its ranges alive only until Build(): keep them for the atlas's life.
    static ImVector<ImWchar> ranges;
    ranges.clear();
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    builder.AddRanges(io.Fonts->GetGlyphRangesVietnamese());
    static const ImWchar extra[] = {
        0x0100, 0x017F,  // Latin Extended-A (Ă ă Đ đ Ĩ ĩ Ũ ũ)
        0x01A0, 0x01B0,  // Ơ ơ Ư ư
        0x0300, 0x036F,  // combining marks, for text that arrives decomposed
        0x1EA0, 0x1EF9,  // Vietnamese precomposed letters
        0x2000, 0x206F,  // general punctuation: — “ ” … •
        0x20AB, 0x20AB,  // ₫
        0x2190, 0x21FF,  // arrows
        0x25A0, 0x25FF,  // geometric shapes: ● ○
        0x2600, 0x27BF,  // ⚠ ✓
        0,
    };
    builder.AddRanges(extra);
    for (const auto& s : all_strings()) builder.AddText(s.data(), s.data() + s.size());
    builder.BuildRanges(&ranges);
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    io.Fonts->AddFontFromFileTTF(kScreenFont, pixels, &config, ranges.Data);
    return true;
}

}  // namespace dt::ui

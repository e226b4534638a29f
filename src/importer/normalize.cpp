#include "importer/normalize.h"

#include "core/error.h"
#include "core/text.h"
#include "importer/importer.h"
#include "importer/text_scan.h"

namespace dt::importer::detail {

namespace {
constexpr std::string_view kBom = "\xEF\xBB\xBF";

[[noreturn]] void not_text() {
    fail(ErrorKind::Invalid, Msg::ImportNotText);
}

bool is_line_break(char32_t cp) { return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029; }

// Bidirectional marks and overrides that web pages carry along: invisible, never needed in a
// Vietnamese directive, and refused in stored text (docs/INPUT.md), so they are dropped here.
bool is_invisible_format(char32_t cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool is_stray_control(char32_t cp) {
    return (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t' && cp != '\f' && cp != '\v') || cp == 0x7F ||
           (cp >= 0x80 && cp < 0xA0 && cp != 0x85);
}
}  // namespace

Lines normalize_input(std::string_view text) {
    if (text.size() > kMaxDirectiveBytes)
        fail(ErrorKind::Invalid, Msg::ImportTooLarge, {MsgArg::grouped(static_cast<long long>(text.size())), kMaxDirectiveBytes / (1024 * 1024)});
    if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
    if (trim(text).empty()) fail(ErrorKind::Invalid, Msg::ImportEmpty);
    if (text.find('\0') != std::string_view::npos || !dt::is_valid_utf8(text)) not_text();

    // A few stray control characters happen in pasted text; many mean the bytes are not text.
    std::size_t controls = 0;
    std::string cleaned;
    cleaned.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto c = decode_at(text, i);
        if (is_stray_control(c.cp)) {
            ++controls;
        } else if (is_invisible_format(c.cp)) {
            // dropped
        } else if (c.cp == '\f' || c.cp == '\v') {
            cleaned += ' ';
        } else {
            cleaned.append(text.substr(i, c.len));
        }
        i += c.len;
    }
    if (controls > 8 && controls * 1000 > text.size()) not_text();

    const std::string nfc = dt::to_nfc(cleaned, "The directive text");
    Lines lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= nfc.size();) {
        const auto c = i < nfc.size() ? decode_at(nfc, i) : CodePoint{'\n', 0};
        if (!is_line_break(c.cp)) {
            i += c.len;
            continue;
        }
        lines.raw.emplace_back(nfc.substr(start, i - start));
        lines.clean.push_back(dt::collapse_spaces(lines.raw.back()));
        if (i == nfc.size()) break;
        i += c.len;
        if (c.cp == '\r' && i < nfc.size() && nfc[i] == '\n') ++i;
        start = i;
    }
    bool any = false;
    for (const auto& line : lines.clean) any = any || !line.empty();
    if (!any) fail(ErrorKind::Invalid, Msg::ImportEmpty);
    return lines;
}

std::vector<std::string> split_cells(std::string_view raw_line) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    auto flush = [&](std::size_t end) {
        auto cell = dt::collapse_spaces(raw_line.substr(start, end - start));
        if (!cell.empty()) cells.push_back(std::move(cell));
    };
    for (std::size_t i = 0; i < raw_line.size(); ++i) {
        const bool tab = raw_line[i] == '\t';
        const bool wide_gap = raw_line[i] == ' ' && i + 1 < raw_line.size() && raw_line[i + 1] == ' ';
        if (!tab && !wide_gap) continue;
        flush(i);
        while (i + 1 < raw_line.size() && (raw_line[i + 1] == ' ' || raw_line[i + 1] == '\t')) ++i;
        start = i + 1;
    }
    flush(raw_line.size());
    return cells;
}

}  // namespace dt::importer::detail

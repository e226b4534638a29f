#include "importer/tables.h"

#include <optional>

#include "core/text.h"
#include "importer/structure.h"
#include "importer/text_scan.h"

namespace dt::importer::detail {

namespace {
// A header row has more cells than this only when it is not a plan of tasks.
constexpr std::size_t kMaxColumns = 8;

enum class Column { Index, Content, Lead, Coordinate, Time, Other };

bool contains(std::string_view folded, std::string_view word) { return folded.find(word) != std::string_view::npos; }

std::optional<Column> header_column(std::string_view cell) {
    const auto f = fold_fast(cell);
    if (f == "tt" || f == "stt" || f == "so tt" || f == "so thu tu") return Column::Index;
    if (contains(f, "chu tri") || contains(f, "don vi thuc hien") || contains(f, "co quan thuc hien")) return Column::Lead;
    if (contains(f, "phoi hop")) return Column::Coordinate;
    if (contains(f, "thoi gian") || contains(f, "thoi han") || contains(f, "tien do")) return Column::Time;
    if (contains(f, "noi dung") || contains(f, "nhiem vu") || contains(f, "cong viec") || contains(f, "giai phap"))
        return Column::Content;
    if (contains(f, "san pham") || contains(f, "ghi chu") || contains(f, "ket qua") || contains(f, "kinh phi"))
        return Column::Other;
    return std::nullopt;
}

// The columns of a header, or nothing when the cells are not one (an index and a lead are needed).
std::optional<std::vector<Column>> header_of(const std::vector<std::string>& cells) {
    if (cells.size() < 3 || cells.size() > kMaxColumns) return std::nullopt;
    std::vector<Column> out;
    bool lead = false;
    for (const auto& c : cells) {
        auto col = header_column(c);
        if (!col) return std::nullopt;
        lead = lead || *col == Column::Lead;
        out.push_back(*col);
    }
    if (out.front() != Column::Index || !lead) return std::nullopt;
    return out;
}

bool is_row_number(std::string_view cell) {
    auto s = dt::trim(cell);
    if (s.ends_with('.')) s.pop_back();
    if (s.empty() || s.size() > 3) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string row_number(std::string_view cell) {
    auto s = dt::trim(cell);
    if (s.ends_with('.')) s.pop_back();
    return s;
}

// "Quý II/2026" → "trong Quý II/2026", "30/6/2026" → "trước ngày 30/6/2026": the wording of
// a clause, which the deadline reader knows.
std::string time_phrase(const std::string& cell) {
    const auto f = fold_fast(cell);
    if (f.starts_with("thang ") || f.starts_with("quy ") || f.starts_with("nam ") || f.starts_with("6 thang "))
        return "trong " + cell;
    if (!f.empty() && f[0] >= '0' && f[0] <= '9') return "trước ngày " + cell;
    return cell;
}

std::string strip_end(std::string s) {
    while (!s.empty() && (s.back() == '.' || s.back() == ';' || s.back() == ',' || s.back() == ' ')) s.pop_back();
    return s;
}

std::string clause_of(const std::vector<Column>& columns, const std::vector<std::string>& cells) {
    std::string number, content, lead, coordinate, time;
    for (std::size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
        const auto cell = strip_end(dt::collapse_spaces(cells[i]));
        switch (columns[i]) {
            case Column::Index: number = row_number(cell); break;
            case Column::Content: content += (content.empty() ? "" : "; ") + cell; break;
            case Column::Lead: lead = cell; break;
            case Column::Coordinate: coordinate = cell; break;
            case Column::Time: time = cell; break;
            case Column::Other: break;
        }
    }
    std::string line = number + ". ";
    if (!lead.empty()) {
        line += lead + " chủ trì";
        if (!coordinate.empty()) line += ", phối hợp với " + coordinate;
        line += ": ";
    }
    line += content.empty() ? std::string("Thực hiện nhiệm vụ") : content;
    if (!time.empty()) line += "; thời gian hoàn thành: " + time_phrase(time);
    return line + ".";
}

std::vector<std::string> tab_cells(std::string_view raw) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= raw.size(); ++i) {
        if (i < raw.size() && raw[i] != '\t') continue;
        out.push_back(dt::collapse_spaces(raw.substr(start, i - start)));
        start = i + 1;
    }
    return out;
}

struct Rewrite {
    std::size_t begin, end;           // lines [begin, end) of the table, header included
    std::vector<std::string> clauses;  // what replaces them
};

// One row a line, cells apart by tabs.
std::optional<Rewrite> tab_table_at(const Lines& lines, std::size_t i) {
    if (lines.raw[i].find('\t') == std::string::npos) return std::nullopt;
    const auto columns = header_of(split_cells(lines.raw[i]));
    if (!columns) return std::nullopt;
    Rewrite r{i, i + 1, {}};
    for (std::size_t j = i + 1; j < lines.raw.size(); ++j) {
        if (lines.clean[j].empty()) continue;
        auto cells = tab_cells(lines.raw[j]);
        while (!cells.empty() && cells.front().empty()) cells.erase(cells.begin());
        if (cells.size() < 3 || !is_row_number(cells.front())) break;
        r.clauses.push_back(clause_of(*columns, cells));
        r.end = j + 1;
    }
    if (r.clauses.empty()) return std::nullopt;
    return r;
}

// One cell a line: "TT", the header's cells, then for each row its number and its cells.
std::optional<Rewrite> line_table_at(const Lines& lines, std::size_t i) {
    if (header_column(lines.clean[i]) != Column::Index) return std::nullopt;
    std::vector<std::string> header{lines.clean[i]};
    std::size_t j = i + 1;
    while (j < lines.clean.size() && header.size() < kMaxColumns && !lines.clean[j].empty() &&
           header_column(lines.clean[j]) && header_column(lines.clean[j]) != Column::Index)
        header.push_back(lines.clean[j++]);
    const auto columns = header_of(header);
    if (!columns) return std::nullopt;
    const auto n = columns->size();
    Rewrite r{i, j, {}};
    while (j + n - 1 < lines.clean.size() && is_row_number(lines.clean[j])) {
        std::vector<std::string> cells(lines.clean.begin() + static_cast<std::ptrdiff_t>(j),
                                       lines.clean.begin() + static_cast<std::ptrdiff_t>(j + n));
        bool whole = true;
        for (std::size_t k = 1; k < n; ++k) whole = whole && !cells[k].empty() && !is_row_number(cells[k]);
        if (!whole) break;
        r.clauses.push_back(clause_of(*columns, cells));
        j += n;
        r.end = j;
    }
    if (r.clauses.empty()) return std::nullopt;
    return r;
}

bool has_roman_parts(const Lines& lines) {
    for (const auto& l : lines.clean)
        if (auto m = detect_marker(l); m && m->level == Level::Roman && m->value == 1) return true;
    return false;
}
}  // namespace

void rewrite_tables(Lines& lines) {
    std::optional<std::size_t> signature, appendix;
    for (std::size_t i = 0; i < lines.clean.size(); ++i) {
        if (!signature && is_signature_start(lines.clean[i])) signature = i;
        if (signature && !appendix && fold_fast(lines.clean[i]).starts_with("phu luc")) appendix = i;
        std::optional<Rewrite> r = tab_table_at(lines, i);
        if (!r) r = line_table_at(lines, i);
        if (!r) continue;
        // Under "2. Các nhiệm vụ cụ thể:" of a directive without Roman parts the rows are 2.1, 2.2, …
        if (!has_roman_parts(lines))
            for (std::size_t k = r->begin; k > 0; --k)
                if (auto m = detect_marker(lines.clean[k - 1]); m && m->level == Level::Arabic) {
                    for (auto& c : r->clauses) c = m->label + "." + c;
                    break;
                }
        std::vector<std::string> raw(r->clauses.begin(), r->clauses.end());
        lines.raw.erase(lines.raw.begin() + static_cast<std::ptrdiff_t>(r->begin),
                        lines.raw.begin() + static_cast<std::ptrdiff_t>(r->end));
        lines.clean.erase(lines.clean.begin() + static_cast<std::ptrdiff_t>(r->begin),
                          lines.clean.begin() + static_cast<std::ptrdiff_t>(r->end));
        lines.raw.insert(lines.raw.begin() + static_cast<std::ptrdiff_t>(r->begin), raw.begin(), raw.end());
        lines.clean.insert(lines.clean.begin() + static_cast<std::ptrdiff_t>(r->begin), raw.begin(), raw.end());
        i = r->begin + raw.size() - 1;
        // A table of the appendix after the signature: its lines, from "PHỤ LỤC" to the last
        // row, become a part "PL." placed before the signature, so that they are read as duties.
        if (signature && appendix && *appendix < r->begin && has_roman_parts(lines)) {
            const auto from = *appendix, to = i + 1;
            std::vector<std::string> block(lines.clean.begin() + static_cast<std::ptrdiff_t>(from),
                                           lines.clean.begin() + static_cast<std::ptrdiff_t>(to));
            // The appendix's heading lines (its title, "(Kèm theo …)") are one part title.
            std::string title;
            std::vector<std::string> rows;
            for (const auto& l : block) {
                if (detect_marker(l)) rows.push_back(l);
                else if (rows.empty() && !l.empty()) title += (title.empty() ? "" : " ") + l;
            }
            std::vector<std::string> moved{"PL. " + title};
            moved.insert(moved.end(), rows.begin(), rows.end());
            // After the last duty: its end mark "./." moves to the appendix's last row.
            auto at = *signature;
            for (std::size_t k = *signature; k > 0; --k)
                if (auto mark = lines.clean[k - 1].find("./."); mark != std::string::npos) {
                    for (auto* v : {&lines.raw, &lines.clean})
                        if (auto m2 = (*v)[k - 1].find("./."); m2 != std::string::npos) (*v)[k - 1].erase(m2 + 1, 2);
                    moved.back() = strip_end(moved.back()) + "./.";
                    at = k;
                    break;
                }
            for (auto* v : {&lines.raw, &lines.clean}) {
                v->erase(v->begin() + static_cast<std::ptrdiff_t>(from), v->begin() + static_cast<std::ptrdiff_t>(to));
                v->insert(v->begin() + static_cast<std::ptrdiff_t>(at), moved.begin(), moved.end());
            }
            return;
        }
    }
}

}  // namespace dt::importer::detail

#pragma once
// A small page-layout engine over cairo + pango for the PDF report: a cursor that flows text
// down A4 pages, page breaks with the page number centred in the top margin from page 2
// (Decree 30/2020), and tables whose header row repeats on every page they continue on.
// Text is always set as plain text plus attributes, never as pango markup, so whatever a user
// typed ("<script>", "&", "<b>") is drawn exactly as it is.
#include <cairo.h>
#include <pango/pango.h>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dt::report::pdf {

constexpr double kPageWidth = 595.28;  // A4 portrait, in points
constexpr double kPageHeight = 841.89;
constexpr double mm(double v) { return v * 72.0 / 25.4; }

enum class Align { Left, Center, Right, Justify };

struct Style {
    double size = 13;          // points
    bool bold = false;
    bool italic = false;
    Align align = Align::Left;
    double line_spacing = 0;   // distance between baselines as a factor of the line height; 0: the font's own
    double indent = 0;         // first-line indent, points
};

// A stretch of text inside a block that is bold or italic on top of the block's style.
struct Run {
    std::string text;
    bool bold = false;
    bool italic = false;
};
using Runs = std::vector<Run>;

// Valid UTF-8 with control characters other than '\n' turned into spaces.
std::string clean_text(std::string_view text);
// At most `max_chars` code points of clean text, ending in "…" when cut.
std::string cut_text(std::string_view text, std::size_t max_chars);
// Upper case by Unicode rules: "Ủy ban" → "ỦY BAN".
std::string upper_text(std::string_view text);

struct GObjectUnref {
    void operator()(void* object) const;
};

// Text laid out at a width. Its lines can be drawn all at once or a few at a time, which is
// how paragraphs and table rows continue on the next page.
class Block {
public:
    struct Line {
        PangoLayoutLine* line = nullptr;  // owned by the layout
        double top = 0;                   // from the block's top, points
        double bottom = 0;
        double baseline = 0;
        double left = 0;                  // logical extent, alignment included
        double width = 0;
    };

    Block(PangoContext* context, const Runs& runs, const Style& style, double width);

    const std::vector<Line>& lines() const { return lines_; }
    double height() const { return lines_.empty() ? 0.0 : lines_.back().bottom; }
    double height(std::size_t from, std::size_t to) const;  // of lines [from, to)
    double widest() const;                                  // widest line's logical width

    // Draws lines [from, to) with the top of line `from` at y.
    void draw(cairo_t* cr, double x, double y, std::size_t from, std::size_t to) const;
    void draw(cairo_t* cr, double x, double y) const { draw(cr, x, y, 0, lines_.size()); }

private:
    std::unique_ptr<PangoLayout, GObjectUnref> layout_;
    std::vector<Line> lines_;
};

class Document {
public:
    // Opens an A4 PDF surface on `file`; throws Error(Storage) when it cannot.
    Document(const std::filesystem::path& file, const std::string& title);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    Block block(const Runs& runs, const Style& style, double width) const;
    Block block(std::string_view text, const Style& style, double width) const;
    cairo_t* cairo() const { return cr_; }
    void hline(double x0, double x1, double y, double weight = 0.5) const;
    void vline(double x, double y0, double y1, double weight = 0.5) const;

    // The text area: margins top and bottom 20 mm, left 30 mm, right 15 mm.
    double left() const;
    double width() const;
    double right() const { return left() + width(); }
    double top() const;
    double y() const { return y_; }
    void skip(double dy) { y_ += dy; }
    double room() const;       // left on this page
    double page_room() const;  // on a fresh page
    bool at_top() const;
    int page() const { return page_; }

    void new_page();
    // Starts a new page unless `height` fits in the room left (or the page is still empty).
    void keep(double height);
    // Flows text at the cursor, breaking the page between lines.
    void flow(const Block& block, double x);
    void flow(const Runs& runs, const Style& style, double space_after = 0);
    void flow(std::string_view text, const Style& style, double space_after = 0);

    // Writes the file out; throws Error(Storage) when cairo failed anywhere.
    void finish();

private:
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
    PangoContext* context_ = nullptr;
    double y_ = 0;
    int page_ = 1;
};

struct Column {
    std::string title;
    double width_mm = 20;  // widths are scaled down together when they exceed the text area
    Align align = Align::Left;
};

struct Cell {
    Runs runs;
    // The same task as the row above: left blank with no rule between, except at the top of
    // a page, where `repeat` (or `runs` when empty) is written so the page reads on its own.
    bool continues_above = false;
    Runs repeat;
};

Cell text_cell(std::string text, bool bold = false);

// A ruled table drawn row by row at the document's cursor. The header row is repeated on each
// page; a row moves whole to the next page when it does not fit, and only a row taller than a
// page is split between lines.
class Table {
public:
    Table(Document& doc, std::vector<Column> columns, double font_size = 11);
    void add(const std::vector<Cell>& cells);
    void add(const std::vector<std::string>& texts, bool bold = false);
    void close(double space_after = 0);  // rules the bottom and moves below it

private:
    Style cell_style(std::size_t column) const;
    void header();
    void page_break();
    double x_of(std::size_t column) const;

    Document& doc_;
    std::vector<Column> columns_;
    std::vector<double> widths_;  // points
    double font_size_;
    double pad_x_;
    double pad_y_;
    std::vector<Block> header_blocks_;
    double header_height_ = 0;
    bool open_ = false;    // header drawn on this page
    bool at_top_ = false;  // no row yet under this page's header
};

}  // namespace dt::report::pdf

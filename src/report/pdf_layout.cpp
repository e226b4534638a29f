#include "report/pdf_layout.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>

#include "core/error.h"

namespace dt::report::pdf {

namespace {

constexpr const char* kFont = "Liberation Serif";  // metric-compatible with Times New Roman
const double kMarginTop = mm(20);
const double kMarginBottom = mm(20);
const double kMarginLeft = mm(30);
const double kMarginRight = mm(15);
const double kPageNumberTop = mm(9);
constexpr double kPageNumberSize = 13;

int units(double points) { return pango_units_from_double(points); }
double points(int units) { return pango_units_to_double(units); }

void check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS)
        fail(ErrorKind::System, Msg::PdfFailed, {MsgArg::field(what), cairo_status_to_string(status)});
}

PangoFontDescription* font_for(const Style& style) {
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFont);
    pango_font_description_set_size(font, units(style.size));
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    return font;
}

void add_attribute(PangoAttrList* list, PangoAttribute* attribute, std::size_t start, std::size_t end) {
    attribute->start_index = static_cast<guint>(start);
    attribute->end_index = static_cast<guint>(end);
    pango_attr_list_insert(list, attribute);  // the list owns it now
}

}  // namespace

std::string clean_text(std::string_view text) {
    gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
    std::string out(valid);
    g_free(valid);
    for (char& c : out) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\n') || byte == 0x7F) c = ' ';
    }
    return out;
}

std::string cut_text(std::string_view text, std::size_t max_chars) {
    std::string clean = clean_text(text);
    if (static_cast<std::size_t>(g_utf8_strlen(clean.c_str(), -1)) <= max_chars) return clean;
    const gchar* end = g_utf8_offset_to_pointer(clean.c_str(), static_cast<glong>(max_chars));
    clean.resize(static_cast<std::size_t>(end - clean.c_str()));
    while (!clean.empty() && (clean.back() == ' ' || clean.back() == '\n')) clean.pop_back();
    return clean + "…";
}

std::string upper_text(std::string_view text) {
    const std::string clean = clean_text(text);
    gchar* up = g_utf8_strup(clean.c_str(), -1);
    std::string out(up);
    g_free(up);
    return out;
}

void GObjectUnref::operator()(void* object) const { g_object_unref(object); }

// ---- Block ----

Block::Block(PangoContext* context, const Runs& runs, const Style& style, double width)
    : layout_(pango_layout_new(context)) {
    PangoLayout* layout = layout_.get();
    std::string text;
    PangoAttrList* attributes = pango_attr_list_new();
    for (const auto& run : runs) {
        const std::size_t start = text.size();
        text += clean_text(run.text);
        if (run.bold && !style.bold) add_attribute(attributes, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, text.size());
        if (run.italic && !style.italic) add_attribute(attributes, pango_attr_style_new(PANGO_STYLE_ITALIC), start, text.size());
    }
    // A word broken inside (a long reference, a run of letters) must read back as typed.
    add_attribute(attributes, pango_attr_insert_hyphens_new(FALSE), 0, text.size());
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    pango_layout_set_attributes(layout, attributes);
    pango_attr_list_unref(attributes);

    PangoFontDescription* font = font_for(style);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, units(std::max(width, 1.0)));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    switch (style.align) {
    case Align::Left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT); break;
    case Align::Center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER); break;
    case Align::Right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT); break;
    case Align::Justify:
        pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT);
        pango_layout_set_justify(layout, TRUE);
        break;
    }
    if (style.line_spacing > 0) pango_layout_set_line_spacing(layout, static_cast<float>(style.line_spacing));
    if (style.indent != 0) pango_layout_set_indent(layout, units(style.indent));

    PangoLayoutIter* iter = pango_layout_get_iter(layout);
    do {
        int y0 = 0;
        int y1 = 0;
        pango_layout_iter_get_line_yrange(iter, &y0, &y1);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter, nullptr, &logical);
        Line line;
        line.line = pango_layout_iter_get_line_readonly(iter);
        line.top = points(y0);
        line.bottom = points(y1);
        line.baseline = points(pango_layout_iter_get_baseline(iter));
        line.left = points(logical.x);
        line.width = points(logical.width);
        lines_.push_back(line);
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
}

double Block::height(std::size_t from, std::size_t to) const {
    if (from >= to || from >= lines_.size()) return 0;
    return lines_[std::min(to, lines_.size()) - 1].bottom - lines_[from].top;
}

double Block::widest() const {
    double w = 0;
    for (const auto& line : lines_) w = std::max(w, line.width);
    return w;
}

void Block::draw(cairo_t* cr, double x, double y, std::size_t from, std::size_t to) const {
    to = std::min(to, lines_.size());
    if (from >= to) return;
    const double offset = lines_[from].top;
    for (std::size_t i = from; i < to; ++i) {
        cairo_move_to(cr, x + lines_[i].left, y + lines_[i].baseline - offset);
        pango_cairo_show_layout_line(cr, lines_[i].line);
    }
}

// ---- Document ----

Document::Document(const std::filesystem::path& file, const std::string& title) {
    surface_ = cairo_pdf_surface_create(file.c_str(), kPageWidth, kPageHeight);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
        const auto status = cairo_surface_status(surface_);
        cairo_surface_destroy(surface_);
        surface_ = nullptr;
        check(status, "create");
    }
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, clean_text(title).c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "directive-tracker");
    cr_ = cairo_create(surface_);
    context_ = pango_cairo_create_context(cr_);
    // One point per unit, and glyphs placed exactly as the font says: this is print, not screen.
    pango_cairo_context_set_resolution(context_, 72.0);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context_, FALSE);
    cairo_set_source_rgb(cr_, 0, 0, 0);
    y_ = top();
}

Document::~Document() {
    if (context_) g_object_unref(context_);
    if (cr_) cairo_destroy(cr_);
    if (surface_) cairo_surface_destroy(surface_);
}

Block Document::block(const Runs& runs, const Style& style, double width) const {
    return Block(context_, runs, style, width);
}

Block Document::block(std::string_view text, const Style& style, double width) const {
    return Block(context_, Runs{Run{std::string(text)}}, style, width);
}

void Document::hline(double x0, double x1, double y, double weight) const {
    cairo_set_line_width(cr_, weight);
    cairo_move_to(cr_, x0, y);
    cairo_line_to(cr_, x1, y);
    cairo_stroke(cr_);
}

void Document::vline(double x, double y0, double y1, double weight) const {
    cairo_set_line_width(cr_, weight);
    cairo_move_to(cr_, x, y0);
    cairo_line_to(cr_, x, y1);
    cairo_stroke(cr_);
}

double Document::left() const { return kMarginLeft; }
double Document::width() const { return kPageWidth - kMarginLeft - kMarginRight; }
double Document::top() const { return kMarginTop; }
double Document::room() const { return kPageHeight - kMarginBottom - y_; }
double Document::page_room() const { return kPageHeight - kMarginBottom - kMarginTop; }
bool Document::at_top() const { return y_ <= top() + 0.01; }

void Document::new_page() {
    cairo_show_page(cr_);
    ++page_;
    y_ = top();
    Style style;
    style.size = kPageNumberSize;
    style.align = Align::Center;
    block(std::to_string(page_), style, width()).draw(cr_, left(), kPageNumberTop);
}

void Document::keep(double height) {
    if (height > room() && !at_top()) new_page();
}

void Document::flow(const Block& block, double x) {
    const auto& lines = block.lines();
    std::size_t from = 0;
    while (from < lines.size()) {
        std::size_t to = from;
        while (to < lines.size() && lines[to].bottom - lines[from].top <= room()) ++to;
        if (to == from) {
            if (!at_top()) {
                new_page();
                continue;
            }
            to = from + 1;  // a line taller than a page: draw it rather than loop
        }
        block.draw(cr_, x, y_, from, to);
        y_ += block.height(from, to);
        from = to;
        if (from < lines.size()) new_page();
    }
}

void Document::flow(const Runs& runs, const Style& style, double space_after) {
    flow(block(runs, style, width()), left());
    y_ += space_after;
}

void Document::flow(std::string_view text, const Style& style, double space_after) {
    flow(Runs{Run{std::string(text)}}, style, space_after);
}

void Document::finish() {
    check(cairo_status(cr_), "draw");
    cairo_surface_finish(surface_);
    check(cairo_surface_status(surface_), "write");
}

// ---- Table ----

Cell text_cell(std::string text, bool bold) { return Cell{Runs{Run{std::move(text), bold, false}}, false, {}}; }

Table::Table(Document& doc, std::vector<Column> columns, double font_size)
    : doc_(doc), columns_(std::move(columns)), font_size_(font_size), pad_x_(mm(1.0)), pad_y_(mm(0.8)) {
    double total = 0;
    for (const auto& c : columns_) total += mm(c.width_mm);
    const double scale = total > doc_.width() ? doc_.width() / total : 1.0;
    for (const auto& c : columns_) widths_.push_back(mm(c.width_mm) * scale);
    Style style;
    style.size = font_size_;
    style.bold = true;
    style.align = Align::Center;
    double tallest = 0;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        header_blocks_.push_back(doc_.block(columns_[i].title, style, widths_[i] - 2 * pad_x_));
        tallest = std::max(tallest, header_blocks_.back().height());
    }
    header_height_ = tallest + 2 * pad_y_;
}

double Table::x_of(std::size_t column) const {
    double x = doc_.left();
    for (std::size_t i = 0; i < column; ++i) x += widths_[i];
    return x;
}

Style Table::cell_style(std::size_t column) const {
    Style style;
    style.size = font_size_;
    style.align = columns_[column].align;
    return style;
}

void Table::header() {
    const double y = doc_.y();
    const double right = x_of(columns_.size());
    doc_.hline(doc_.left(), right, y);
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        const double x = x_of(i);
        doc_.vline(x, y, y + header_height_);
        const double h = header_blocks_[i].height();
        header_blocks_[i].draw(doc_.cairo(), x + pad_x_, y + (header_height_ - h) / 2);
    }
    doc_.vline(right, y, y + header_height_);
    doc_.skip(header_height_);
    open_ = true;
    at_top_ = true;
}

void Table::page_break() {
    if (open_) doc_.hline(doc_.left(), x_of(columns_.size()), doc_.y());
    doc_.new_page();
    header();
}

void Table::add(const std::vector<std::string>& texts, bool bold) {
    std::vector<Cell> cells;
    for (const auto& t : texts) cells.push_back(text_cell(t, bold));
    add(cells);
}

void Table::add(const std::vector<Cell>& cells) {
    const std::size_t n = columns_.size();
    std::vector<Block> blocks;
    blocks.reserve(n);
    auto continues = [&](std::size_t i) { return i < cells.size() && cells[i].continues_above; };
    for (std::size_t i = 0; i < n; ++i) {
        Runs runs;
        if (i < cells.size()) runs = continues(i) && !cells[i].repeat.empty() ? cells[i].repeat : cells[i].runs;
        blocks.push_back(doc_.block(runs, cell_style(i), widths_[i] - 2 * pad_x_));
    }
    auto height_at = [&](bool top_of_page) {
        double h = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (top_of_page || !continues(i)) h = std::max(h, blocks[i].height());
        return h + 2 * pad_y_;
    };
    // A row that fits on a page moves there whole; a taller one is split, but should at least
    // start with a few lines of text.
    const double full = height_at(true);
    const bool fits_a_page = full <= doc_.page_room() - header_height_;
    const double least = std::min(full, 3 * font_size_ * 1.2 + 2 * pad_y_);
    if (!open_) {
        doc_.keep(header_height_ + (fits_a_page ? full : least));
        header();
    } else if (!at_top_ && height_at(false) > doc_.room()) {
        if (fits_a_page || doc_.room() < least) page_break();
    }

    // Draw the row, continuing on further pages when it is taller than a page.
    std::vector<std::size_t> next(n, 0);
    std::vector<bool> ruled(n, true);
    for (std::size_t i = 0; i < n; ++i)
        if (!at_top_ && continues(i)) {
            next[i] = blocks[i].lines().size();  // blank: the cell above says it
            ruled[i] = false;
        }
    for (;;) {
        const double avail = doc_.room() - 2 * pad_y_;
        std::vector<std::size_t> end(n);
        bool progress = false;
        for (std::size_t i = 0; i < n; ++i) {
            const auto& lines = blocks[i].lines();
            std::size_t k = next[i];
            while (k < lines.size() && lines[k].bottom - lines[next[i]].top <= avail) ++k;
            end[i] = k;
            progress |= k > next[i];
        }
        bool remaining = false;
        for (std::size_t i = 0; i < n; ++i) remaining |= next[i] < blocks[i].lines().size();
        if (remaining && !progress) {
            if (!at_top_) {
                page_break();
                std::fill(ruled.begin(), ruled.end(), true);
                continue;
            }
            for (std::size_t i = 0; i < n; ++i)  // a line taller than a page: draw it rather than loop
                if (next[i] < blocks[i].lines().size()) end[i] = next[i] + 1;
        }
        double content = 0;
        for (std::size_t i = 0; i < n; ++i) content = std::max(content, blocks[i].height(next[i], end[i]));
        const double h = content + 2 * pad_y_;
        const double y = doc_.y();
        for (std::size_t i = 0; i < n; ++i) {
            const double x = x_of(i);
            if (ruled[i]) doc_.hline(x, x + widths_[i], y);
            doc_.vline(x, y, y + h);
            blocks[i].draw(doc_.cairo(), x + pad_x_, y + pad_y_, next[i], end[i]);
        }
        doc_.vline(x_of(n), y, y + h);
        doc_.skip(h);
        at_top_ = false;
        next = end;
        bool done = true;
        for (std::size_t i = 0; i < n; ++i) done &= next[i] >= blocks[i].lines().size();
        if (done) break;
        page_break();
        std::fill(ruled.begin(), ruled.end(), true);
    }
}

void Table::close(double space_after) {
    if (open_) doc_.hline(doc_.left(), x_of(columns_.size()), doc_.y());
    open_ = false;
    doc_.skip(space_after);
}

}  // namespace dt::report::pdf

// DOCX: the report as an editable Word document, for the specialist who edits it, the leader who
// corrects it and the office that signs it. The letterhead, title and signature come from a
// template .docx (assets/report-template.docx, or the province's own: setting
// report.docx_template) whose {{KEY}} placeholders are filled; its {{BODY}} paragraph becomes
// the report's parts, built as a libxml2 DOM tree, and libzip writes the new document.xml into
// a copy of the template. Same content and layout as the PDF (pdf_writer.cpp).
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <cmath>
#include <memory>

#include "core/assets.h"
#include "core/error.h"
#include "report/labels.h"
#include "report/pdf_layout.h"
#include "report/writers.h"

namespace dt::report {

namespace {

constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kPackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";
constexpr const char* kDocumentPart = "word/document.xml";
constexpr const char* kDocumentRels = "word/_rels/document.xml.rels";
constexpr const char* kContentTypes = "[Content_Types].xml";
constexpr const char* kHeaderType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
constexpr const char* kHeaderContent = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";

// The page number (Decree 30/2020: centred in the top margin, from page 2 on): a header with a
// PAGE field for the pages after the first and an empty one for the first (titlePg). Added
// only when the template's section has no header of its own: a province's letterhead may
// number its pages its own way.
struct HeaderPart {
    const char* id;    // relationship id in document.xml.rels
    const char* type;  // headerReference type
    const char* file;  // under word/
    bool page_field;
};
constexpr HeaderPart kHeaders[] = {{"rIdDtrackPageNumber", "default", "header-page-number.xml", true},
                                   {"rIdDtrackFirstPage", "first", "header-first-page.xml", false}};

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* X(const std::string& s) { return X(s.c_str()); }

std::string twips(double mm) { return std::to_string(std::lround(mm * 1440.0 / 25.4)); }

enum class Align { Left, Center, Right, Both };
const char* align_val(Align a) {
    switch (a) {
    case Align::Left: return "left";
    case Align::Center: return "center";
    case Align::Right: return "right";
    case Align::Both: return "both";
    }
    return "left";
}

struct Column {
    std::string title;
    double mm;
    Align align = Align::Left;
};

struct Cell {
    std::string text;     // '\n' starts a new paragraph
    bool bold = false;
    bool merged = false;  // continues the cell above (vertical merge): the task's number and text
    bool restart = false; // the first of a merged run
};

struct Para {
    std::string style = "BodyIndent";
    bool bold = false;
    bool italic = false;
    int half_points = 0;  // 0: the style's size
    std::optional<Align> align;
    bool keep_next = false;
};

// The document.xml tree and the calls that grow it. Every node is made through the DOM API, so
// every text is escaped by libxml2 and every element is well formed.
class Tree {
public:
    explicit Tree(xmlDocPtr doc) : doc_(doc) {
        ns_ = xmlSearchNsByHref(doc_, xmlDocGetRootElement(doc_), X(kWordNs));
        if (!ns_) fail(ErrorKind::Invalid, Msg::DocxTemplateNoBody);
    }

    xmlNodePtr node(xmlNodePtr parent, const char* name) { return xmlNewChild(parent, ns_, X(name), nullptr); }
    xmlNodePtr val(xmlNodePtr parent, const char* name, const std::string& value, const char* attr = "val") {
        xmlNodePtr n = node(parent, name);
        xmlNewNsProp(n, ns_, X(attr), X(value));
        return n;
    }

    // A run of text; line breaks inside become <w:br/>.
    void run(xmlNodePtr p, const std::string& text, const Para& f) {
        xmlNodePtr r = node(p, "r");
        if (f.bold || f.italic || f.half_points) {
            xmlNodePtr rpr = node(r, "rPr");
            if (f.bold) node(rpr, "b");
            if (f.italic) node(rpr, "i");
            if (f.half_points) {
                val(rpr, "sz", std::to_string(f.half_points));
                val(rpr, "szCs", std::to_string(f.half_points));
            }
        }
        std::size_t start = 0;
        while (true) {
            const auto end = text.find('\n', start);
            xmlNodePtr t = xmlNewTextChild(r, ns_, X("t"), X(text.substr(start, end - start)));
            xmlNodeSetSpacePreserve(t, 1);
            if (end == std::string::npos) break;
            node(r, "br");
            start = end + 1;
        }
    }

    xmlNodePtr paragraph(xmlNodePtr parent, const std::string& text, const Para& f) {
        xmlNodePtr p = node(parent, "p");
        xmlNodePtr ppr = node(p, "pPr");
        val(ppr, "pStyle", f.style);
        if (f.keep_next) node(ppr, "keepNext");
        if (f.align) val(ppr, "jc", align_val(*f.align));
        if (!text.empty()) run(p, text, f);
        return p;
    }

    // A ruled table over the text width; its first row repeats on every page.
    xmlNodePtr table(xmlNodePtr parent, const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows) {
        double total = 0;
        for (const auto& c : columns) total += c.mm;
        const double scale = kTextWidthMm / total;
        xmlNodePtr tbl = node(parent, "tbl");
        xmlNodePtr pr = node(tbl, "tblPr");
        val(pr, "tblStyle", "ReportTable");
        xmlNodePtr w = val(pr, "tblW", twips(kTextWidthMm), "w");
        xmlNewNsProp(w, ns_, X("type"), X("dxa"));
        val(pr, "tblLayout", "fixed", "type");
        xmlNodePtr grid = node(tbl, "tblGrid");
        for (const auto& c : columns) val(grid, "gridCol", twips(c.mm * scale), "w");

        std::vector<Cell> header;
        for (const auto& c : columns) header.push_back({c.title, true});
        add_row(tbl, columns, scale, header, true);
        for (const auto& r : rows) add_row(tbl, columns, scale, r, false);
        return tbl;
    }

    xmlDocPtr doc() const { return doc_; }
    xmlNsPtr ns() const { return ns_; }

    static constexpr double kTextWidthMm = 165;  // A4 less the 30 mm and 15 mm margins

private:
    void add_row(xmlNodePtr tbl, const std::vector<Column>& columns, double scale, const std::vector<Cell>& cells, bool header) {
        xmlNodePtr tr = node(tbl, "tr");
        xmlNodePtr trpr = node(tr, "trPr");
        node(trpr, "cantSplit");
        if (header) node(trpr, "tblHeader");
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const Cell cell = i < cells.size() ? cells[i] : Cell{};
            xmlNodePtr tc = node(tr, "tc");
            xmlNodePtr tcpr = node(tc, "tcPr");
            xmlNodePtr w = val(tcpr, "tcW", twips(columns[i].mm * scale), "w");
            xmlNewNsProp(w, ns_, X("type"), X("dxa"));
            if (cell.merged || cell.restart) val(tcpr, "vMerge", cell.restart ? "restart" : "continue");
            if (header) val(tcpr, "vAlign", "center");
            Para f;
            f.style = "TableText";
            f.bold = cell.bold || header;
            f.align = header ? Align::Center : columns[i].align;
            // A cell holds at least one paragraph; each line of the text is one.
            const std::string text = cell.merged ? std::string() : cell.text;
            std::size_t start = 0;
            while (true) {
                const auto end = text.find('\n', start);
                paragraph(tc, text.substr(start, end - start), f);
                if (end == std::string::npos) break;
                start = end + 1;
            }
        }
    }

    xmlDocPtr doc_;
    xmlNsPtr ns_ = nullptr;
};

const char* roman(int n) {
    static const char* numerals[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
    return numerals[(n - 1) % 10];
}

std::string counts_line(const Counts& c) {
    return "Số lượt giao: " + std::to_string(c.total) + "; hoàn thành đúng hạn: " + std::to_string(c.count(Bucket::DoneOnTime)) +
           "; hoàn thành quá hạn: " + std::to_string(c.count(Bucket::DoneLate)) + "; chưa hoàn thành trong hạn: " +
           std::to_string(c.count(Bucket::OpenOnTime)) + "; quá hạn: " + std::to_string(c.count(Bucket::OpenOverdue)) +
           "; không giao thời hạn: " + std::to_string(c.count(Bucket::NoDeadline)) + ".";
}

// The report's parts, in the PDF's order, appended to `body` (the paragraph {{BODY}} stood in).
class Body {
public:
    Body(Tree& tree, xmlNodePtr body, const Report& r) : t_(tree), body_(body), r_(r) {}

    void write() {
        intro();
        summary();
        sections();
        issues();
        agencies();
        if (r_.disbursement) disbursement(*r_.disbursement);
        if (r_.changes) changes(*r_.changes);
        Para p;
        t_.paragraph(body_, "Trên đây là báo cáo tình hình thực hiện Chỉ thị số " + r_.directive_code + ", tính đến ngày " +
                                r_.as_of.vn() + "./.",
                     p);
    }

private:
    void part(const std::string& title) {
        Para p;
        p.style = "Part";
        t_.paragraph(body_, std::string(roman(++part_)) + ". " + pdf::upper_text(title), p);
    }
    void item(const std::string& title) {
        Para p;
        p.style = "Item";
        t_.paragraph(body_, title, p);
    }
    void text(const std::string& s, bool italic = false) {
        Para p;
        p.italic = italic;
        t_.paragraph(body_, s, p);
    }
    void none() { text("Không có.", true); }
    void note(const std::string& s) {
        Para p;
        p.italic = true;
        p.half_points = 22;
        t_.paragraph(body_, s, p);
    }

    void intro() {
        std::string s = "Thực hiện Chỉ thị số " + r_.directive_code;
        if (r_.directive_issued_on) s += " ngày " + r_.directive_issued_on->vn();
        if (!r_.directive_issuer.empty()) s += " của " + r_.directive_issuer;
        if (!r_.directive_title.empty()) s += " " + lower_first(r_.directive_title);
        text(s + ", kết quả thực hiện tính đến ngày " + r_.as_of.vn() + " như sau:");
    }

    void summary() {
        part("Kết quả thực hiện chung");
        const auto& t = r_.totals;
        text("Tổng số lượt giao nhiệm vụ cho các đơn vị: " + std::to_string(t.total) + "; trong đó đã đến hạn: " +
             std::to_string(t.deadline_passed) + ".");
        std::vector<std::vector<Cell>> rows;
        for (auto b : {Bucket::DoneOnTime, Bucket::DoneLate, Bucket::OpenOnTime, Bucket::OpenOverdue, Bucket::NoDeadline})
            rows.push_back({{bucket_vi(b)}, {std::to_string(t.count(b))}});
        rows.push_back({{"Tổng số", true}, {std::to_string(t.total), true}});
        rows.push_back({{"Tỷ lệ hoàn thành đúng hạn", true}, {t.deadline_passed > 0 ? percent_vi(t.on_time_rate) : "–", true}});
        t_.table(body_, {{"Chỉ tiêu", 120}, {"Số lượng", 45, Align::Right}}, rows);
        note("(Tỷ lệ hoàn thành đúng hạn = số hoàn thành đúng hạn / số nhiệm vụ đã đến hạn.)");
    }

    void sections() {
        part("Kết quả thực hiện theo từng nhóm nhiệm vụ");
        if (r_.sections.empty()) return none();
        for (const auto& section : r_.sections) {
            item((section.label.empty() ? "" : section.label + ". ") + section.title);
            note(counts_line(section.counts));
            if (section.tasks.empty()) {
                none();
                continue;
            }
            std::vector<std::vector<Cell>> rows;
            for (const auto& task : section.tasks) {
                // The whole text, never cut: Word wraps it, and the specialist may shorten it.
                const std::string what = task.title.empty() ? task.text : task.title;
                if (task.shares.empty()) {
                    rows.push_back({{task.ref}, {what}, {"Chưa giao đơn vị"}, {}, {}, {task.deadline ? task.deadline->vn() : "–"}, {}});
                    continue;
                }
                const bool many = task.shares.size() > 1;
                bool first = true;
                for (const auto& share : task.shares) {
                    Cell ref{task.ref}, content{what};
                    if (many) {
                        ref.restart = content.restart = first;
                        ref.merged = content.merged = !first;
                    }
                    rows.push_back({ref, content, {agency_text(share)}, {status_text(share)}, {std::to_string(share.progress)},
                                    {share.due ? share.due->vn() : "–"}, {evidence_vi(share.latest_evidence)}});
                    first = false;
                }
            }
            t_.table(body_,
                     {{"Mục", 12, Align::Center},
                      {"Nội dung", 38},
                      {"Đơn vị", 25},
                      {"Trạng thái", 25},
                      {"Tiến độ (%)", 12, Align::Right},
                      {"Thời hạn", 21, Align::Center},
                      {"Minh chứng mới nhất", 32}},
                     rows);
        }
    }

    void issues() {
        part("Nhiệm vụ quá hạn, vướng mắc và đề xuất, kiến nghị");
        item("1. Nhiệm vụ quá hạn (" + std::to_string(r_.overdue.size()) + ")");
        if (r_.overdue.empty()) {
            none();
        } else {
            std::vector<std::vector<Cell>> rows;
            for (const auto& i : r_.overdue)
                rows.push_back({{i.ref}, {i.title}, {agency_text(i.share)}, {i.share.due ? i.share.due->vn() : "–"},
                                {std::to_string(i.days_overdue)}, {status_vi(i.share.status)}});
            t_.table(body_,
                     {{"Mục", 12, Align::Center},
                      {"Nội dung", 50},
                      {"Đơn vị", 36},
                      {"Hạn", 21, Align::Center},
                      {"Số ngày quá hạn", 18, Align::Right},
                      {"Trạng thái", 28}},
                     rows);
        }
        item("2. Nhiệm vụ vướng mắc (" + std::to_string(r_.blocked.size()) + ")");
        if (r_.blocked.empty()) {
            none();
        } else {
            std::vector<std::vector<Cell>> rows;
            for (const auto& i : r_.blocked)
                rows.push_back({{i.ref}, {i.title}, {agency_text(i.share)}, {i.share.due ? i.share.due->vn() : "–"},
                                {proposal_of(i.share)}});
            t_.table(body_,
                     {{"Mục", 12, Align::Center}, {"Nội dung", 42}, {"Đơn vị", 33}, {"Hạn", 21, Align::Center},
                      {"Đề xuất, kiến nghị", 57}},
                     rows);
        }
        item("3. Khó khăn, vướng mắc; đề xuất, kiến nghị của các đơn vị");
        if (r_.proposals.empty()) return none();
        for (const auto& agency : r_.proposals) {
            Para p;
            p.bold = true;
            p.italic = true;
            p.keep_next = true;
            t_.paragraph(body_, agency.agency, p);
            std::vector<std::vector<Cell>> rows;
            for (const auto& it : agency.items) rows.push_back({{it.ref}, {it.title}, {it.difficulties}, {it.proposals}});
            t_.table(body_,
                     {{"Mục", 12, Align::Center}, {"Nội dung", 45}, {"Khó khăn, vướng mắc", 54}, {"Đề xuất, kiến nghị", 54}},
                     rows);
        }
    }

    static std::string proposal_of(const Share& s) {
        if (!s.proposals.empty()) return s.proposals;
        return s.latest_evidence ? s.latest_evidence->note : "";
    }

    void agencies() {
        part("Đơn vị có nhiều nhiệm vụ quá hạn");
        std::vector<std::vector<Cell>> rows;
        for (const auto& a : r_.agencies)
            if (a.counts.count(Bucket::OpenOverdue) > 0)
                rows.push_back({{std::to_string(rows.size() + 1)}, {a.agency}, {std::to_string(a.counts.count(Bucket::OpenOverdue))},
                                {std::to_string(a.counts.total)},
                                {a.counts.deadline_passed > 0 ? percent_vi(a.counts.on_time_rate) : "–"}});
        if (rows.empty()) return none();
        t_.table(body_,
                 {{"STT", 12, Align::Center}, {"Đơn vị", 85}, {"Quá hạn", 20, Align::Right}, {"Tổng", 20, Align::Right},
                  {"Tỷ lệ đúng hạn", 28, Align::Right}},
                 rows);
    }

    void disbursement(const Disbursement& d) {
        part("Tình hình giải ngân vốn đầu tư công");
        std::string s = "Theo lộ trình giải ngân, đến ngày " + r_.as_of.vn() + " các chủ đầu tư phải giải ngân đạt tối thiểu " +
                        std::to_string(d.required_percent) + "% kế hoạch vốn được Thủ tướng Chính phủ giao";
        if (d.next_milestone) s += "; mốc tiếp theo: đạt " + std::to_string(d.next_percent) + "% đến ngày " + d.next_milestone->vn();
        text(s + ". Toàn tỉnh đã giải ngân " + millions(d.province.disbursed) + " triệu đồng, đạt " +
             percent_vi(d.province.rate_assigned) + " kế hoạch vốn giao; có " + std::to_string(d.behind) +
             " chủ đầu tư chưa đạt tỷ lệ yêu cầu.");
        Para unit;
        unit.italic = true;
        unit.half_points = 22;
        unit.align = Align::Right;
        unit.keep_next = true;
        t_.paragraph(body_, "Đơn vị tính: triệu đồng; tỷ lệ in đậm: chưa đạt tỷ lệ yêu cầu", unit);
        bool since = d.province.disbursed_since.has_value();
        for (const auto& i : d.investors) since |= i.disbursed_since.has_value();
        std::vector<Column> columns{{"TT", 8, Align::Center},           {"Chủ đầu tư", since ? 55.0 : 72.0},
                                    {"KH TTg giao", 19, Align::Right},  {"Tổng KH", 19, Align::Right},
                                    {"Đã giải ngân", 19, Align::Right}, {"% KH giao", 14, Align::Right},
                                    {"% tổng KH", 14, Align::Right}};
        if (since) columns.push_back({"Tăng từ kỳ trước", 17, Align::Right});
        std::vector<std::vector<Cell>> rows;
        auto row = [&](const InvestorLine& line, const std::string& number, bool total) {
            std::vector<Cell> cells{{number, total},
                                    {line.investor, total},
                                    {millions(line.plan_assigned), total},
                                    {millions(line.plan_total), total},
                                    {millions(line.disbursed), total},
                                    {decimal_vi(line.rate_assigned), total || line.behind},
                                    {decimal_vi(line.rate_total), total}};
            if (since) cells.push_back({line.disbursed_since ? millions(*line.disbursed_since) : "", total});
            rows.push_back(std::move(cells));
        };
        row(d.province, "", true);
        int n = 0;
        for (const auto& i : d.investors) row(i, std::to_string(i.rank > 0 ? i.rank : ++n), false);
        t_.table(body_, columns, rows);
    }

    void changes(const Changes& c) {
        part("Thay đổi so với kỳ báo cáo trước");
        text("(Từ ngày " + c.since.vn() + " đến ngày " + r_.as_of.vn() + ")", true);
        const std::pair<const char*, const std::vector<Change>*> lists[] = {{"1. Nhiệm vụ mới hoàn thành", &c.newly_done},
                                                                             {"2. Nhiệm vụ mới quá hạn", &c.newly_overdue},
                                                                             {"3. Điều chỉnh thời hạn", &c.deadline_changes},
                                                                             {"4. Minh chứng mới", &c.new_evidence},
                                                                             {"5. Phân công đã đóng", &c.closed}};
        for (const auto& [title, list] : lists) {
            item(std::string(title) + " (" + std::to_string(list->size()) + ")");
            if (list->empty()) {
                none();
                continue;
            }
            std::vector<std::vector<Cell>> rows;
            for (const auto& ch : *list) rows.push_back({{ch.ref}, {ch.title}, {ch.agency}, {ch.what}, {ch.when}});
            t_.table(body_,
                     {{"Mục", 12, Align::Center}, {"Nội dung", 54}, {"Đơn vị", 35}, {"Chi tiết", 43}, {"Ngày", 21, Align::Center}},
                     rows);
        }
    }

    Tree& t_;
    xmlNodePtr body_;
    const Report& r_;
    int part_ = 0;
};

std::string paragraph_text(xmlNodePtr p) {
    std::string out;
    for (xmlNodePtr r = p->children; r; r = r->next) {
        if (r->type != XML_ELEMENT_NODE || xmlStrcmp(r->name, X("r")) != 0) continue;
        for (xmlNodePtr t = r->children; t; t = t->next)
            if (t->type == XML_ELEMENT_NODE && xmlStrcmp(t->name, X("t")) == 0) {
                xmlChar* c = xmlNodeGetContent(t);
                out += reinterpret_cast<const char*>(c);
                xmlFree(c);
            }
    }
    return out;
}

void collect(xmlNodePtr n, const char* name, std::vector<xmlNodePtr>& out) {
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, X(name)) == 0) out.push_back(c);
        if (c->type == XML_ELEMENT_NODE) collect(c, name, out);
    }
}

using XmlDoc = std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)>;

XmlDoc parse_part(const std::string& xml, const char* name) {
    XmlDoc doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), name, "UTF-8", XML_PARSE_NONET), xmlFreeDoc);
    if (!doc || !xmlDocGetRootElement(doc.get()))
        fail(ErrorKind::Invalid, Msg::DocxPartBadXml, {std::string(name)});
    return doc;
}

std::string dump(xmlDocPtr doc) {
    xmlChar* out = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(doc, &out, &size, "UTF-8");
    std::string xml(reinterpret_cast<const char*>(out), static_cast<std::size_t>(size));
    xmlFree(out);
    return xml;
}

xmlNodePtr child(xmlNodePtr parent, const char* name) {
    for (xmlNodePtr c = parent ? parent->children : nullptr; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, X(name)) == 0) return c;
    return nullptr;
}

// Points the body's section at the two headers (their references first, titlePg where the
// schema's order puts it); false when the section already has a header of its own.
bool reference_page_headers(Tree& tree) {
    xmlNodePtr sect = child(child(xmlDocGetRootElement(tree.doc()), "body"), "sectPr");
    if (!sect) return false;
    if (child(sect, "headerReference")) return false;
    xmlNsPtr r = xmlSearchNsByHref(tree.doc(), xmlDocGetRootElement(tree.doc()), X(kRelNs));
    if (!r) r = xmlNewNs(xmlDocGetRootElement(tree.doc()), X(kRelNs), X("r"));
    xmlNodePtr first_child = sect->children;
    for (const auto& h : kHeaders) {
        xmlNodePtr ref = xmlNewDocNode(tree.doc(), tree.ns(), X("headerReference"), nullptr);
        xmlNewNsProp(ref, tree.ns(), X("type"), X(h.type));
        xmlNewNsProp(ref, r, X("id"), X(h.id));
        if (first_child) xmlAddPrevSibling(first_child, ref);
        else xmlAddChild(sect, ref);
    }
    if (!child(sect, "titlePg")) {
        xmlNodePtr title_pg = xmlNewDocNode(tree.doc(), tree.ns(), X("titlePg"), nullptr);
        xmlNodePtr after = nullptr;  // the first element the schema puts after titlePg
        for (const char* later : {"textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"})
            if (!after) after = child(sect, later);
        if (after) xmlAddPrevSibling(after, title_pg);
        else xmlAddChild(sect, title_pg);
    }
    return true;
}

// A header part: one centred paragraph, holding the PAGE field (13 pt, as the PDF) or nothing.
std::string header_xml(bool page_field) {
    XmlDoc doc(xmlNewDoc(X("1.0")), xmlFreeDoc);
    xmlNodePtr root = xmlNewDocNode(doc.get(), nullptr, X("hdr"), nullptr);
    xmlDocSetRootElement(doc.get(), root);
    xmlNsPtr w = xmlNewNs(root, X(kWordNs), X("w"));
    xmlSetNs(root, w);
    xmlNodePtr p = xmlNewChild(root, w, X("p"), nullptr);
    xmlNodePtr ppr = xmlNewChild(p, w, X("pPr"), nullptr);
    xmlNewNsProp(xmlNewChild(ppr, w, X("jc"), nullptr), w, X("val"), X("center"));
    if (page_field) {
        // A complex field (begin, instruction, separate, shown value, end): Word and LibreOffice
        // both update it per page; "2" is what a reader without fields shows.
        auto run = [&] {
            xmlNodePtr r = xmlNewChild(p, w, X("r"), nullptr);
            xmlNodePtr rpr = xmlNewChild(r, w, X("rPr"), nullptr);
            xmlNewNsProp(xmlNewChild(rpr, w, X("sz"), nullptr), w, X("val"), X("26"));
            xmlNewNsProp(xmlNewChild(rpr, w, X("szCs"), nullptr), w, X("val"), X("26"));
            return r;
        };
        xmlNewNsProp(xmlNewChild(run(), w, X("fldChar"), nullptr), w, X("fldCharType"), X("begin"));
        xmlNodeSetSpacePreserve(xmlNewTextChild(run(), w, X("instrText"), X(" PAGE ")), 1);
        xmlNewNsProp(xmlNewChild(run(), w, X("fldChar"), nullptr), w, X("fldCharType"), X("separate"));
        xmlNewTextChild(run(), w, X("t"), X("2"));
        xmlNewNsProp(xmlNewChild(run(), w, X("fldChar"), nullptr), w, X("fldCharType"), X("end"));
    }
    return dump(doc.get());
}

// document.xml.rels and [Content_Types].xml with the two header parts named.
std::string rels_with_headers(const std::string& xml) {
    auto doc = parse_part(xml, kDocumentRels);
    xmlNodePtr root = xmlDocGetRootElement(doc.get());
    xmlNsPtr ns = xmlSearchNsByHref(doc.get(), root, X(kPackageRelNs));
    for (const auto& h : kHeaders) {
        xmlNodePtr rel = xmlNewChild(root, ns, X("Relationship"), nullptr);
        xmlNewProp(rel, X("Id"), X(h.id));
        xmlNewProp(rel, X("Type"), X(kHeaderType));
        xmlNewProp(rel, X("Target"), X(h.file));
    }
    return dump(doc.get());
}

std::string types_with_headers(const std::string& xml) {
    auto doc = parse_part(xml, kContentTypes);
    xmlNodePtr root = xmlDocGetRootElement(doc.get());
    xmlNsPtr ns = xmlSearchNsByHref(doc.get(), root, X(kTypesNs));
    for (const auto& h : kHeaders) {
        xmlNodePtr o = xmlNewChild(root, ns, X("Override"), nullptr);
        xmlNewProp(o, X("PartName"), X("/word/" + std::string(h.file)));
        xmlNewProp(o, X("ContentType"), X(kHeaderContent));
    }
    return dump(doc.get());
}

void drop_comments(xmlNodePtr n) {
    for (xmlNodePtr c = n->children; c;) {
        xmlNodePtr next = c->next;
        if (c->type == XML_COMMENT_NODE) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        } else if (c->type == XML_ELEMENT_NODE) {
            drop_comments(c);
        }
        c = next;
    }
}

// Sets a paragraph's text to `line`: the first run keeps its formatting and takes the text,
// the other runs go.
void set_text(Tree& tree, xmlNodePtr p, const std::string& line) {
    xmlNodePtr first = nullptr;
    for (xmlNodePtr r = p->children; r;) {
        xmlNodePtr next = r->next;
        if (r->type == XML_ELEMENT_NODE && xmlStrcmp(r->name, X("r")) == 0) {
            if (!first) {
                first = r;
            } else {
                xmlUnlinkNode(r);
                xmlFreeNode(r);
            }
        }
        r = next;
    }
    if (!first) return;
    for (xmlNodePtr c = first->children; c;) {
        xmlNodePtr next = c->next;
        if (!(c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, X("rPr")) == 0)) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
        c = next;
    }
    xmlNodePtr t = tree.node(first, "t");
    xmlNodeAddContent(t, X(line));  // AddContent escapes; SetContent would parse entities
    xmlNodeSetSpacePreserve(t, 1);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find('\n', start);
        out.push_back(text.substr(start, end - start));
        if (end == std::string::npos) return out;
        start = end + 1;
    }
}

// Fills every paragraph that holds a {{KEY}}: one paragraph per line of the value; none when the
// value is empty and the paragraph held nothing else.
void fill_placeholders(Tree& tree, const std::vector<std::pair<std::string, std::string>>& values) {
    std::vector<xmlNodePtr> paragraphs;
    collect(xmlDocGetRootElement(tree.doc()), "p", paragraphs);
    for (xmlNodePtr p : paragraphs) {
        std::string text = paragraph_text(p);
        if (text.find("{{") == std::string::npos) continue;
        bool only_empty = true;
        bool any = false;
        for (const auto& [key, value] : values) {
            const std::string mark = "{{" + key + "}}";
            for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at + value.size())) {
                any = true;
                only_empty &= value.empty();
                text.replace(at, mark.size(), value);
            }
        }
        if (!any) continue;
        if (only_empty && text.find_first_not_of(' ') == std::string::npos) {
            xmlUnlinkNode(p);
            xmlFreeNode(p);
            continue;
        }
        const auto lines = lines_of(text);
        set_text(tree, p, lines.front());
        xmlNodePtr last = p;
        for (std::size_t i = 1; i < lines.size(); ++i) {
            xmlNodePtr copy = xmlDocCopyNode(p, tree.doc(), 1);
            set_text(tree, copy, lines[i]);
            last = xmlAddNextSibling(last, copy);
        }
    }
}

std::filesystem::path template_path(const Report& r) {
    if (!r.settings.docx_template.empty()) return r.settings.docx_template;
    return assets_dir() / "report-template.docx";
}

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};

std::string read_part(zip_t* z, const char* name, const std::filesystem::path& from) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(z, name, 0, &st) != 0)
        fail(ErrorKind::Invalid, Msg::DocxTemplateNoPart, {from.string(), name});
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen(z, name, 0), zip_fclose);
    if (!f) fail(ErrorKind::Invalid, Msg::DocxTemplateUnreadable, {name, from.string()});
    std::string data(static_cast<std::size_t>(st.size), '\0');
    if (zip_fread(f.get(), data.data(), st.size) != static_cast<zip_int64_t>(st.size))
        fail(ErrorKind::Invalid, Msg::DocxTemplateUnreadable, {name, from.string()});
    return data;
}

}  // namespace

namespace {
// The filled document.xml; `numbered` tells whether it references the page-number headers,
// which the package must then hold.
std::string document_xml(const Report& r, const std::string& template_xml, bool& numbered) {
    std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
        xmlReadMemory(template_xml.data(), static_cast<int>(template_xml.size()), kDocumentPart, "UTF-8", XML_PARSE_NONET),
        xmlFreeDoc);
    if (!doc) fail(ErrorKind::Invalid, Msg::DocxTemplateBadXml);
    Tree tree(doc.get());
    numbered = reference_page_headers(tree);
    drop_comments(reinterpret_cast<xmlNodePtr>(doc.get()));  // the template's notes, before and inside the root

    // The body: the paragraph holding {{BODY}} is replaced by the report's parts.
    std::vector<xmlNodePtr> paragraphs;
    collect(xmlDocGetRootElement(doc.get()), "p", paragraphs);
    xmlNodePtr marker = nullptr;
    for (xmlNodePtr p : paragraphs)
        if (paragraph_text(p).find("{{BODY}}") != std::string::npos) marker = p;
    if (!marker) fail(ErrorKind::Invalid, Msg::DocxTemplateNoMarker);
    // Built in a scratch element, then moved before the marker in order.
    xmlNodePtr scratch = xmlNewDocNode(doc.get(), nullptr, X("scratch"), nullptr);
    Body(tree, scratch, r).write();
    for (xmlNodePtr c = scratch->children; c;) {
        xmlNodePtr next = c->next;
        xmlUnlinkNode(c);
        xmlAddPrevSibling(marker, c);
        c = next;
    }
    xmlFreeNode(scratch);
    xmlUnlinkNode(marker);
    xmlFreeNode(marker);

    const auto& s = r.settings;
    std::string recipients;
    for (const auto& line : s.recipients) recipients += (recipients.empty() ? "- " : "\n- ") + line;
    fill_placeholders(tree, {{"PARENT_BODY", pdf::upper_text(s.parent_body)},
                             {"ISSUING_BODY", issuing_lines(s.issuing_body)},
                             {"NUMBER", s.number},
                             {"PLACE_DATE", place_and_date(r)},
                             {"TITLE", report_title(r)},
                             {"SUBTITLE", report_subtitle(r)},
                             {"RECIPIENTS", recipients},
                             {"SIGNER_AUTHORITY", pdf::upper_text(s.signer_authority)},
                             {"SIGNER_TITLE", pdf::upper_text(s.signer_title)},
                             {"SIGNER_NAME", s.signer_name}});

    return dump(doc.get());
}

// Puts `data` (kept alive by the caller until zip_close) at `name`, replacing what is there.
void put_part(zip_t* z, const char* name, const std::string& data) {
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    if (!src || zip_file_add(z, name, src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
        if (src) zip_source_free(src);
        fail(ErrorKind::System, Msg::DocxWriteFailed, {std::string(zip_strerror(z))});
    }
}
}  // namespace

std::string docx_document_xml(const Report& r, const std::string& template_xml) {
    bool numbered = false;
    return document_xml(r, template_xml, numbered);
}

void write_docx(const Report& report, const std::filesystem::path& out) {
    const auto from = template_path(report);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(from, ec))
        fail(ErrorKind::Invalid, Msg::DocxTemplateMissing, {from.string()});
    write_atomically(out, [&](const std::filesystem::path& temp) {
        std::filesystem::copy_file(from, temp, std::filesystem::copy_options::overwrite_existing);
        int error = 0;
        std::unique_ptr<zip_t, ZipCloser> z(zip_open(temp.c_str(), 0, &error));
        if (!z) fail(ErrorKind::Invalid, Msg::DocxTemplateNotZip, {from.string()});
        bool numbered = false;
        // Every part's text lives until zip_close, which reads the buffers.
        std::vector<std::string> parts;
        parts.reserve(2 + std::size(kHeaders) + 1);
        parts.push_back(document_xml(report, read_part(z.get(), kDocumentPart, from), numbered));
        put_part(z.get(), kDocumentPart, parts.back());
        if (numbered) {
            parts.push_back(rels_with_headers(read_part(z.get(), kDocumentRels, from)));
            put_part(z.get(), kDocumentRels, parts.back());
            parts.push_back(types_with_headers(read_part(z.get(), kContentTypes, from)));
            put_part(z.get(), kContentTypes, parts.back());
            for (const auto& h : kHeaders) {
                parts.push_back(header_xml(h.page_field));
                put_part(z.get(), ("word/" + std::string(h.file)).c_str(), parts.back());
            }
        }
        // zip_close writes everything while the parts are still alive; on success the handle is gone.
        if (zip_close(z.get()) != 0)
            fail(ErrorKind::System, Msg::DocxWriteFailed, {zip_strerror(z.get())});
        (void)z.release();
    });
}

}  // namespace dt::report

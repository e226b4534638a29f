// Word's .docx: a ZIP (libzip) of XML (libxml2). Paragraphs become lines; Word's automatic
// numbering is written out as the reader sees it ("1.", "a)", "-"); a table's row becomes
// lines whose cells stand apart by tabs, as the official header's two columns do in text.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <array>
#include <cstring>
#include <map>
#include <memory>
#include <vector>

#include "core/error.h"
#include "importer/sources/sources.h"

namespace dt::importer::sources {

namespace {
[[noreturn]] void not_docx() { fail(ErrorKind::Invalid, Msg::DocxUnreadable); }

std::string read_entry(zip_t* zip, const char* name, bool required) {
    zip_stat_t st;
    if (zip_stat(zip, name, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
        if (required) not_docx();
        return {};
    }
    if (st.size > 64u * 1024 * 1024) fail(ErrorKind::Invalid, Msg::DocxTooLarge);
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen(zip, name, 0), zip_fclose);
    if (!file) not_docx();
    std::string out(static_cast<std::size_t>(st.size), '\0');
    if (zip_fread(file.get(), out.data(), st.size) != static_cast<zip_int64_t>(st.size)) not_docx();
    return out;
}

using Doc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

Doc parse_xml(const std::string& xml) {
    return Doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "part.xml", nullptr,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
               xmlFreeDoc);
}

bool is(const xmlNode* n, const char* name) {
    return n && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

const xmlNode* child(const xmlNode* n, const char* name) {
    for (auto* c = n ? n->children : nullptr; c; c = c->next)
        if (is(c, name)) return c;
    return nullptr;
}

std::string attr(const xmlNode* n, const char* name) {
    if (!n) return {};
    for (auto* a = n->properties; a; a = a->next)
        if (std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0 && a->children && a->children->content)
            return reinterpret_cast<const char*>(a->children->content);
    return {};
}

struct Level {
    int start = 1;
    std::string format = "decimal";  // decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet
    std::string text = "%1.";
};

// numId → abstract list's levels, from numbering.xml.
std::map<std::string, std::array<Level, 9>> read_numbering(const std::string& xml) {
    std::map<std::string, std::array<Level, 9>> by_num;
    if (xml.empty()) return by_num;
    auto doc = parse_xml(xml);
    if (!doc) return by_num;
    std::map<std::string, std::array<Level, 9>> abstract;
    const auto* root = xmlDocGetRootElement(doc.get());
    for (auto* n = root ? root->children : nullptr; n; n = n->next) {
        if (!is(n, "abstractNum")) continue;
        auto& levels = abstract[attr(n, "abstractNumId")];
        for (auto* l = n->children; l; l = l->next) {
            if (!is(l, "lvl")) continue;
            const int i = std::atoi(attr(l, "ilvl").c_str());
            if (i < 0 || i > 8) continue;
            if (auto* s = child(l, "start")) levels[i].start = std::atoi(attr(s, "val").c_str());
            if (auto* f = child(l, "numFmt")) levels[i].format = attr(f, "val");
            if (auto* t = child(l, "lvlText")) levels[i].text = attr(t, "val");
        }
    }
    for (auto* n = root ? root->children : nullptr; n; n = n->next)
        if (is(n, "num")) by_num[attr(n, "numId")] = abstract[attr(child(n, "abstractNumId"), "val")];
    return by_num;
}

std::string roman(int v, bool upper) {
    static constexpr std::pair<int, const char*> kParts[] = {{100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"},
                                                             {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
    std::string out;
    for (const auto& [n, s] : kParts)
        for (; v >= n; v -= n) out += s;
    if (upper)
        for (auto& c : out) c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string format_number(int v, const std::string& format) {
    if (format == "lowerLetter" || format == "upperLetter") {
        std::string s(1, static_cast<char>((format == "lowerLetter" ? 'a' : 'A') + (v - 1) % 26));
        return s;
    }
    if (format == "lowerRoman") return roman(v, false);
    if (format == "upperRoman") return roman(v, true);
    return std::to_string(v);
}

class Writer {
public:
    explicit Writer(std::map<std::string, std::array<Level, 9>> numbering) : numbering_(std::move(numbering)) {}

    std::string paragraph(const xmlNode* p) {
        std::string text;
        collect(p, text);
        return number_of(p) + text;
    }

private:
    std::map<std::string, std::array<Level, 9>> numbering_;
    std::map<std::string, std::array<int, 9>> counters_;

    void collect(const xmlNode* n, std::string& out) {
        for (auto* c = n->children; c; c = c->next) {
            if (is(c, "t") || is(c, "delText")) {
                if (is(c, "delText")) continue;  // deleted in tracked changes
                if (auto* content = xmlNodeGetContent(c)) {
                    out += reinterpret_cast<const char*>(content);
                    xmlFree(content);
                }
            } else if (is(c, "tab")) {
                out += '\t';
            } else if (is(c, "br") || is(c, "cr")) {
                out += '\n';
            } else if (!is(c, "pPr") && !is(c, "rPr") && !is(c, "del")) {
                collect(c, out);
            }
        }
    }

    std::string number_of(const xmlNode* p) {
        const auto* num_pr = child(child(p, "pPr"), "numPr");
        if (!num_pr) return {};
        const auto id = attr(child(num_pr, "numId"), "val");
        const int level = std::atoi(attr(child(num_pr, "ilvl"), "val").c_str());
        const auto list = numbering_.find(id);
        if (id.empty() || id == "0" || list == numbering_.end() || level < 0 || level > 8) return {};
        auto [it, fresh] = counters_.try_emplace(id);
        auto& counts = it->second;
        if (fresh) counts.fill(0);
        const auto& levels = list->second;
        counts[level] = counts[level] == 0 ? levels[level].start : counts[level] + 1;
        for (int deeper = level + 1; deeper < 9; ++deeper) counts[deeper] = 0;
        if (levels[level].format == "bullet" || levels[level].format == "none") return "- ";
        std::string out;
        const auto& pattern = levels[level].text;
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
                const int l = pattern[i + 1] - '1';
                out += format_number(std::max(counts[l], levels[l].start), levels[l].format);
                ++i;
            } else {
                out += pattern[i];
            }
        }
        return out + " ";
    }
};

void write_body(const xmlNode* body, Writer& w, std::string& out) {
    for (auto* n = body ? body->children : nullptr; n; n = n->next) {
        if (is(n, "p")) {
            out += w.paragraph(n);
            out += '\n';
        } else if (is(n, "tbl")) {
            for (auto* row = n->children; row; row = row->next) {
                if (!is(row, "tr")) continue;
                std::vector<std::vector<std::string>> cells;
                for (auto* cell = row->children; cell; cell = cell->next) {
                    if (!is(cell, "tc")) continue;
                    cells.emplace_back();
                    for (auto* p = cell->children; p; p = p->next)
                        if (is(p, "p")) {
                            auto text = w.paragraph(p);
                            if (!text.empty()) cells.back().push_back(std::move(text));
                        }
                }
                std::size_t lines = 0;
                for (const auto& c : cells) lines = std::max(lines, c.size());
                for (std::size_t l = 0; l < lines; ++l) {
                    for (std::size_t c = 0; c < cells.size(); ++c) {
                        if (c > 0) out += '\t';
                        if (l < cells[c].size()) out += cells[c][l];
                    }
                    out += '\n';
                }
            }
        } else if (is(n, "sdt")) {
            write_body(child(n, "sdtContent"), w, out);
        }
    }
}
}  // namespace

std::string docx_text(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) not_docx();
    zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!zip) {
        zip_source_free(source);
        not_docx();
    }
    std::unique_ptr<zip_t, decltype(&zip_discard)> guard(zip, zip_discard);
    const auto document = read_entry(zip, "word/document.xml", true);
    Writer writer(read_numbering(read_entry(zip, "word/numbering.xml", false)));
    auto doc = parse_xml(document);
    if (!doc) not_docx();
    const auto* root = xmlDocGetRootElement(doc.get());
    std::string out;
    write_body(child(root, "body"), writer, out);
    return out;
}

}  // namespace dt::importer::sources

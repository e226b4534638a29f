// Text PDFs through poppler's C++ API, page by page in reading order (what pdftotext gives);
// the importer joins the lines the page width broke.
#include <poppler-document.h>
#include <poppler-page.h>

#include <memory>
#include <vector>

#include "core/error.h"
#include "importer/sources/sources.h"

namespace dt::importer::sources {

std::string pdf_text(std::string_view bytes) {
    std::vector<char> data(bytes.begin(), bytes.end());
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_data(&data));
    if (!doc) fail(ErrorKind::Invalid, Msg::PdfUnreadable);
    std::string text;
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) continue;
        const auto utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
        text.append(utf8.begin(), utf8.end());
        text += '\n';
    }
    bool any = false;
    for (char c : text) any = any || (c != ' ' && c != '\n' && c != '\f' && c != '\r' && c != '\t');
    if (!any)
        fail(ErrorKind::Invalid, Msg::PdfNoText);
    return text;
}

}  // namespace dt::importer::sources

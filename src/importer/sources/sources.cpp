#include "importer/sources/sources.h"

#include "core/error.h"

namespace dt::importer::sources {

Kind kind_of(std::string_view bytes) {
    if (bytes.starts_with("PK\x03\x04")) return Kind::Docx;
    if (bytes.starts_with("%PDF-")) return Kind::Pdf;
    return Kind::Text;
}

std::string text_of(std::string_view bytes) {
    switch (kind_of(bytes)) {
        case Kind::Docx: return docx_text(bytes);
        case Kind::Pdf: return pdf_text(bytes);
        case Kind::Text: break;
    }
    return std::string(bytes);
}

}  // namespace dt::importer::sources

#pragma once
// The files offices really have, turned into the plain text the importer reads: Word's .docx
// (paragraphs, tables, and the numbers of Word's automatic lists) and text PDFs. Kept apart
// from the importer, whose text path stays pure and fuzzable; only the programs link these.
#include <filesystem>
#include <string>
#include <string_view>

namespace dt::importer::sources {

enum class Kind { Text, Docx, Pdf };

// By the file's first bytes (a .docx is a ZIP, a PDF starts "%PDF-"), else text.
Kind kind_of(std::string_view bytes);

// Throws dt::Error(Invalid) with one sentence: not a Word document, damaged, or a scanned PDF
// that holds no text.
std::string docx_text(std::string_view bytes);
std::string pdf_text(std::string_view bytes);

// Any of the three, as the importer wants it.
std::string text_of(std::string_view bytes);

}  // namespace dt::importer::sources

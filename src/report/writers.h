#pragma once
// The report's five forms. Each writes a temporary file beside `out` and renames it into
// place, so a failed or interrupted write never leaves a half-written report behind.
#include <filesystem>
#include <functional>
#include <string>

#include "report/model.h"

namespace dt::report {

enum class Format { Pdf, Xlsx, Html, Csv, Docx };

void write_pdf(const Report& report, const std::filesystem::path& out);   // cairo + pango, Decree 30/2020 layout
void write_xlsx(const Report& report, const std::filesystem::path& out);  // libxlsxwriter
void write_html(const Report& report, const std::filesystem::path& out);  // one printable file, every value escaped
void write_csv(const Report& report, const std::filesystem::path& out);   // one row per assignment, UTF-8 with BOM
void write_docx(const Report& report, const std::filesystem::path& out);  // the Word template filled (libzip + libxml2)
// The filled word/document.xml of a template's one (what write_docx puts in the package).
std::string docx_document_xml(const Report& report, const std::string& template_xml);
void write_report(const Report& report, Format format, const std::filesystem::path& out);
// A CSV text cell made safe to open in a spreadsheet (OWASP): "'" before = + - @ tab CR.
std::string csv_text_cell(const std::string& text);

// Refuses (Error(Invalid)) an `out` that exists and is not a regular file, or that is a tracker
// database, a backup or .bak copy of one, or the -wal, -shm or -journal file of one, even with
// --force; a new name or another regular file passes.
void check_target(const std::filesystem::path& out);

// Calls `write` with a temporary path in the same folder (after check_target), then renames it to `out`.
// Throws Error(Invalid) when the folder is missing or not writable; removes the temporary
// file when `write` throws.
void write_atomically(const std::filesystem::path& out, const std::function<void(const std::filesystem::path&)>& write);

}  // namespace dt::report

#!/usr/bin/env bash
# Zips assets/docx-template/ (the OOXML parts of the report's Word template, written by hand)
# into assets/report-template.docx, which `dtrack report --format docx` fills. Run it after
# editing a part; commit both. A province may instead point the setting report.docx_template
# at its own .docx with the same {{KEY}} placeholders (see word/document.xml).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/assets/report-template.docx"
cd "$root/assets/docx-template"
rm -f "$out"
# [Content_Types].xml first, as Word writes it; cmake's zip needs no extra package.
# Files only, no folder entries: a package holds parts, not directories.
cmake -E tar cf "$out" --format=zip --mtime=2025-01-01 '[Content_Types].xml' _rels/.rels docProps/core.xml \
  docProps/app.xml word/document.xml word/styles.xml word/settings.xml word/_rels/document.xml.rels
echo "Wrote $out"

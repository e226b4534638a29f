#pragma once
// Plans of tasks as tables ("TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn
// thành"), as they arrive when copied to text: one row a line with its cells apart by tabs, or
// (from a PDF or a web page) one cell a line.
#include "importer/normalize.h"

namespace dt::importer::detail {

// Rewrites each table row into the numbered line a directive would have written for it
// ("3. Sở A chủ trì, phối hợp với Sở B; UBND các xã: Rà soát …; thời gian hoàn thành: trong quý
// II/2026."), so that the rest of the importer reads it like any clause. A table in an appendix
// after the signature ("PHỤ LỤC") is moved before the signature as a part of its own, "PL.",
// when the directive has Roman parts. `raw` and `clean` stay index-aligned.
void rewrite_tables(Lines& lines);

}  // namespace dt::importer::detail

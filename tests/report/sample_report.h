#pragma once
#include "report/model.h"

namespace dt::test {

// A hand-built report with every part filled and hostile text in it: Vietnamese with
// diacritics, <script>, quotes, commas, newlines, a 10,000-character note, and enough tasks
// (`extra_tasks`) to run over several pages.
report::Report sample_report(int extra_tasks = 60);

}  // namespace dt::test

#pragma once
#include <filesystem>

namespace dt::bench {
// Imports `rows` CSV entries (ten projects) into a new database in `folder`; rows per second of
// the import itself (parsing, checks, inserts, one transaction).
double invest_import_rows_per_second(int rows, const std::filesystem::path& folder);
}  // namespace dt::bench

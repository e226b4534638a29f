#pragma once
#include <vector>

namespace dt::store {

struct Migration {
    int version;
    const char* name;
    const char* sql;
};

// Every db/migrations/NNNN_name.sql, in version order (generated at build time).
const std::vector<Migration>& migrations();

}  // namespace dt::store

#pragma once
#include <vector>

namespace dt::store {

struct Migration {
    int version;
    const char* name;
    const char* sql;
};

// Every db/migrations/<backend>/NNNN_name.sql, in version order (generated at build time).
const std::vector<Migration>& sqlite_migrations();
const std::vector<Migration>& postgresql_migrations();

}  // namespace dt::store

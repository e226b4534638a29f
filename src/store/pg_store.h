#pragma once
// The PostgreSQL implementation of Store (server mode): one libpq connection per Store.
#include <memory>
#include <string>

#include "store/store.h"

namespace dt::store {

// Connects to `uri` (postgresql://…; libpq reads PGPASSWORD, ~/.pgpass, PGSERVICE itself),
// checks the database is a tracker no newer than this program, migrates.
std::unique_ptr<Store> open_postgres(const std::string& uri, const OpenOptions& options);

}  // namespace dt::store

#include "store/pg_store.h"

#include "core/error.h"

namespace dt::store {

std::unique_ptr<Store> open_postgres(const std::string& uri, const OpenOptions&) {
    (void)uri;
    fail(ErrorKind::Storage, "This program cannot open PostgreSQL databases yet.");
}

}  // namespace dt::store

// `dtrack server upgrade`: a new program's PostgreSQL migrations applied by the database's
// owner, the only role with the rights they need (docs/SERVER.md, "Upgrades").
#include "core/error.h"
#include "store/pg_conn.h"
#include "store/pg_store.h"
#include "store/server_tools.h"

namespace dt::store {

SchemaUpgrade upgrade_server_schema(const std::string& uri) {
    OpenOptions look;
    look.create = false;     // an empty database is server init's, not an upgrade's
    look.target_version = 0;  // opened as it is: nothing migrated yet (a newer schema is refused here)
    SchemaUpgrade u;
    {
        auto before = Store::open(uri, look);
        u.database = before->path().string();
        u.from = before->schema_version();
        if (!owns_database(static_cast<PgStore&>(*before).conn()))
            fail(ErrorKind::Denied, "'server upgrade' runs as the database's owner (the role that ran 'dtrack server "
                                    "init'), given by --db's URI or libpq's PGPASSWORD / ~/.pgpass (docs/SERVER.md).");
    }
    OpenOptions all;
    all.create = false;
    // Each pending migration in a transaction of its own, under the migrations' advisory lock.
    u.to = Store::open(uri, all)->schema_version();
    return u;
}

}  // namespace dt::store

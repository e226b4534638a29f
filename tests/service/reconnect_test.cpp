// Store::reconnect (through Service::reconnect), on both backends: a file is always Up; on a
// server, a connection the server ended comes back from an attempt made off the caller's
// thread, and data_version then says that something may have changed meanwhile.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "store/faults.h"
#include "support.h"

using namespace dt;

namespace {
// Calls reconnect until it is Up (at most `seconds` of the wall clock); how many calls said Connecting.
// Ends every other session of the database (as a server restart does) and waits until `service`
// has noticed: data_version throws Unreachable (the backend exits a moment after the signal).
void cut(const test::PgDatabase& db, service::Service& service) {
    db.psql_owner("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                  "AND pid <> pg_backend_pid()");
    for (int i = 0; i < 500; ++i) {
        try {
            (void)service.data_version();
        } catch (const store::StorageError& e) {
            CHECK(e.fault() == store::Fault::Unreachable);
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    FAIL("the ended session was never noticed");
}

int connecting_calls(service::Service& service, double seconds = 30) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    int connecting = 0;
    while (service.reconnect() == store::Link::Connecting) {
        ++connecting;
        if (std::chrono::steady_clock::now() > until) FAIL("still connecting after " << seconds << " s");
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return connecting;
}
}  // namespace

TEST_CASE("reconnect: Up while connected, and after the server ends the session, connected again") {
    test::Fixture f;
    CHECK(f.service->reconnect() == store::Link::Up);
    const int before = f.service->data_version();
    CHECK(f.service->reconnect() == store::Link::Up);
    CHECK(f.service->data_version() == before);  // nothing happened: nothing changed
    if (!f.pg) return;  // a file has no connection to lose

    cut(*f.pg, *f.service);
    connecting_calls(*f.service);
    CHECK(f.service->data_version() > before);  // commits may have been missed: a change
    CHECK(f.service->agencies().size() > 10);   // the new connection serves
    // It listens again: another connection's commit is noticed.
    const int now = f.service->data_version();
    auto other = store::Store::open(f.pg->uri);
    {
        store::Store::WriteTx tx(*other);
        other->set_setting("report.signer", "Nguyễn Văn A");
        tx.commit();
    }
    int after = now;
    for (int i = 0; i < 200 && after == now; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        after = f.service->data_version();
    }
    CHECK(after > now);
}

// Server mode only: a file has no connection to lose.
TEST_CASE("reconnect never waits on the network: a first host that never answers holds the attempt, not the caller" *
          doctest::skip(!test::test_pg_uri())) {
    test::PgDatabase db;
    store::Store::open(db.uri);  // the schema
    const test::SilentPort silent;
    // Connecting to this URI tries the silent port first for 2 s, then the real server.
    store::OpenOptions options;
    options.create = false;
    auto s = store::Store::open(silent.first_in(db.uri), options);
    service::Service service(*s);
    cut(db, service);
    // Each call returned at once while the attempt waited on the silent port: many calls.
    CHECK(connecting_calls(service) > 20);
    CHECK_NOTHROW((void)service.data_version());  // the new connection serves
    CHECK(s->schema_version() > 0);
}

// Service::batch, which the benchmark's generator and its batch figure use: many service calls
// in one transaction, each still checked and journalled, each all-or-nothing on its own.
#include <doctest/doctest.h>

#include <stdexcept>

#include "core/error.h"
#include "support.h"

using namespace dt;

TEST_CASE("a batch keeps each call's checks and journal and commits them together") {
    test::Fixture f;
    const auto a = f.assignment_of("1.1", "Sở Tài chính");
    const auto b = f.assignment_of("1.1", "Sở Xây dựng");
    const auto c = f.assignment_of("2.1", "Sở Công Thương");
    REQUIRE((a && b && c));
    const int journal_before = f.store->journal_count();
    service::AssignmentChange progress;
    progress.progress = 40;
    service::AssignmentChange done;
    done.status = Status::Done;  // refused: no evidence yet

    f.service->batch([&] {
        f.service->update(f.admin, a, progress, std::nullopt);
        // A refused call inside the batch undoes only itself when its error is caught.
        CHECK_THROWS_AS(f.service->update(f.admin, b, done, std::nullopt), Error);
        f.service->update(f.admin, c, progress, std::nullopt);
    });
    CHECK(f.service->get(a).record.progress == 40);
    CHECK(f.service->get(b).record.status == Status::NotStarted);
    CHECK(f.service->get(b).record.version == 1);
    CHECK(f.service->get(c).record.progress == 40);
    CHECK(f.store->journal_count() == journal_before + 2);

    SUBCASE("a batch whose body fails keeps nothing") {
        CHECK_THROWS_AS(f.service->batch([&] {
            f.service->update(f.admin, a, {std::nullopt, 70, std::nullopt, std::nullopt, std::nullopt}, std::nullopt);
            throw std::runtime_error("stop");
        }),
                        std::runtime_error);
        CHECK(f.service->get(a).record.progress == 40);
        CHECK(f.store->journal_count() == journal_before + 2);
        // The store is usable afterwards: the next write is a transaction of its own.
        f.service->update(f.admin, a, {std::nullopt, 80, std::nullopt, std::nullopt, std::nullopt}, std::nullopt);
        CHECK(f.service->get(a).record.progress == 80);
    }
}

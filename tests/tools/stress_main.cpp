// dtrack-stress: one process of a multi-process test. Updates the given assignments N times
// through the real service, each update its own transaction, and says how many landed.
// Usage: dtrack-stress DB ID[,ID…] COUNT   (DB: a file, or a postgresql:// URI as a role that may write)
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/text.h"
#include "service/service.h"
#include "store/store.h"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: dtrack-stress DB ID[,ID…] COUNT\n");
        return 1;
    }
    std::vector<long> ids;
    for (const auto& part : dt::split(argv[2], ',')) ids.push_back(std::stol(part));
    const int count = std::atoi(argv[3]);
    dt::store::OpenOptions options;
    options.create = false;
    auto store = dt::store::Store::open(argv[1], options);
    dt::service::Service service(*store);
    const auto actor = dt::service::Service::system();
    int landed = 0, failed = 0;
    for (int i = 0; i < count; ++i) {
        dt::service::AssignmentChange change;
        change.owner = "tiến trình " + std::to_string(getpid()) + " lần " + std::to_string(i);
        try {
            service.update(actor, ids[static_cast<std::size_t>(i) % ids.size()], change, std::nullopt);
            ++landed;
        } catch (const dt::Error& e) {
            ++failed;
            std::fprintf(stderr, "update %d: %s\n", i, e.what());
        }
    }
    std::printf("%d %d\n", landed, failed);
    return failed == 0 ? 0 : 2;
}

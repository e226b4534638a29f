// Many service calls in one write transaction: the calls nest as savepoints (Store::WriteTx).
#include "service/service.h"
#include "store/store.h"

namespace dt::service {

void Service::batch(const std::function<void()>& body) {
    store::Store::WriteTx tx(store_);
    body();
    tx.commit();
}

}  // namespace dt::service

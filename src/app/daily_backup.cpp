#include "app/daily_backup.h"

#include <charconv>
#include <iostream>

#include "store/backups.h"

namespace dt::app {

void take_daily_backup(const store::Store& store, const service::Service& service) {
    int keep = store::kDefaultBackupDays;
    if (const auto setting = service.setting("backup.keep_days")) {
        int v = 0;
        auto [p, ec] = std::from_chars(setting->data(), setting->data() + setting->size(), v);
        if (ec == std::errc() && v > 0) keep = v;
    }
    try {
        store::daily_backup(store, keep);
    } catch (const std::exception& e) {
        std::cerr << "warning: today's automatic backup failed: " << e.what() << "\n";
    }
}

}  // namespace dt::app

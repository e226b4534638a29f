#include "app/daily_backup.h"

#include <iostream>

#include "core/error.h"
#include "core/numbers.h"
#include "store/backups.h"

namespace dt::app {

void take_daily_backup(const store::Store& store, const service::Service& service, Lang lang) {
    int keep = store::kDefaultBackupDays;
    if (const auto setting = service.setting("backup.keep_days")) {
        if (const auto days = parse_whole(*setting); days && *days > 0 && *days <= 36'500) keep = static_cast<int>(*days);
    }
    try {
        store::daily_backup(store, keep);
    } catch (const std::exception& e) {
        std::cerr << phrase(Msg::OutBackupFailed, {say(e, lang, Audience::Cli)}, lang, Audience::Cli) << "\n";
    }
}

}  // namespace dt::app

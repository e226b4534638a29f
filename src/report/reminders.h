#pragma once
// Nhắc việc: a printable digest per agency that the office can send — one page per agency
// (more only when its list is long), in Vietnamese, through the report's page layout.
#include <filesystem>
#include <vector>

#include "service/service.h"

namespace dt::report {

struct ReminderDigest {
    Date as_of;
    int within = 7;
    std::string issuer;  // the office's name, from the report settings; may be empty
    std::vector<service::Reminder> reminders;  // as Service::reminders orders them: by agency
};

// Written atomically (writers.h); an empty list still says so on its page.
void write_reminder_pdf(const ReminderDigest& digest, const std::filesystem::path& out);

const char* reminder_kind_vi(service::ReminderKind kind);

}  // namespace dt::report

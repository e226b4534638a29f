#pragma once
// The words dtrack prints for people, in its language (docs/ARCHITECTURE.md, Words and languages): `--lang vi|en`, else
// LANG / LC_MESSAGES starting with "vi" → Vietnamese, else English. JSON keeps the codes.
#include <optional>
#include <string>

#include "core/messages.h"
#include "core/numbers.h"
#include "core/status.h"
#include "service/service.h"

namespace dt::cli {

using Lang = dt::Lang;

// Decided once in main from --lang and the environment, then read by the printers.
void set_lang(std::optional<std::string> flag);
Lang lang();
NumberStyle numbers();
// "vi" text or "en" text, as the language is.
const char* say(const char* vi, const char* en);

const char* word(Status s);
const char* word(Bucket b);
const char* word(AssignmentRole r);
const char* word(service::ReminderKind k);

}  // namespace dt::cli

#pragma once
// The words dtrack prints for people, in its language (docs/ARCHITECTURE.md, Words and languages): `--lang vi|en`, else
// LANG / LC_MESSAGES starting with "vi" → Vietnamese, else English. JSON keeps the codes.
#include <optional>
#include <string>
#include <vector>

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
// "vi" text or "en" text, as the language is (a column's heading).
const char* say(const char* vi, const char* en);
// A sentence of the catalog (core/messages_cli.cpp) in dtrack's language.
std::string say(Msg code, std::vector<MsgArg> args = {});
// Kept sentences (an import's warnings) in the output's language, one string each.
std::vector<std::string> said(const std::vector<Notice>& notices);
// A count or an amount grouped as the language writes it: "1,250" / "1.250".
std::string count(long long n);

// The domain's words are core's (core/messages.h), as labels: "Đang thực hiện", "In progress".
const char* word(Status s);
const char* word(Bucket b);
const char* word(AssignmentRole r);
const char* word(UserRole r);
const char* word(store::ExtensionStatus s);
const char* word(service::ReminderKind k);
const char* agency_kind(const std::string& kind);
// The same words inside a sentence ("Assignment 5 is now in progress").
MsgArg in_sentence(Status s);

}  // namespace dt::cli

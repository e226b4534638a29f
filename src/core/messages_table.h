#pragma once
// The catalog's tables, one per part of the program (core/messages_*.cpp); core/messages.cpp
// finds an entry by its code.
#include <span>

#include "core/messages.h"

namespace dt {

std::span<const MsgText> texts_common();   // words, fields, core's checks, Plain
std::span<const MsgText> texts_service();  // the service's refusals
std::span<const MsgText> texts_files();    // the database, report files, imported documents
std::span<const MsgText> texts_cli();      // dtrack's own (its options and commands)

}  // namespace dt

#pragma once
// How much text each kind of field may hold, in bytes of UTF-8 after NFC (docs/INPUT.md lists
// every field with its limit and what is refused or stored).
#include <cstddef>

namespace dt::service {

constexpr std::size_t kMaxAttachmentBytes = 20 * 1024 * 1024;
constexpr std::size_t kMaxShortBytes = 60;          // short names, kinds, project codes, setting names
constexpr std::size_t kMaxNameBytes = 200;          // people: user names, owners
constexpr std::size_t kMaxTitleBytes = 500;         // agency, investor and project names, document references
constexpr std::size_t kMaxReasonBytes = 2000;       // reasons, decisions, entry notes, setting values
constexpr std::size_t kMaxSearchBytes = 1000;       // search text
constexpr std::size_t kMaxNoteBytes = 64 * 1024;    // evidence notes
constexpr std::size_t kMaxTaskTextBytes = 64 * 1024;  // a task's full text, a directive's title
constexpr std::size_t kMinPasswordBytes = 8;
constexpr std::size_t kMaxPasswordBytes = 1024;

}  // namespace dt::service

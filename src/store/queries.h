#pragma once
// The select lists both backends read (plain SQL, the same columns in the same order, defined
// in assignment_store.cpp): each backend adds its own WHERE with its own parameter style and
// reads the rows with its own column helpers.
#include <string>

#include "store/records.h"

namespace dt::store {

// Assignments with their task, section, directive and agency; columns 16, 20 and 23 (text,
// evidence count, extension count) depend on the RowDetail.
std::string assignment_select(RowDetail detail);
// Evidence as every query reads it: kEvidenceSelect, then WHERE … (alias e).
extern const char* const kEvidenceSelect;
// Journal rows with the user's full name: kJournalSelect, then WHERE … (aliases j, u).
extern const char* const kJournalSelect;

}  // namespace dt::store

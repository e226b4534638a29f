#pragma once
// The records and storage faults the service hands to the layers above it (ui/, report/,
// app/). They are the store's own types, named here so that code above the service includes
// the service and never a store header (docs/ARCHITECTURE.md, the layers).
#include "store/faults.h"
#include "store/records.h"

namespace dt::service {

using store::EvidenceFile;
using store::EvidenceRecord;
using store::ExtensionStatus;
using store::Fault;
using store::StorageError;

}  // namespace dt::service

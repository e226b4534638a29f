#pragma once
// The directive's identity: number, date, issuer, signer and title, from an official header
// block and signature, or from the sentence a news page introduces it with.
#include <string>
#include <vector>

#include "importer/normalize.h"
#include "importer/outline.h"
#include "importer/structure.h"
#include "importer/warnings.h"

namespace dt::importer::detail {

DirectiveMeta extract_meta(const Lines& lines, const Structure& structure, Warnings& warnings);

}  // namespace dt::importer::detail

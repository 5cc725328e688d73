#pragma once

#include <string>

#include "hamhub/record.h"

namespace hamhub::host {

/// SHA-256 (hex) over every field of a record, so re-harvesting identical content is recognised
/// and an edit to any field (even the URL) counts as an update.
std::string contentHash(const Record& record);

}  // namespace hamhub::host

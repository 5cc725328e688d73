#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "hamhub/record.h"

namespace hamhub::host {

/// SHA-256 (hex) over `parts`, each followed by a separator byte that UTF-8 text never holds.
std::string sha256Hex(std::initializer_list<std::string_view> parts);

/// SHA-256 (hex) over every field of a record, so re-harvesting identical content is recognised
/// and an edit to any field (even the URL) counts as an update.
std::string contentHash(const Record& record);

}  // namespace hamhub::host

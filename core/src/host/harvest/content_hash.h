#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "hamhub/record.h"
#include "host/util/sha256.h"

namespace hamhub::host {

/// SHA-256 (hex) over `parts`, each followed by a separator byte that UTF-8 text never holds.
std::string sha256Hex(std::initializer_list<std::string_view> parts);

/// SHA-256 over every field of a record, so re-harvesting identical content is recognised
/// and an edit to any field (even the URL) counts as an update. The kind and key are part of it,
/// so equal content hashes also mean the same record.
Sha256Digest contentDigest(const Record& record);

/// contentDigest as hex, the form the store keeps.
std::string contentHash(const Record& record);

}  // namespace hamhub::host

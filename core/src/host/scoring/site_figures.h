#pragma once

#include <vector>

#include "hamhub/status.h"
#include "host/store/store.h"

namespace hamhub::host {

/// The record kind of the per-site JDIH figures the IRH regulation-database indicator reads.
inline constexpr const char* kJdihSiteKind = "jdih.site";

/// One `jdih.site` evidence record per JDIH source, derived from the store rather than harvested:
/// whether its last finished harvest got a valid feed (`feed_valid`: Ya/Tidak, with the reason),
/// its current document count and the share of them with complete mandatory metadata
/// (`complete_metadata_pct`). A site that was down at its last harvest is not valid, which is what
/// cost Lubuklinggau its IRH result (shared/DOMAIN.md).
Result<std::vector<StoredRecord>> jdihSiteRecords(Store& store);

}  // namespace hamhub::host

#pragma once

#include <filesystem>
#include <vector>

#include "host/config/config_issue.h"
#include "host/store/store_types.h"

namespace hamhub::host {

/// Loads every `*.json` file in the regions directory (one province each: the province, its
/// kab/kota and any units, with Kemendagri ids, BPS codes and name aliases). Problems go to `issues`.
std::vector<Subject> loadRegionCatalog(const std::filesystem::path& dir, ConfigIssues& issues);

}  // namespace hamhub::host

#pragma once

// One small hub of two provinces for the REST API and dashboard tests: Sumatera Selatan (16) with
// three cities, DKI Jakarta (31) with one; their JDIH sources' health, incidents and runs, a few
// documents, KKPHAM and RANHAM scores, and alerts. The API test and the browser test both use it,
// so what the dashboard shows can be checked against the same figures.

#include <filesystem>
#include <string>
#include <vector>

#include "hamhub/status.h"
#include "host/config/source_config.h"
#include "host/store/store.h"

namespace hamhub::test {

/// The fixture's subjects: each province first, then its cities.
std::vector<host::Subject> dashboardSubjects();

/// The fixture's sources, as a hub's configuration would give them (disabled: nothing harvests
/// or probes them, so their seeded health stays as it is).
std::vector<host::SourceConfig> dashboardSources();

/// Writes subjects, health, incidents, runs, documents, scores and alerts into `store`.
Status seedDashboardStore(host::Store& store);

/// Writes the catalogue (`regions/`) and source files (`sources.d/`) a hub file in `dir` can
/// point at, so that `hamhub serve` loads the same subjects and sources as the store holds.
Status writeDashboardConfig(const std::filesystem::path& dir);

}  // namespace hamhub::test

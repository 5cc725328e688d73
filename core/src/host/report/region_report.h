#pragma once

#include <string>

#include "host/criteria/criteria_loader.h"
#include "host/overview/region_overview.h"
#include "host/report/report.h"

namespace hamhub::host {

struct RegionReportOptions {
  std::string language = "id";  // "id" (Bahasa Indonesia, what regional offices read) or "en"
  std::string date;             // the day it is made, as the office's calendar shows it (YYYY-MM-DD)
};

/// What a Kanwil takes to its meetings and letters, worded for its staff: the region's title and
/// facts, a summary per subject and instrument (score, predicate, completeness, what is missing,
/// open alerts), every missing item, the JDIH sites' metadata completeness, the open alerts and a
/// chart of the scores. `criteria` gives predicates their English names.
Report regionReport(const RegionOverview& overview, const CriteriaCatalog& criteria, const RegionReportOptions& options);

}  // namespace hamhub::host

#pragma once

// What a regional office (Kanwil) looks at: for each subject of its province, the current score,
// predicate and completeness per instrument, what is missing, the JDIH site's metadata figures and
// the open alerts. One reading shared by the REST API, the dashboard and `hamhub report`.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hamhub/status.h"
#include "host/criteria/criteria_loader.h"
#include "host/store/store.h"

namespace hamhub::host {

/// One indicator a subject still lacks (no valid evidence), named for people.
struct MissingItem {
  std::string indicator;  // model indicator id, e.g. "6.P"
  std::string name;       // its name in the model
  std::string criterion;  // criterion name
};

/// A subject's standing in one instrument: its current score of the newest scored period.
struct InstrumentStanding {
  std::string instrument;  // "kkpham"
  std::string instrumentName;
  std::string version;
  std::string period;      // "2024", "2024-B08"
  double total = 0;
  std::string predicate;   // predicate id ('' when no band applies)
  std::string predicateName;
  bool targetReached = false;  // the predicate is the model's target (e.g. "Peduli HAM")
  double completeness = 0;     // 0–1: share of indicators with valid evidence
  std::vector<MissingItem> missing;
  std::string computedAt;
  std::int64_t openAlerts = 0;  // live alerts of this subject whose kind starts with "<instrument>."
};

/// The JDIH figures of a subject's site(s), summed over its jdih sources.
struct DocumentStanding {
  std::int64_t documents = 0;
  std::int64_t complete = 0;   // documents with every mandatory metadata field
  std::string newestDate;      // '' when none
  /// The worst health state among its sites as the monitor last saw them (down, maintenance,
  /// degraded, pending, up); nullopt when the monitor has not looked at any. A site can be down
  /// while its documents, harvested before, are all still here: this says which.
  std::optional<HealthState> siteState;
};

struct SubjectOverview {
  Subject subject;
  std::vector<InstrumentStanding> instruments;  // ordered by instrument id
  std::optional<DocumentStanding> documents;    // none: no JDIH source for this subject
  std::int64_t openAlerts = 0;                  // every live alert of the subject
  std::int64_t criticalAlerts = 0;
};

struct RegionOverview {
  Subject province;                        // the province subject (id "16")
  std::vector<SubjectOverview> subjects;   // the province itself first, then by id
  std::map<std::string, std::int64_t> alertsBySeverity;  // live alerts of the region
};

struct OverviewOptions {
  std::optional<std::string> instrument;  // only this instrument
  std::optional<std::string> period;      // this period instead of each instrument's newest
};

/// Reads the overview of province `region` ("16"). Unknown region: reason `not-found`.
Result<RegionOverview> regionOverview(Store& store, const std::vector<Subject>& catalogue,
                                      const CriteriaCatalog& criteria, const std::string& region,
                                      const OverviewOptions& options = {});

}  // namespace hamhub::host

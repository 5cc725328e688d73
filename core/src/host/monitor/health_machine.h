#pragma once

#include <optional>

#include "host/monitor/observation.h"
#include "host/store/store_types.h"

namespace hamhub::host {

struct HealthPolicy {
  /// Consecutive failed observations before a source counts as DOWN (or MAINTENANCE); the ones
  /// before that leave it PENDING, so one lost request is not yet an outage.
  int failuresToDown = 2;
};

struct HealthStep {
  SourceHealth health;
  bool changed = false;  // a new state: store an event, close/open incidents
  bool planned = false;  // the new state comes from a declared maintenance window
};

/// The source's next health from its previous one (nullopt: never observed) and an observation.
/// A change of reason inside one state (DOWN: timeout, then DOWN: connect-refused) updates the
/// health but is not a new incident.
HealthStep advanceHealth(const std::optional<SourceHealth>& previous, const std::string& source,
                         const Observation& observation, const HealthPolicy& policy);

}  // namespace hamhub::host

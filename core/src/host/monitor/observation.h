#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "host/util/clock.h"

namespace hamhub::host {

/// One thing the monitor learnt about a source: from a probe, or from a harvest's outcome.
struct Observation {
  enum class Kind {
    Ok,           // answered as expected
    Slow,         // answered as expected, but over the latency threshold
    Partial,      // answered, but with partial errors (rejected items, 429 throttling)
    Failure,      // did not answer usefully: dns, connect-refused, timeout, tls, http-5xx, invalid-payload…
    Maintenance,  // says it is in maintenance: a 503, or a maintenance page
    Planned,      // inside a declared maintenance window: not probed, no alarm
  };
  Kind kind = Kind::Ok;
  std::string reason;  // machine-readable, e.g. "ok", "slow", "connect-refused", "maintenance-page"
  std::string detail;  // what was seen, for people
  TimePoint at;
  int httpStatus = 0;
  double latencyMs = 0;
};

/// The reason of every Planned observation.
inline constexpr std::string_view kPlannedMaintenance = "planned-maintenance";

/// The kind of observation a failed probe or harvest with this error reason is; nullopt for
/// reasons that are the hub's own trouble (store, cancelled, bad config), which say nothing about
/// the source.
std::optional<Observation::Kind> observationKindOf(std::string_view reason);

/// True for failures worth retrying soon: the site may answer in a moment (a timeout, a 5xx, a
/// maintenance notice), unlike a 404, a bad certificate or a payload in the wrong shape.
bool transientFailure(std::string_view reason);

}  // namespace hamhub::host

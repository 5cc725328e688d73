#include "host/monitor/health_machine.h"

namespace hamhub::host {

namespace {

bool outage(HealthState state) { return state == HealthState::Down || state == HealthState::Maintenance; }

}  // namespace

HealthStep advanceHealth(const std::optional<SourceHealth>& previous, const std::string& source,
                         const Observation& o, const HealthPolicy& policy) {
  using Kind = Observation::Kind;
  HealthStep step;
  SourceHealth& h = step.health;
  if (previous) h = *previous;
  h.source = source;
  h.reason = o.reason;
  h.detail = o.detail;
  h.checkedAt = formatUtc(o.at);
  h.httpStatus = o.httpStatus;
  h.latencyMs = o.latencyMs;

  HealthState next = HealthState::Up;
  switch (o.kind) {
    case Kind::Ok:
      next = HealthState::Up;
      h.failures = 0;
      break;
    case Kind::Slow:
    case Kind::Partial:
      next = HealthState::Degraded;
      h.failures = 0;
      break;
    case Kind::Planned:
      next = HealthState::Maintenance;
      h.failures = 0;
      step.planned = true;
      break;
    case Kind::Failure:
    case Kind::Maintenance: {
      h.failures = previous ? previous->failures + 1 : 1;
      const HealthState confirmed = o.kind == Kind::Maintenance ? HealthState::Maintenance : HealthState::Down;
      // Once an outage is confirmed, the next failure of the other kind moves it at once.
      const bool alreadyOut = previous && outage(previous->state);
      next = alreadyOut || h.failures >= policy.failuresToDown ? confirmed : HealthState::Pending;
      break;
    }
  }
  // Entering or leaving a declared window is a change even when a detected maintenance surrounds
  // it: planned and unplanned time are counted apart.
  const bool wasPlanned = previous && previous->reason == kPlannedMaintenance;
  step.changed = !previous || previous->state != next || wasPlanned != step.planned;
  if (step.changed) h.since = h.checkedAt;
  h.state = next;
  return step;
}

}  // namespace hamhub::host

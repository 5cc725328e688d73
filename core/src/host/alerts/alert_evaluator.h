#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "host/alerts/alert.h"
#include "host/alerts/alert_rules.h"
#include "host/schedule/time_zone.h"
#include "host/store/store.h"

namespace hamhub::host {

/// Every kind the rules produce: the scope within which a full evaluation resolves what it no
/// longer finds (alerts of other kinds are left alone).
const std::vector<std::string>& alertKinds();

/// Runs every rule at `now` over what the store
/// holds — current scores, records, documents, source health and runs — and makes the stored
/// alerts match in one transaction: new ones open, known ones move their last_seen, vanished ones
/// resolve. Deadlines are compared as calendar days in `zone`: today's, or `asOf` (a replay of a
/// past date for demos and training; outages and staleness are still judged at `now`). A rule that
/// cannot read the store fails the whole evaluation, so that no alert is resolved for want of data.
Result<AlertSyncSummary> refreshAlerts(Store& store, const AlertRules& rules, const std::vector<Subject>& subjects,
                                       TimePoint now, const TimeZone& zone,
                                       std::optional<std::chrono::sys_days> asOf = std::nullopt);

}  // namespace hamhub::host

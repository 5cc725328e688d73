#pragma once

#include "cli/session.h"
#include "host/alerts/alert.h"
#include "host/scoring/score_runner.h"
#include "host/util/clock.h"

namespace hamhub::cli {

struct RefreshSummary {
  host::ScoringSummary scoring;
  host::AlertSyncSummary alerts;
};

/// Scores what changed since the last time (incrementally), then evaluates the alert rules on the
/// result: what keeps scores and alerts current after harvests (`serve`, `alerts`, `demo`).
/// Prints nothing.
Result<RefreshSummary> refreshScoresAndAlerts(const Session& session, host::Store& store);

}  // namespace hamhub::cli

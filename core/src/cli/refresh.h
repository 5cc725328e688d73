#pragma once

#include "cli/session.h"
#include "host/alerts/alert.h"
#include "host/notify/notification_dispatcher.h"
#include "host/scoring/score_runner.h"
#include "host/util/clock.h"

namespace hamhub::cli {

struct RefreshSummary {
  host::ScoringSummary scoring;
  host::AlertSyncSummary alerts;
};

/// Scores what changed since the last time (incrementally), then evaluates the alert rules on the
/// result: what keeps scores and alerts current after harvests (`serve`, `alerts`, `demo`). The
/// alerts that opened, changed or resolved go into the notification outbox of `notify`'s channels
/// (delivered by `serve`), so a change seen by any process is notified once. Prints nothing.
Result<RefreshSummary> refreshScoresAndAlerts(const Session& session, host::Store& store,
                                              host::NotificationDispatcher* notify);

/// The dispatcher of the hub's notify channels; nullptr when there are none.
Result<std::unique_ptr<host::NotificationDispatcher>> notificationDispatcher(const Session& session, host::Store& store);

/// refreshScoresAndAlerts for one-shot verbs (`alerts`, `report`): with a dispatcher of their own
/// for the outbox (a running `serve` delivers what they queue).
Result<RefreshSummary> refreshScoresAndAlerts(const Session& session, host::Store& store);

}  // namespace hamhub::cli

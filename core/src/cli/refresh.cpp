#include "cli/refresh.h"

#include "host/alerts/alert_evaluator.h"
#include "host/schedule/time_zone.h"

namespace hamhub::cli {

namespace {

// The hub's `alerts.as_of` replay date, if it sets one.
std::optional<std::chrono::sys_days> replayDay(const host::HubConfig& hub) {
  const auto at = host::parseUtc(hub.alerts.asOf);
  if (hub.alerts.asOf.empty() || !at) return std::nullopt;
  return std::chrono::floor<std::chrono::days>(*at);
}

}  // namespace

Result<std::unique_ptr<host::NotificationDispatcher>> notificationDispatcher(const Session& session, host::Store& store) {
  if (session.hub.notify.channels.empty()) return std::unique_ptr<host::NotificationDispatcher>();
  return host::NotificationDispatcher::create(session.hub, session.registry, store);
}

Result<RefreshSummary> refreshScoresAndAlerts(const Session& session, host::Store& store,
                                              host::NotificationDispatcher* notify) {
  RefreshSummary summary;
  auto zone = host::TimeZone::load(session.hub.timezone);
  if (!zone.isOk()) return zone.status();
  auto scorer = session.registry.createScorer("scoring");
  if (!scorer.isOk()) return scorer.status();
  host::ScoreRunner runner(store, session.criteria, **scorer, session.subjects);
  auto scored = runner.run({});
  if (!scored.isOk()) return scored.status();
  summary.scoring = std::move(*scored);
  auto alerts = host::refreshAlerts(store, session.alertRules, session.subjects, std::chrono::system_clock::now(), *zone,
                                     replayDay(session.hub));
  if (!alerts.isOk()) return alerts.status();
  summary.alerts = std::move(*alerts);
  if (notify != nullptr) {
    if (auto queued = notify->enqueue(summary.alerts, host::utcNow()); !queued.isOk()) return queued.status();
  }
  return summary;
}

Result<RefreshSummary> refreshScoresAndAlerts(const Session& session, host::Store& store) {
  auto notify = notificationDispatcher(session, store);
  if (!notify.isOk()) return notify.status();
  return refreshScoresAndAlerts(session, store, notify->get());
}

}  // namespace hamhub::cli

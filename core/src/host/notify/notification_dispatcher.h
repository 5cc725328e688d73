#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "hamhub/notifier.h"
#include "host/alerts/alert.h"
#include "host/config/hub_config.h"
#include "host/schedule/time_zone.h"
#include "host/util/clock.h"

namespace hamhub::host {

class PluginRegistry;
class Store;

/// What one delivery pass did.
struct DeliverySummary {
  std::size_t sent = 0;
  std::size_t retried = 0;  // failed, tried again later
  std::size_t failed = 0;   // failed for good (not retryable, or out of attempts)
  std::vector<std::string> messages;  // one per retried or failed delivery: channel, notification, error
};

/// Turns alert changes and daily digests into outbox rows, one per channel that wants them, and
/// delivers due rows through the channels' notifier plugins.
///
/// The outbox makes every step repeatable: enqueuing a change or a digest again adds nothing
/// (unique per channel and dedup), and a delivery interrupted by a crash is tried again. A channel
/// that fails is retried with capped exponential backoff and full jitter, up to
/// `notify.max_attempts` deliveries; it never holds up the other channels for more than one
/// `timeout_s` per pass. Run deliverDue in its own thread, apart from harvests.
///
/// enqueue and enqueueDigests may be called from any thread; deliverDue passes are serialised.
class NotificationDispatcher {
 public:
  /// Checks the channels of `hub.notify` against `registry` (see checkNotifyChannels) and creates
  /// one configured notifier per channel. Problems: one error listing them all (`invalid-config`).
  /// `unitRandom` (values in [0, 1)) draws the backoff jitter; empty: a seeded generator.
  /// `store` must outlive the dispatcher. A reloaded configuration (SIGHUP) is a new dispatcher:
  /// the outbox carries every pending delivery over.
  static Result<std::unique_ptr<NotificationDispatcher>> create(const HubConfig& hub, const PluginRegistry& registry,
                                                                Store& store,
                                                                std::function<double()> unitRandom = {});

  /// For each opened, changed and resolved alert of `summary`, one pending row per channel whose
  /// regions, min_severity and events want it, dedup "alert:ID:REVISION" (so an alert evaluated
  /// again unchanged is never sent again). `at`: UTC ISO time of the evaluation. Returns the
  /// number of rows added.
  Result<std::size_t> enqueue(const AlertSyncSummary& summary, const std::string& at);

  /// For each channel with a `digest_at` that has come on today's local calendar (the hub's time
  /// zone), one digest per region it serves that has live alerts (at or above its min_severity),
  /// dedup "digest:REGION:YYYY-MM-DD": once a day, and none for a region with nothing live.
  Result<std::size_t> enqueueDigests(TimePoint now);

  /// Sends pending rows that are due at `now` (at most kDeliveryBatch per pass), stopping between
  /// deliveries once `stop` is set (a delivery in flight is cancelled through its context).
  Result<DeliverySummary> deliverDue(TimePoint now, const std::atomic<bool>& stop);

  /// Sends one test notification through `channelId` now, outside the outbox.
  Status sendTest(const std::string& channelId, TimePoint now, const std::atomic<bool>& stop);

  static constexpr int kDeliveryBatch = 500;
  /// A claimed delivery stays with its process for the channel's timeout plus this.
  static constexpr int kLeaseMarginSeconds = 60;

 private:
  struct Channel {
    const NotifyChannel* config = nullptr;  // into settings_.channels
    std::shared_ptr<Notifier> notifier;
  };
  NotificationDispatcher(NotifySettings settings, HttpSettings http, TimeZone zone, Store& store,
                         std::function<double()> unitRandom);
  const Channel* find(const std::string& id) const;

  NotifySettings settings_;
  HttpSettings http_;
  TimeZone zone_;
  Store& store_;
  std::function<double()> unitRandom_;
  std::vector<Channel> notifiers_;
  std::mutex digestMutex_;
  std::string digestDay_;               // the local day digestsEnqueued_ belongs to
  std::set<std::string> digestsEnqueued_;  // "CHANNEL|DEDUP" of that day: no store round trip per pass
  std::mutex deliverMutex_;
};

}  // namespace hamhub::host

#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "host/config/hub_config.h"
#include "host/config/source_config.h"
#include "host/harvest/harvest_runner.h"
#include "host/monitor/health_machine.h"
#include "host/monitor/probe.h"
#include "host/schedule/cron_schedule.h"
#include "host/schedule/time_zone.h"

namespace hamhub::host {

class Store;

/// A harvest's outcome with what the server asked for (Retry-After), for the retry policy.
struct HarvestAttempt {
  HarvestSummary summary;
  std::optional<std::chrono::seconds> retryAfter;
};

/// The work the scheduler starts; `serve` binds them to the harvest runner and the prober, tests
/// to whatever they need to observe.
struct SchedulerJobs {
  std::function<HarvestAttempt(const SourceConfig&, const std::atomic<bool>& stop)> harvest;
  std::function<ProbeResult(const SourceConfig&, const std::atomic<bool>& stop)> probe;
};

struct SchedulerSettings {
  HarvestSettings harvest;
  MonitorSettings monitor;
  TimeZone zone;
  /// Harvest at start-up the sources that missed a scheduled run while no hub was running.
  bool catchUp = true;
};

/// What `hamhub sources` and the API show of a source's schedule.
struct ScheduleView {
  std::string source;
  std::optional<TimePoint> nextHarvest;  // nullopt: the expression never fires
  TimePoint nextProbe;
  bool harvesting = false;
  int retryAttempt = 0;  // > 0: the next harvest is a retry
  bool breakerOpen = false;
  std::optional<SourceHealth> health;
};

/// Runs harvests on each source's cron schedule (in the hub's time zone, with a random splay) and
/// probes each source on its own interval. At most one harvest of a source at a time, at most
/// `concurrency` harvests and `per_host` per host name at once. A failed harvest is retried with
/// backoff (Retry-After honoured); `breaker_failures` failures in a row open the source's breaker:
/// no harvests, only probes, until a probe succeeds. Every probe and harvest outcome moves the
/// source's health (stored with its state changes and incidents).
class Scheduler {
 public:
  Scheduler(Store& store, SchedulerSettings settings, SchedulerJobs jobs);
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  /// Replaces the configured sources (start-up, SIGHUP). A source that stays keeps its health,
  /// retries and breaker; one whose file changed gets a new schedule; a removed one is no longer
  /// started (a harvest of it in flight finishes).
  void setSources(const std::vector<SourceConfig>& sources);
  /// New limits and policies (SIGHUP); the time zone included.
  void setSettings(const SchedulerSettings& settings);

  void start();
  /// Takes no new work; waits up to `grace` for running jobs, then cancels them (a cancelled
  /// harvest rolls back to its last checkpoint) and waits for them to end.
  void stop(std::chrono::seconds grace);

  std::vector<ScheduleView> view() const;
  /// True while the dispatcher thread runs (for /healthz).
  bool alive() const { return alive_.load(); }

 private:
  struct Slot;

  void loop();
  // Starts what is due and returns when the loop should look again.
  TimePoint dispatch(TimePoint now, std::unique_lock<std::mutex>& lock);
  void launch(std::function<void()> job);
  std::shared_ptr<Slot> slotOf(const std::string& id) const;
  void runHarvest(std::string id);
  void runProbe(std::string id);
  void record(Slot& slot, const Observation& observation, std::unique_lock<std::mutex>& lock);
  TimePoint nextScheduled(const Slot& slot, TimePoint after);
  // Writes the ends of runs the store refused earlier (locked, full), once it takes them.
  void recordUnrecorded(std::unique_lock<std::mutex>& lock);
  // A source dropped by a reload while busy is forgotten once its last job ends.
  void forgetIfRemoved(const std::string& id);

  Store& store_;
  SchedulerSettings settings_;
  SchedulerJobs jobs_;
  HealthPolicy policy_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::map<std::string, std::shared_ptr<Slot>> slots_;
  std::map<std::string, int> hostLoad_;
  int harvestsRunning_ = 0;
  int probesRunning_ = 0;
  bool accepting_ = true;
  bool started_ = false;
  std::atomic<bool> cancel_{false};
  std::atomic<bool> alive_{false};
  std::mt19937_64 rng_;

  std::thread dispatcher_;
  std::vector<std::thread> pool_;
  std::deque<std::function<void()>> queue_;
  std::condition_variable work_;
  bool poolStopping_ = false;
  std::vector<RunOutcome> unrecorded_;
};

/// The host name a source's harvests go to (from its `url`-like option), for the per-host limit;
/// empty for sources that are files or databases.
std::string sourceHost(const SourceConfig& source);

}  // namespace hamhub::host

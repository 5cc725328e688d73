#include "host/schedule/scheduler.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <limits>
#include <set>

#include "host/schedule/retry_policy.h"
#include "host/store/store.h"

namespace hamhub::host {

namespace {

using std::chrono::seconds;
using SystemClock = std::chrono::system_clock;

// The dispatcher looks again at least this often, so a changed wall clock (NTP step) is noticed.
constexpr auto kMaxSleep = std::chrono::seconds(30);

}  // namespace

struct Scheduler::Slot {
  SourceConfig config;
  std::optional<CronSchedule> cron;
  std::string host;
  std::optional<TimePoint> nextHarvest;
  TimePoint nextProbe;
  bool harvesting = false;
  bool probing = false;
  bool removed = false;
  int attempt = 0;  // retries made since the last success
  TimePoint firstFailure;
  int failuresInRow = 0;
  bool breakerOpen = false;
  bool harvestOwed = false;  // a scheduled harvest was skipped (breaker, outage): run it when back
  std::optional<SourceHealth> health;
};

std::string sourceHost(const SourceConfig& source) {
  for (const char* key : {"url", "rss_url", "base_url"}) {
    const std::string value = source.options.getString(key);
    if (value.rfind("http://", 0) != 0 && value.rfind("https://", 0) != 0) continue;
    try {
      return Poco::URI(value).getHost();
    } catch (const Poco::Exception&) {
      return {};
    }
  }
  return {};
}

Scheduler::Scheduler(Store& store, SchedulerSettings settings, SchedulerJobs jobs)
    : store_(store), settings_(std::move(settings)), jobs_(std::move(jobs)), rng_(std::random_device{}()) {
  policy_.failuresToDown = static_cast<int>(settings_.monitor.failuresToDown);
}

Scheduler::~Scheduler() { stop(seconds(0)); }

TimePoint Scheduler::nextScheduled(const Slot& slot, TimePoint after) {
  if (!slot.cron) return TimePoint::max();
  const auto next = slot.cron->next(after, settings_.zone);
  if (!next) return TimePoint::max();
  std::uniform_int_distribution<std::int64_t> splay(0, settings_.harvest.splaySeconds);
  return *next + seconds(splay(rng_));
}

void Scheduler::setSettings(const SchedulerSettings& settings) {
  std::lock_guard lock(mutex_);
  settings_ = settings;
  policy_.failuresToDown = static_cast<int>(settings_.monitor.failuresToDown);
  wake_.notify_all();
}

void Scheduler::setSources(const std::vector<SourceConfig>& sources) {
  std::map<std::string, SourceHealth> stored;
  if (auto health = store_.sourceHealth(); health.isOk()) {
    for (auto& h : *health) stored.emplace(h.source, std::move(h));
  } else {
    spdlog::warn("scheduler: could not read stored source health: {}", health.status().message());
  }
  std::set<std::string> known;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, slot] : slots_) known.insert(id);
  }
  std::map<std::string, std::optional<TimePoint>> lastSuccess;
  if (settings_.catchUp) {
    for (const auto& s : sources) {
      if (known.count(s.id) != 0) continue;
      auto runs = store_.runs(s.id, 50);
      std::optional<TimePoint> last;
      if (runs.isOk()) {
        for (const auto& r : *runs) {
          if (r.status == RunStatus::Success) {
            last = parseUtc(r.endedAt.empty() ? r.startedAt : r.endedAt);
            break;
          }
        }
      }
      lastSuccess[s.id] = last;
    }
  }

  std::lock_guard lock(mutex_);
  const TimePoint now = SystemClock::now();
  for (auto& [id, slot] : slots_) slot->removed = true;
  for (const SourceConfig& config : sources) {
    if (!config.enabled) continue;
    auto& slot = slots_[config.id];
    const bool fresh = slot == nullptr;
    if (fresh) slot = std::make_shared<Slot>();
    slot->removed = false;
    const bool edited = fresh || slot->config.configHash != config.configHash;
    slot->config = config;
    if (!edited) continue;
    auto cron = CronSchedule::parse(config.schedule);
    slot->cron = cron.isOk() ? std::optional<CronSchedule>(std::move(*cron)) : std::nullopt;
    slot->host = sourceHost(config);
    slot->nextHarvest = nextScheduled(*slot, now);
    if (fresh) {
      if (auto h = stored.find(config.id); h != stored.end()) {
        slot->health = h->second;
        slot->breakerOpen = h->second.breakerOpen;
      }
      const auto interval = config.probeIntervalSeconds > 0 ? config.probeIntervalSeconds
                                                            : settings_.monitor.intervalSeconds;
      // Probes spread over the interval instead of 2,000 at once; a never-seen source soon.
      const auto spread = slot->health ? interval : std::min<std::int64_t>(interval, 10);
      slot->nextProbe = now + seconds(std::uniform_int_distribution<std::int64_t>(0, spread)(rng_));
      const auto last = lastSuccess.find(config.id);
      if (settings_.catchUp && last != lastSuccess.end() && slot->cron &&
          (!last->second || slot->cron->next(*last->second, settings_.zone).value_or(TimePoint::max()) <= now)) {
        std::uniform_int_distribution<std::int64_t> splay(0, settings_.harvest.splaySeconds);
        slot->nextHarvest = now + seconds(splay(rng_));
      }
    }
  }
  for (auto it = slots_.begin(); it != slots_.end();) {
    if (it->second->removed && !it->second->harvesting && !it->second->probing) {
      it = slots_.erase(it);
    } else {
      ++it;
    }
  }
  wake_.notify_all();
}

void Scheduler::start() {
  std::lock_guard lock(mutex_);
  if (started_) return;
  started_ = true;
  alive_ = true;
  dispatcher_ = std::thread([this] { loop(); });
}

void Scheduler::stop(seconds grace) {
  {
    std::unique_lock lock(mutex_);
    if (!accepting_ && !dispatcher_.joinable() && pool_.empty()) return;
    accepting_ = false;
    wake_.notify_all();
    const auto deadline = std::chrono::steady_clock::now() + grace;
    wake_.wait_until(lock, deadline, [this] { return harvestsRunning_ == 0 && probesRunning_ == 0; });
    if (harvestsRunning_ + probesRunning_ > 0) {
      spdlog::warn("scheduler: {} harvests and {} probes still running after {} s; cancelling them",
                   harvestsRunning_, probesRunning_, grace.count());
    }
  }
  cancel_ = true;
  if (dispatcher_.joinable()) dispatcher_.join();
  std::vector<std::thread> pool;
  {
    std::lock_guard lock(mutex_);
    poolStopping_ = true;
    work_.notify_all();
    pool.swap(pool_);
  }
  // Workers finish the jobs they hold (cancelled, so promptly) before they see the stop.
  for (auto& t : pool) t.join();
  alive_ = false;
}

void Scheduler::launch(std::function<void()> job) {
  // A pool sized to the limits, grown when a reload raises them: a thread per job would cost
  // more in stack mappings and TLB shootdowns than the probes themselves.
  const auto wanted = static_cast<std::size_t>(settings_.harvest.concurrency + settings_.monitor.concurrency);
  while (pool_.size() < wanted) {
    pool_.emplace_back([this] {
      std::unique_lock lock(mutex_);
      for (;;) {
        work_.wait(lock, [this] { return poolStopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        auto next = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        next();
        lock.lock();
      }
    });
  }
  queue_.push_back(std::move(job));
  work_.notify_one();
}

void Scheduler::recordUnrecorded(std::unique_lock<std::mutex>& lock) {
  if (unrecorded_.empty()) return;
  std::vector<RunOutcome> pending;
  pending.swap(unrecorded_);
  lock.unlock();
  std::vector<RunOutcome> still;
  for (const RunOutcome& outcome : pending) {
    const Status s = store_.finishRun(outcome);
    if (!s && s.reason() != "conflict" && s.reason() != "not-found") still.push_back(outcome);
  }
  lock.lock();
  unrecorded_.insert(unrecorded_.end(), still.begin(), still.end());
}

void Scheduler::loop() {
  std::unique_lock lock(mutex_);
  while (accepting_) {
    recordUnrecorded(lock);
    const TimePoint now = SystemClock::now();
    TimePoint wakeAt = dispatch(now, lock);
    if (!unrecorded_.empty()) wakeAt = std::min(wakeAt, now + std::chrono::seconds(5));
    wake_.wait_until(lock, std::max(wakeAt, now + std::chrono::milliseconds(5)));
  }
  recordUnrecorded(lock);
}

TimePoint Scheduler::dispatch(TimePoint now, std::unique_lock<std::mutex>& lock) {
  // One pass: what is due now, and when the rest will be. Slots a limit holds back are due
  // again when a job ends (which wakes the loop).
  TimePoint wakeAt = now + kMaxSleep;
  std::vector<std::shared_ptr<Slot>> due;
  for (const auto& [id, slot] : slots_) {
    if (slot->removed || slot->harvesting || slot->probing) continue;
    const TimePoint harvestAt = slot->breakerOpen ? TimePoint::max() : slot->nextHarvest.value_or(TimePoint::max());
    if (harvestAt <= now || slot->nextProbe <= now ||
        (slot->breakerOpen && slot->nextHarvest && *slot->nextHarvest <= now)) {
      due.push_back(slot);
    } else {
      wakeAt = std::min({wakeAt, harvestAt, slot->nextProbe});
    }
  }
  // Longest-waiting first, so limits never starve a source.
  std::sort(due.begin(), due.end(), [](const auto& a, const auto& b) {
    return a->nextHarvest.value_or(TimePoint::max()) < b->nextHarvest.value_or(TimePoint::max());
  });
  for (const auto& slot : due) {
    if (slot->harvesting || slot->probing) continue;
    if (const auto windowEnd = activeWindowEnd(slot->config.maintenance, now, settings_.zone)) {
      if (!slot->health || slot->health->reason != kPlannedMaintenance) {
        Observation planned{Observation::Kind::Planned, std::string(kPlannedMaintenance),
                            "declared maintenance window until " + formatUtc(*windowEnd), now, 0, 0};
        record(*slot, planned, lock);
      }
      // Harvests falling in the window wait for its end; probing resumes right after it.
      if (slot->nextHarvest && *slot->nextHarvest <= now) slot->nextHarvest = *windowEnd;
      slot->nextProbe = *windowEnd;
      continue;
    }
    if (slot->nextHarvest && *slot->nextHarvest <= now) {
      if (slot->breakerOpen) {
        spdlog::info("{}: scheduled harvest skipped, breaker open after {} failures; probing until it answers",
                     slot->config.id, slot->failuresInRow);
        slot->harvestOwed = true;
        slot->nextHarvest = nextScheduled(*slot, now);
      } else if (harvestsRunning_ < settings_.harvest.concurrency &&
                 (slot->host.empty() || hostLoad_[slot->host] < settings_.harvest.perHost)) {
        slot->harvesting = true;
        ++harvestsRunning_;
        if (!slot->host.empty()) ++hostLoad_[slot->host];
        launch([this, id = slot->config.id] { runHarvest(id); });
        continue;
      }
    }
    if (slot->nextProbe <= now && probesRunning_ < settings_.monitor.concurrency) {
      slot->probing = true;
      ++probesRunning_;
      launch([this, id = slot->config.id] { runProbe(id); });
    }
  }
  for (const auto& slot : due) {
    if (slot->harvesting || slot->probing) continue;
    const TimePoint harvestAt = slot->breakerOpen ? TimePoint::max() : slot->nextHarvest.value_or(TimePoint::max());
    for (const TimePoint t : {harvestAt, slot->nextProbe}) {
      if (t > now) wakeAt = std::min(wakeAt, t);  // still due ones wait for a job to end
    }
  }
  return wakeAt;
}

void Scheduler::record(Slot& slot, const Observation& observation, std::unique_lock<std::mutex>& lock) {
  HealthStep step = advanceHealth(slot.health, slot.config.id, observation, policy_);
  step.health.breakerOpen = slot.breakerOpen;
  slot.health = step.health;
  if (step.changed) {
    spdlog::info("{}: {} ({}){}", slot.config.id, healthStateName(step.health.state), step.health.reason,
                 step.health.detail.empty() ? "" : ": " + step.health.detail);
  }
  // The store is slow next to the scheduler's bookkeeping: written unlocked. The slot's busy
  // flag (harvesting/probing, or the dispatcher's own turn) keeps one writer per source.
  lock.unlock();
  if (Status s = store_.recordHealth(step.health, step.changed, step.planned); !s) {
    spdlog::error("{}: health not stored: {}", slot.config.id, s.message());
  }
  lock.lock();
}

std::shared_ptr<Scheduler::Slot> Scheduler::slotOf(const std::string& id) const {
  std::lock_guard lock(mutex_);
  return slots_.at(id);
}

void Scheduler::runHarvest(std::string id) {
  const std::shared_ptr<Slot> slot = slotOf(id);
  const HarvestAttempt attempt = jobs_.harvest(slot->config, cancel_);
  const TimePoint now = SystemClock::now();
  const HarvestSummary& r = attempt.summary;

  std::unique_lock lock(mutex_);
  if (r.status == RunStatus::Success) {
    slot->attempt = 0;
    slot->failuresInRow = 0;
    slot->harvestOwed = false;
    slot->nextHarvest = nextScheduled(*slot, now);
  } else if (r.status != RunStatus::Cancelled && observationKindOf(r.errorReason)) {
    if (slot->failuresInRow++ == 0) slot->firstFailure = now;
    const auto sinceFirst = std::chrono::duration_cast<seconds>(now - slot->firstFailure);
    const double unit = std::uniform_real_distribution<double>(0, 1)(rng_);
    const auto delay = transientFailure(r.errorReason)
                           ? retryDelay(settings_.harvest.retry, slot->attempt + 1, sinceFirst, attempt.retryAfter, unit)
                           : std::nullopt;
    if (slot->failuresInRow >= settings_.harvest.breakerFailures) {
      slot->breakerOpen = true;
      slot->harvestOwed = true;
      slot->attempt = 0;
      slot->nextHarvest = nextScheduled(*slot, now);
      spdlog::warn("{}: breaker open after {} failed harvests in a row ({}); only probes until it answers", id,
                   slot->failuresInRow, r.errorReason);
    } else if (delay) {
      ++slot->attempt;
      slot->nextHarvest = now + *delay;
      spdlog::info("{}: retry {} of {} in {} s ({})", id, slot->attempt, settings_.harvest.retry.maxAttempts,
                   delay->count(), r.errorReason);
    } else {
      slot->attempt = 0;
      slot->harvestOwed = true;
      slot->nextHarvest = nextScheduled(*slot, now);
    }
  } else if (r.errorReason == "store" || r.errorReason == "busy") {
    // The hub's own store failed (locked, read-only, disk full), or another hub process is
    // harvesting the source: not the source's fault, so no breaker and no health change; try
    // again with backoff.
    RetrySettings untilItWorks = settings_.harvest.retry;
    untilItWorks.maxAttempts = std::numeric_limits<int>::max();
    untilItWorks.maxElapsedSeconds = std::numeric_limits<std::int32_t>::max();
    const double unit = std::uniform_real_distribution<double>(0.5, 1)(rng_);
    slot->nextHarvest = now + *retryDelay(untilItWorks, std::min(++slot->attempt, 30), seconds(0), std::nullopt, unit);
    spdlog::warn("{}: {} ({}); harvest again at {}", id, r.errorReason == "busy" ? "not harvested" : "the store failed",
                 r.error, formatUtc(*slot->nextHarvest));
  } else {
    slot->nextHarvest = nextScheduled(*slot, now);
  }
  if (r.unrecorded) unrecorded_.push_back(*r.unrecorded);
  if (const auto observation = observationOfHarvest(r, now)) record(*slot, *observation, lock);
  slot->harvesting = false;
  --harvestsRunning_;
  if (!slot->host.empty() && --hostLoad_[slot->host] == 0) hostLoad_.erase(slot->host);
  forgetIfRemoved(id);
  wake_.notify_all();
}

void Scheduler::runProbe(std::string id) {
  const std::shared_ptr<Slot> slot = slotOf(id);
  const ProbeResult result = jobs_.probe(slot->config, cancel_);
  const TimePoint now = SystemClock::now();

  std::unique_lock lock(mutex_);
  const auto interval = seconds(slot->config.probeIntervalSeconds > 0 ? slot->config.probeIntervalSeconds
                                                                      : settings_.monitor.intervalSeconds);
  // A server that asked for time (Retry-After, e.g. a maintenance 503) is not probed before then.
  slot->nextProbe = now + std::max(interval, result.retryAfter.value_or(seconds(0)));
  if (!cancel_) {
    const auto kind = result.observation.kind;
    const bool answered = kind == Observation::Kind::Ok || kind == Observation::Kind::Slow ||
                          kind == Observation::Kind::Partial;
    if (answered && slot->breakerOpen) {
      spdlog::info("{}: probe succeeded; breaker closed", id);
      slot->breakerOpen = false;
      slot->failuresInRow = 0;
    }
    // Back after an outage: the harvest it missed runs now rather than at the next scheduled time.
    if (answered && slot->harvestOwed) {
      slot->harvestOwed = false;
      slot->attempt = 0;
      slot->nextHarvest = now;
    }
    record(*slot, result.observation, lock);
  }
  slot->probing = false;
  --probesRunning_;
  forgetIfRemoved(id);
  wake_.notify_all();
}

void Scheduler::forgetIfRemoved(const std::string& id) {
  auto it = slots_.find(id);
  if (it != slots_.end() && it->second->removed && !it->second->harvesting && !it->second->probing) slots_.erase(it);
}

std::vector<ScheduleView> Scheduler::view() const {
  std::lock_guard lock(mutex_);
  std::vector<ScheduleView> out;
  for (const auto& [id, slot] : slots_) {
    if (slot->removed) continue;
    std::optional<TimePoint> next = slot->nextHarvest;
    if (next && *next == TimePoint::max()) next.reset();
    out.push_back({id, next, slot->nextProbe, slot->harvesting, slot->attempt, slot->breakerOpen, slot->health});
  }
  return out;
}

}  // namespace hamhub::host

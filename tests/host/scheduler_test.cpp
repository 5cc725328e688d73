// The scheduler with stand-in jobs and a real SQLite store: limits, one run per source, declared
// maintenance windows, the breaker, and stopping with a grace period.
#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "host/schedule/maintenance_window.h"
#include "host/schedule/scheduler.h"
#include "host/store/store.h"
#include "support/temp_dir.h"

namespace hamhub::host {
namespace {

using namespace std::chrono_literals;

SourceConfig source(const std::string& id, const std::string& url) {
  SourceConfig s;
  s.id = id;
  s.connector = "jdih";
  s.subjects = {"16.71"};
  s.schedule = "0 2 * * *";
  s.configHash = id;
  s.options = Options({{"url", JsonValue(url)}});
  return s;
}

// Counts how many jobs run at once, in all and per host.
struct Concurrency {
  std::mutex mutex;
  int now = 0;
  int max = 0;
  std::map<std::string, int> hostNow;
  std::map<std::string, int> hostMax;
  std::map<std::string, int> sourceNow;
  bool sameSourceTwice = false;
  std::map<std::string, int> harvests;

  void enter(const SourceConfig& s) {
    std::lock_guard lock(mutex);
    max = std::max(max, ++now);
    const auto host = sourceHost(s);
    hostMax[host] = std::max(hostMax[host], ++hostNow[host]);
    sameSourceTwice = sameSourceTwice || ++sourceNow[s.id] > 1;
    ++harvests[s.id];
  }
  void leave(const SourceConfig& s) {
    std::lock_guard lock(mutex);
    --now;
    --hostNow[sourceHost(s)];
    --sourceNow[s.id];
  }
};

class SchedulerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Store::open("sqlite:hub.db", dir_.path());
    ASSERT_TRUE(opened.isOk()) << opened.status().message();
    store_ = std::move(*opened);
    settings_.harvest.splaySeconds = 0;
    settings_.monitor.intervalSeconds = 3600;  // probes only when a test wants them
  }

  SchedulerSettings settings() const { return settings_; }

  static ProbeResult probeOk(const SourceConfig&, const std::atomic<bool>&) {
    ProbeResult r;
    r.observation.kind = Observation::Kind::Ok;
    r.observation.reason = "ok";
    r.observation.at = std::chrono::system_clock::now();
    return r;
  }

  static bool waitFor(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(10ms);
    }
    return true;
  }

  test::TempDir dir_;
  std::unique_ptr<Store> store_;
  SchedulerSettings settings_{HarvestSettings{}, MonitorSettings{}, *TimeZone::load("Asia/Jakarta"), true};
};

TEST_F(SchedulerTest, keepsTheHubWideAndPerHostLimitsAndNeverRunsASourceTwiceAtOnce) {
  settings_.harvest.concurrency = 5;
  settings_.harvest.perHost = 2;
  Concurrency seen;
  std::atomic<int> finished{0};
  SchedulerJobs jobs;
  jobs.harvest = [&](const SourceConfig& s, const std::atomic<bool>&) {
    seen.enter(s);
    std::this_thread::sleep_for(60ms);
    seen.leave(s);
    ++finished;
    HarvestAttempt a;
    a.summary.source = s.id;
    a.summary.status = RunStatus::Success;
    return a;
  };
  jobs.probe = probeOk;
  std::vector<SourceConfig> sources;
  for (int host = 0; host < 4; ++host) {
    for (int i = 0; i < 5; ++i) {
      sources.push_back(source("s" + std::to_string(host) + "-" + std::to_string(i),
                               "http://jdih" + std::to_string(host) + ".example.go.id/feed"));
    }
  }
  Scheduler scheduler(*store_, settings(), jobs);
  scheduler.setSources(sources);  // never harvested: all due at start-up
  scheduler.start();
  ASSERT_TRUE(waitFor([&] { return finished == 20; }, 10s));
  scheduler.stop(5s);
  EXPECT_EQ(seen.max, 5);
  for (const auto& [host, max] : seen.hostMax) EXPECT_LE(max, 2) << host;
  EXPECT_FALSE(seen.sameSourceTwice);
  for (const auto& [id, count] : seen.harvests) EXPECT_EQ(count, 1) << id;  // next run: tomorrow 02:00
  for (const auto& v : scheduler.view()) {
    ASSERT_TRUE(v.nextHarvest.has_value());
    EXPECT_GT(*v.nextHarvest, std::chrono::system_clock::now() + 1min);
    ASSERT_TRUE(v.health.has_value());
    EXPECT_EQ(v.health->state, HealthState::Up);
  }
}

TEST_F(SchedulerTest, aDeclaredWindowHoldsHarvestsAndProbesWithoutAnOutage) {
  std::atomic<int> harvests{0}, probes{0};
  SchedulerJobs jobs;
  jobs.harvest = [&](const SourceConfig&, const std::atomic<bool>&) {
    ++harvests;
    HarvestAttempt a;
    a.summary.status = RunStatus::Success;
    return a;
  };
  jobs.probe = [&](const SourceConfig& s, const std::atomic<bool>& stop) {
    ++probes;
    return probeOk(s, stop);
  };
  SourceConfig s = source("jdih-16-73", "http://jdih.lubuklinggaukota.go.id/feed");
  const auto windows = parseMaintenanceWindows(*parseJson(R"([{"from": "2020-01-01T00:00", "to": "2099-01-01T00:00"}])"),
                                               settings_.zone);
  ASSERT_TRUE(windows.isOk()) << windows.status().message();
  s.maintenance = *windows;
  Scheduler scheduler(*store_, settings(), jobs);
  scheduler.setSources({s});
  scheduler.start();
  ASSERT_TRUE(waitFor(
      [&] {
        auto h = store_->sourceHealth();
        return h.isOk() && !h->empty() && (*h)[0].state == HealthState::Maintenance;
      },
      5s));
  std::this_thread::sleep_for(200ms);
  scheduler.stop(1s);
  EXPECT_EQ(harvests, 0);
  EXPECT_EQ(probes, 0);
  auto incidents = store_->incidents(std::nullopt, "");
  ASSERT_TRUE(incidents.isOk());
  ASSERT_EQ(incidents->size(), 1u);
  EXPECT_TRUE((*incidents)[0].planned);
  EXPECT_EQ((*incidents)[0].reason, "planned-maintenance");
}

TEST_F(SchedulerTest, stopWaitsForRunningHarvestsThenCancelsThem) {
  std::atomic<bool> sawCancel{false};
  std::atomic<bool> started{false};
  SchedulerJobs jobs;
  jobs.harvest = [&](const SourceConfig&, const std::atomic<bool>& stop) {
    started = true;
    while (!stop.load()) std::this_thread::sleep_for(5ms);  // a harvest that would never end by itself
    sawCancel = true;
    HarvestAttempt a;
    a.summary.status = RunStatus::Cancelled;
    a.summary.errorReason = "cancelled";
    return a;
  };
  jobs.probe = probeOk;
  Scheduler scheduler(*store_, settings(), jobs);
  scheduler.setSources({source("slow", "http://a.example/feed")});
  scheduler.start();
  ASSERT_TRUE(waitFor([&] { return started.load(); }, 5s));
  const auto before = std::chrono::steady_clock::now();
  scheduler.stop(1s);
  const auto took = std::chrono::steady_clock::now() - before;
  EXPECT_TRUE(sawCancel);
  EXPECT_GE(took, 900ms);
  EXPECT_LT(took, 5s);
  EXPECT_FALSE(scheduler.alive());
}

TEST(MaintenanceWindowTest, oneOffWindowsAreLocalTimeAndRecurringOnesFollowCron) {
  const auto zone = *TimeZone::load("Asia/Jakarta");
  const auto windows = parseMaintenanceWindows(
      *parseJson(R"([{"from": "2026-12-24T20:00", "to": "2026-12-26T08:00", "note": "server move"},
                     {"cron": "0 1 * * SUN", "duration_minutes": 120}])"),
      zone);
  ASSERT_TRUE(windows.isOk()) << windows.status().message();
  const auto at = [](const char* utc) { return *parseUtc(utc); };
  // 2026-12-24T20:00 WIB is 13:00Z.
  EXPECT_FALSE(activeWindowEnd(*windows, at("2026-12-24T12:59:59Z"), zone).has_value());
  EXPECT_EQ(activeWindowEnd(*windows, at("2026-12-24T13:00:00Z"), zone), at("2026-12-26T01:00:00Z"));
  // Sunday 2026-11-29 01:00–03:00 WIB is Saturday 18:00Z–20:00Z.
  EXPECT_EQ(activeWindowEnd(*windows, at("2026-11-28T19:30:00Z"), zone), at("2026-11-28T20:00:00Z"));
  EXPECT_FALSE(activeWindowEnd(*windows, at("2026-11-28T20:00:00Z"), zone).has_value());
  EXPECT_FALSE(activeWindowEnd(*windows, at("2026-11-28T17:59:00Z"), zone).has_value());
}

TEST(MaintenanceWindowTest, badWindowsNameTheEntryAndTheProblem) {
  const auto zone = *TimeZone::load("UTC");
  const auto bad = [&](const char* json) {
    auto parsed = parseMaintenanceWindows(*parseJson(json), zone);
    EXPECT_FALSE(parsed.isOk()) << json;
    return parsed.isOk() ? std::string() : parsed.status().message();
  };
  EXPECT_EQ(bad(R"([{"from": "2026-12-24T20:00"}])"),
            "maintenance[0]: give from and to (local date-times), or cron and duration_minutes");
  EXPECT_EQ(bad(R"([{"from": "2026-12-24T20:00", "to": "2026-12-24T19:00"}])"), "maintenance[0].to: ends before it starts");
  EXPECT_EQ(bad(R"([{"from": "24/12/2026", "to": "2026-12-24T19:00"}])"),
            "maintenance[0].from: '24/12/2026' is not a date-time like 2026-12-01T22:00");
  EXPECT_EQ(bad(R"([{"cron": "0 1 * * SUN"}])"),
            "maintenance[0].duration_minutes: a recurring window needs a duration in minutes greater than 0");
  EXPECT_NE(bad(R"([{"cron": "0 25 * * *", "duration_minutes": 5}])").find("maintenance[0].cron: "), std::string::npos);
  EXPECT_EQ(bad(R"([{"start": "x"}])"),
            "maintenance[0].start: unknown key (use from/to, or cron with duration_minutes; note is free text)");
  EXPECT_EQ(bad(R"({"from": 1})"), "maintenance: expected a list of windows");
}

}  // namespace
}  // namespace hamhub::host

// The monitor's pure parts: the health state machine, uptime arithmetic, retry backoff, the
// reading of Retry-After and of maintenance notices.

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timespan.h>
#include <Poco/Timestamp.h>
#include <gtest/gtest.h>

#include "host/monitor/health_machine.h"
#include "host/monitor/observing_http_client.h"
#include "host/monitor/probe.h"
#include "host/monitor/uptime.h"
#include "host/schedule/retry_policy.h"

namespace hamhub::host {
namespace {

using Kind = Observation::Kind;
using std::chrono::seconds;

TimePoint at(const char* text) { return *parseUtc(text); }

Observation seen(Kind kind, std::string reason, const char* when) {
  Observation o;
  o.kind = kind;
  o.reason = std::move(reason);
  o.at = at(when);
  return o;
}

TEST(HealthMachineTest, oneFailureIsPendingTheSecondIsAnOutage) {
  HealthPolicy policy;  // two failures in a row make an outage
  auto step = advanceHealth(std::nullopt, "s", seen(Kind::Ok, "ok", "2026-11-01T00:00:00Z"), policy);
  EXPECT_EQ(step.health.state, HealthState::Up);
  EXPECT_TRUE(step.changed);
  step = advanceHealth(step.health, "s", seen(Kind::Failure, "timeout", "2026-11-01T00:05:00Z"), policy);
  EXPECT_EQ(step.health.state, HealthState::Pending);
  EXPECT_EQ(step.health.reason, "timeout");
  EXPECT_EQ(step.health.failures, 1);
  EXPECT_TRUE(step.changed);
  step = advanceHealth(step.health, "s", seen(Kind::Failure, "connect-refused", "2026-11-01T00:10:00Z"), policy);
  EXPECT_EQ(step.health.state, HealthState::Down);
  EXPECT_EQ(step.health.reason, "connect-refused");
  EXPECT_EQ(step.health.since, "2026-11-01T00:10:00Z");
  EXPECT_TRUE(step.changed);
  // Still down, another reason: the same incident.
  step = advanceHealth(step.health, "s", seen(Kind::Failure, "timeout", "2026-11-01T00:15:00Z"), policy);
  EXPECT_EQ(step.health.state, HealthState::Down);
  EXPECT_FALSE(step.changed);
  EXPECT_EQ(step.health.since, "2026-11-01T00:10:00Z");
  EXPECT_EQ(step.health.checkedAt, "2026-11-01T00:15:00Z");
  // A confirmed outage turning into a maintenance notice moves at once.
  step = advanceHealth(step.health, "s", seen(Kind::Maintenance, "maintenance-status", "2026-11-01T00:20:00Z"), policy);
  EXPECT_EQ(step.health.state, HealthState::Maintenance);
  EXPECT_TRUE(step.changed);
  step = advanceHealth(step.health, "s", seen(Kind::Ok, "ok", "2026-11-01T00:25:00Z"), policy);
  EXPECT_EQ(step.health.state, HealthState::Up);
  EXPECT_EQ(step.health.failures, 0);
}

TEST(HealthMachineTest, aFlapThatRecoversStaysOutOfOutage) {
  HealthPolicy policy;
  std::optional<SourceHealth> h;
  const char* times[] = {"2026-11-01T00:00:00Z", "2026-11-01T00:00:05Z", "2026-11-01T00:00:10Z", "2026-11-01T00:00:15Z"};
  for (int i = 0; i < 4; ++i) {
    const bool fails = i % 2 == 1;
    h = advanceHealth(h, "s", seen(fails ? Kind::Maintenance : Kind::Ok, fails ? "maintenance-status" : "ok", times[i]),
                      policy).health;
    EXPECT_EQ(h->state, fails ? HealthState::Pending : HealthState::Up) << i;
  }
}

TEST(HealthMachineTest, slowAndPartialAreDegradedAndPlannedIsMaintenanceWithoutPending) {
  HealthPolicy policy;
  policy.failuresToDown = 3;
  auto step = advanceHealth(std::nullopt, "s", seen(Kind::Slow, "slow", "2026-11-01T00:00:00Z"), policy);
  EXPECT_EQ(step.health.state, HealthState::Degraded);
  step = advanceHealth(step.health, "s", seen(Kind::Partial, "http-429", "2026-11-01T00:01:00Z"), policy);
  EXPECT_EQ(step.health.state, HealthState::Degraded);
  EXPECT_FALSE(step.changed);
  step = advanceHealth(step.health, "s", seen(Kind::Planned, "planned-maintenance", "2026-11-01T00:02:00Z"), policy);
  EXPECT_EQ(step.health.state, HealthState::Maintenance);
  EXPECT_TRUE(step.changed);
  EXPECT_TRUE(step.planned);
  // Detected maintenance right after a declared window: the same state, but a new (unplanned) incident.
  step = advanceHealth(step.health, "s", seen(Kind::Maintenance, "maintenance-status", "2026-11-01T03:00:00Z"), policy);
  EXPECT_EQ(step.health.state, HealthState::Maintenance);
  EXPECT_TRUE(step.changed);
  EXPECT_FALSE(step.planned);
}

TEST(HealthMachineTest, failuresToDownOfOneSkipsPending) {
  HealthPolicy policy;
  policy.failuresToDown = 1;
  auto step = advanceHealth(std::nullopt, "s", seen(Kind::Failure, "dns", "2026-11-01T00:00:00Z"), policy);
  EXPECT_EQ(step.health.state, HealthState::Down);
}

HealthEvent event(const char* when, HealthState state, std::string reason = "") {
  return {"s", when, state, std::move(reason)};
}

TEST(UptimeTest, countsDownAndDetectedMaintenanceLeavesOutPlannedAndUnknownTime) {
  const TimePoint now = at("2026-11-10T00:00:00Z");
  // Observed from 2026-11-09T00:00Z: up 18 h, down 3 h, planned maintenance 2 h, up 1 h.
  std::vector<HealthEvent> events = {
      event("2026-11-09T00:00:00Z", HealthState::Up),
      event("2026-11-09T18:00:00Z", HealthState::Down, "timeout"),
      event("2026-11-09T21:00:00Z", HealthState::Maintenance, "planned-maintenance"),
      event("2026-11-09T23:00:00Z", HealthState::Up),
  };
  const auto figures = uptimeOf(events, now);
  ASSERT_EQ(figures.size(), 4u);
  EXPECT_EQ(figures[0].window, "24h");
  EXPECT_NEAR(*figures[0].percent, 100.0 * 19 / 22, 1e-9);
  EXPECT_NEAR(*figures[3].percent, 100.0 * 19 / 22, 1e-9);  // nothing known before the first change

  // A detected maintenance (Lubuk Linggau's JDIH) counts against uptime.
  events[2].reason = "maintenance-status";
  EXPECT_NEAR(*uptimeOf(events, now)[0].percent, 100.0 * 19 / 24, 1e-9);
}

TEST(UptimeTest, aStateFromBeforeTheWindowCoversItsStart) {
  const TimePoint now = at("2026-11-10T00:00:00Z");
  const std::vector<HealthEvent> events = {event("2026-01-01T00:00:00Z", HealthState::Down, "dns"),
                                           event("2026-11-09T12:00:00Z", HealthState::Pending, "timeout")};
  const auto figures = uptimeOf(events, now);
  EXPECT_NEAR(*figures[0].percent, 50.0, 1e-9);      // down 12 h, pending (not yet an outage) 12 h
  EXPECT_NEAR(*figures[1].percent, 100.0 / 14, 1e-9);  // 12 h of 7 days
  EXPECT_FALSE(uptimeOf({}, now)[0].percent.has_value());
}

TEST(RetryPolicyTest, backsOffExponentiallyWithFullJitterUpToTheCap) {
  RetrySettings r;
  r.maxAttempts = 10;
  r.baseSeconds = 30;
  r.maxDelaySeconds = 600;
  r.maxElapsedSeconds = 86400;
  EXPECT_EQ(retryDelay(r, 1, seconds(0), std::nullopt, 0.999999), seconds(29));
  EXPECT_EQ(retryDelay(r, 2, seconds(0), std::nullopt, 0.5), seconds(30));
  EXPECT_EQ(retryDelay(r, 3, seconds(0), std::nullopt, 0.5), seconds(60));
  EXPECT_EQ(retryDelay(r, 6, seconds(0), std::nullopt, 0.5), seconds(300));  // 960 capped at 600
  EXPECT_EQ(retryDelay(r, 10, seconds(0), std::nullopt, 0.0), seconds(0));
  EXPECT_EQ(retryDelay(r, 11, seconds(0), std::nullopt, 0.5), std::nullopt);  // out of attempts
  EXPECT_EQ(retryDelay(r, 0, seconds(0), std::nullopt, 0.5), std::nullopt);
}

TEST(RetryPolicyTest, honoursRetryAfterAndTheTimeBound) {
  RetrySettings r;  // 4 attempts, 30 s base, 1800 s cap, 6 h bound
  EXPECT_EQ(retryDelay(r, 1, seconds(0), seconds(120), 0.1), seconds(120));
  EXPECT_EQ(retryDelay(r, 1, seconds(0), seconds(1), 0.9), seconds(27));
  EXPECT_EQ(retryDelay(r, 2, seconds(6 * 3600 - 10), std::nullopt, 0.9), std::nullopt);
  // A maintenance notice asking for a day is not retried within the 6 h bound: next scheduled run.
  EXPECT_EQ(retryDelay(r, 1, seconds(0), seconds(86400), 0.5), std::nullopt);
}

TEST(ObservationTest, readsRetryAfterAsSecondsOrHttpDate) {
  EXPECT_EQ(parseRetryAfter("120"), seconds(120));
  EXPECT_EQ(parseRetryAfter(""), std::nullopt);
  EXPECT_EQ(parseRetryAfter("soon"), std::nullopt);
  EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), seconds(0));  // in the past
  const auto inAnHour = parseRetryAfter(Poco::DateTimeFormatter::format(
      Poco::Timestamp() + Poco::Timespan(3600, 0), Poco::DateTimeFormat::HTTP_FORMAT));
  ASSERT_TRUE(inAnHour.has_value());
  EXPECT_NEAR(static_cast<double>(inAnHour->count()), 3600, 2);
}

TEST(ObservationTest, classifiesReasons) {
  EXPECT_EQ(observationKindOf("maintenance-page"), Kind::Maintenance);
  EXPECT_EQ(observationKindOf("maintenance-status"), Kind::Maintenance);
  EXPECT_EQ(observationKindOf("http-429"), Kind::Partial);
  EXPECT_EQ(observationKindOf("schema-drift"), Kind::Failure);
  EXPECT_EQ(observationKindOf("tls"), Kind::Failure);
  EXPECT_EQ(observationKindOf("store"), std::nullopt);
  EXPECT_EQ(observationKindOf("cancelled"), std::nullopt);
  EXPECT_TRUE(transientFailure("http-5xx"));
  EXPECT_TRUE(transientFailure("timeout"));
  EXPECT_FALSE(transientFailure("tls"));
  EXPECT_FALSE(transientFailure("http-4xx"));
  EXPECT_FALSE(transientFailure("schema-drift"));
}

TEST(ObservationTest, spotsMaintenanceKeywordsInAnyCase) {
  const MonitorSettings m;
  EXPECT_TRUE(mentionsMaintenance("<h1>Situs Sedang Dalam PEMELIHARAAN</h1>", m.maintenanceKeywords));
  EXPECT_TRUE(mentionsMaintenance("<title>Under Maintenance</title>", m.maintenanceKeywords));
  EXPECT_FALSE(mentionsMaintenance("<h1>Jaringan Dokumentasi dan Informasi Hukum</h1>", m.maintenanceKeywords));
}

TEST(ObservationTest, aHarvestOutcomeIsAnObservation) {
  HarvestSummary ok;
  ok.status = RunStatus::Success;
  EXPECT_EQ(observationOfHarvest(ok, TimePoint{})->kind, Kind::Ok);
  ok.errorReason = "rejected-records";
  EXPECT_EQ(observationOfHarvest(ok, TimePoint{})->reason, "partial-errors");
  HarvestSummary failed;
  failed.status = RunStatus::TimedOut;
  failed.errorReason = "timeout";
  EXPECT_EQ(observationOfHarvest(failed, TimePoint{})->kind, Kind::Failure);
  failed.status = RunStatus::Failed;
  failed.errorReason = "store";
  EXPECT_EQ(observationOfHarvest(failed, TimePoint{}), std::nullopt);
  failed.status = RunStatus::Cancelled;
  failed.errorReason = "cancelled";
  EXPECT_EQ(observationOfHarvest(failed, TimePoint{}), std::nullopt);
}

}  // namespace
}  // namespace hamhub::host

// The notification dispatcher over a real SQLite store and real webhook channels on a local HTTP
// receiver: each change is delivered once, filters, retries with backoff, dead channels, digests.
// Time is passed in, so backoff and digest times are tested without waiting.

#include "host/notify/notification_dispatcher.h"

#include <gtest/gtest.h>

#include <Poco/StreamCopier.h>

#include <atomic>
#include <mutex>

#include "host/store/store.h"
#include "notify_test_support.h"
#include "support/test_http_server.h"

namespace hamhub::test {
namespace {

using host::AlertFinding;
using host::AlertSeverity;
using host::OutboxStatus;
using host::TimePoint;

TimePoint at(const std::string& iso) { return *host::parseUtc(iso); }

AlertFinding finding(const std::string& key, AlertSeverity severity, const std::string& region,
                     const std::string& message = "Laporan Aksi HAM belum masuk") {
  AlertFinding f;
  f.key = key;
  f.kind = "ranham.report-missing";
  f.severity = severity;
  f.subject = region + ".10";
  f.region = region;
  f.messageId = message;
  f.messageEn = "Aksi HAM report missing";
  return f;
}

class DispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = host::Store::open("sqlite:hub.db", dir_.path());
    ASSERT_TRUE(store.isOk()) << store.status().message();
    store_ = std::move(*store);
    hub_.file = dir_ / "hamhub.json";
    hub_.baseDir = dir_.path();
    hub_.timezone = "Asia/Jakarta";
    receive("/hook", 200);
  }

  // Every request to `path` is kept (its parsed body) and answered with `status`.
  void receive(const std::string& path, int status) {
    server_.route(path, [this, status](TestHttpServer::Request& request, TestHttpServer::Response& response) {
      std::string body;
      Poco::StreamCopier::copyToString(request.stream(), body);
      {
        std::lock_guard lock(mutex_);
        auto json = parseJson(body);
        if (json) received_.push_back(*notificationFromJson(*json));
      }
      TestHttpServer::sendText(response, status, "ok");
    });
  }

  static host::NotifyChannel hook(const std::string& id, const std::string& url) {
    return notifyChannel(id, "webhook", R"({"url": ")" + url + "\"}");
  }

  std::unique_ptr<host::NotificationDispatcher> dispatcher() {
    auto d = host::NotificationDispatcher::create(hub_, builtPlugins(), *store_, [] { return 0.5; });
    EXPECT_TRUE(d.isOk()) << d.status().message();
    return d ? std::move(*d) : nullptr;
  }

  host::AlertSyncSummary sync(const std::vector<AlertFinding>& findings, const std::string& when) {
    auto summary = store_->syncAlerts({"ranham.report-missing"}, findings, when);
    EXPECT_TRUE(summary.isOk()) << summary.status().message();
    return summary ? *summary : host::AlertSyncSummary{};
  }

  host::DeliverySummary deliver(host::NotificationDispatcher& d, const std::string& when) {
    auto summary = d.deliverDue(at(when), stop_);
    EXPECT_TRUE(summary.isOk()) << summary.status().message();
    return summary ? *summary : host::DeliverySummary{};
  }

  std::vector<host::OutboxEntry> outbox(OutboxStatus status) {
    host::OutboxQuery query;
    query.status = status;
    auto rows = store_->notifications(query);
    EXPECT_TRUE(rows.isOk()) << rows.status().message();
    return rows ? *rows : std::vector<host::OutboxEntry>{};
  }

  std::vector<Notification> received() {
    std::lock_guard lock(mutex_);
    return received_;
  }

  TempDir dir_;
  std::unique_ptr<host::Store> store_;
  host::HubConfig hub_;
  TestHttpServer server_;
  std::mutex mutex_;
  std::vector<Notification> received_;
  std::atomic<bool> stop_{false};
};

TEST_F(DispatcherTest, sendsEachChangeOnceAndNothingForAnAlertEvaluatedAgainUnchanged) {
  hub_.notify.channels = {hook("kanwil-16-hook", server_.url("/hook"))};
  auto d = dispatcher();
  ASSERT_TRUE(d);

  auto opened = sync({finding("k1", AlertSeverity::Warning, "16")}, "2026-11-29T01:00:00Z");
  EXPECT_EQ(*d->enqueue(opened, "2026-11-29T01:00:00Z"), 1u);
  EXPECT_EQ(deliver(*d, "2026-11-29T01:00:00Z").sent, 1u);

  // Evaluated again, unchanged: nothing to send; the same summary enqueued twice adds nothing.
  auto unchanged = sync({finding("k1", AlertSeverity::Warning, "16")}, "2026-11-29T02:00:00Z");
  EXPECT_EQ(*d->enqueue(unchanged, "2026-11-29T02:00:00Z"), 0u);
  EXPECT_EQ(*d->enqueue(opened, "2026-11-29T02:00:00Z"), 0u);
  EXPECT_EQ(deliver(*d, "2026-11-29T02:00:00Z").sent, 0u);

  // A severity change is sent once more; so is the resolution.
  auto changed = sync({finding("k1", AlertSeverity::Critical, "16")}, "2026-11-29T03:00:00Z");
  EXPECT_EQ(*d->enqueue(changed, "2026-11-29T03:00:00Z"), 1u);
  auto resolved = sync({}, "2026-11-29T04:00:00Z");
  EXPECT_EQ(*d->enqueue(resolved, "2026-11-29T04:00:00Z"), 1u);
  EXPECT_EQ(deliver(*d, "2026-11-29T04:00:00Z").sent, 2u);
  EXPECT_EQ(deliver(*d, "2026-11-29T05:00:00Z").sent, 0u);

  const auto got = received();
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].event, "opened");
  EXPECT_EQ(got[0].id, "alert:" + std::to_string(opened.opened[0]) + ":1");
  EXPECT_NE(got[0].title.find("[hamhub] Kanwil 16: peringatan baru [peringatan]"), std::string::npos) << got[0].title;
  EXPECT_EQ(got[1].event, "changed");
  EXPECT_EQ(got[1].alerts.at(0).severity, "critical");
  EXPECT_NE(got[1].title.find("[kritis]"), std::string::npos) << got[1].title;
  EXPECT_EQ(got[2].event, "resolved");
  EXPECT_EQ(got[2].alerts.at(0).state, "resolved");
  EXPECT_EQ(outbox(OutboxStatus::Sent).size(), 3u);
}

TEST_F(DispatcherTest, aChannelGetsOnlyItsRegionsSeveritiesEventsAndLanguage) {
  receive("/en", 200);
  host::NotifyChannel kanwil16 = hook("kanwil-16", server_.url("/hook"));
  kanwil16.regions = {"16"};
  kanwil16.minSeverity = AlertSeverity::Warning;
  kanwil16.events = {"opened"};
  host::NotifyChannel english = hook("pusat-en", server_.url("/en"));
  english.language = "en";
  english.regions = {"31"};
  hub_.notify.channels = {kanwil16, english};
  auto d = dispatcher();
  ASSERT_TRUE(d);

  auto summary = sync({finding("a", AlertSeverity::Info, "16"), finding("b", AlertSeverity::Critical, "16"),
                       finding("c", AlertSeverity::Info, "31")},
                      "2026-11-29T01:00:00Z");
  EXPECT_EQ(*d->enqueue(summary, "2026-11-29T01:00:00Z"), 2u);  // b to kanwil-16, c to pusat-en
  auto resolved = sync({}, "2026-11-29T02:00:00Z");
  EXPECT_EQ(*d->enqueue(resolved, "2026-11-29T02:00:00Z"), 1u);  // only c's resolution (kanwil-16: opened only)
  EXPECT_EQ(deliver(*d, "2026-11-29T02:00:00Z").sent, 3u);
  EXPECT_EQ(server_.hits("/hook"), 1);
  EXPECT_EQ(server_.hits("/en"), 2);
  for (const auto& n : received()) {
    if (n.region == "31") {
      EXPECT_EQ(n.language, "en");
      EXPECT_NE(n.title.find("[hamhub] Kanwil 31: "), std::string::npos) << n.title;
      EXPECT_NE(n.text.find("Aksi HAM report missing"), std::string::npos) << n.text;
    } else {
      EXPECT_EQ(n.alerts.at(0).severity, "critical");
    }
  }
}

TEST_F(DispatcherTest, retriesAFailingReceiverWithBackoffAndDeliversOnce) {
  std::atomic<int> calls{0};
  server_.route("/flaky", [&](TestHttpServer::Request& request, TestHttpServer::Response& response) {
    std::string body;
    Poco::StreamCopier::copyToString(request.stream(), body);
    ++calls;
    if (calls == 1) return TestHttpServer::sendText(response, 503, "maintenance");
    if (calls == 2) server_.sleepFor(std::chrono::seconds(10));  // longer than the channel's timeout
    TestHttpServer::sendText(response, 200, "ok");
  });
  host::NotifyChannel flaky = hook("flaky", server_.url("/flaky"));
  flaky.timeoutSeconds = 1;
  hub_.notify.channels = {flaky};
  hub_.notify.baseSeconds = 30;
  auto d = dispatcher();
  ASSERT_TRUE(d);
  ASSERT_TRUE(d->enqueue(sync({finding("k1", AlertSeverity::Warning, "16")}, "2026-11-29T01:00:00Z"),
                         "2026-11-29T01:00:00Z")
                  .isOk());

  auto first = deliver(*d, "2026-11-29T01:00:00Z");  // 503
  EXPECT_EQ(first.retried, 1u);
  ASSERT_EQ(first.messages.size(), 1u);
  EXPECT_NE(first.messages[0].find("notify channel 'flaky'"), std::string::npos) << first.messages[0];
  EXPECT_NE(first.messages[0].find("HTTP 503"), std::string::npos) << first.messages[0];
  // Jitter 0.5 of base 30 s: the retry is due 15 s later, not before.
  EXPECT_EQ(outbox(OutboxStatus::Pending).at(0).nextAttemptAt, "2026-11-29T01:00:15Z");
  const auto early = deliver(*d, "2026-11-29T01:00:14Z");
  EXPECT_EQ(early.sent + early.retried + early.failed, 0u);

  auto second = deliver(*d, "2026-11-29T01:00:15Z");  // times out
  EXPECT_EQ(second.retried, 1u);
  EXPECT_NE(second.messages.at(0).find("[timeout]"), std::string::npos) << second.messages.at(0);
  EXPECT_EQ(outbox(OutboxStatus::Pending).at(0).nextAttemptAt, "2026-11-29T01:00:45Z");  // 0.5 × 60 s

  EXPECT_EQ(deliver(*d, "2026-11-29T01:00:45Z").sent, 1u);
  EXPECT_EQ(deliver(*d, "2026-11-29T02:00:00Z").sent, 0u);
  EXPECT_EQ(calls, 3);
  const auto sent = outbox(OutboxStatus::Sent);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].attempts, 3);
  EXPECT_EQ(sent[0].sentAt, "2026-11-29T01:00:45Z");
}

TEST_F(DispatcherTest, aRefusalFailsAtOnceAndARetryableFailureFailsAfterMaxAttempts) {
  receive("/refuse", 400);
  receive("/down", 503);
  hub_.notify.channels = {hook("refuse", server_.url("/refuse")), hook("down", server_.url("/down"))};
  hub_.notify.maxAttempts = 2;
  auto d = dispatcher();
  ASSERT_TRUE(d);
  ASSERT_TRUE(d->enqueue(sync({finding("k1", AlertSeverity::Warning, "16")}, "2026-11-29T01:00:00Z"),
                         "2026-11-29T01:00:00Z")
                  .isOk());
  auto first = deliver(*d, "2026-11-29T01:00:00Z");
  EXPECT_EQ(first.failed, 1u);
  EXPECT_EQ(first.retried, 1u);
  auto second = deliver(*d, "2026-11-29T01:10:00Z");
  EXPECT_EQ(second.failed, 1u);
  EXPECT_EQ(server_.hits("/refuse"), 1);
  EXPECT_EQ(server_.hits("/down"), 2);
  const auto failed = outbox(OutboxStatus::Failed);
  ASSERT_EQ(failed.size(), 2u);
  for (const auto& row : failed) {
    if (row.channel == "refuse") {
      EXPECT_EQ(row.attempts, 1);
      EXPECT_NE(row.lastError.find("HTTP 400"), std::string::npos) << row.lastError;
      EXPECT_NE(row.lastError.find("[http-4xx]"), std::string::npos) << row.lastError;
    } else {
      EXPECT_EQ(row.attempts, 2);
      EXPECT_NE(row.lastError.find("HTTP 503"), std::string::npos) << row.lastError;
    }
  }
  EXPECT_NE(second.messages.at(0).find("failed after 2 attempts"), std::string::npos) << second.messages.at(0);
}

TEST_F(DispatcherTest, aDeadChannelDoesNotHoldUpTheOthers) {
  hub_.notify.channels = {hook("dead", "http://127.0.0.1:" + std::to_string(closedPort()) + "/hook"),
                          hook("alive", server_.url("/hook"))};
  auto d = dispatcher();
  ASSERT_TRUE(d);
  ASSERT_TRUE(d->enqueue(sync({finding("k1", AlertSeverity::Warning, "16"), finding("k2", AlertSeverity::Warning, "16"),
                               finding("k3", AlertSeverity::Warning, "16")},
                              "2026-11-29T01:00:00Z"),
                         "2026-11-29T01:00:00Z")
                  .isOk());
  auto pass = deliver(*d, "2026-11-29T01:00:00Z");
  EXPECT_EQ(pass.sent, 3u);
  // One failed try for the dead channel; its other two wait for the next pass instead of
  // each failing in turn.
  EXPECT_EQ(pass.retried, 1u);
  EXPECT_NE(pass.messages.at(0).find("[connect-refused]"), std::string::npos) << pass.messages.at(0);
  EXPECT_EQ(outbox(OutboxStatus::Pending).size(), 3u);
  EXPECT_EQ(server_.hits("/hook"), 3);
}

TEST_F(DispatcherTest, stopsBetweenDeliveriesAndFailsRowsOfAChannelNoLongerConfigured) {
  hub_.notify.channels = {hook("old", server_.url("/hook")), hook("kept", server_.url("/hook"))};
  ASSERT_TRUE(dispatcher()->enqueue(sync({finding("k1", AlertSeverity::Warning, "16")}, "2026-11-29T01:00:00Z"),
                                    "2026-11-29T01:00:00Z")
                  .isOk());
  hub_.notify.channels = {hook("kept", server_.url("/hook"))};
  auto d = dispatcher();
  ASSERT_TRUE(d);

  stop_ = true;  // shutting down: nothing is sent, nothing counts as an attempt
  auto stopped = deliver(*d, "2026-11-29T01:00:00Z");
  EXPECT_EQ(stopped.sent + stopped.retried + stopped.failed, 0u);
  EXPECT_EQ(outbox(OutboxStatus::Pending).size(), 2u);

  stop_ = false;
  auto pass = deliver(*d, "2026-11-29T01:00:00Z");
  EXPECT_EQ(pass.sent, 1u);
  EXPECT_EQ(pass.failed, 1u);
  const auto failed = outbox(OutboxStatus::Failed);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].channel, "old");
  EXPECT_NE(failed[0].lastError.find("no longer configured"), std::string::npos) << failed[0].lastError;
}

TEST_F(DispatcherTest, sendsOneDigestPerRegionPerDayFromDigestAtAndNoneForARegionWithoutAlerts) {
  receive("/digest", 200);
  host::NotifyChannel daily = hook("daily", server_.url("/digest"));
  daily.digestMinute = 7 * 60;  // 07:00 Asia/Jakarta = 00:00Z
  daily.events = {};
  host::NotifyChannel kanwil12 = hook("kanwil-12", server_.url("/digest"));
  kanwil12.digestMinute = 7 * 60;
  kanwil12.regions = {"12"};
  hub_.notify.channels = {daily, kanwil12};
  auto d = dispatcher();
  ASSERT_TRUE(d);
  auto summary = sync({finding("a", AlertSeverity::Warning, "16"), finding("b", AlertSeverity::Critical, "16"),
                       finding("c", AlertSeverity::Info, "31")},
                      "2026-11-28T10:00:00Z");
  EXPECT_EQ(*d->enqueue(summary, "2026-11-28T10:00:00Z"), 0u);  // `daily` wants no events

  EXPECT_EQ(*d->enqueueDigests(at("2026-11-28T23:59:00Z")), 0u);  // 06:59 local
  EXPECT_EQ(*d->enqueueDigests(at("2026-11-29T00:00:00Z")), 2u);  // 07:00: regions 16 and 31; none for 12
  EXPECT_EQ(*d->enqueueDigests(at("2026-11-29T05:00:00Z")), 0u);
  EXPECT_EQ(*dispatcher()->enqueueDigests(at("2026-11-29T06:00:00Z")), 0u);  // a restarted hub neither
  EXPECT_EQ(deliver(*d, "2026-11-29T06:00:00Z").sent, 2u);

  const auto got = received();
  ASSERT_EQ(got.size(), 2u);
  const Notification& sumsel = got[0].region == "16" ? got[0] : got[1];
  EXPECT_EQ(sumsel.id, "digest:16:2026-11-29");
  EXPECT_EQ(sumsel.title, "[hamhub] Kanwil 16: ringkasan harian 2026-11-29 — 2 peringatan aktif");
  EXPECT_NE(sumsel.text.find("(kritis 1, peringatan 1, info 0)"), std::string::npos) << sumsel.text;
  ASSERT_EQ(sumsel.alerts.size(), 2u);
  EXPECT_EQ(sumsel.alerts[0].severity, "critical");  // most severe first

  // The next local day: again, once.
  EXPECT_EQ(*d->enqueueDigests(at("2026-11-30T00:30:00Z")), 2u);
  EXPECT_EQ(*d->enqueueDigests(at("2026-11-30T01:30:00Z")), 0u);
}

}  // namespace
}  // namespace hamhub::test

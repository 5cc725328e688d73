#include <gtest/gtest.h>

#include "host/config/schema_check.h"
#include "host/harvest/harvest_runner.h"
#include "host/harvest/http_factory.h"
#include "host/normalise/normaliser.h"
#include "host/subjects/subject_catalog.h"
#include "host/plugins/plugin_registry.h"
#include "host/store/store.h"
#include "support/temp_dir.h"
#include "support/test_http_server.h"

namespace hamhub::host {
namespace {

/// The runner against a real SQLite store, with the fixture connector (no I/O) and the hello
/// connector (real HTTP to a loopback server).
class HarvestRunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::open("sqlite:hub.db", dir_.path());
    ASSERT_TRUE(store.isOk()) << store.status().message();
    store_ = std::move(store).value();
  }

  SourceConfig source(const std::string& connector, std::map<std::string, JsonValue, std::less<>> options) {
    SourceConfig s;
    s.id = "src-" + connector;
    s.connector = connector;
    s.subjects = {"16.73"};
    // Through the plugin's schema, as the config loader does, so defaults are filled in.
    JsonValue object(JsonValue::Object{});
    for (auto& [k, v] : options) object.set(k, std::move(v));
    const LoadedPlugin* plugin = registry_.find(connector);
    EXPECT_NE(plugin, nullptr) << connector;
    ConfigIssues issues;
    s.options = Options(checkObject(object, {plugin->manifest->options, plugin->manifest->optionCount}, "test", "options", issues));
    EXPECT_TRUE(issues.empty()) << issues.front().toString();
    return s;
  }

  HarvestSummary run(const SourceConfig& s, std::int64_t timeoutSeconds = 60) {
    HarvestRunner runner(*store_, registry_, normaliser_, catalog_, makeHttpClientFactory(0), timeoutSeconds);
    return runner.run(s, stop_);
  }

  std::vector<StoredRecord> stored(const std::string& source, bool withWithdrawn = false) {
    RecordQuery q;
    q.source = source;
    q.includeWithdrawn = withWithdrawn;
    auto r = store_->records(q);
    EXPECT_TRUE(r.isOk()) << r.status().message();
    return r.isOk() ? *r : std::vector<StoredRecord>{};
  }

  test::TempDir dir_;
  std::unique_ptr<Store> store_;
  PluginRegistry registry_ = PluginRegistry::load({test::fixturePluginDir("good"), test::builtPluginDir()});
  Normaliser normaliser_;
  SubjectCatalog catalog_;
  std::atomic<bool> stop_{false};
};

TEST_F(HarvestRunnerTest, storesNewRecordsAndSkipsUnchangedOnes) {
  auto s = source("fixture", {{"count", JsonValue(10)}});
  auto first = run(s);
  ASSERT_EQ(first.status, RunStatus::Success) << first.error;
  EXPECT_EQ(first.counts.added, 10);
  auto second = run(s);
  EXPECT_EQ(second.counts.added, 0);
  EXPECT_EQ(second.counts.unchanged, 10);
  auto changed = run(source("fixture", {{"count", JsonValue(10)}, {"version", JsonValue("v2")}}));
  EXPECT_EQ(changed.counts.updated, 10);
  auto records = stored("src-fixture");
  ASSERT_EQ(records.size(), 10u);
  EXPECT_EQ(records[0].record.subject, "16.73");  // the source's subject fills in
  EXPECT_NE(records[0].record.payload.find("v2"), std::string::npos);
  EXPECT_EQ(records[0].contentHash.size(), 64u);
}

TEST_F(HarvestRunnerTest, aCompleteListingWithdrawsWhatItNoLongerListsAndRestoresItLater) {
  run(source("fixture", {{"count", JsonValue(5)}}));
  auto shrunk = run(source("fixture", {{"count", JsonValue(3)}}));
  EXPECT_EQ(shrunk.counts.withdrawn, 2);
  EXPECT_EQ(stored("src-fixture").size(), 3u);
  auto all = stored("src-fixture", true);
  ASSERT_EQ(all.size(), 5u);  // kept, never deleted
  EXPECT_TRUE(all[4].withdrawnRun.has_value());
  EXPECT_EQ(*all[4].withdrawnRun, shrunk.runId);
  auto back = run(source("fixture", {{"count", JsonValue(5)}}));
  EXPECT_EQ(back.counts.updated, 2);
  EXPECT_EQ(stored("src-fixture").size(), 5u);
}

TEST_F(HarvestRunnerTest, aFailedRunLeavesTheStoreExactlyAsItWas) {
  run(source("fixture", {{"count", JsonValue(5)}}));
  auto failed = run(source("fixture", {{"count", JsonValue(5)}, {"version", JsonValue("v2")}, {"fail_after", JsonValue(3)}}));
  EXPECT_EQ(failed.status, RunStatus::Failed);
  EXPECT_EQ(failed.errorReason, "invalid-payload");
  EXPECT_EQ(failed.counts.updated, 0);
  for (const auto& r : stored("src-fixture")) EXPECT_NE(r.record.payload.find("v1"), std::string::npos);
  auto runs = store_->runs(std::string("src-fixture"), 1);
  ASSERT_TRUE(runs.isOk());
  EXPECT_EQ(runs->front().status, RunStatus::Failed);
  EXPECT_NE(runs->front().error.find("simulated failure after 3 records"), std::string::npos);
}

// More than the sink keeps in memory (8 MiB): the rest goes to a spill file, and still the whole
// run commits at once or not at all.
TEST_F(HarvestRunnerTest, aLargeRunSpillsToDiskAndStillCommitsAllOrNothing) {
  auto big = [&](const char* version, std::int64_t failAfter) {
    return source("fixture", {{"count", JsonValue(3000)}, {"pad_bytes", JsonValue(4000)}, {"version", JsonValue(version)},
                              {"fail_after", JsonValue(failAfter)}});
  };
  auto first = run(big("v1", -1));
  ASSERT_EQ(first.status, RunStatus::Success) << first.error;
  EXPECT_EQ(first.counts.added, 3000);
  ASSERT_EQ(stored("src-fixture").size(), 3000u);
  auto failed = run(big("v2", 2900));  // about 11 MB of changed records, then a failure
  EXPECT_EQ(failed.status, RunStatus::Failed);
  for (const auto& r : stored("src-fixture")) ASSERT_NE(r.record.payload.find("\"v1\""), std::string::npos);
  auto updated = run(big("v2", -1));
  ASSERT_EQ(updated.status, RunStatus::Success) << updated.error;
  EXPECT_EQ(updated.counts.updated, 3000);
  for (const auto& r : stored("src-fixture")) ASSERT_NE(r.record.payload.find("\"v2\""), std::string::npos);
}

TEST_F(HarvestRunnerTest, rejectedItemsAreCountedStoredAsErrorsAndNeverWithdrawn) {
  run(source("fixture", {{"count", JsonValue(14)}}));
  auto partial = run(source("fixture", {{"count", JsonValue(14)}, {"reject_some", JsonValue(true)}}));
  EXPECT_EQ(partial.status, RunStatus::Success);
  EXPECT_EQ(partial.counts.failed, 2);  // key-3 and key-10
  EXPECT_EQ(partial.errorReason, "rejected-records");
  EXPECT_EQ(partial.error, "2 items rejected, the others stored (first: key-3: simulated unreadable item; "
                           "key-10: simulated unreadable item)");
  EXPECT_EQ(partial.counts.withdrawn, 0);
  EXPECT_EQ(stored("src-fixture").size(), 14u);
}

TEST_F(HarvestRunnerTest, aPluginExceptionFailsTheRunWithAClearReason) {
  auto r = run(source("fixture", {{"count", JsonValue(1)}, {"throw_in", JsonValue("harvest")}}));
  EXPECT_EQ(r.status, RunStatus::Failed);
  EXPECT_EQ(r.errorReason, "plugin-exception");
  EXPECT_NE(r.error.find("boom in harvest"), std::string::npos);
}

TEST_F(HarvestRunnerTest, aRunOverItsTimeLimitIsRecordedAsTimedOut) {
  auto r = run(source("fixture", {{"count", JsonValue(100000)}, {"sleep_ms", JsonValue(5)}}), 1);
  EXPECT_EQ(r.status, RunStatus::TimedOut);
  EXPECT_EQ(r.errorReason, "timeout");
  EXPECT_LT(r.seconds, 5.0);
  EXPECT_TRUE(stored("src-fixture").empty());
}

TEST_F(HarvestRunnerTest, anUnchangedFeedCostsOneConditionalRequestAndWritesNothing) {
  test::TestHttpServer server;
  int served = 0;
  server.route("/items.json", [&](auto& request, auto& response) {
    if (request.get("If-None-Match", "") == "\"v1\"") {
      response.setStatus(Poco::Net::HTTPResponse::HTTP_NOT_MODIFIED);
      response.send();
      return;
    }
    ++served;
    response.set("ETag", "\"v1\"");
    test::TestHttpServer::sendText(response, 200, R"([{"id": 1, "t": "a"}, {"id": "2", "t": "b"}])",
                                   "application/json");
  });
  auto s = source("hello", {{"url", JsonValue(server.url("/items.json"))}, {"key_field", JsonValue("id")},
                            {"kind", JsonValue("hello.item")}});
  auto first = run(s);
  ASSERT_EQ(first.status, RunStatus::Success) << first.error;
  EXPECT_EQ(first.counts.added, 2);
  auto second = run(s);
  ASSERT_EQ(second.status, RunStatus::Success) << second.error;
  EXPECT_EQ(second.counts.added + second.counts.updated + second.counts.unchanged + second.counts.withdrawn, 0);
  EXPECT_EQ(served, 1);
  EXPECT_EQ(server.hits("/items.json"), 2);
  EXPECT_EQ(stored(s.id).size(), 2u);  // a 304 is not a complete listing: nothing withdrawn
}

TEST_F(HarvestRunnerTest, aTransportErrorIsClassifiedAndNamesTheUrl) {
  auto s = source("hello", {{"url", JsonValue("http://127.0.0.1:1/items.json")}, {"key_field", JsonValue("id")},
                            {"kind", JsonValue("hello.item")}});
  auto r = run(s);
  EXPECT_EQ(r.status, RunStatus::Failed);
  EXPECT_EQ(r.errorReason, "connect-refused");
  EXPECT_NE(r.error.find("http://127.0.0.1:1/items.json"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace hamhub::host

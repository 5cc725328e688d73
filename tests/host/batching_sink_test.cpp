#include "host/harvest/batching_sink.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "host/normalise/normaliser.h"
#include "host/store/store.h"
#include "support/temp_dir.h"

namespace hamhub::host {
namespace {

/// The sink on its own against a real SQLite store: what it writes, counts and withdraws.
class BatchingSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::open("sqlite:hub.db", dir_.path());
    ASSERT_TRUE(store.isOk()) << store.status().message();
    store_ = std::move(store).value();
  }

  // One run: `body` emits into a sink loaded from the store, then the run finishes with `complete`.
  RunCounts run(const std::function<void(BatchingSink&)>& body, std::vector<std::string> complete = {}) {
    auto runId = store_->beginRun("src");
    EXPECT_TRUE(runId.isOk());
    BatchingSink sink(*store_, normaliser_, "src", *runId, [&] { return store_->recordIndex("src"); }, {"16.73"});
    body(sink);
    HarvestResult result;
    result.next = "cursor";
    result.completeKinds = std::move(complete);
    Status finished = sink.finish(result);
    EXPECT_TRUE(finished.isOk()) << finished.message();
    EXPECT_TRUE(store_->finishRun(RunOutcome{*runId, RunStatus::Success, sink.counts(), "", ""}));
    return sink.counts();
  }

  std::vector<StoredRecord> stored(bool withWithdrawn = false) {
    RecordQuery q;
    q.source = "src";
    q.includeWithdrawn = withWithdrawn;
    auto r = store_->records(q);
    EXPECT_TRUE(r.isOk());
    return r.isOk() ? *r : std::vector<StoredRecord>{};
  }

  static void emit(BatchingSink& sink, const std::string& kind, const std::string& key, const std::string& payload) {
    ASSERT_TRUE(sink.emit(Record{kind, key, "", "", "", payload}).isOk());
  }

  test::TempDir dir_;
  std::unique_ptr<Store> store_;
  Normaliser normaliser_;
};

TEST_F(BatchingSinkTest, aKeyEmittedTwiceInOneRunKeepsItsFirstVersionAndRejectsADifferentRepeat) {
  RunCounts counts = run([](BatchingSink& sink) {
    emit(sink, "t.a", "1", R"({"v":1})");
    emit(sink, "t.a", "1", R"({"v":1})");  // the same again: unchanged
    emit(sink, "t.a", "1", R"({"v":2})");  // then different within the run: the source contradicts itself
    emit(sink, "t.b", "1", R"({"v":2})");  // another kind, another record
  });
  EXPECT_EQ(counts.added, 2);
  EXPECT_EQ(counts.unchanged, 1);
  EXPECT_EQ(counts.updated, 0);
  EXPECT_EQ(counts.failed, 1);
  auto records = stored();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].record.payload, R"({"v":1})");

  // The next run may change it as usual.
  counts = run([](BatchingSink& sink) { emit(sink, "t.a", "1", R"({"v":2})"); });
  EXPECT_EQ(counts.updated, 1);
  EXPECT_EQ(counts.failed, 0);
}

TEST_F(BatchingSinkTest, withdrawsOnlyUnseenRecordsOfCompleteKindsAndNeverRejectedKeys) {
  run([](BatchingSink& sink) {
    for (const char* key : {"1", "2", "3", "4"}) emit(sink, "t.a", key, "{}");
    emit(sink, "t.b", "1", "{}");
  });
  RunCounts counts = run(
      [](BatchingSink& sink) {
        emit(sink, "t.a", "1", "{}");
        sink.reject("3", "unreadable row");  // still listed, just unreadable this time
      },
      {"t.a"});
  EXPECT_EQ(counts.unchanged, 1);
  EXPECT_EQ(counts.failed, 1);
  EXPECT_EQ(counts.withdrawn, 2);  // t.a 2 and 4; t.b is not a complete kind
  std::vector<std::string> current;
  for (const auto& r : stored()) current.push_back(r.record.kind + "/" + r.record.key);
  EXPECT_EQ(current, (std::vector<std::string>{"t.a/1", "t.a/3", "t.b/1"}));

  // Withdrawn records are not withdrawn again; one that comes back is written and current again.
  counts = run([](BatchingSink& sink) { emit(sink, "t.a", "2", "{}"); }, {"t.a"});
  EXPECT_EQ(counts.updated, 1);
  EXPECT_EQ(counts.withdrawn, 2);  // 1 and 3 this time; 4 was already
  std::vector<std::string> after;
  for (const auto& r : stored()) after.push_back(r.record.kind + "/" + r.record.key);
  EXPECT_EQ(after, (std::vector<std::string>{"t.a/2", "t.b/1"}));
  EXPECT_EQ(stored(true).size(), 5u);
}

TEST_F(BatchingSinkTest, aCompleteListingThatNamesNothingWithdrawsEverythingOfItsKind) {
  run([](BatchingSink& sink) {
    for (const char* key : {"1", "2"}) emit(sink, "t.a", key, "{}");
  });
  // Nothing emitted (a feed of "0 results"): the sink has read no index yet, and must still withdraw.
  EXPECT_EQ(run([](BatchingSink&) {}, {"t.a"}).withdrawn, 2);
  EXPECT_TRUE(stored().empty());
  // Listing everything again withdraws nothing (and reads nothing back).
  run([](BatchingSink& sink) {
    for (const char* key : {"1", "2"}) emit(sink, "t.a", key, "{}");
  });
  EXPECT_EQ(run([](BatchingSink& sink) {
              for (const char* key : {"1", "2"}) emit(sink, "t.a", key, "{}");
            }, {"t.a"}).withdrawn, 0);
  EXPECT_EQ(stored().size(), 2u);
}

// More changed data than the sink keeps in memory, with one key emitted on both sides of the
// spill: still one row with the last version, and exact counts.
TEST_F(BatchingSinkTest, countsStayExactAcrossTheSpillFile) {
  const std::string pad(4000, 'x');
  RunCounts counts = run([&](BatchingSink& sink) {
    emit(sink, "t.a", "first", R"({"v":1})");
    for (int i = 0; i < 3000; ++i) emit(sink, "t.a", std::to_string(i), "{\"pad\":\"" + pad + "\"}");
    emit(sink, "t.a", "first", R"({"v":1})");  // spilled long ago, still known to be the same
    emit(sink, "t.a", "first", R"({"v":2})");  // and still known to differ
  });
  EXPECT_EQ(counts.added, 3001);
  EXPECT_EQ(counts.updated, 0);
  EXPECT_EQ(counts.unchanged, 1);
  EXPECT_EQ(counts.failed, 1);
  auto records = stored();
  ASSERT_EQ(records.size(), 3001u);
  EXPECT_EQ(records.back().record.key, "first");
  EXPECT_EQ(records.back().record.payload, R"({"v":1})");
}

}  // namespace
}  // namespace hamhub::host

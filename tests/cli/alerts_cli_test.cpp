// `hamhub demo --no-serve` end to end (simulator, harvest, check, score, alerts, summary), then
// `hamhub alerts` on the store it left: fields, filters, acknowledging, re-evaluation.

#include <gtest/gtest.h>

#include "hamhub/json.h"
#include "support/hamhub_process.h"
#include "support/temp_dir.h"

namespace hamhub::test {
namespace {

class AlertsCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    demo_ = new ProcessResult(runHamhub({"--config", HAMHUB_SOURCE_DIR "/config/hamhub.json", "demo", "--no-serve",
                                         "--dir", (dir_->path() / "demo").string(), "--listen", "127.0.0.1:0"}));
  }
  static void TearDownTestSuite() {
    delete demo_;
    delete dir_;
  }
  ProcessResult alerts(std::vector<std::string> args) {
    args.insert(args.begin(), {"--config", (dir_->path() / "demo" / "hamhub.json").string(), "alerts"});
    return runHamhub(args);
  }
  static JsonValue json(const ProcessResult& r) {
    auto parsed = parseJson(r.out);
    EXPECT_TRUE(parsed.isOk()) << r.out << r.err;
    return parsed.isOk() ? *parsed : JsonValue();
  }

  static TempDir* dir_;
  static ProcessResult* demo_;
};

TempDir* AlertsCliTest::dir_ = nullptr;
ProcessResult* AlertsCliTest::demo_ = nullptr;

TEST_F(AlertsCliTest, theDemoHarvestsScoresRaisesAlertsAndPrintsTokens) {
  ASSERT_EQ(demo_->exitCode, 0) << demo_->out << demo_->err;
  for (const char* text : {"== hamhub harvest --all", "jdih-16-73  maintenance", "Kanwil Sumatera Selatan (16):",
                           "1 gagal / failed: jdih-16-73", "Kabupaten Empat Lawang: laporan Aksi HAM B08 2024 belum masuk",
                           "viewer token (Kanwil Sumsel, read only): ", "operator token"}) {
    EXPECT_NE(demo_->out.find(text), std::string::npos) << text << "\n" << demo_->out;
  }
}

TEST_F(AlertsCliTest, listsAlertsAsJsonWithTheFieldsAndFilters) {
  const auto r = alerts({"--no-refresh", "--format", "json", "--region", "16", "--kind", "ranham.report-missing"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const JsonValue list = json(r);
  ASSERT_TRUE(list.isArray());
  ASSERT_EQ(list.asArray().size(), 2u) << r.out;  // Muratara and Empat Lawang have not reported B08
  for (const auto& alert : list.asArray()) {
    for (const char* key : {"id", "kind", "severity", "subject", "region", "message", "first_seen", "last_seen", "state"}) {
      EXPECT_NE(alert.find(key), nullptr) << key;
    }
    EXPECT_EQ(alert.find("severity")->asString(), "critical");
    EXPECT_EQ(alert.find("state")->asString(), "open");
  }
  const auto en = alerts({"--no-refresh", "--format", "csv", "--subject", "16.11", "--kind", "ranham.", "--lang", "en"});
  EXPECT_NE(en.out.find("Aksi HAM report B08 2024 not received; its deadline 15 September 2024 has passed"),
            std::string::npos)
      << en.out;
  EXPECT_EQ(alerts({"--no-refresh", "--region", "31", "--format", "json"}).out.find("16."), std::string::npos);
  const auto bad = alerts({"--state", "closed"});
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_NE(bad.err.find("--state is open, acknowledged, resolved or all"), std::string::npos) << bad.err;
}

TEST_F(AlertsCliTest, acknowledgesAndReevaluatesWithoutDuplicates) {
  const JsonValue list = json(alerts({"--no-refresh", "--format", "json", "--kind", "irh.jdih-unavailable"}));
  ASSERT_TRUE(list.isArray());
  ASSERT_EQ(list.asArray().size(), 1u) << "Lubuk Linggau's JDIH in maintenance puts its IRH indicator at risk";
  const std::string id = std::to_string(list.asArray()[0].find("id")->asInt());

  const auto acked = alerts({"--ack", id, "--by", "kanwil-sumsel"});
  ASSERT_EQ(acked.exitCode, 0) << acked.err;
  EXPECT_NE(acked.out.find("acknowledged by kanwil-sumsel"), std::string::npos) << acked.out;
  EXPECT_EQ(alerts({"--ack", "999999"}).exitCode, 2);
  EXPECT_EQ(alerts({"--ack", "x1"}).exitCode, 2);

  // Evaluating again finds the same things: nothing new, the acknowledgement kept.
  const auto again = alerts({"--format", "json", "--state", "acknowledged"});
  ASSERT_EQ(again.exitCode, 0) << again.err;
  EXPECT_NE(again.err.find(": 0 new, 0 changed, 0 resolved"), std::string::npos) << again.err;
  const JsonValue acknowledged = json(again);
  ASSERT_EQ(acknowledged.asArray().size(), 1u);
  EXPECT_EQ(acknowledged.asArray()[0].find("acknowledged_by")->asString(), "kanwil-sumsel");
}

}  // namespace
}  // namespace hamhub::test

// The alert rules over a real SQLite store: each rule's trigger and its absence, deadlines before and
// after, and an alert that resolves itself when the data comes.

#include <gtest/gtest.h>

#include "host/alerts/alert_evaluator.h"
#include "host/alerts/rule_context.h"
#include "support/temp_dir.h"
#include "support/test_subjects.h"

namespace hamhub::host {
namespace {

using std::chrono::sys_days;

using test::testSubject;

sys_days day(const char* iso) { return *parseDay(iso); }
TimePoint at(const char* iso) { return *parseUtc(iso); }

class AlertRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Store::open("sqlite:hub.db", dir_.path());
    ASSERT_TRUE(opened.isOk()) << opened.status().message();
    store_ = std::move(*opened);
    ASSERT_TRUE(store_->upsertSubjects(subjects_));
    ASSERT_TRUE(store_->syncSources({{"jdih-16-73", "jdih", {"16.73"}, true, "h"},
                                     {"ranham-16", "ranham", {"16"}, true, "h"},
                                     {"opd-16", "opd", {"16"}, true, "h"}}));
    auto zone = TimeZone::load("Asia/Jakarta");
    ASSERT_TRUE(zone.isOk());
    zone_ = *zone;
    rules_.kkpham.deadlines = {{2024, "2024-03-31", "2024-05-15"}};
    rules_.ranham.firstYear = 2021;
    rules_.ranham.lastYear = 2025;
  }

  // Runs the rules with deadlines judged on `today` and outages at `now`; returns the live alerts.
  std::vector<AlertRow> evaluate(const char* today, const char* now = "2024-09-25T03:00:00Z") {
    return evaluateAt(today, at(now));
  }
  std::vector<AlertRow> evaluateAt(const char* today, TimePoint now) {
    auto synced = refreshAlerts(*store_, rules_, subjects_, now, *zone_, day(today));
    EXPECT_TRUE(synced.isOk()) << synced.status().message();
    auto live = store_->alerts({});
    EXPECT_TRUE(live.isOk());
    return live.isOk() ? *live : std::vector<AlertRow>{};
  }

  static std::vector<AlertRow> ofKind(const std::vector<AlertRow>& alerts, const std::string& kind) {
    std::vector<AlertRow> out;
    for (const auto& a : alerts) {
      if (a.finding.kind == kind) out.push_back(a);
    }
    return out;
  }

  void records(const std::string& source, std::vector<Record> items, RunStatus status = RunStatus::Success,
               std::string reason = "") {
    auto run = store_->beginRun(source);
    ASSERT_TRUE(run.isOk()) << run.status().message();
    Batch batch;
    batch.source = source;
    batch.runId = *run;
    batch.fetchedAt = std::chrono::system_clock::now();
    for (auto& r : items) batch.writes.push_back({std::move(r), "hash-" + std::to_string(batch.writes.size()), true});
    ASSERT_TRUE(store_->commitBatch(batch));
    ASSERT_TRUE(store_->finishRun({*run, status, {}, reason.empty() ? "" : "failed: " + reason, reason}));
  }

  void kkphamScore(const std::string& id, const std::string& states) {
    ScoreRow row;
    row.subject = id;
    row.instrument = "kkpham";
    row.version = "22/2021";
    row.period = "2024";
    row.inputHash = id + states;
    row.computedAt = "2024-06-01T00:00:00Z";
    row.result = R"({"indicators": [)" + states + "]}";
    ASSERT_TRUE(store_->insertScores({row}));
  }

  hamhub::test::TempDir dir_;
  std::unique_ptr<Store> store_;
  std::optional<TimeZone> zone_;
  AlertRules rules_;
  std::vector<Subject> subjects_ = {testSubject("16", "Sumatera Selatan", SubjectKind::Province),
                                    testSubject("16.10", "Kabupaten Ogan Ilir", SubjectKind::KabKota),
                                    testSubject("16.73", "Kota Lubuk Linggau", SubjectKind::KabKota)};
};

TEST_F(AlertRulesTest, kkphamWarnsBeforeTheDeadlineAndIsCriticalAfterIt) {
  kkphamScore("16.10", R"({"id": "1.S", "state": "ok"}, {"id": "6.P", "state": "no-data-dukung"},
                          {"id": "7.H", "state": "missing"})");
  kkphamScore("16.73", R"({"id": "1.S", "state": "ok"})");
  EXPECT_TRUE(ofKind(evaluate("2024-02-20"), "kkpham.data-dukung-missing").empty()) << "before the warning window";

  auto alerts = ofKind(evaluate("2024-03-10"), "kkpham.data-dukung-missing");
  ASSERT_EQ(alerts.size(), 1u);  // Lubuk Linggau is complete
  EXPECT_EQ(alerts[0].finding.subject, "16.10");
  EXPECT_EQ(alerts[0].finding.region, "16");
  EXPECT_EQ(alerts[0].finding.severity, AlertSeverity::Warning);
  EXPECT_EQ(alerts[0].finding.messageId,
            "Kabupaten Ogan Ilir: 2 indikator KKPHAM 2024 belum lengkap (1 tanpa data, 1 tanpa data dukung); "
            "batas pengiriman data dukung ke Kanwil 31 Maret 2024");
  EXPECT_NE(alerts[0].finding.details.find(R"("no_data_dukung":["6.P"])"), std::string::npos) << alerts[0].finding.details;

  const auto id = alerts[0].id;
  alerts = ofKind(evaluate("2024-04-02"), "kkpham.data-dukung-missing");
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].id, id) << "the same alert, escalated";
  EXPECT_EQ(alerts[0].finding.severity, AlertSeverity::Critical);
  EXPECT_EQ(alerts[0].revision, 2);
  EXPECT_NE(alerts[0].finding.messageEn.find("the data dukung deadline 31 March 2024 has passed"), std::string::npos);

  // The data dukung arrive and the rescore finds nothing missing: the alert resolves itself.
  kkphamScore("16.10", R"({"id": "1.S", "state": "ok"}, {"id": "6.P", "state": "ok"}, {"id": "7.H", "state": "ok"})");
  EXPECT_TRUE(ofKind(evaluate("2024-04-03"), "kkpham.data-dukung-missing").empty());
  auto resolved = store_->alert(id);
  ASSERT_TRUE(resolved.isOk() && resolved->has_value());
  EXPECT_EQ((*resolved)->state, AlertState::Resolved);
}

TEST_F(AlertRulesTest, kkphamSaysWhenAKabKotaHasNoDataAtAll) {
  kkphamScore("16.73", R"({"id": "1.S", "state": "ok"})");
  auto alerts = ofKind(evaluate("2024-03-10"), "kkpham.data-dukung-missing");
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].finding.subject, "16.10");
  EXPECT_NE(alerts[0].finding.messageId.find("belum ada data KKPHAM 2024 sama sekali"), std::string::npos);
}

Record report(const std::string& subject, const std::string& period, const std::string& submitted) {
  return Record{"ranham.report_entry", subject + "|" + period + "|1", subject, period, "",
                R"({"submitted_at": ")" + submitted + R"("})"};
}

TEST_F(AlertRulesTest, ranhamMissingAndLateReportsPerRound) {
  records("ranham-16", {report("16", "2024-B04", "2024-05-10"), report("16", "2024-B08", "2024-09-02"),
                        report("16.10", "2024-B04", "2024-05-20"), report("16.73", "2024-B04", "2024-05-02"),
                        report("16.73", "2024-B08", "2024-09-01")});
  // 5 September: B08 is due on 15 September (warning window of 14 days has begun).
  auto alerts = evaluate("2024-09-05");
  auto missing = ofKind(alerts, "ranham.report-missing");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].finding.subject, "16.10");
  EXPECT_EQ(missing[0].finding.severity, AlertSeverity::Warning);
  EXPECT_EQ(missing[0].finding.messageId,
            "Kabupaten Ogan Ilir: laporan Aksi HAM B08 2024 belum masuk; batas pelaporan 15 September 2024");
  auto late = ofKind(alerts, "ranham.report-late");
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].finding.key, "ranham.report-late|16.10|2024-B04");

  alerts = evaluate("2024-09-16");
  missing = ofKind(alerts, "ranham.report-missing");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].finding.severity, AlertSeverity::Critical);
  EXPECT_NE(missing[0].finding.messageEn.find("its deadline 15 September 2024 has passed"), std::string::npos);

  // After the plan's last year no new round is due: only its last rounds are still missing.
  rules_.ranham.lastYear = 2023;
  for (const auto& a : ofKind(evaluate("2024-09-16"), "ranham.report-missing")) {
    EXPECT_NE(a.finding.key.find("|2023-B"), std::string::npos) << a.finding.key;
  }
}

Record declaration(const std::string& unit, const std::string& declared, const std::string& skTim) {
  return Record{"p2ham.declaration", unit, "16.10", "", "",
                R"({"unit": ")" + unit + R"(", "declared_at": ")" + declared + R"(", "sk_tim": ")" + skTim + R"("})"};
}

TEST_F(AlertRulesTest, p2hamDeclaredUnitsOweTheirSkTimAndEvidence) {
  records("opd-16", {declaration("Disdukcapil", "2024-06-01", ""), declaration("DPMPTSP", "2024-06-01", "SK 12/2024"),
                     declaration("Dinkes", "2024-09-20", ""),
                     Record{"p2ham.indicator_value", "dpmptsp-1", "16.10", "2024", "", R"({"unit": "dpmptsp"})"}});
  auto alerts = evaluate("2024-09-25");
  auto sk = ofKind(alerts, "p2ham.sk-tim-missing");
  ASSERT_EQ(sk.size(), 1u) << "Dinkes is still within its grace period";
  EXPECT_EQ(sk[0].finding.messageId,
            "Disdukcapil, Kabupaten Ogan Ilir: SK Tim operator P2HAM belum dikirim ke Kanwil (dicanangkan 1 Juni 2024)");
  auto evidence = ofKind(alerts, "p2ham.evidence-missing");
  ASSERT_EQ(evidence.size(), 1u) << "DPMPTSP's evidence names the unit in other letters and still counts";
  EXPECT_NE(evidence[0].finding.messageEn.find("Disdukcapil"), std::string::npos);
}

TEST_F(AlertRulesTest, sourcesDownTooLongStaleOrWithAnInvalidJdihFeed) {
  SourceHealth down;
  down.source = "opd-16";
  down.state = HealthState::Down;
  down.reason = "connect-refused";
  down.detail = "connection refused";
  down.since = "2024-09-25T01:30:00Z";
  down.checkedAt = "2024-09-25T02:50:00Z";
  ASSERT_TRUE(store_->recordHealth(down, true, false));
  SourceHealth planned = down;
  planned.source = "ranham-16";
  planned.state = HealthState::Maintenance;
  planned.reason = "planned-maintenance";
  planned.since = "2024-09-20T00:00:00Z";
  ASSERT_TRUE(store_->recordHealth(planned, true, true));

  records("jdih-16-73", {}, RunStatus::Failed, "invalid-payload");
  auto alerts = evaluate("2024-09-25", "2024-09-25T02:00:00Z");
  EXPECT_TRUE(ofKind(alerts, "source.down").empty()) << "30 minutes down is under the limit";
  alerts = evaluate("2024-09-25", "2024-09-25T03:00:00Z");
  auto downAlerts = ofKind(alerts, "source.down");
  ASSERT_EQ(downAlerts.size(), 1u);
  EXPECT_EQ(downAlerts[0].finding.source, "opd-16");
  EXPECT_EQ(downAlerts[0].finding.messageId,
            "Sumatera Selatan (opd-16): sumber data tidak dapat diakses sejak 25 September 2024 08:30 (connection refused)");
  EXPECT_TRUE(ofKind(alerts, "source.maintenance").empty()) << "a declared window raises nothing";
  auto irh = ofKind(alerts, "irh.jdih-unavailable");
  ASSERT_EQ(irh.size(), 1u);
  EXPECT_EQ(irh[0].finding.subject, "16.73");
  EXPECT_EQ(irh[0].finding.severity, AlertSeverity::Critical);

  // The hub cancelling a harvest is not the site's fault.
  records("jdih-16-73", {}, RunStatus::Cancelled, "cancelled");
  EXPECT_TRUE(ofKind(evaluate("2024-09-25"), "irh.jdih-unavailable").empty());

  // A fortnight after its first run nothing succeeded for the JDIH site: its data are stale (runs
  // are stamped with the real clock).
  EXPECT_TRUE(ofKind(evaluate("2024-10-20"), "source.stale").empty());
  auto stale = ofKind(evaluateAt("2024-10-20", std::chrono::system_clock::now() + std::chrono::days(15)), "source.stale");
  ASSERT_FALSE(stale.empty());
  EXPECT_EQ(stale[0].finding.source, "jdih-16-73");
}

TEST(AlertRulesFile, refusesBadValuesWithTheirPath) {
  hamhub::test::TempDir dir;
  dir.write("alert-rules.json", R"({"type": "alert-rules",
      "kkpham": {"deadlines": [{"year": 2024, "submission": "2024-13-01", "verification": "2024-05-15"}]},
      "ranham": {"rounds": {"B04": 13}, "plan_years": [2025, 2021], "warn_days": -1},
      "jdih": {"warning_below": 2}, "bogus": 1})");
  ConfigIssues issues;
  loadAlertRules(dir.path(), issues);
  std::string all;
  for (const auto& i : issues) all += i.toString() + "\n";
  EXPECT_NE(all.find("bogus"), std::string::npos) << all;

  issues.clear();
  dir.write("alert-rules.json", R"({"type": "alert-rules",
      "kkpham": {"deadlines": [{"year": 2024, "submission": "2024-13-01", "verification": "2024-05-15"}]},
      "ranham": {"rounds": {"B04": 13}, "plan_years": [2025, 2021], "warn_days": -1},
      "jdih": {"warning_below": 2}})");
  loadAlertRules(dir.path(), issues);
  all.clear();
  for (const auto& i : issues) all += i.toString() + "\n";
  for (const char* path : {"kkpham.deadlines[0].submission", "ranham.rounds.B04", "ranham.plan_years",
                           "ranham.warn_days", "jdih.warning_below"}) {
    EXPECT_NE(all.find(path), std::string::npos) << path << " in\n" << all;
  }

  issues.clear();
  dir.write("alert-rules.json", R"({"type": "alert-rules", "ranham": {"lookback_rounds": 4}})");
  const AlertRules rules = loadAlertRules(dir.path(), issues);
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(rules.ranham.lookbackRounds, 4);
  EXPECT_EQ(rules.kkpham.warnDays, 30) << "defaults for what the file leaves out";
}

TEST(AlertRulesFile, theShippedRulesLoad) {
  ConfigIssues issues;
  const AlertRules rules = loadAlertRules(HAMHUB_SOURCE_DIR "/config/criteria", issues);
  for (const auto& i : issues) ADD_FAILURE() << i.toString();
  EXPECT_FALSE(rules.kkpham.deadlines.empty());
  EXPECT_EQ(rules.ranham.rounds.size(), 3u);
}

}  // namespace
}  // namespace hamhub::host

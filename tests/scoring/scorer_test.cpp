// The built-in scorer against hand-computed cases on the shipped criteria models. Each test shows
// its arithmetic.
#include <gtest/gtest.h>

#include "host/criteria/criteria_loader.h"
#include "host/scoring/score_result.h"
#include "model_scorer.h"
#include "value_reading.h"

namespace hamhub::scoring {
namespace {

class ScorerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    host::ConfigIssues issues;
    catalog_ = new host::CriteriaCatalog(
        host::CriteriaCatalog::load(std::filesystem::path(HAMHUB_SOURCE_DIR) / "config" / "criteria", issues));
    ASSERT_TRUE(issues.empty()) << issues.front().toString();
  }
  static void TearDownTestSuite() { delete catalog_; }

  static const CriteriaModel& model(const char* instrument) { return *catalog_->find(instrument, 2024); }

  static EvidenceItem item(std::string indicator, std::string value, bool dataDukung = true,
                           Combine combine = Combine::Best) {
    EvidenceItem e;
    e.indicator = std::move(indicator);
    e.value = std::move(value);
    e.hasDataDukung = dataDukung;
    e.source = "test";
    e.recordKind = "test.value";
    e.recordKey = e.indicator;
    e.combine = combine;
    return e;
  }

  ScoreResult score(const char* instrument, std::string period, std::vector<EvidenceItem> evidence) {
    ScoreRequest request{&model(instrument), "16.10", std::move(period), std::move(evidence)};
    auto result = scorer_.score(request);
    EXPECT_TRUE(result.isOk()) << result.status().message();
    return result.isOk() ? *result : ScoreResult{};
  }

  static const IndicatorResult& indicator(const ScoreResult& r, const std::string& id) {
    for (const auto& i : r.indicators) {
      if (i.indicator == id) return i;
    }
    throw std::out_of_range(id);
  }

  ModelScorer scorer_;
  static host::CriteriaCatalog* catalog_;
};

host::CriteriaCatalog* ScorerTest::catalog_ = nullptr;

TEST_F(ScorerTest, skmIkmIsTheMeanOfTheElementMeansTimes25) {
  // Means 3.2 3.0 3.5 3.8 3.1 3.4 3.6 3.3 2.9: sum 29.8, mean 3.31111…, × 25 = 82.7777… → 82.78 → B.
  const char* means[] = {"3.2", "3.0", "3.5", "3.8", "3.1", "3.4", "3.6", "3.3", "2.9"};
  std::vector<EvidenceItem> evidence;
  for (int u = 0; u < 9; ++u) evidence.push_back(item("U" + std::to_string(u + 1), means[u]));
  const ScoreResult r = score("skm", "2024-S1", evidence);
  EXPECT_DOUBLE_EQ(r.total, 82.78);
  EXPECT_EQ(r.predicate, "B");
  EXPECT_DOUBLE_EQ(r.completeness, 1.0);
  EXPECT_TRUE(r.missing.empty());
  EXPECT_TRUE(r.coaching.empty()) << "B is the target band and is reached";
}

TEST_F(ScorerTest, skmBandEdgeAt88Point31) {
  // Every element 3.5325: IKM = 3.5325 × 25 = 88.3125 → 88.31 → A (exact 100/9 weights).
  std::vector<EvidenceItem> evidence;
  for (int u = 1; u <= 9; ++u) evidence.push_back(item("U" + std::to_string(u), "3.5325"));
  const ScoreResult r = score("skm", "2024-S2", evidence);
  EXPECT_DOUBLE_EQ(r.total, 88.31);
  EXPECT_EQ(r.predicate, "A");
}

// KKPHAM: criteria 2–10 each struktur 10 + proses 30 + hasil `hasil`; criterion 1 as given.
std::vector<EvidenceItem> kkphamEvidence(int hasil, bool hasilOneWithDataDukung) {
  std::vector<EvidenceItem> e;
  auto add = [&](const std::string& id, const std::string& value, bool dd = true) {
    EvidenceItem x;
    x.indicator = id;
    x.value = value;
    x.hasDataDukung = dd;
    x.source = "kkpham-16";
    x.recordKind = "kkpham.indicator_value";
    x.recordKey = "16.10|2024|" + id;
    x.combine = Combine::Sum;
    e.push_back(x);
  };
  add("1.S", "10");
  add("1.P", "20");
  add("1.P", "15");  // 20 + 15 = 35, capped at the component's 30
  add("1.H", "45", hasilOneWithDataDukung);
  for (int c = 2; c <= 10; ++c) {
    add(std::to_string(c) + ".S", "10");
    add(std::to_string(c) + ".P", "30");
    add(std::to_string(c) + ".H", std::to_string(hasil));
  }
  return e;
}

TEST_F(ScorerTest, kkphamTotalIsTheMeanOfCriteriaAndHasilWithoutDataDukungEarnsNothing) {
  // Criterion 1: 10 + min(35, 30) + 0 (hasil lacks data dukung) = 40; criteria 2–10: 100 each.
  // Total = (40 + 9 × 100) / 10 = 94 → Kabupaten/Kota Peduli HAM.
  const ScoreResult r = score("kkpham", "2024", kkphamEvidence(60, false));
  EXPECT_DOUBLE_EQ(r.criteria.at(0).score, 40.0);
  EXPECT_DOUBLE_EQ(r.criteria.at(1).score, 100.0);
  EXPECT_DOUBLE_EQ(r.total, 94.0);
  EXPECT_EQ(r.predicate, "peduli-ham");
  EXPECT_EQ(indicator(r, "1.H").state, "no-data-dukung");
  EXPECT_EQ(indicator(r, "1.P").evidence.size(), 2u);
  EXPECT_EQ(r.missing, std::vector<std::string>{"1.H"});
  // 29 of 30 components have valid evidence.
  EXPECT_NEAR(r.completeness, 29.0 / 30.0, 1e-12);
}

TEST_F(ScorerTest, kkphamCoachingRanksByGainAndFindsTheSmallestSetToSeventyFive) {
  // Criteria 2–10 at 10 + 30 + 30 = 70, criterion 1 at 40: total (40 + 630) / 10 = 67.
  // Gains on the total: 1.H 60/10 = 6.0; each other hasil (30 short) 3.0. 67 + 6 = 73 < 75;
  // + 3 = 76 ≥ 75: two steps.
  const ScoreResult r = score("kkpham", "2024", kkphamEvidence(30, false));
  EXPECT_DOUBLE_EQ(r.total, 67.0);
  EXPECT_EQ(r.predicate, "cukup-peduli");
  ASSERT_EQ(r.coaching.size(), 10u);
  EXPECT_EQ(r.coaching[0].indicator, "1.H");
  EXPECT_DOUBLE_EQ(r.coaching[0].gain, 6.0);
  EXPECT_EQ(r.coaching[0].action.rfind("Lengkapi data dukung untuk indikator 1.H", 0), 0u) << r.coaching[0].action;
  EXPECT_EQ(r.coaching[1].indicator, "2.H");
  EXPECT_DOUBLE_EQ(r.coaching[1].gain, 3.0);
  EXPECT_EQ(r.reachesTarget, 2u);
}

std::vector<EvidenceItem> p2hamEvidence(const char* ibadah) {
  std::vector<EvidenceItem> e;
  for (const char* id : {"guiding-block", "ramp", "toilet-disabilitas", "rambu-kelompok-rentan", "parkir-disabilitas",
                         "loket-khusus", "maklumat-pelayanan", "sarana-pengaduan", "informasi-pelayanan",
                         "ruang-bermain-anak", "alat-bantu", "kursi-prioritas", "petugas-siaga"}) {
    EvidenceItem x;
    x.indicator = id;
    x.value = "Ada";
    x.hasDataDukung = true;
    x.source = "p2ham";
    x.recordKind = "p2ham.indicator_value";
    x.recordKey = id;
    e.push_back(x);
  }
  auto with = [&](const char* id, const char* value) {
    EvidenceItem x = e.front();
    x.indicator = id;
    x.recordKey = id;
    x.value = value;
    e.push_back(x);
  };
  with("ruang-laktasi", "proses ");  // labels match whatever the case and spacing
  with("helpdesk", "TIDAK");
  with("tempat-ibadah", ibadah);
  return e;
}

TEST_F(ScorerTest, p2hamAdaProsesTidakAndTheMissingSkTim) {
  // 100 − ruang laktasi 5 × 0.5 − helpdesk 5 − SK Tim 9 (missing) = 83.5 ≥ 80: the predicate.
  const ScoreResult r = score("p2ham", "2024", p2hamEvidence("Ada"));
  EXPECT_DOUBLE_EQ(r.total, 83.5);
  EXPECT_EQ(r.predicate, "p2ham");
  EXPECT_EQ(indicator(r, "ruang-laktasi").state, "partial");
  EXPECT_EQ(r.missing, std::vector<std::string>{"sk-tim-operator"});
  EXPECT_TRUE(r.coaching.empty());
}

TEST_F(ScorerTest, p2hamAnInvalidValueIsReportedAndCostsItsPoints) {
  // "Mungkin" is not Ada/Proses/Tidak: tempat ibadah earns nothing: 83.5 − 5 = 78.5 < 80.
  // Coaching: SK Tim (+9) alone reaches 87.5.
  const ScoreResult r = score("p2ham", "2024", p2hamEvidence("Mungkin"));
  EXPECT_DOUBLE_EQ(r.total, 78.5);
  EXPECT_EQ(r.predicate, "");
  EXPECT_EQ(indicator(r, "tempat-ibadah").state, "invalid");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].find("tempat-ibadah: nilai 'Mungkin' bukan salah satu dari Ada, Proses, Tidak"),
            std::string::npos)
      << r.problems[0];
  EXPECT_EQ(r.coaching.front().indicator, "sk-tim-operator");
  EXPECT_EQ(r.reachesTarget, 1u);
}

TEST_F(ScorerTest, ranhamHalfSubstanceHalfAdministrationPerTargetGroup) {
  // Each of the 8 indicators is worth 12.5.
  // perempuan: capaian mean(80%, 60%) = 0.7 → 8.75; a report with data dukung → 12.5
  // anak: 100% → 12.5; its report lacks data dukung → 0
  // disabilitas: nothing → 0 + 0;  adat: 50% → 6.25; with data dukung → 12.5
  // Total 8.75 + 12.5 + 12.5 + 0 + 0 + 0 + 6.25 + 12.5 = 52.5 → Cukup (50–74.99).
  std::vector<EvidenceItem> e = {
      item("substansi.perempuan", "Tercapai 80%", true, Combine::Mean),
      item("substansi.perempuan", "Tercapai 60%", true, Combine::Mean),
      item("administrasi.perempuan", "", true),
      item("substansi.anak", "100%", false, Combine::Mean),
      item("administrasi.anak", "", false),
      item("substansi.adat", "Tercapai 50%", true, Combine::Mean),
      item("administrasi.adat", "", true),
  };
  const ScoreResult r = score("ranham", "2024-B08", e);
  EXPECT_DOUBLE_EQ(indicator(r, "substansi.perempuan").points, 8.75);
  EXPECT_EQ(indicator(r, "administrasi.anak").state, "no-data-dukung");
  EXPECT_DOUBLE_EQ(r.criteria.at(0).score, 27.5);
  EXPECT_DOUBLE_EQ(r.criteria.at(1).score, 25.0);
  EXPECT_DOUBLE_EQ(r.total, 52.5);
  EXPECT_EQ(r.predicate, "cukup");
  EXPECT_EQ(r.missing, (std::vector<std::string>{"substansi.disabilitas", "administrasi.anak", "administrasi.disabilitas"}));
}

TEST_F(ScorerTest, irhWeightsTheVariables25_25_30_20) {
  // V1 verified score 80% of 25 = 20; V2, V3 missing; V4: online 8 + documents 4 + metadata 65% of 8
  // = 5.2. Total 37.2 → C (0–49.99). Coaching to BB (70): V3 +30 → 67.2, V2 +25 → 92.2: two steps.
  std::vector<EvidenceItem> e = {item("V1.skor", "80", true), item("V4.online", "Ya"), item("V4.dokumen", ""),
                                 item("V4.metadata", "65")};
  const ScoreResult r = score("irh", "2024", e);
  EXPECT_DOUBLE_EQ(r.total, 37.2);
  EXPECT_EQ(r.predicate, "C");
  ASSERT_GE(r.coaching.size(), 2u);
  EXPECT_EQ(r.coaching[0].indicator, "V3.skor");
  EXPECT_DOUBLE_EQ(r.coaching[0].gain, 30.0);
  EXPECT_EQ(r.coaching[1].indicator, "V2.skor");
  EXPECT_EQ(r.reachesTarget, 2u);
}

TEST_F(ScorerTest, evidenceForAnUnknownIndicatorIsReportedAndTheRestScored) {
  std::vector<EvidenceItem> evidence = {item("U1", "4"), item("U42", "4")};
  const ScoreResult r = score("skm", "2024-S1", evidence);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].find("indikator 'U42' tidak ada di model skm 14/2017"), std::string::npos);
  // U1 at 4/4 earns 100/9 = 11.11.
  EXPECT_DOUBLE_EQ(r.total, 11.11);
}

TEST_F(ScorerTest, aPeriodTheInstrumentDoesNotHaveIsAnError) {
  ScoreRequest request{&model("ranham"), "16.10", "2024-B06", {}};
  auto result = scorer_.score(request);
  ASSERT_FALSE(result.isOk());
  EXPECT_EQ(result.status().reason(), "invalid-period");
  EXPECT_NE(result.status().message().find("period '2024-B06' does not exist for ranham 53/2021"), std::string::npos);
}

TEST_F(ScorerTest, theSameRequestGivesTheSameResult) {
  const ScoreResult a = score("kkpham", "2024", kkphamEvidence(30, true));
  const ScoreResult b = score("kkpham", "2024", kkphamEvidence(30, true));
  EXPECT_EQ(a.total, b.total);
  ASSERT_EQ(a.coaching.size(), b.coaching.size());
  for (std::size_t i = 0; i < a.coaching.size(); ++i) EXPECT_EQ(a.coaching[i].indicator, b.coaching[i].indicator);
}

TEST_F(ScorerTest, theStoredResultReadsBackAsTheNamedExplanation) {
  std::vector<EvidenceItem> evidence = p2hamEvidence("Mungkin");
  evidence.front().url = "https://x/\"1\"";
  evidence.front().fetchedAt = "2024-05-01T00:00:00Z";
  const ScoreRequest request{&model("p2ham"), "16.10/RSUD", "2024", evidence};
  const ScoreResult r = score("p2ham", "2024", evidence);
  const JsonValue v = host::scoreResultValue(host::scoreResultJson(model("p2ham"), request, r));

  std::vector<std::string> keys;
  for (const auto& [key, value] : v.asObject()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"subject", "instrument", "version", "legal_basis", "period", "total", "scale",
                                            "predicate", "predicate_name", "predicate_name_en", "completeness",
                                            "criteria", "missing", "indicators", "coaching", "problems"}));
  EXPECT_EQ(v.find("subject")->asString(), "16.10/RSUD");
  EXPECT_EQ(v.find("total")->asNumber(), 78.5);
  EXPECT_EQ(v.find("predicate_name")->asString(), "");
  const JsonValue& criterion = v.find("criteria")->asArray().front();
  EXPECT_EQ(criterion.find("name")->asString(), model("p2ham").criteria.front().name);
  EXPECT_EQ(toJson(*v.find("missing")), R"(["tempat-ibadah","sk-tim-operator"])");
  const JsonValue& first = v.find("indicators")->asArray().front();
  EXPECT_EQ(first.find("name")->asString(), model("p2ham").criteria.front().indicators.front().name);
  EXPECT_EQ(first.find("confidence")->asString(), "C");
  const JsonValue& e = first.find("evidence")->asArray().front();
  EXPECT_EQ(toJson(e), R"({"source":"p2ham","record_kind":"p2ham.indicator_value","record_key":"guiding-block",)"
                       R"("code":"","value":"Ada","data_dukung":true,"url":"https://x/\"1\"",)"
                       R"("fetched_at":"2024-05-01T00:00:00Z"})");
  const JsonValue& coaching = *v.find("coaching");
  EXPECT_EQ(coaching.find("target")->asString(), "p2ham");
  EXPECT_EQ(coaching.find("target_min")->asNumber(), 80);
  EXPECT_EQ(coaching.find("reaches_target")->asInt(), 1);
  EXPECT_EQ(coaching.find("steps")->asArray().front().find("indicator")->asString(), "sk-tim-operator");
  EXPECT_EQ(toJson(*v.find("problems")), toJson(JsonValue(JsonValue::Array(r.problems.begin(), r.problems.end()))));
}

TEST(ScoreResultTest, resultsStoredByEarlierVersionsReadAsTheyAre) {
  const std::string named = R"({"subject":"16.10","total":71.5,"criteria":[{"id":"1","name":"Satu","score":7}]})";
  EXPECT_EQ(toJson(host::scoreResultValue(named)), named);
  EXPECT_TRUE(host::scoreResultValue("not json").isObject());
}

TEST(ValueReadingTest, numbersAsExportsWriteThem) {
  EXPECT_EQ(firstNumber("78"), 78.0);
  EXPECT_EQ(firstNumber("78,5"), 78.5);
  EXPECT_EQ(firstNumber("1.234,5"), 1234.5);
  EXPECT_EQ(firstNumber("1.234"), 1234.0);
  EXPECT_EQ(firstNumber("1.234.567"), 1234567.0);
  EXPECT_EQ(firstNumber("2.5"), 2.5);
  EXPECT_EQ(firstNumber("0.125"), 0.125);
  EXPECT_EQ(firstNumber("Tercapai 60%"), 60.0);
  EXPECT_EQ(firstNumber("-"), std::nullopt);
  EXPECT_EQ(firstNumber(""), std::nullopt);
}

}  // namespace
}  // namespace hamhub::scoring

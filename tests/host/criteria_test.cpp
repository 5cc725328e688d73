// The criteria model files: the shipped ones load and say what they rest on; inconsistent ones are
// refused with the file, the JSON path and the reason.
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "host/config/json_file.h"
#include "host/criteria/criteria_loader.h"
#include "support/temp_dir.h"

namespace hamhub::host {
namespace {

const std::filesystem::path kShipped = std::filesystem::path(HAMHUB_SOURCE_DIR) / "config" / "criteria";

// A small valid model; tests break one thing at a time.
const char* kValid = R"({
  "type": "criteria-model", "instrument": "demo", "version": "1/2024", "name": "Demo",
  "legal_basis": "Permen 1/2024", "valid_from": "2024-01-01", "subject_kinds": ["kabkota"],
  "period": {"kind": "year"}, "total": "sum",
  "criteria": [
    {"id": "K1", "name": "Satu", "confidence": "C", "indicators": [
      {"id": "K1.a", "name": "a", "value": {"kind": "document"}, "weight": 40, "confidence": "C"},
      {"id": "K1.b", "name": "b", "value": {"kind": "levels", "levels": {"Ada": 1, "Proses": 0.5, "Tidak": 0}},
       "weight": 20, "confidence": "A"}]},
    {"id": "K2", "name": "Dua", "confidence": "P", "indicators": [
      {"id": "K2.a", "name": "c", "value": {"kind": "number", "min": 0, "max": 10,
        "bands": [{"min": 0, "max": 5, "fraction": 0}, {"min": 5, "max": 10, "fraction": 1}]}, "weight": 40, "confidence": "P"}]}
  ],
  "predicates": [
    {"id": "baik", "name": "Baik", "name_en": "Good", "min": 75, "max": 100, "confidence": "A", "target": true},
    {"id": "cukup", "name": "Cukup", "name_en": "Fair", "min": 0, "max": 74.99, "confidence": "A"}
  ],
  "evidence": [{"record_kind": "jdih.document", "indicator": "K1.a", "when": {"title": ["disabilitas"]}, "confidence": "A"}]
})";

struct Parsed {
  std::optional<CriteriaModel> model;
  ConfigIssues issues;
  std::string all() const {
    std::string out;
    for (const auto& i : issues) out += i.toString() + "\n";
    return out;
  }
};

// kValid with `from` replaced by `to` (each must occur).
Parsed parseWith(const std::string& from = {}, const std::string& to = {}) {
  std::string text = kValid;
  if (!from.empty()) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
  }
  auto json = parseJson(text);
  EXPECT_TRUE(json.isOk()) << json.status().message();
  Parsed p;
  p.model = parseCriteriaModel(*json, "demo.json", p.issues);
  return p;
}

TEST(CriteriaModelTest, everyShippedModelLoadsWithoutAProblem) {
  ConfigIssues issues;
  const CriteriaCatalog catalog = CriteriaCatalog::load(kShipped, issues);
  for (const auto& issue : issues) ADD_FAILURE() << issue.toString();
  EXPECT_EQ(catalog.instruments(), (std::vector<std::string>{"irh", "kkpham", "p2ham", "ranham", "skm"}));
}

TEST(CriteriaModelTest, kkphamHasTenCriteriaOfStrukturProsesHasilWorthAHundredEach) {
  ConfigIssues issues;
  const CriteriaCatalog catalog = CriteriaCatalog::load(kShipped, issues);
  const CriteriaModel* m = catalog.find("kkpham", 2024);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->legalBasis, "Peraturan Menteri Hukum dan HAM Nomor 22 Tahun 2021");
  ASSERT_EQ(m->criteria.size(), 10u);
  for (const auto& c : m->criteria) {
    EXPECT_DOUBLE_EQ(c.maxPoints(), 100.0) << c.id;
    ASSERT_EQ(c.indicators.size(), 3u);
    EXPECT_EQ(c.indicators[0].type, IndicatorType::Struktur);
    EXPECT_EQ(c.indicators[2].type, IndicatorType::Hasil);
  }
  EXPECT_EQ(m->total, TotalRule::MeanOfCriteria);
  EXPECT_TRUE(m->extensible);
  // 75–100 earns the predicate [C]; the band below is an assumption and says so.
  EXPECT_EQ(m->predicateFor(75.0)->id, "peduli-ham");
  EXPECT_EQ(m->predicateFor(74.99)->id, "cukup-peduli");
  EXPECT_EQ(m->predicateFor(74.99)->confidence, Confidence::Assumption);
  EXPECT_EQ(m->predicateFor(75.0)->confidence, Confidence::Confirmed);
  EXPECT_EQ(m->targetPredicate()->id, "peduli-ham");
}

TEST(CriteriaModelTest, skmWeightsAddUpExactlySoTheBandEdgesHold) {
  ConfigIssues issues;
  const CriteriaCatalog catalog = CriteriaCatalog::load(kShipped, issues);
  const CriteriaModel* m = catalog.find("skm", 2024);
  ASSERT_NE(m, nullptr);
  ASSERT_EQ(m->criteria.at(0).indicators.size(), 9u);
  // Every element mean 3.5325 → IKM = 3.5325 × 25 = 88.3125 → 88.31 → A; with weights 11.11 it
  // would be 88.30 and B.
  double ikm = 0;
  for (const auto& u : m->criteria[0].indicators) ikm += u.weight * (3.5325 / 4.0);
  EXPECT_NEAR(ikm, 88.3125, 1e-9);
  EXPECT_EQ(m->predicateFor(ikm)->id, "A");
  EXPECT_EQ(m->predicateFor(88.30)->id, "B");
  EXPECT_EQ(m->predicateFor(76.61)->id, "B");
  EXPECT_EQ(m->predicateFor(76.60)->id, "C");
  EXPECT_EQ(m->predicateFor(65.00)->id, "C");
  EXPECT_EQ(m->predicateFor(64.99)->id, "D");
  EXPECT_EQ(m->predicateFor(24.0), nullptr);
}

TEST(CriteriaModelTest, ranhamPeriodsAreItsRoundsAndThePlanEndsIn2025) {
  ConfigIssues issues;
  const CriteriaCatalog catalog = CriteriaCatalog::load(kShipped, issues);
  const CriteriaModel* m = catalog.find("ranham", 2024);
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->period.valid("2024-B08"));
  EXPECT_TRUE(m->period.valid("2023-B12"));
  EXPECT_FALSE(m->period.valid("2024-B06"));
  EXPECT_FALSE(m->period.valid("2024"));
  EXPECT_FALSE(m->period.valid("24-B04"));
  EXPECT_EQ(catalog.find("ranham", 2026), nullptr) << "no successor plan is known";
  EXPECT_EQ(catalog.find("kkpham", 2019), nullptr);
}

TEST(CriteriaModelTest, theSmallValidModelLoads) {
  const Parsed p = parseWith();
  ASSERT_TRUE(p.model) << p.all();
  EXPECT_EQ(p.model->findIndicator("K1.b")->value.levels.size(), 3u);
  EXPECT_EQ(p.model->evidence.at(0).when.at(0).second, std::vector<std::string>{"disabilitas"});
}

struct BadCase {
  const char* name;
  const char* from;
  const char* to;
  const char* expected;  // the one line the issue must contain
};

class BadModelTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadModelTest, isRefusedWithPathAndReason) {
  const BadCase& c = GetParam();
  const Parsed p = parseWith(c.from, c.to);
  EXPECT_FALSE(p.model.has_value());
  EXPECT_NE(p.all().find(c.expected), std::string::npos) << "got:\n" << p.all();
}

INSTANTIATE_TEST_SUITE_P(
    Criteria, BadModelTest,
    ::testing::Values(
        BadCase{"duplicateIndicator", R"("id": "K2.a")", R"("id": "K1.a")",
                "demo.json: criteria[1].indicators[0].id: duplicate id 'K1.a'"},
        BadCase{"weightsDoNotAddUp", R"("weight": 20)", R"("weight": 25)",
                "demo.json: criteria: indicator weights add up to 105, not the scale 100"},
        BadCase{"meanNeedsEachCriterionAtScale", R"("total": "sum")", R"("total": "mean-of-criteria")",
                "criteria[0]: indicator weights of criterion 'K1' add up to 60; with total mean-of-criteria"},
        BadCase{"unknownIndicatorInEvidence", R"("indicator": "K1.a")", R"("indicator": "K9.z")",
                "demo.json: evidence[0].indicator: no indicator 'K9.z' in this model"},
        BadCase{"overlappingPredicates", R"("max": 74.99)", R"("max": 80)",
                "demo.json: predicates: predicate bands overlap: 0–80 and 75–100"},
        BadCase{"overlappingValueBands", R"("min": 5, "max": 10)", R"("min": 4, "max": 10)",
                "value bands overlap: 0–5 and 4–10"},
        BadCase{"levelFractionAboveOne", R"("Proses": 0.5)", R"("Proses": 2)",
                "criteria[0].indicators[1].value.levels.Proses: expected a fraction between 0 and 1"},
        BadCase{"unknownValueKind", R"("kind": "document")", R"("kind": "yesno")",
                "criteria[0].indicators[0].value.kind: expected levels, number, percentage or document"},
        BadCase{"badConfidence", R"("confidence": "P", "indicators")", R"("confidence": "X", "indicators")",
                "criteria[1].confidence: expected C, P or A"},
        BadCase{"typoInKey", R"("legal_basis")", R"("legal_bases")", "demo.json: legal_bases: unknown key (a typo?)"},
        BadCase{"badDate", R"("2024-01-01")", R"("1 Jan 2024")", "valid_from: expected a date YYYY-MM-DD"},
        BadCase{"roundWithoutRounds", R"({"kind": "year"})", R"({"kind": "round"})",
                "period.rounds: a round period lists its rounds"},
        BadCase{"twoTargets", R"("confidence": "A"}
  ],)", R"("confidence": "A", "target": true}
  ],)", "predicates: at most one predicate is the target"},
        BadCase{"ruleWithBothIndicatorForms", R"("indicator": "K1.a")", R"("indicator": "K1.a", "indicator_field": "x")",
                "give either indicator (a fixed id) or indicator_field"},
        BadCase{"badWeightFraction", R"("weight": 40, "confidence": "C")", R"("weight": "40 of 100", "confidence": "C")",
                "weight: expected a number or a fraction such as \"100/9\""}),
    [](const ::testing::TestParamInfo<BadCase>& param) { return std::string(param.param.name); });

TEST(CriteriaModelTest, aBrokenFileIsLeftOutAndTheOthersLoad) {
  test::TempDir dir;
  std::ofstream(dir.path() / "good.json") << kValid;
  std::string bad = kValid;
  bad.replace(bad.find("\"demo\""), 6, "\"other\"");
  bad.replace(bad.find("\"weight\": 20"), 12, "\"weight\": 21");
  std::ofstream(dir.path() / "bad.json") << bad;
  std::ofstream(dir.path() / "rules.json") << R"({"type": "metadata-rules", "anything": 1})";
  ConfigIssues issues;
  const CriteriaCatalog catalog = CriteriaCatalog::load(dir.path(), issues);
  ASSERT_EQ(catalog.models().size(), 1u);
  EXPECT_EQ(catalog.models()[0].instrument, "demo");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_NE(issues[0].toString().find("bad.json: criteria: indicator weights add up to 101"), std::string::npos);
}

TEST(CriteriaModelTest, twoVersionsInForceAtOnceAreRefused) {
  test::TempDir dir;
  std::ofstream(dir.path() / "a.json") << kValid;
  std::string later = kValid;
  later.replace(later.find("\"1/2024\""), 8, "\"2/2024\"");
  later.replace(later.find("\"2024-01-01\""), 12, "\"2024-06-01\"");
  std::ofstream(dir.path() / "b.json") << later;
  ConfigIssues issues;
  const CriteriaCatalog catalog = CriteriaCatalog::load(dir.path(), issues);
  EXPECT_EQ(catalog.models().size(), 1u);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_NE(issues[0].toString().find("the validity of demo 2/2024 overlaps that of 1/2024"), std::string::npos)
      << issues[0].toString();

  // Once the first version has an end, the second follows it.
  std::string ended = kValid;
  ended.replace(ended.find("\"valid_from\""), 0, "\"valid_to\": \"2024-05-31\", ");
  std::ofstream(dir.path() / "a.json", std::ios::trunc) << ended;
  issues.clear();
  const CriteriaCatalog both = CriteriaCatalog::load(dir.path(), issues);
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(both.find("demo", 2023), nullptr);
  EXPECT_EQ(both.find("demo", 2024)->version, "2/2024");
}

}  // namespace
}  // namespace hamhub::host

// SKM/IKM (PermenPANRB 14/2017): worked examples computed by hand, the band edges, bad answers,
// and survey rows from CSV, JSON and SQL.

#include <random>

#include <gtest/gtest.h>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include "ikm.h"
#include "opd_test_support.h"
#include "support/temp_dir.h"

namespace hamhub::opd {
namespace {

using test::ConnectorDriver;
using test::payloadOf;

constexpr const char* kHeader = "unit,period,U1,U2,U3,U4,U5,U6,U7,U8,U9\n";

class OpdSkmTest : public ::testing::Test {
 protected:
  Result<HarvestResult> harvestFile(const std::string& name, const std::string& content,
                                    std::map<std::string, JsonValue> extra = {}) {
    extra["mode"] = "skm";
    extra["file"] = dir_.write(name, content).string();
    return driver_.harvest(extra);
  }

  const Record* result(const std::string& key) const {
    for (const auto& record : driver_.sink.records) {
      if (record.key == key) return &record;
    }
    return nullptr;
  }

  hamhub::test::TempDir dir_;
  ConnectorDriver driver_;
};

// Four respondents of Disdukcapil. Element sums 13 13 14 14 14 13 15 14 14 = 124, so the element
// means are 3.25 3.25 3.50 3.50 3.50 3.25 3.75 3.50 3.50; their mean is 124/36 = 3.4444…;
// IKM = 3.4444… × 25 = 86.111… → 86.11, band B (76.61–88.30), Baik.
TEST_F(OpdSkmTest, computesIkmFromRespondentsAsWorkedByHand) {
  auto run = harvestFile("skm.csv", std::string(kHeader) +
                                        "Disdukcapil,2024-S1,4,4,4,4,4,4,4,4,4\n"
                                        "Disdukcapil,2024-S1,3,3,3,3,3,3,3,3,3\n"
                                        "Disdukcapil,2024-S1,4,3,4,3,4,3,4,3,4\n"
                                        "Disdukcapil,2024-S1,2,3,3,4,3,3,4,4,3\n");
  ASSERT_TRUE(run) << run.status().message();
  EXPECT_EQ(run->completeKinds, std::vector<std::string>{"skm.ikm"});
  ASSERT_EQ(driver_.sink.records.size(), 1u);
  const Record& record = driver_.sink.records[0];
  EXPECT_EQ(record.kind, "skm.ikm");
  EXPECT_EQ(record.key, "Disdukcapil|2024-S1");
  EXPECT_EQ(record.subject, "");  // the source's subject: an OPD is not a region
  EXPECT_EQ(record.period, "2024-S1");
  const JsonValue p = payloadOf(record);
  EXPECT_EQ(p.find("unit")->asString(), "Disdukcapil");
  EXPECT_EQ(p.find("respondents")->asInt(), 4);
  EXPECT_DOUBLE_EQ(p.find("element_means")->find("U1")->asNumber(), 3.25);
  EXPECT_DOUBLE_EQ(p.find("element_means")->find("U7")->asNumber(), 3.75);
  EXPECT_DOUBLE_EQ(p.find("nilai_indeks")->asNumber(), 3.4444);
  EXPECT_DOUBLE_EQ(p.find("ikm")->asNumber(), 86.11);
  EXPECT_EQ(p.find("band")->asString(), "B");
  EXPECT_EQ(p.find("mutu")->asString(), "Baik");
}

// Eight respondents: one answers 4 everywhere, seven answer 3: total 36 + 7 × 27 = 225 over 72
// answers, mean 3.125, IKM 78.125 exactly, which the regulation's two decimals round (half up)
// to 78.13. Units and periods form separate results.
TEST_F(OpdSkmTest, roundsHalfUpAndKeepsUnitsAndPeriodsApart) {
  std::string csv = "unit;period;U1;U2;U3;U4;U5;U6;U7;U8;U9\n\"DPMPTSP; Perizinan\";2024;4;4;4;4;4;4;4;4;4\n";
  for (int i = 0; i < 7; ++i) csv += "\"DPMPTSP; Perizinan\";2024;3;3;3;3;3;3;3;3;3\n";
  csv += "Dinas Kesehatan;2024;4;4;4;4;4;4;4;4;3\nDinas Kesehatan;2024;4;4;4;4;4;4;4;4;4\n"
         "Dinas Kesehatan;2024;4;4;4;4;4;4;4;4;4\nDinas Kesehatan;2023;1;1;1;1;1;1;1;1;1\n";
  auto run = harvestFile("skm.csv", csv, {{"csv_delimiter", ";"}});
  ASSERT_TRUE(run) << run.status().message();
  ASSERT_EQ(driver_.sink.records.size(), 3u);
  const JsonValue perizinan = payloadOf(*result("DPMPTSP; Perizinan|2024"));
  EXPECT_DOUBLE_EQ(perizinan.find("ikm")->asNumber(), 78.13);
  EXPECT_EQ(perizinan.find("band")->asString(), "B");
  // 107/27 = 3.96296… × 25 = 99.074… → 99.07, A, Sangat Baik.
  const JsonValue kesehatan = payloadOf(*result("Dinas Kesehatan|2024"));
  EXPECT_DOUBLE_EQ(kesehatan.find("ikm")->asNumber(), 99.07);
  EXPECT_EQ(kesehatan.find("mutu")->asString(), "Sangat Baik");
  EXPECT_DOUBLE_EQ(kesehatan.find("element_means")->find("U9")->asNumber(), 3.67);
  const JsonValue lowest = payloadOf(*result("Dinas Kesehatan|2023"));
  EXPECT_DOUBLE_EQ(lowest.find("ikm")->asNumber(), 25.0);
  EXPECT_EQ(lowest.find("band")->asString(), "D");
  EXPECT_EQ(lowest.find("mutu")->asString(), "Tidak Baik");
}

// With the nine means all equal to m the IKM is m × 25, so the regulation's interval limits
// (3.5324, 3.064/3.0644, 2.60, 2.5996) land exactly on the band edges.
TEST_F(OpdSkmTest, bandEdgesFallWhereTheRegulationPutsThem) {
  struct Edge {
    const char* mean;
    double ikm;
    const char* band;
    const char* mutu;
  };
  const Edge edges[] = {{"3.5324", 88.31, "A", "Sangat Baik"}, {"3.532", 88.30, "B", "Baik"},
                        {"3.0644", 76.61, "B", "Baik"},        {"3.064", 76.60, "C", "Kurang Baik"},
                        {"2.6", 65.00, "C", "Kurang Baik"},    {"2,5996", 64.99, "D", "Tidak Baik"},
                        {"4", 100.00, "A", "Sangat Baik"}};
  std::string csv = "unit;period;respondents;U1;U2;U3;U4;U5;U6;U7;U8;U9\n";
  for (const auto& edge : edges) {
    csv += std::string("Unit ") + edge.mean + ";2024;50";
    for (int i = 0; i < 9; ++i) csv += std::string(";\"") + edge.mean + "\"";
    csv += "\n";
  }
  auto run = harvestFile("means.csv", csv, {{"csv_delimiter", ";"}, {"skm_input", "element_means"}});
  ASSERT_TRUE(run) << run.status().message();
  for (const auto& edge : edges) {
    const Record* record = result(std::string("Unit ") + edge.mean + "|2024");
    ASSERT_NE(record, nullptr) << edge.mean;
    const JsonValue p = payloadOf(*record);
    EXPECT_DOUBLE_EQ(p.find("ikm")->asNumber(), edge.ikm) << edge.mean;
    EXPECT_EQ(p.find("band")->asString(), edge.band) << edge.mean;
    EXPECT_EQ(p.find("mutu")->asString(), edge.mutu) << edge.mean;
    EXPECT_EQ(p.find("respondents")->asInt(), 50);
  }
}

TEST(IkmTest, theWeightedFormGivesTheSameIkmAsTheMeanOfMeans) {
  std::mt19937_64 rng(14017);
  for (int round = 0; round < 20000; ++round) {
    ElementTotals totals;
    totals.denominator = std::uniform_int_distribution<std::int64_t>(1, 5000)(rng);
    for (auto& numerator : totals.numerators)
      numerator = std::uniform_int_distribution<std::int64_t>(totals.denominator, 4 * totals.denominator)(rng);
    ASSERT_EQ(computeIkm(totals).hundredths, weightedIkmHundredths(totals)) << round;
  }
  EXPECT_EQ(bandFor(8831)->grade, std::string("A"));
  EXPECT_EQ(bandFor(8830)->grade, std::string("B"));
  EXPECT_EQ(bandFor(7661)->grade, std::string("B"));
  EXPECT_EQ(bandFor(7660)->grade, std::string("C"));
  EXPECT_EQ(bandFor(6500)->grade, std::string("C"));
  EXPECT_EQ(bandFor(6499)->grade, std::string("D"));
  EXPECT_EQ(bandFor(2499), nullptr);
}

TEST_F(OpdSkmTest, anAnswerOutsideOneToFourOrAMissingElementIsABadRow) {
  const std::string csv = std::string(kHeader) +
                          "Disdukcapil,2024,4,4,4,4,4,4,4,4,4\n"
                          "Disdukcapil,2024,4,4,5,4,4,4,4,4,4\n"
                          "Disdukcapil,2024,4,4,4,,4,4,4,4,4\n"
                          "Disdukcapil,2024,4,4,4,4,4,4,4,4\n"
                          "Disdukcapil,2024,3,3,3,3,3,3,3,3,3\n";
  auto rejected = harvestFile("bad.csv", csv);
  ASSERT_FALSE(rejected);
  EXPECT_EQ(rejected.status().reason(), "invalid-row");
  EXPECT_NE(rejected.status().message().find("line 3"), std::string::npos) << rejected.status().message();
  EXPECT_NE(rejected.status().message().find("U3 is '5'"), std::string::npos) << rejected.status().message();

  ConnectorDriver skipping;
  std::map<std::string, JsonValue> options{
      {"mode", "skm"}, {"file", (dir_ / "bad.csv").string()}, {"on_bad_row", "skip"}};
  auto run = skipping.harvest(options);
  ASSERT_TRUE(run) << run.status().message();
  ASSERT_EQ(skipping.sink.rejects.size(), 3u);
  EXPECT_NE(skipping.sink.rejects[1].second.find("U4 is ''"), std::string::npos) << skipping.sink.rejects[1].second;
  EXPECT_NE(skipping.sink.rejects[2].second.find("10 cells where the header has 11"), std::string::npos) << skipping.sink.rejects[2].second;
  ASSERT_EQ(skipping.sink.records.size(), 1u);
  const JsonValue p = payloadOf(skipping.sink.records[0]);
  EXPECT_EQ(p.find("respondents")->asInt(), 2);
  EXPECT_DOUBLE_EQ(p.find("ikm")->asNumber(), 87.5);  // (36 + 27) / 18 × 25
}

TEST_F(OpdSkmTest, readsJsonThroughPointersAndResolvesTheSubjectColumn) {
  const std::string json = R"({"hasil":[
    {"wilayah":"Kota Pagaralam","opd":"Disdukcapil","semester":"2024-1","jawaban":{"u":[4,4,4,4,4,4,4,4,4]}},
    {"wilayah":"16.72","opd":"Disdukcapil","semester":"2024-1","jawaban":{"u":[2,2,2,2,2,2,2,2,2]}},
    {"wilayah":"Kota Atlantis","opd":"Disdukcapil","semester":"2024-1","jawaban":{"u":[4,4,4,4,4,4,4,4,4]}}]})";
  JsonValue::Object fields{{"subject", "/wilayah"}, {"unit", "/opd"}, {"period", "/semester"}};
  for (int i = 0; i < 9; ++i)
    fields.emplace_back("U" + std::to_string(i + 1), "/jawaban/u/" + std::to_string(i));
  std::map<std::string, JsonValue> options{
      {"items_pointer", "/hasil"}, {"fields", fields}, {"subject_column", "subject"}, {"on_bad_row", "skip"}};
  auto run = harvestFile("skm.json", json, options);
  ASSERT_TRUE(run) << run.status().message();
  ASSERT_EQ(driver_.sink.records.size(), 1u);
  EXPECT_EQ(driver_.sink.records[0].subject, "16.72");
  EXPECT_EQ(driver_.sink.records[0].key, "16.72|Disdukcapil|2024-1");
  EXPECT_DOUBLE_EQ(payloadOf(driver_.sink.records[0]).find("ikm")->asNumber(), 75.0);
  ASSERT_EQ(driver_.sink.rejects.size(), 1u);
  EXPECT_NE(driver_.sink.rejects[0].second.find("Kota Atlantis"), std::string::npos);
}

TEST_F(OpdSkmTest, readsRespondentsFromAnSqlQuery) {
  const std::string path = (dir_ / "survey.db").string();
  {
    Poco::Data::SQLite::Connector connector;
    Poco::Data::Session session(connector.createSession(path, 5));
    using Poco::Data::Keywords::now;
    session << "CREATE TABLE jawaban (layanan TEXT, periode TEXT, u1 INT, u2 INT, u3 INT, u4 INT, u5 INT, u6 INT, "
               "u7 INT, u8 INT, u9 INT)", now;
    session << "INSERT INTO jawaban VALUES ('Disdukcapil', '2024', 4, 4, 4, 4, 4, 4, 4, 4, 4), "
               "('Disdukcapil', '2024', 3, 3, 3, 3, 3, 3, 3, 3, 3)", now;
  }
  auto run = driver_.harvest({{"mode", "skm"},
                              {"skm_source", "sql"},
                              {"connection", "sqlite:" + path},
                              {"query", "SELECT layanan, periode, u1, u2, u3, u4, u5, u6, u7, u8, u9 FROM jawaban"},
                              {"unit_column", "layanan"},
                              {"period_column", "periode"},
                              {"element_columns", test::list({"u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"})}});
  ASSERT_TRUE(run) << run.status().message();
  ASSERT_EQ(driver_.sink.records.size(), 1u);
  EXPECT_DOUBLE_EQ(payloadOf(driver_.sink.records[0]).find("ikm")->asNumber(), 87.5);
}

TEST_F(OpdSkmTest, aSecondRowOfMeansForTheSameUnitAndPeriodIsABadRow) {
  auto run = harvestFile("means.csv", std::string(kHeader) + "A,2024,3,3,3,3,3,3,3,3,3\nA,2024,4,4,4,4,4,4,4,4,4\n",
                         {{"skm_input", "element_means"}});
  ASSERT_FALSE(run);
  EXPECT_NE(run.status().message().find("a second row for A|2024"), std::string::npos) << run.status().message();
}

}  // namespace
}  // namespace hamhub::opd

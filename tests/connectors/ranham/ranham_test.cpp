// The ranham connector: period rules, its mapping of XLSX, CSV and JSON exports, and a real
// harvest through the hamhub command line into a SQLite store.

#include <gtest/gtest.h>

#include "file_test_support.h"
#include "ranham_connector.h"
#include "ranham_mapper.h"
#include "ranham_period.h"
#include "support/hamhub_process.h"

namespace hamhub::ranham {
namespace {

using test::tabularFixture;

TEST(RanhamPeriodTest, acceptsTheWaysReportsWriteB04B08AndB12) {
  for (const char* text : {"B04", "b04", "B-04", "B 4", " B04 "}) {
    auto p = parsePeriod(text);
    ASSERT_TRUE(p.isOk()) << text << ": " << p.status().message();
    EXPECT_EQ(p->label, "B04");
    EXPECT_FALSE(p->year.has_value());
  }
  auto withYear = parsePeriod("2024-B08");
  ASSERT_TRUE(withYear.isOk());
  EXPECT_EQ(withYear->label, "B08");
  EXPECT_EQ(withYear->year, 2024);
  EXPECT_EQ(parsePeriod("B12-2023")->year, 2023);
  EXPECT_EQ(parsePeriod("Capaian B12", true)->label, "B12");
}

TEST(RanhamPeriodTest, refusesB06AndQuarterLabelsInsteadOfInventingPeriods) {
  EXPECT_EQ(parsePeriod("B06").status().message(), "B06 is not a RANHAM period; expected B04, B08 or B12");
  EXPECT_EQ(parsePeriod("2024-b6").status().message(), "B06 is not a RANHAM period; expected B04, B08 or B12");
  EXPECT_EQ(parsePeriod("Triwulan II").status().message(),
            "\"Triwulan II\" is not a RANHAM period; expected B04, B08 or B12");
  EXPECT_FALSE(parsePeriod("Semester 1").isOk());
  EXPECT_FALSE(parsePeriod("B04 dan B08").isOk());
  EXPECT_FALSE(parsePeriod("B123").isOk());
  EXPECT_EQ(aksiNumber("Aksi 2"), "2");
  EXPECT_EQ(aksiNumber("1."), "1");
  EXPECT_EQ(aksiNumber("1.2"), "1.2");
}

class RanhamConnectorTest : public ::testing::Test {
 protected:
  Result<HarvestResult> harvest(const std::map<std::string, JsonValue>& values) {
    options_ = test::optionsFrom(kOptions.data(), kOptions.size(), values);
    if (Status configured = connector_.configure(options_); !configured) return configured;
    context_ = std::make_unique<test::FileTestContext>(options_);
    return connector_.harvest(*context_, "", sink_);
  }
  const Record* find(const std::string& key) const {
    for (const auto& r : sink_.records) {
      if (r.key == key) return &r;
    }
    return nullptr;
  }

  RanhamConnector connector_;
  Options options_;
  std::unique_ptr<test::FileTestContext> context_;
  test::RecordingSink sink_;
};

TEST_F(RanhamConnectorTest, mapsAnXlsxReportOneEntryPerSubjectYearPeriodAndAksi) {
  auto result = harvest({{"path", tabularFixture("ranham-2024.xlsx").string()}});
  ASSERT_TRUE(result.isOk()) << result.status().message();
  ASSERT_EQ(sink_.records.size(), 3u);
  const Record* b04 = find("16.71|2024|B04|1");
  ASSERT_NE(b04, nullptr);
  EXPECT_EQ(b04->kind, kEntryKind);
  EXPECT_EQ(b04->period, "2024-B04");
  EXPECT_EQ(b04->payload,
            R"({"subject":"16.71","year":2024,"period":"B04","kelompok_sasaran":"Penyandang Disabilitas",)"
            R"("aksi_number":"1","aksi":"Penyediaan juru bahasa isyarat","kriteria_keberhasilan":"Tersedia layanan JBI",)"
            R"("ukuran_keberhasilan":"Jumlah layanan","capaian":"2 layanan",)"
            R"("data_dukung":["https://sapa.example/1.pdf","https://sapa.example/2.pdf"],"data_dukung_note":null,)"
            R"("status":"Terverifikasi","submitted_at":"2024-05-06"})");
  const Record* b08 = find("16.71|2024|B08|1");  // "b08" and aksi "1."
  ASSERT_NE(b08, nullptr);
  EXPECT_NE(b08->payload.find(R"("data_dukung_note":"lampiran fisik")"), std::string::npos);
  const Record* b12 = find("16.72|2024|B12|2");  // "Pagar Alam", "2024-B12", "Aksi 2"
  ASSERT_NE(b12, nullptr);
  EXPECT_NE(b12->payload.find(R"("capaian":120)"), std::string::npos);
}

TEST_F(RanhamConnectorTest, aB06RowIsARowErrorNeverANewPeriod) {
  auto rejected = harvest({{"path", tabularFixture("ranham-banyuasin.tsv").string()}});
  ASSERT_FALSE(rejected.isOk());
  EXPECT_TRUE(sink_.checkpoints.empty()) << "the failed run's emitted rows are dropped by the host";
  const std::string message = rejected.status().message();
  EXPECT_NE(message.find("ranham-banyuasin.tsv, row 3, column C (\"Periode\"): B06 is not a RANHAM period; expected "
                         "B04, B08 or B12"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("row 4, column C (\"Periode\"): \"Triwulan II\" is not a RANHAM period"), std::string::npos);

  sink_ = test::RecordingSink{};
  auto skipped = harvest({{"path", tabularFixture("ranham-banyuasin.tsv").string()}, {"on_bad_row", "skip"}});
  ASSERT_TRUE(skipped.isOk()) << skipped.status().message();
  ASSERT_EQ(sink_.records.size(), 1u);
  EXPECT_EQ(sink_.records[0].key, "16.07|2024|B04|3");
  EXPECT_NE(sink_.records[0].payload.find(R"("data_dukung":["https://sapa.example/a.pdf","https://sapa.example/b.pdf"])"),
            std::string::npos);
  EXPECT_EQ(sink_.rejects.size(), 2u);
}

TEST_F(RanhamConnectorTest, readsAWideExportWhosePeriodColumnsAreHeaders) {
  auto result = harvest({{"path", tabularFixture("ranham-wide.csv").string()}, {"layout", "wide"}, {"item_prefix", "Capaian"}});
  ASSERT_TRUE(result.isOk()) << result.status().message();
  EXPECT_EQ(sink_.records.size(), 5u);
  ASSERT_NE(find("16.73|2024|B08|1"), nullptr);
  EXPECT_EQ(find("16.73|2024|B12|1"), nullptr);  // an empty cell reports nothing
}

TEST_F(RanhamConnectorTest, refusesAWideColumnForB06AsAFileError) {
  test::TempDir dir;
  const auto file = dir.write("wide.csv", "Pemerintah Daerah;Tahun;No Aksi;Capaian B04;Capaian B06\r\nKota Palembang;2024;1;1;2\r\n");
  auto result = harvest({{"path", file.string()}, {"layout", "wide"}, {"item_prefix", "Capaian"}});
  ASSERT_FALSE(result.isOk());
  EXPECT_EQ(result.status().reason(), "schema-drift");
  EXPECT_NE(result.status().message().find("wide.csv, row 1, column E (\"Capaian B06\"): B06 is not a RANHAM period"),
            std::string::npos)
      << result.status().message();
}

TEST_F(RanhamConnectorTest, readsAJsonArrayExport) {
  auto result = harvest({{"path", tabularFixture("ranham-2023.json").string()}});
  ASSERT_TRUE(result.isOk()) << result.status().message();
  ASSERT_EQ(sink_.records.size(), 2u);
  const Record* b12 = find("16.10|2023|B12|1");
  ASSERT_NE(b12, nullptr);
  EXPECT_NE(b12->payload.find(R"("submitted_at":"2024-01-05T09:15:00")"), std::string::npos);
}

TEST_F(RanhamConnectorTest, takesPeriodAndYearFromOptionsForSinglePeriodExports) {
  test::TempDir dir;
  const auto file = dir.write("b08.csv", "Pemerintah Daerah,No Aksi,Capaian\r\nKota Prabumulih,1,selesai\r\n");
  auto result = harvest({{"path", file.string()}, {"period", "2024-B08"}});
  ASSERT_TRUE(result.isOk()) << result.status().message();
  ASSERT_EQ(sink_.records.size(), 1u);
  EXPECT_EQ(sink_.records[0].key, "16.74|2024|B08|1");
  options_ = test::optionsFrom(kOptions.data(), kOptions.size(), {{"path", "/x"}, {"period", "B06"}});
  EXPECT_EQ(connector_.configure(options_).message(), "period: B06 is not a RANHAM period; expected B04, B08 or B12");
}

// ---- Through the command line: `hamhub harvest` as a subprocess, a real SQLite store ----------

TEST(RanhamCliTest, harvestsADropFolderThroughTheHubAndStoresNothingNewTheSecondTime) {
  test::TempDir dir;
  const auto drop = dir / "drop";
  std::filesystem::create_directories(drop);
  std::filesystem::copy_file(tabularFixture("ranham-2024.xlsx"), drop / "ranham-2024.xlsx");
  std::filesystem::copy_file(tabularFixture("ranham-2023.json"), drop / "ranham-2023.json");
  const auto config = dir.write("hamhub.json", "{\"store\": \"sqlite:hub.db\", \"plugin_dirs\": [\"" +
                                                   test::builtPluginDir().string() + "\"], \"regions_dir\": \"" +
                                                   test::sourcePath("config/regions").string() + "\", \"criteria_dir\": \"" +
                                                   test::sourcePath("config/criteria").string() + "\"}");
  dir.write("sources.d/ranham-sumsel.json",
            "{\"id\": \"ranham-sumsel\", \"connector\": \"ranham\", \"subject\": \"16\", \"options\": {\"path\": \"" +
                drop.string() + "\"}}");
  auto first = test::runHamhub({"--config", config.string(), "harvest", "--source", "ranham-sumsel", "--format", "json"});
  ASSERT_EQ(first.exitCode, 0) << first.out << first.err;
  auto firstJson = parseJson(first.out);
  ASSERT_TRUE(firstJson.isOk()) << first.out;
  const JsonValue& run = firstJson->isArray() ? firstJson->asArray().front() : *firstJson;
  EXPECT_NE(toJson(run).find("\"added\":5"), std::string::npos) << first.out;

  auto second = test::runHamhub({"--config", config.string(), "harvest", "--source", "ranham-sumsel", "--format", "json"});
  ASSERT_EQ(second.exitCode, 0) << second.out << second.err;
  EXPECT_NE(second.out.find("\"added\": 0"), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("\"unchanged\": 0"), std::string::npos) << second.out;

  std::filesystem::copy_file(tabularFixture("ranham-banyuasin.tsv"), drop / "ranham-banyuasin.tsv");
  auto bad = test::runHamhub({"--config", config.string(), "harvest", "--source", "ranham-sumsel"});
  EXPECT_EQ(bad.exitCode, 1) << bad.out << bad.err;
  EXPECT_NE((bad.out + bad.err).find("B06 is not a RANHAM period"), std::string::npos) << bad.out << bad.err;
}

}  // namespace
}  // namespace hamhub::ranham

// The kkpham connector: its mapping against real exports, the bad-row policies, and real
// harvests through the host (SQLite store, drop folder, download over loopback HTTP).

#include <fstream>

#include <gtest/gtest.h>

#include "file_test_support.h"
#include "kkpham_connector.h"
#include "kkpham_mapper.h"
#include "support/test_http_server.h"

namespace hamhub::kkpham {
namespace {

using test::tabularFixture;

class KkphamConnectorTest : public ::testing::Test {
 protected:
  Result<HarvestResult> harvest(const std::map<std::string, JsonValue>& values, const Cursor& cursor = "") {
    options_ = test::optionsFrom(kOptions.data(), kOptions.size(), values);
    if (Status configured = connector_.configure(options_); !configured) return configured;
    context_ = std::make_unique<test::FileTestContext>(options_);
    return connector_.harvest(*context_, cursor, sink_);
  }
  static JsonValue payload(const Record& record) { return parseJson(record.payload).value(); }
  const Record* find(const std::string& kind, const std::string& key) const {
    for (const auto& r : sink_.records) {
      if (r.kind == kind && r.key == key) return &r;
    }
    return nullptr;
  }

  KkphamConnector connector_;
  Options options_;
  std::unique_ptr<test::FileTestContext> context_;
  test::RecordingSink sink_;
};

TEST_F(KkphamConnectorTest, mapsALongXlsxExportMatchingSubjectsThroughTheirAliases) {
  auto result = harvest({{"path", tabularFixture("kkpham-2024.xlsx").string()}, {"sheet", "Data"}});
  ASSERT_TRUE(result.isOk()) << result.status().message();
  EXPECT_EQ(sink_.ofKind(kValueKind).size(), 5u);
  EXPECT_EQ(sink_.ofKind(kEvidenceKind).size(), 3u);
  // "Pagaralam" and "Kota Pagar Alam" are both 16.72.
  const Record* pagarAlam = find(kValueKind, "16.72|2024|K1.2");
  ASSERT_NE(pagarAlam, nullptr);
  EXPECT_EQ(pagarAlam->subject, "16.72");
  EXPECT_EQ(pagarAlam->period, "2024");
  EXPECT_EQ(pagarAlam->payload,
            R"({"subject":"16.72","year":2024,"criterion":"Hak atas Bantuan Hukum","indicator":"K1.2",)"
            R"("indicator_name":"Anggaran bantuan hukum","indicator_type":"proses","value":25,"status":"Dikirim",)"
            R"("submitted_at":"2024-03-28"})");
  const Record* evidence = find(kEvidenceKind, "16.72|2024|K1.1");
  ASSERT_NE(evidence, nullptr);
  EXPECT_EQ(toJson(*payload(*evidence).find("links")), R"(["https://a.example/1.pdf","https://a.example/2.pdf"])");
  // A row with gaps (only some cells filled) still maps; missing optional fields are null.
  const Record* lahat = find(kValueKind, "16.04|2024|K1.1");
  ASSERT_NE(lahat, nullptr);
  EXPECT_TRUE(payload(*lahat).find("indicator_type")->isNull());
  // One checkpoint for the file, carrying its SHA-256.
  ASSERT_EQ(sink_.checkpoints.size(), 1u);
  EXPECT_NE(sink_.checkpoints[0].find("kkpham-2024.xlsx"), std::string::npos);
}

TEST_F(KkphamConnectorTest, mapsAWideExportOneRecordPerFilledIndicatorColumn) {
  auto result = harvest({{"path", tabularFixture("kkpham-wide-2024.xlsx").string()},
                         {"layout", "wide"},
                         {"item_columns", JsonValue::Array{"K1.1", "k1.2", "K2.1"}}});
  ASSERT_TRUE(result.isOk()) << result.status().message();
  EXPECT_EQ(sink_.ofKind(kValueKind).size(), 5u);  // Lahat has no K1.2
  const Record* r = find(kValueKind, "16.04|2024|K2.1");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(payload(*r).find("value")->asInt(), 30);
}

TEST_F(KkphamConnectorTest, readsCsvExportsInEveryEncodingToTheSameRecords) {
  std::vector<std::string> payloads;
  for (const char* file : {"kkpham-utf8.csv", "kkpham-utf8-bom.csv", "kkpham-cp1252.csv"}) {
    sink_ = test::RecordingSink{};
    auto result = harvest({{"path", tabularFixture(file).string()}, {"columns", JsonValue::Object{{"indicator_name", "Indikator"}}}});
    ASSERT_TRUE(result.isOk()) << file << ": " << result.status().message();
    ASSERT_EQ(sink_.records.size(), 2u) << file;
    payloads.push_back(sink_.records[0].payload + sink_.records[1].payload);
  }
  EXPECT_EQ(payloads[0], payloads[1]);
  EXPECT_EQ(payloads[0], payloads[2]);
  EXPECT_NE(payloads[0].find("Perda \u2018HAM\u2019 \u2013 bantuan hukum"), std::string::npos);
  EXPECT_NE(payloads[0].find(R"("value":"7,5")"), std::string::npos);  // text stays text
}

TEST_F(KkphamConnectorTest, rejectsAFileWithBadRowsListingEveryErrorAndEmittingNothing) {
  auto result = harvest({{"path", tabularFixture("kkpham-bad.xlsx").string()}});
  ASSERT_FALSE(result.isOk());
  // A single file is read once: its good rows may be emitted, but nothing is checkpointed and the
  // failed run makes the host drop them (stored-nothing is checked end to end in the harvest tests).
  EXPECT_TRUE(sink_.checkpoints.empty());
  const std::string message = result.status().message();
  EXPECT_NE(message.find("kkpham-bad.xlsx: 4 bad rows; nothing from this file is stored"), std::string::npos) << message;
  EXPECT_NE(message.find("kkpham-bad.xlsx, sheet \"Data\", row 3, column B (\"Kabupaten/Kota\"): unknown subject "
                         "\"Kota Antah Berantah\""),
            std::string::npos);
  EXPECT_NE(message.find("kkpham-bad.xlsx, sheet \"Data\", row 4, column K (\"Tanggal Kirim\"): expected a date, got 45.2"),
            std::string::npos);
  EXPECT_NE(message.find("row 5: duplicates row 2"), std::string::npos);
  EXPECT_NE(message.find("indicator type \"Keluaran\" is not struktur, proses or hasil"), std::string::npos);
}

TEST_F(KkphamConnectorTest, skipModeStoresTheGoodRowsAndReportsEachBadOne) {
  auto result = harvest({{"path", tabularFixture("kkpham-bad.xlsx").string()}, {"on_bad_row", "skip"}});
  ASSERT_TRUE(result.isOk()) << result.status().message();
  EXPECT_EQ(sink_.ofKind(kValueKind).size(), 2u);  // Palembang K1.1 and Musi Rawas K2.1
  ASSERT_EQ(sink_.rejects.size(), 4u);
  EXPECT_EQ(sink_.rejects[0].first, "kkpham-bad.xlsx:3");
  EXPECT_EQ(sink_.checkpoints.size(), 1u);
}

TEST_F(KkphamConnectorTest, capsTheListedErrorsAndCountsTheRest) {
  auto result = harvest({{"path", tabularFixture("kkpham-bad.xlsx").string()}, {"max_errors", 1}});
  ASSERT_FALSE(result.isOk());
  EXPECT_NE(result.status().message().find("… and 3 more"), std::string::npos) << result.status().message();
}

TEST_F(KkphamConnectorTest, aHeaderThatDoesNotMatchListsTheMissingAndTheFoundHeaders) {
  auto result = harvest({{"path", tabularFixture("kkpham-2024.xlsx").string()},
                         {"sheet", "Data"},
                         {"columns", JsonValue::Object{{"value", "Skor Akhir"}}}});
  ASSERT_FALSE(result.isOk());
  EXPECT_EQ(result.status().reason(), "schema-drift");
  EXPECT_NE(result.status().message().find("kkpham-2024.xlsx, sheet \"Data\", row 1: the header does not match the "
                                           "mapping: missing \"Skor Akhir\" (value); headers found: \"No\", "
                                           "\"Kabupaten/Kota\", \"Tahun\""),
            std::string::npos)
      << result.status().message();
}

TEST_F(KkphamConnectorTest, aMissingSheetAndANonZipFailWithTheirFileNamed) {
  auto sheet = harvest({{"path", tabularFixture("kkpham-2024.xlsx").string()}, {"sheet", "Rekap"}});
  ASSERT_FALSE(sheet.isOk());
  EXPECT_NE(sheet.status().message().find("no sheet \"Rekap\""), std::string::npos);
  auto notZip = harvest({{"path", tabularFixture("not-a-zip.xlsx").string()}});
  ASSERT_FALSE(notZip.isOk());
  EXPECT_NE(notZip.status().message().find("not-a-zip.xlsx: not an XLSX workbook"), std::string::npos);
}

TEST_F(KkphamConnectorTest, aFileChangedWhileItIsReadFailsTheHarvest) {
  test::TempDir dir;
  const auto file = dir / "kkpham.csv";
  std::filesystem::copy_file(tabularFixture("kkpham-utf8.csv"), file);
  sink_.onEmit = [&file](const Record&) {
    std::ofstream append(file, std::ios::app);
    append << "Kabupaten Lahat,2024,K9.9,x,1,y\r\n";
  };
  auto result = harvest({{"path", file.string()}, {"on_bad_row", "skip"}});
  ASSERT_FALSE(result.isOk());
  EXPECT_NE(result.status().message().find("kkpham.csv: the file changed while it was read"), std::string::npos)
      << result.status().message();
  EXPECT_TRUE(sink_.checkpoints.empty());
}

TEST_F(KkphamConnectorTest, refusesOptionsThatMakeNoSense) {
  for (const auto& values : std::vector<std::map<std::string, JsonValue>>{
           {},
           {{"path", "/x"}, {"url", "http://x/a.csv"}},
           {{"url", "ftp://x/a.csv"}},
           {{"url", "http://x/export"}},
           {{"path", "/x"}, {"layout", "diagonal"}},
           {{"path", "/x"}, {"columns", JsonValue::Object{{"nilai", "Nilai"}}}},
           {{"path", "/x"}, {"item_prefix", "K"}},
           {{"path", "/x"}, {"encoding", "utf-16"}},
           {{"path", "/x"}, {"delimiter", "::"}},
           {{"path", "/x"}, {"on_bad_row", "ignore"}},
           {{"path", "/x"}, {"year", 1999}},
       }) {
    options_ = test::optionsFrom(kOptions.data(), kOptions.size(), values);
    Status configured = connector_.configure(options_);
    EXPECT_FALSE(configured.isOk()) << toJson(JsonValue(JsonValue::Object(values.begin(), values.end())));
    EXPECT_EQ(configured.reason(), "invalid-option");
  }
}

// ---- Through the host: a real SQLite store, drop folders and downloads -----------------------

TEST(KkphamHarvestTest, aDropFolderIsHarvestedOnceAndAChangedFileAgain) {
  test::TestHub hub;
  test::TempDir drop;
  std::filesystem::copy_file(tabularFixture("kkpham-2024.xlsx"), drop / "kkpham-2024.xlsx");
  std::filesystem::copy_file(tabularFixture("kkpham-utf8.csv"), drop / "kkpham-prabumulih.csv");
  drop.write("~$kkpham-2024.xlsx", "lock file of an open workbook");
  auto source = hub.source("kkpham-drop", "kkpham", {{"path", drop.path().string()}, {"sheet", "Data"},
                                                     {"columns", JsonValue::Object{{"indicator_name", "Indikator"}}}});
  auto first = hub.run(source);
  ASSERT_EQ(first.status, host::RunStatus::Success) << first.error;
  EXPECT_EQ(first.counts.added, 10);  // 5 values + 3 data dukung + 2 CSV values
  EXPECT_EQ(hub.stored("kkpham-drop", kValueKind).size(), 7u);

  auto second = hub.run(source);
  ASSERT_EQ(second.status, host::RunStatus::Success) << second.error;
  EXPECT_EQ(second.counts.added + second.counts.updated + second.counts.unchanged, 0);  // files skipped by hash

  // The same export a week later, under a new name: Palembang's value changed and Lahat's row
  // is complete now; the other six records are unchanged and not written again.
  std::filesystem::copy_file(tabularFixture("kkpham-2024-v2.xlsx"), drop / "kkpham-2024-v2.xlsx");
  auto third = hub.run(source);
  ASSERT_EQ(third.status, host::RunStatus::Success) << third.error;
  EXPECT_EQ(third.counts.updated, 2);
  EXPECT_EQ(third.counts.added, 0);
  EXPECT_EQ(third.counts.unchanged, 6);
}

TEST(KkphamHarvestTest, rejectStoresNothingOfABadFileButKeepsTheOtherFilesAndSkipStoresTheGoodRows) {
  test::TestHub hub;
  test::TempDir drop;
  std::filesystem::copy_file(tabularFixture("kkpham-2024.xlsx"), drop / "a-good.xlsx");
  std::filesystem::copy_file(tabularFixture("kkpham-bad.xlsx"), drop / "b-bad.xlsx");
  auto reject = hub.run(hub.source("kkpham-r", "kkpham", {{"path", drop.path().string()}, {"sheet", "Data"}}));
  EXPECT_EQ(reject.status, host::RunStatus::Failed);
  EXPECT_NE(reject.error.find("b-bad.xlsx: 4 bad rows"), std::string::npos) << reject.error;
  EXPECT_EQ(hub.stored("kkpham-r", kValueKind).size(), 5u);  // the good file's checkpoint stands

  // A single file is read in one pass: its good rows reach the sink, and the failed run drops them.
  auto single = hub.run(hub.source("kkpham-1", "kkpham", {{"path", (drop / "b-bad.xlsx").string()}}));
  EXPECT_EQ(single.status, host::RunStatus::Failed);
  EXPECT_TRUE(hub.stored("kkpham-1", kValueKind).empty());

  auto skip = hub.run(hub.source("kkpham-s", "kkpham",
                                 {{"path", (drop / "b-bad.xlsx").string()}, {"on_bad_row", "skip"}}));
  ASSERT_EQ(skip.status, host::RunStatus::Success) << skip.error;
  EXPECT_EQ(skip.counts.failed, 4);
  EXPECT_EQ(hub.stored("kkpham-s", kValueKind).size(), 2u);
}

TEST(KkphamHarvestTest, downloadsAnExportOverHttpAndAsksConditionallyNextTime) {
  std::string workbook(std::filesystem::file_size(tabularFixture("kkpham-2024.xlsx")), '\0');
  std::ifstream(tabularFixture("kkpham-2024.xlsx"), std::ios::binary)
      .read(workbook.data(), static_cast<std::streamsize>(workbook.size()));
  test::TestHttpServer server;
  server.route("/export/kkpham-2024.xlsx", [&workbook](auto& request, auto& response) {
    if (request.get("If-None-Match", "") == "\"v1\"") {
      response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_MODIFIED);
      response.send();
      return;
    }
    response.set("ETag", "\"v1\"");
    test::TestHttpServer::sendText(response, 200, workbook,
                                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  });
  test::TestHub hub;
  auto source = hub.source("kkpham-url", "kkpham",
                           {{"url", server.url("/export/kkpham-2024.xlsx")}, {"sheet", "Data"}});
  auto first = hub.run(source);
  ASSERT_EQ(first.status, host::RunStatus::Success) << first.error;
  EXPECT_EQ(first.counts.added, 8);
  auto second = hub.run(source);
  ASSERT_EQ(second.status, host::RunStatus::Success) << second.error;
  EXPECT_EQ(second.counts.added + second.counts.unchanged, 0);
  EXPECT_EQ(server.hits("/export/kkpham-2024.xlsx"), 2);
  const auto stored = hub.stored("kkpham-url", kValueKind);
  ASSERT_FALSE(stored.empty());
  EXPECT_EQ(stored[0].record.url, server.url("/export/kkpham-2024.xlsx"));
}

}  // namespace
}  // namespace hamhub::kkpham

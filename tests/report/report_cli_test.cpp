// `hamhub report` end to end: the simulator's KKPHAM and SAPA-HAM exports and a JDIH site harvested
// over real HTTP into a real SQLite store, scored, then reported in each format and read back the
// way people and their tools read it.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "hamhub/json.h"
#include "host/store/store.h"
#include "report/report_probe.h"
#include "simulator.h"
#include "support/hamhub_process.h"
#include "support/temp_dir.h"

namespace hamhub {
namespace {

class ReportCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    sim::SimOptions options = sim::sumselScenario(3, 7);
    sim::addExportSites(options);
    sim_ = new sim::Simulator(options);
    sim_->start();
    sim_->writeSources(dir_->path() / "sources.d");
    std::ofstream(dir_->path() / "hamhub.json")
        << R"({"store": "sqlite:hub.db", "regions_dir": ")" << test::sourcePath("config/regions").string()
        << R"(", "criteria_dir": ")" << test::sourcePath("config/criteria").string() << R"("})";
    const auto harvest = hub({"harvest", "--source", "kkpham-16", "--source", "ranham-16", "--source", "jdih-16-71"});
    ASSERT_EQ(harvest.exitCode, 0) << harvest.out << harvest.err;
    const auto score = hub({"score"});
    ASSERT_EQ(score.exitCode, 0) << score.err;

    // Two open alerts, as the alert rules could leave them (tests that look at them report with
    // --no-refresh, so that the rules do not resolve them): Muratara's missing B08 report
    // (critical) and a KKPHAM deadline for Ogan Ilir (a warning).
    auto store = host::Store::open("sqlite:hub.db", dir_->path());
    ASSERT_TRUE(store.isOk()) << store.status().message();
    host::AlertFinding late{"ranham.report-missing|16.13|2024-B08", "ranham.report-missing",
                            host::AlertSeverity::Critical, "16.13", "16", "ranham-16", "Laporan B08 belum ada",
                            "The B08 report is missing", "{}"};
    host::AlertFinding due{"kkpham.deadline|16.10|2024", "kkpham.deadline", host::AlertSeverity::Warning, "16.10", "16",
                           "kkpham-16", "Batas waktu data dukung", "Data dukung deadline", "{}"};
    ASSERT_TRUE((*store)->syncAlerts({late.kind, due.kind}, {late, due}, "2026-11-29T00:00:00Z").isOk());
  }

  static void TearDownTestSuite() {
    delete sim_;
    delete dir_;
  }

  static std::vector<std::string> withConfig(std::vector<std::string> args) {
    args.insert(args.begin(), {"--config", (dir_->path() / "hamhub.json").string()});
    return args;
  }

  static test::ProcessResult hub(const std::vector<std::string>& args) { return test::runHamhub(withConfig(args)); }

  // `hamhub score --format json`'s row for a subject and instrument.
  static JsonValue scoreRow(const std::string& subject, const std::string& instrument) {
    const auto r = hub({"score", "--instrument", instrument, "--subject", subject, "--format", "json"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    auto rows = parseJson(r.out);
    EXPECT_TRUE(rows.isOk() && rows->isArray() && rows->asArray().size() == 1) << r.out;
    return rows.isOk() && !rows->asArray().empty() ? rows->asArray().front() : JsonValue();
  }

  static test::TempDir* dir_;
  static sim::Simulator* sim_;
};

test::TempDir* ReportCliTest::dir_ = nullptr;
sim::Simulator* ReportCliTest::sim_ = nullptr;

// The row (from 1) of a sheet whose first cells are `code` and whose third is `instrument`.
std::size_t findRow(const JsonValue& probe, const std::string& sheet, const std::string& code, const std::string& instrument) {
  const JsonValue& cells = *probe.find("cells")->find(sheet);
  for (std::size_t r = 0; r < cells.asArray().size(); ++r) {
    const auto& row = cells.asArray()[r].asArray();
    if (row.size() > 2 && row[0].isString() && row[0].asString() == code && row[2].isString() &&
        row[2].asString() == instrument) {
      return r + 1;
    }
  }
  return 0;
}

TEST_F(ReportCliTest, xlsxOpensInOpenpyxlWithTheScoresHamhubScorePrints) {
  const auto file = dir_->path() / "laporan-16.xlsx";
  const auto r = hub({"report", "--region", "16", "--output", file.string(), "--no-refresh"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("wrote " + file.string() + " (xlsx,"), std::string::npos) << "the format comes from the name";
  const JsonValue probe = test::reportProbe("xlsx", {file.string()});
  EXPECT_EQ(toJson(*probe.find("sheets")), R"(["Ringkasan","Data belum ada","JDIH","Peringatan"])");

  EXPECT_NE(test::sheetCell(probe, "Ringkasan", 1, 1).asString().find("Kanwil Kementerian HAM Sumatera Selatan"),
            std::string::npos);
  const std::size_t kkpham = findRow(probe, "Ringkasan", "16.10", "KKPHAM");
  ASSERT_GT(kkpham, 1u);
  std::size_t header = 0;
  for (std::size_t row = 1; row < kkpham && header == 0; ++row) {
    if (test::sheetCell(probe, "Ringkasan", row, 1).isString() &&
        test::sheetCell(probe, "Ringkasan", row, 1).asString() == "Kode") {
      header = row;
    }
  }
  ASSERT_GT(header, 0u);
  std::vector<std::string> headers;
  for (std::size_t c = 1; c <= 9; ++c) headers.push_back(test::sheetCell(probe, "Ringkasan", header, c).asString());
  EXPECT_EQ(headers, (std::vector<std::string>{"Kode", "Kabupaten/Kota", "Instrumen", "Periode", "Nilai", "Predikat",
                                               "Kelengkapan", "Data yang belum ada", "Peringatan terbuka"}));
  EXPECT_EQ(probe.find("frozen")->find("Ringkasan")->asString(), "A" + std::to_string(header + 1));

  const JsonValue score = scoreRow("16.10", "kkpham");
  EXPECT_NEAR(test::sheetCell(probe, "Ringkasan", kkpham, 5).asNumber(), score.find("total")->asNumber(), 0.005);
  EXPECT_NEAR(test::sheetCell(probe, "Ringkasan", kkpham, 7).asNumber(), score.find("completeness")->asNumber(), 0.0001);
  const double missing = static_cast<double>(score.find("missing")->asArray().size());
  EXPECT_EQ(test::sheetCell(probe, "Ringkasan", kkpham, 8).asNumber(), missing);

  // Every missing indicator of Ogan Ilir's KKPHAM is listed, with its name and criterion.
  const JsonValue& rows = *probe.find("cells")->find("Data belum ada");
  std::size_t listed = 0;
  for (const JsonValue& row : rows.asArray()) {
    const auto& cells = row.asArray();
    if (cells.size() < 6 || !cells[0].isString() || cells[0].asString() != "16.10" || cells[2].asString() != "KKPHAM") continue;
    ++listed;
    EXPECT_TRUE(cells[4].isString() && !cells[4].asString().empty()) << "the indicator's name";
    EXPECT_TRUE(cells[5].isString() && !cells[5].asString().empty()) << "its criterion";
  }
  EXPECT_EQ(static_cast<double>(listed), missing);

  // The open alerts: counted per subject and instrument, listed per subject, summed by severity.
  const std::size_t muratara = findRow(probe, "Ringkasan", "16.13", "RANHAM");
  ASSERT_GT(muratara, 0u);
  EXPECT_EQ(test::sheetCell(probe, "Ringkasan", muratara, 9).asNumber(), 1);
  EXPECT_EQ(test::sheetCell(probe, "Ringkasan", findRow(probe, "Ringkasan", "16.13", "KKPHAM"), 9).asNumber(), 0);
  EXPECT_EQ(test::sheetCell(probe, "Ringkasan", kkpham, 9).asNumber(), 1);
  EXPECT_EQ(toJson(*probe.find("cells")->find("Peringatan")),
            R"([["Kode","Kabupaten/Kota","Peringatan terbuka","Kritis"],)"
            R"(["16.10","Kabupaten Ogan Ilir",1,0],["16.13","Kabupaten Musi Rawas Utara",1,1]])");
  bool severities = false;
  for (std::size_t row = 2; row < header; ++row) {
    const JsonValue& label = test::sheetCell(probe, "Ringkasan", row, 1);
    if (!label.isString() || label.asString() != "Peringatan terbuka") continue;
    severities = true;
    EXPECT_EQ(test::sheetCell(probe, "Ringkasan", row, 2).asString(), "kritis 1, peringatan 1");
  }
  EXPECT_TRUE(severities);

  // Kota Palembang's JDIH site was harvested: its documents and metadata completeness.
  const JsonValue& jdih = *probe.find("cells")->find("JDIH");
  ASSERT_GE(jdih.asArray().size(), 2u);
  EXPECT_EQ(jdih.asArray()[0].asArray()[2].asString(), "Dokumen");
  EXPECT_EQ(jdih.asArray()[0].asArray()[6].asString(), "Situs");
  bool palembang = false;
  for (const JsonValue& row : jdih.asArray()) {
    const auto& cells = row.asArray();
    if (!cells[0].isString() || cells[0].asString() != "16.71") continue;
    palembang = true;
    EXPECT_GT(cells[2].asNumber(), 0) << "documents";
    EXPECT_GE(cells[4].asNumber(), 0) << "a share";
    EXPECT_LE(cells[4].asNumber(), 1);
    EXPECT_EQ(cells[6].asString(), "belum dicek");  // harvested, but no monitor has looked at the site yet
  }
  EXPECT_TRUE(palembang);
}

TEST_F(ReportCliTest, csvGoesToStandardOutputAsOneQuotedTableWithABom) {
  const auto r = hub({"report", "--region", "16", "--format", "csv", "--instrument", "kkpham"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const JsonValue probe = test::reportProbe("csv", {dir_->write("stdout.csv", r.out).string()});
  EXPECT_TRUE(probe.find("bom")->asBool());
  const auto& records = probe.find("records")->asArray();
  ASSERT_GT(records.size(), 18u);
  const auto& header = records[0].asArray();
  EXPECT_EQ(header[0].asString(), "Bagian");
  EXPECT_EQ(header[1].asString(), "Kode");
  const JsonValue score = scoreRow("16.10", "kkpham");
  bool found = false;
  for (const JsonValue& record : records) {
    const auto& fields = record.asArray();
    EXPECT_EQ(fields.size(), header.size()) << "every record has every field";
    if (fields[0].asString() == "Ringkasan" && fields[1].asString() == "16.10") {
      found = true;
      EXPECT_NEAR(std::stod(fields[5].asString()), score.find("total")->asNumber(), 0.005);
      EXPECT_EQ(fields[3].asString(), "KKPHAM");
    }
    EXPECT_NE(fields[3].asString(), "RANHAM") << "--instrument kkpham";
  }
  EXPECT_TRUE(found);
}

TEST_F(ReportCliTest, htmlIsOneWellFormedPrintablePageWithTheChart) {
  const auto file = dir_->path() / "laporan-16.html";
  const auto r = hub({"report", "--region", "16", "--output", file.string()});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const JsonValue probe = test::reportProbe("html", {file.string()});
  EXPECT_TRUE(probe.find("well_formed")->asBool()) << toJson(*probe.find("problems"));
  EXPECT_TRUE(probe.find("doctype")->asBool());
  const std::string text = probe.find("text")->asString();
  for (const char* words : {"Ringkasan", "Data belum ada", "Kabupaten/Kota", "Nilai", "Predikat", "Kelengkapan",
                            "Kabupaten Ogan Ilir", "Kota Palembang"}) {
    EXPECT_NE(text.find(words), std::string::npos) << words;
  }
  // Bahasa Indonesia writes the decimal comma.
  char total[32];
  std::snprintf(total, sizeof total, "%.2f", scoreRow("16.10", "kkpham").find("total")->asNumber());
  std::string shown = total;
  shown[shown.find('.')] = ',';
  EXPECT_NE(text.find(shown), std::string::npos) << shown;
  // A bar per scored subject and instrument: KKPHAM for the 17 kab/kota, RANHAM for them and the province.
  EXPECT_GE(probe.find("bars")->asNumber(), 17 + 18);
}

TEST_F(ReportCliTest, englishOnRequest) {
  const auto r = hub({"report", "--region", "16", "--format", "csv", "--lang", "en"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.out.rfind("\xEF\xBB\xBFSection,Code,Regency/City,Instrument,Period,Score,Predicate,Completeness,", 0), 0u)
      << r.out.substr(0, 200);
  EXPECT_NE(r.out.find("Missing data,"), std::string::npos);
  EXPECT_EQ(r.out.find("Ringkasan"), std::string::npos);

  const auto file = dir_->path() / "report-16.html";
  ASSERT_EQ(hub({"report", "--region", "16", "--lang", "en", "--output", file.string()}).exitCode, 0);
  const JsonValue probe = test::reportProbe("html", {file.string()});
  EXPECT_NE(probe.find("text")->asString().find("Scores per instrument"), std::string::npos);
}

TEST_F(ReportCliTest, anUnknownRegionIsAUsageErrorThatNamesTheRegions) {
  const auto r = hub({"report", "--region", "99"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("unknown region '99' (regions: 16 Sumatera Selatan)"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());

  const auto noRegion = hub({"report"});
  EXPECT_EQ(noRegion.exitCode, 2);
  EXPECT_NE(noRegion.err.find("--region is required"), std::string::npos);

  const auto pdf = hub({"report", "--region", "16", "--output", (dir_->path() / "laporan.pdf").string()});
  EXPECT_EQ(pdf.exitCode, 2);
  EXPECT_NE(pdf.err.find("cannot tell the format from the file name"), std::string::npos) << pdf.err;
  EXPECT_FALSE(std::filesystem::exists(dir_->path() / "laporan.pdf"));

  const auto instrument = hub({"report", "--region", "16", "--instrument", "kkp"});
  EXPECT_EQ(instrument.exitCode, 2);
  EXPECT_NE(instrument.err.find("unknown instrument 'kkp' (known: irh, kkpham, p2ham, ranham, skm)"), std::string::npos)
      << instrument.err;
  const auto period = hub({"report", "--region", "16", "--instrument", "ranham", "--period", "2024-B06"});
  EXPECT_EQ(period.exitCode, 2);
  EXPECT_NE(period.err.find("period '2024-B06' does not exist for ranham"), std::string::npos) << period.err;
}

TEST_F(ReportCliTest, xlsxIsNeverWrittenToATerminal) {
  std::vector<std::string> command = withConfig({"report", "--region", "16", "--format", "xlsx"});
  command.insert(command.begin(), test::hamhubBinary().string());
  const JsonValue probe = test::reportProbe("tty", command);
  EXPECT_EQ(probe.find("exit")->asNumber(), 2);
  EXPECT_NE(probe.find("stderr")->asString().find("not written to a terminal"), std::string::npos)
      << probe.find("stderr")->asString();
  EXPECT_NE(probe.find("stderr")->asString().find("--output"), std::string::npos);
  EXPECT_EQ(probe.find("shown")->asNumber(), 0) << "not one byte of the zip reached the terminal";

  // Redirected, it is written: scripts pipe it on.
  const auto piped = hub({"report", "--region", "16", "--format", "xlsx"});
  EXPECT_EQ(piped.exitCode, 0) << piped.err;
  EXPECT_EQ(piped.out.rfind("PK", 0), 0u) << "a zip";
}

TEST_F(ReportCliTest, reportsWhatTheLastHarvestChangedWithoutAScoreRunBetween) {
  // The Kanwil re-exports KKPHAM with revised values and the hub harvests it; nobody runs `score`.
  const sim::MutationResult m = sim_->mutate(*sim_->findSite("kkpham-16"), {.add = 0, .change = 3, .remove = 0});
  ASSERT_FALSE(m.changed.empty());
  ASSERT_EQ(hub({"harvest", "--source", "kkpham-16"}).exitCode, 0);

  const auto r = hub({"report", "--region", "16", "--format", "csv", "--instrument", "kkpham", "--lang", "en"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto after = hub({"score", "--instrument", "kkpham", "--format", "json"});
  ASSERT_EQ(after.exitCode, 0) << after.err;
  EXPECT_NE(after.err.find("scored 0, "), std::string::npos) << "the report scored the revision already: " << after.err;

  std::map<std::string, double> reported, scored;
  const JsonValue probe = test::reportProbe("csv", {dir_->write("refreshed.csv", r.out).string()});
  for (const JsonValue& record : probe.find("records")->asArray()) {
    const auto& fields = record.asArray();
    if (fields[0].asString() == "Summary" && fields[3].asString() == "KKPHAM") {
      reported[fields[1].asString()] = std::stod(fields[5].asString());
    }
  }
  const auto rows = parseJson(after.out);
  ASSERT_TRUE(rows.isOk());
  for (const JsonValue& row : rows->asArray()) scored[row.find("subject")->asString()] = row.find("total")->asNumber();
  EXPECT_EQ(reported, scored);
}

TEST_F(ReportCliTest, aReportThatCannotBeWrittenFailsTheJobAndSaysWhy) {
  const auto file = dir_->path() / "no-such-folder" / "laporan.html";
  const auto r = hub({"report", "--region", "16", "--output", file.string()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_NE(r.err.find("cannot write " + file.string() + ": No such file or directory"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(file.parent_path()));
}

}  // namespace
}  // namespace hamhub

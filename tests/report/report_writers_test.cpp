// The report writers on a small hand-made report: what a spreadsheet, a CSV reader and an HTML
// parser read back, above all for text that needs escaping.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "host/report/csv_report.h"
#include "host/report/html_report.h"
#include "host/util/markup_escape.h"
#include "host/report/xlsx_report.h"
#include "report/report_probe.h"
#include "support/temp_dir.h"

namespace hamhub {
namespace {

using host::ReportCell;

// A name a harvested record could carry: markup characters, a quote, a comma and a line break.
const std::string kAwkward = "Dinas \"Sosial\" & <PPA>, Kota\nPalembang";

host::Report sampleReport() {
  host::Report report;
  report.title = "Laporan <uji> & coba";
  report.facts = {{"Wilayah", "Sumatera Selatan (16)"}, {"Tanggal", "2026-11-29"}};
  report.sectionLabel = "Bagian";
  report.tables.push_back({"Ringkasan",
                           {"Kode", "Kabupaten/Kota", "Nilai", "Kelengkapan"},
                           {{ReportCell::of("16.71"), ReportCell::of(kAwkward), ReportCell::score(82.35),
                             ReportCell::share(0.75)},
                            {ReportCell::of("16.72"), ReportCell::of("Kota Pagar Alam"), ReportCell::count(40),
                             ReportCell::empty()}},
                           {}});
  report.tables.push_back({"Data belum ada",
                           {"Kode", "Indikator"},
                           {{ReportCell::of("16.72"), ReportCell::of("6.P")}},
                           {}});
  report.tables.push_back({"JDIH", {"Kode", "Dokumen"}, {}, "Tidak ada situs JDIH."});
  report.chart = {"Nilai", {"KKPHAM"}, {{kAwkward, {82.35}}, {"Kota Pagar Alam", {std::nullopt}}}, 100};
  return report;
}

TEST(MarkupEscapeTest, escapesMarkupAndDropsWhatXmlForbids) {
  EXPECT_EQ(host::escapeMarkup("a & <b> \"c\" 'd'"), "a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;");
  EXPECT_EQ(host::escapeMarkup(std::string("x\x01y\tz\n", 7)), "xy\tz\n");
  EXPECT_EQ(host::escapeMarkup("Kota Pagar Alam — ≥ 75"), "Kota Pagar Alam — ≥ 75");
}

// What the rows say as a CSV reader sees them: a record's fields joined with '|'.
std::vector<std::string> csvLines(const JsonValue& probe) {
  std::vector<std::string> lines;
  for (const JsonValue& record : probe.find("records")->asArray()) {
    std::string line;
    for (const JsonValue& field : record.asArray()) line += (line.empty() ? "" : "|") + field.asString();
    lines.push_back(line);
  }
  return lines;
}

TEST(CsvReportTest, writesOneRfc4180TableWithASectionColumnAndABom) {
  std::ostringstream out;
  host::writeCsvReport(sampleReport(), out);
  const std::string text = out.str();
  EXPECT_NE(text.find("\"Dinas \"\"Sosial\"\" & <PPA>, Kota\nPalembang\""), std::string::npos) << text;

  test::TempDir dir;
  const JsonValue probe = test::reportProbe("csv", {dir.write("laporan.csv", text).string()});
  EXPECT_TRUE(probe.find("bom")->asBool()) << "UTF-8 byte-order mark first, for Excel";
  EXPECT_EQ(csvLines(probe), (std::vector<std::string>{
                                 "Bagian|Kode|Kabupaten/Kota|Nilai|Kelengkapan|Indikator|Dokumen",
                                 "Ringkasan|16.71|" + kAwkward + "|82.35|75.0%||",
                                 "Ringkasan|16.72|Kota Pagar Alam|40|||",
                                 "Data belum ada|16.72||||6.P|",
                             }))
      << "one table: the union of the columns (an empty part keeps its columns, so the layout is stable)";
}

TEST(XlsxReportTest, opensInOpenpyxlWithTypedCellsAndEscapedText) {
  auto workbook = host::xlsxReport(sampleReport());
  ASSERT_TRUE(workbook.isOk()) << workbook.status().message();
  test::TempDir dir;
  const auto file = dir / "laporan.xlsx";
  std::ofstream(file, std::ios::binary) << *workbook;
  const JsonValue probe = test::reportProbe("xlsx", {file.string()});

  const JsonValue* sheets = probe.find("sheets");
  ASSERT_NE(sheets, nullptr);
  ASSERT_EQ(sheets->asArray().size(), 3u);
  EXPECT_EQ(sheets->asArray()[0].asString(), "Ringkasan");
  EXPECT_EQ(sheets->asArray()[1].asString(), "Data belum ada");
  EXPECT_EQ(sheets->asArray()[2].asString(), "JDIH");

  // The first sheet: title, two facts, a blank row, then the table.
  EXPECT_EQ(test::sheetCell(probe, "Ringkasan", 1, 1).asString(), "Laporan <uji> & coba");
  EXPECT_EQ(test::sheetCell(probe, "Ringkasan", 2, 2).asString(), "Sumatera Selatan (16)");
  EXPECT_EQ(test::sheetCell(probe, "Ringkasan", 5, 2).asString(), "Kabupaten/Kota");
  EXPECT_EQ(test::sheetCell(probe, "Ringkasan", 6, 2).asString(), kAwkward);
  EXPECT_DOUBLE_EQ(test::sheetCell(probe, "Ringkasan", 6, 3).asNumber(), 82.35);
  EXPECT_DOUBLE_EQ(test::sheetCell(probe, "Ringkasan", 6, 4).asNumber(), 0.75);
  EXPECT_DOUBLE_EQ(test::sheetCell(probe, "Ringkasan", 7, 3).asNumber(), 40);
  EXPECT_TRUE(test::sheetCell(probe, "Ringkasan", 7, 4).isNull());
  EXPECT_EQ(toJson(*probe.find("formats")->find("Ringkasan")), R"(["0.0%","0.00"])");

  // The header row is bold and stays in view.
  EXPECT_EQ(probe.find("frozen")->find("Ringkasan")->asString(), "A6");
  EXPECT_EQ(probe.find("frozen")->find("Data belum ada")->asString(), "A2");
  const std::string bold = toJson(*probe.find("bold")->find("Ringkasan"));
  for (const char* cell : {"\"A1\"", "\"A5\"", "\"D5\""}) EXPECT_NE(bold.find(cell), std::string::npos) << bold;
  EXPECT_EQ(bold.find("\"B6\""), std::string::npos) << bold;

  EXPECT_EQ(test::sheetCell(probe, "Data belum ada", 2, 2).asString(), "6.P");
  EXPECT_EQ(test::sheetCell(probe, "JDIH", 2, 1).asString(), "Tidak ada situs JDIH.") << "an empty table says why";
}

TEST(XlsxReportTest, makesSheetNamesExcelAccepts) {
  host::Report report;
  for (const char* title : {"Data: 2024/B08 [revisi] untuk rapat koordinasi", "JDIH", "JDIH", ""}) {
    report.tables.push_back({title, {"Kode"}, {}, {}});
  }
  auto workbook = host::xlsxReport(report);
  ASSERT_TRUE(workbook.isOk()) << workbook.status().message();
  test::TempDir dir;
  const auto file = dir / "names.xlsx";
  std::ofstream(file, std::ios::binary) << *workbook;
  const JsonValue probe = test::reportProbe("xlsx", {file.string()});
  EXPECT_EQ(toJson(*probe.find("sheets")), R"(["Data  2024 B08  revisi  untu","JDIH","JDIH 2","Sheet"])")
      << "no []:*?/\\, at most 31 characters, none twice";
}

TEST(HtmlReportTest, isOneWellFormedPageWithEverythingEscaped) {
  std::ostringstream out;
  host::writeHtmlReport(sampleReport(), out);
  const std::string page = out.str();
  EXPECT_EQ(page.find("<PPA>"), std::string::npos) << "no raw markup from the data";
  EXPECT_NE(page.find("Dinas &quot;Sosial&quot; &amp; &lt;PPA&gt;, Kota"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"num\">82,35</td>"), std::string::npos) << "Bahasa Indonesia writes 82,35";
  EXPECT_NE(page.find("<td class=\"num\">75,0%</td>"), std::string::npos);
  EXPECT_NE(page.find("@media print"), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);

  test::TempDir dir;
  const auto file = dir.write("laporan.html", page);
  const JsonValue probe = test::reportProbe("html", {file.string()});
  EXPECT_TRUE(probe.find("well_formed")->asBool()) << toJson(*probe.find("problems"));
  EXPECT_EQ(probe.find("bars")->asNumber(), 1) << "one scored subject, one bar; the unscored one has none";
  EXPECT_NE(probe.find("text")->asString().find(kAwkward.substr(0, 20)), std::string::npos);
}

}  // namespace
}  // namespace hamhub

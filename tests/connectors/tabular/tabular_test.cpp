// The shared readers of connectors/common/tabular against real files: openpyxl workbooks, CSV
// exports in their encodings and dialects, JSON arrays, and hostile input.

#include <gtest/gtest.h>

#include "csv_reader.h"
#include "dates.h"
#include "file_test_support.h"
#include "json_rows_reader.h"
#include "text.h"
#include "xlsx_reader.h"

namespace hamhub::tabular {
namespace {

using test::tabularFixture;

std::vector<Row> readAll(RowReader& reader) {
  std::vector<Row> rows;
  Row row;
  for (;;) {
    auto more = reader.next(row);
    EXPECT_TRUE(more.isOk()) << more.status().message();
    if (!more.isOk() || !*more) break;
    rows.push_back(row);
  }
  return rows;
}

Result<std::vector<Row>> readXlsx(const std::string& name, const std::string& sheet, TableLocation& location) {
  location.file = name;
  auto reader = XlsxReader::open(tabularFixture(name).string(), location, sheet);
  if (!reader) return reader.status();
  return readAll(**reader);
}

std::vector<Row> readCsv(const std::string& name, CsvSettings settings = {}, char* delimiter = nullptr,
                         CsvEncoding* encoding = nullptr) {
  TableLocation location{name, "", true};
  auto reader = CsvReader::open(tabularFixture(name).string(), location, settings);
  EXPECT_TRUE(reader.isOk()) << reader.status().message();
  if (!reader) return {};
  auto rows = readAll(**reader);
  if (delimiter != nullptr) *delimiter = (*reader)->delimiter();
  if (encoding != nullptr) *encoding = (*reader)->encoding();
  return rows;
}

TEST(TabularXlsxTest, readsSharedStringsNumbersBooleansDatesAndEmptyCellsWithTheirTypes) {
  TableLocation location;
  auto rows = readXlsx("types-1900.xlsx", "", location);
  ASSERT_TRUE(rows.isOk()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);
  const Row& r = (*rows)[1];
  EXPECT_EQ(r.number, 2u);
  EXPECT_EQ(r.at(0).type, CellType::Text);
  EXPECT_EQ(r.at(0).text, "dua");
  EXPECT_EQ(r.at(1).type, CellType::Number);
  EXPECT_EQ(r.at(1).text, "-0.125");
  EXPECT_EQ(r.at(2).type, CellType::Boolean);
  EXPECT_EQ(r.at(2).text, "false");
  EXPECT_EQ(r.at(3).type, CellType::Date);
  EXPECT_EQ(r.at(3).text, "2024-02-29");  // a real leap day, format "d mmmm yyyy"
  EXPECT_EQ(r.at(4).type, CellType::DateTime);
  EXPECT_EQ(r.at(4).text, "1900-03-01T06:00:00");  // just past Excel's fictional 1900-02-29
  EXPECT_EQ(r.at(5).text, "1234567890123");
  EXPECT_EQ(location.sheet, "Jenis");
}

TEST(TabularXlsxTest, readsThe1904DateSystemAndFormulaCellsWithoutCachedValuesAsText) {
  TableLocation location;
  auto rows = readXlsx("types-1904.xlsx", "1", location);
  ASSERT_TRUE(rows.isOk()) << rows.status().message();
  const Row& r = (*rows)[1];
  EXPECT_EQ(r.at(1).text, "45.2");
  EXPECT_EQ(r.at(2).text, "true");
  EXPECT_EQ(r.at(3).text, "2024-03-15");
  EXPECT_EQ(r.at(4).text, "2024-03-15T10:30:00");
  EXPECT_TRUE(r.at(5).empty());
}

TEST(TabularXlsxTest, readsInlineRichAndFormulaStringsAndKeepsGapsInRowsAndColumns) {
  TableLocation location;
  auto rows = readXlsx("inline-strings.xlsx", "Data", location);
  ASSERT_TRUE(rows.isOk()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].at(0).text, "Nama");
  EXPECT_TRUE((*rows)[0].at(1).empty());  // C1 after A1: B1 is a gap
  EXPECT_EQ((*rows)[0].at(2).text, "Nilai");  // two rich-text runs
  EXPECT_EQ((*rows)[1].number, 3u);           // row 2 is absent
  EXPECT_EQ((*rows)[1].at(0).text, " Kota  Palembang ");
  EXPECT_EQ((*rows)[1].at(1).text, "rumus");  // t="str": a formula's cached string
  EXPECT_EQ((*rows)[1].at(2).text, "45.2");   // Excel's 17 digits, shortened
  EXPECT_EQ((*rows)[1].at(3).type, CellType::Error);
}

TEST(TabularXlsxTest, selectsASheetByNameOrPositionAndListsTheSheetsWhenOneIsMissing) {
  TableLocation byName;
  auto data = readXlsx("kkpham-2024.xlsx", "data", byName);
  ASSERT_TRUE(data.isOk()) << data.status().message();
  EXPECT_EQ(byName.sheet, "Data");
  EXPECT_EQ((*data)[0].at(1).text, "Kabupaten/Kota");
  TableLocation byIndex;
  auto second = readXlsx("kkpham-2024.xlsx", "2", byIndex);
  ASSERT_TRUE(second.isOk());
  EXPECT_EQ(byIndex.sheet, "Data");
  TableLocation missing;
  auto none = readXlsx("kkpham-2024.xlsx", "Rekap", missing);
  ASSERT_FALSE(none.isOk());
  EXPECT_EQ(none.status().message(),
            "kkpham-2024.xlsx: no sheet \"Rekap\" (the workbook has 2: \"Petunjuk\", \"Data\")");
}

TEST(TabularXlsxTest, refusesAFileThatIsNotAZipWithAClearError) {
  TableLocation location;
  auto rows = readXlsx("not-a-zip.xlsx", "", location);
  ASSERT_FALSE(rows.isOk());
  EXPECT_EQ(rows.status().message(), "not-a-zip.xlsx: not an XLSX workbook (the file is not a zip archive)");
}

TEST(TabularXlsxTest, refusesAZipBombAfterInflatingOnlyAFewMegabytes) {
  TableLocation location;
  auto rows = readXlsx("bomb.xlsx", "", location);
  ASSERT_FALSE(rows.isOk());
  EXPECT_EQ(rows.status().reason(), "too-large");
  EXPECT_NE(rows.status().message().find("xl/workbook.xml inflates more than 200 times"), std::string::npos)
      << rows.status().message();
}

TEST(TabularXlsxTest, refusesADoctypeWithoutExpandingOrOpeningEntities) {
  TableLocation location;
  auto reader = XlsxReader::open(tabularFixture("doctype.xlsx").string(), location, "");
  ASSERT_TRUE(reader.isOk()) << reader.status().message();
  Row row;
  auto next = (*reader)->next(row);
  ASSERT_FALSE(next.isOk());
  EXPECT_NE(next.status().message().find("DOCTYPE"), std::string::npos) << next.status().message();
  EXPECT_EQ(next.status().message().find("root:"), std::string::npos);
}

TEST(TabularDatesTest, convertsExcelSerialsIncludingThe1900LeapYearBugAndThe1904System) {
  EXPECT_EQ(excelSerialToIso(1, DateSystem::Excel1900, false), "1900-01-01");
  EXPECT_EQ(excelSerialToIso(59, DateSystem::Excel1900, false), "1900-02-28");
  EXPECT_EQ(excelSerialToIso(60, DateSystem::Excel1900, false), std::nullopt);  // 1900-02-29 never was
  EXPECT_EQ(excelSerialToIso(61, DateSystem::Excel1900, false), "1900-03-01");
  EXPECT_EQ(excelSerialToIso(45366, DateSystem::Excel1900, false), "2024-03-15");
  EXPECT_EQ(excelSerialToIso(45366.4375, DateSystem::Excel1900, true), "2024-03-15T10:30:00");
  EXPECT_EQ(excelSerialToIso(0, DateSystem::Excel1904, false), "1904-01-01");
  EXPECT_EQ(excelSerialToIso(43904, DateSystem::Excel1904, false), "2024-03-15");
  EXPECT_EQ(parseDateText("15/03/2024"), "2024-03-15");
  EXPECT_EQ(parseDateText("2024-03-15 10:30"), "2024-03-15T10:30:00");
  EXPECT_EQ(parseDateText("31/02/2024"), std::nullopt);
  EXPECT_EQ(parseDateText("45.2"), std::nullopt);
  EXPECT_TRUE(isDateFormatCode("dd/mm/yyyy"));
  EXPECT_TRUE(isDateFormatCode("[$-421]d mmmm yyyy;@"));
  EXPECT_FALSE(isDateFormatCode("#,##0.00"));
  EXPECT_FALSE(isDateFormatCode("\"Rp\"#,##0;[Red]-\"Rp\"#,##0"));
}

TEST(TabularCsvTest, readsUtf8WithCommasAndQuotedDelimitersAndQuotes) {
  char delimiter = 0;
  CsvEncoding encoding = CsvEncoding::Auto;
  auto rows = readCsv("kkpham-utf8.csv", {}, &delimiter, &encoding);
  EXPECT_EQ(delimiter, ',');
  EXPECT_EQ(encoding, CsvEncoding::Utf8);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].at(3).text, "Perda \u2018HAM\u2019 \u2013 bantuan hukum");
  EXPECT_EQ(rows[2].at(3).text, "Anggaran; \"khusus\"");
  EXPECT_EQ(rows[2].at(4).text, "7,5");
}

TEST(TabularCsvTest, detectsSemicolonsAndSkipsAByteOrderMark) {
  char delimiter = 0;
  auto rows = readCsv("kkpham-utf8-bom.csv", {}, &delimiter);
  EXPECT_EQ(delimiter, ';');
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].at(0).text, "Kabupaten/Kota");  // no BOM in the first header
  EXPECT_EQ(rows[1].at(3).text, "Perda \u2018HAM\u2019 \u2013 bantuan hukum");
}

TEST(TabularCsvTest, detectsWindows1252AndConvertsItToUtf8) {
  CsvEncoding encoding = CsvEncoding::Auto;
  auto rows = readCsv("kkpham-cp1252.csv", {}, nullptr, &encoding);
  EXPECT_EQ(encoding, CsvEncoding::Windows1252);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].at(3).text, "Perda \u2018HAM\u2019 \u2013 bantuan hukum");
  // Declared UTF-8, the same bytes are an error that names the row and column.
  TableLocation location{"kkpham-cp1252.csv", "", true};
  auto reader = CsvReader::open(tabularFixture("kkpham-cp1252.csv").string(), location, {CsvEncoding::Utf8, 0});
  ASSERT_TRUE(reader.isOk());
  Row row;
  ASSERT_TRUE((*reader)->next(row).isOk());
  auto bad = (*reader)->next(row);
  ASSERT_FALSE(bad.isOk());
  EXPECT_NE(bad.status().message().find("kkpham-cp1252.csv, row 2, column D: the text is not valid UTF-8"),
            std::string::npos)
      << bad.status().message();
}

TEST(TabularCsvTest, readsTabsCrlfAndLineBreaksInsideQuotes) {
  char delimiter = 0;
  auto rows = readCsv("ranham-banyuasin.tsv", {}, &delimiter);
  EXPECT_EQ(delimiter, '\t');
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].at(9).text, "https://sapa.example/a.pdf\r\nhttps://sapa.example/b.pdf");
  EXPECT_EQ(rows[1].at(11).text, "06/05/2024");
  EXPECT_EQ(rows[2].number, 3u);
}

TEST(TabularCsvTest, readsTheSameRowsWhateverTheChunkBoundaries) {
  // Quotes, CRLF and a doubled quote placed to straddle the 256 KiB chunk boundary.
  test::TempDir dir;
  std::string text;
  while (text.size() < 256 * 1024 - 3) text += "a,b\r\n";
  text.resize(256 * 1024 - 3);
  text += "\"x\"\"y\",\"z\r\nw\"\r\nlast,row\r\n";
  const auto file = dir.write("chunks.csv", text);
  TableLocation location{"chunks.csv", "", true};
  auto reader = CsvReader::open(file.string(), location, {CsvEncoding::Auto, ','});
  ASSERT_TRUE(reader.isOk());
  auto rows = readAll(**reader);
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows.back().at(0).text, "last");
  bool found = false;
  for (const auto& r : rows) found = found || r.at(1).text == "z\r\nw";
  EXPECT_TRUE(found);
}

TEST(TabularJsonTest, readsAnArrayOfFlatObjectsWithAHeaderOfTheFirstObjectsKeys) {
  TableLocation location{"ranham-2023.json", "", false};
  auto reader = JsonRowsReader::open(tabularFixture("ranham-2023.json").string(), location);
  ASSERT_TRUE(reader.isOk());
  auto rows = readAll(**reader);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].number, 0u);
  EXPECT_EQ(rows[0].at(0).text, "Pemerintah Daerah");
  EXPECT_EQ(rows[1].number, 1u);
  EXPECT_EQ(rows[1].at(1).type, CellType::Number);
  EXPECT_TRUE(rows[1].at(8).empty());  // "Status": null
  EXPECT_EQ(rows[2].at(6).type, CellType::Number);
}

TEST(TabularJsonTest, refusesNestedValuesNamingTheRowAndField) {
  TableLocation location{"nested.json", "", false};
  auto reader = JsonRowsReader::open(tabularFixture("nested.json").string(), location);
  ASSERT_TRUE(reader.isOk());
  Row row;
  auto next = (*reader)->next(row);
  ASSERT_FALSE(next.isOk());
  EXPECT_EQ(next.status().message(), "nested.json: row 1: field \"Capaian\" holds an object; only flat objects are read");
}

TEST(TabularTextTest, splitsCellsWithSeveralLinksAndNamesColumns) {
  std::string rest;
  auto links = splitLinks("https://a/1.pdf\nhttps://a/2.pdf; lampiran fisik | https://a/1.pdf", &rest);
  EXPECT_EQ(links, (std::vector<std::string>{"https://a/1.pdf", "https://a/2.pdf"}));
  EXPECT_EQ(rest, "lampiran fisik");
  EXPECT_EQ(columnLetters(0), "A");
  EXPECT_EQ(columnLetters(27), "AB");
  EXPECT_EQ(columnFromReference("AB12"), 27u);
  EXPECT_EQ(foldHeader("  Kode\u00A0 Indikator "), "kode indikator");
}

}  // namespace
}  // namespace hamhub::tabular

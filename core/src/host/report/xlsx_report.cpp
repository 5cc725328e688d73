#include "host/report/xlsx_report.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <sstream>

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include "host/report/cell_text.h"
#include "host/util/markup_escape.h"
#include "host/util/utf8.h"

namespace hamhub::host {

namespace {

constexpr const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Indexes into styles.xml's cellXfs, in the order it lists them.
enum Style { kPlain = 0, kHeader = 1, kShare = 2, kDecimal = 3, kTitle = 4, kLabel = 5 };

const char* const kStyles =
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/></numFmts>"
    "<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
    "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font>"
    "<font><b/><sz val=\"14\"/><name val=\"Calibri\"/></font></fonts>"
    "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
    "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDE4EE\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    "<cellXfs count=\"6\">"
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>"
    "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
    "</cellXfs>"
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    "</styleSheet>";

std::string columnName(std::size_t index) {  // 0 → A, 26 → AA
  std::string name;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  return name;
}

// Excel refuses a workbook whose sheet names hold []:*?/\, are longer than 31 characters or repeat.
std::string sheetName(const std::string& title, std::set<std::string>& taken) {
  std::string name;
  std::size_t length = 0;
  for (const char c : title) {
    if (!isUtf8Continuation(c) && ++length > 28) break;  // room for " 2" should the name repeat
    name += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : ' ';
  }
  if (name.empty()) name = "Sheet";
  std::string unique = name;
  for (int n = 2; !taken.insert(unique).second; ++n) unique = name + " " + std::to_string(n);
  return unique;
}

// One worksheet's XML, written row by row and each row left to right; every column ends as wide as
// the widest text sized in it.
class SheetXml {
 public:
  // `sized`: the column is made wide enough for it; long lines (the title, a note) spill over the
  // empty cells beside them instead of widening their column.
  void text(const std::string& value, Style style, bool sized = true) {
    if (!value.empty()) {
      cells_ += "<c r=\"" + ref() + "\" t=\"inlineStr\"" + styleAttr(style) + "><is><t xml:space=\"preserve\">" +
                escapeMarkup(value) + "</t></is></c>";
    }
    width(sized ? codePointCount(value) : 0);
    ++column_;
  }

  void cell(const ReportCell& cell) {
    if (cell.kind == ReportCell::Kind::Text || cell.kind == ReportCell::Kind::Empty || !std::isfinite(cell.value)) {
      text(cell.kind == ReportCell::Kind::Text ? cell.text : std::string(), kPlain);
      return;
    }
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, cell.value).ptr;
    const Style style = cell.kind == ReportCell::Kind::Share ? kShare : cell.decimals > 0 ? kDecimal : kPlain;
    cells_ += "<c r=\"" + ref() + "\"" + styleAttr(style) + "><v>" + std::string(digits, end) + "</v></c>";
    width(cellText(cell, '.').size());
    ++column_;
  }

  void endRow() {
    rows_ += "<row r=\"" + std::to_string(row_) + "\">" + cells_ + "</row>";
    cells_.clear();
    column_ = 0;
    ++row_;
  }

  void freezeAbove() { frozen_ = row_ - 1; }

  std::string xml(bool selected) const {
    std::string out = std::string(kXmlHead) + "<worksheet xmlns=\"" + kMainNs + "\" xmlns:r=\"" + kRelNs + "\">";
    out += std::string("<sheetViews><sheetView workbookViewId=\"0\"") + (selected ? " tabSelected=\"1\"" : "") + ">";
    if (frozen_ > 0) {
      out += "<pane ySplit=\"" + std::to_string(frozen_) + "\" topLeftCell=\"A" + std::to_string(frozen_ + 1) +
             "\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/>";
    }
    out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>";
    if (!widths_.empty()) {
      out += "<cols>";
      for (std::size_t i = 0; i < widths_.size(); ++i) {
        const std::size_t w = std::clamp<std::size_t>(widths_[i] + 2, 8, 60);
        out += "<col min=\"" + std::to_string(i + 1) + "\" max=\"" + std::to_string(i + 1) + "\" width=\"" +
               std::to_string(w) + "\" customWidth=\"1\"/>";
      }
      out += "</cols>";
    }
    return out + "<sheetData>" + rows_ + "</sheetData></worksheet>";
  }

 private:
  std::string ref() const { return columnName(column_) + std::to_string(row_); }
  static std::string styleAttr(Style style) { return style == kPlain ? "" : " s=\"" + std::to_string(style) + "\""; }
  void width(std::size_t w) {
    if (widths_.size() <= column_) widths_.resize(column_ + 1);
    widths_[column_] = std::max(widths_[column_], w);
  }

  std::string rows_, cells_;
  std::size_t row_ = 1, column_ = 0, frozen_ = 0;
  std::vector<std::size_t> widths_;
};

std::string sheetXml(const Report& report, const ReportTable& table, bool first) {
  SheetXml sheet;
  if (first) {
    sheet.text(report.title, kTitle, false);
    sheet.endRow();
    for (const auto& [label, value] : report.facts) {
      sheet.text(label, kLabel);
      sheet.text(value, kPlain, false);
      sheet.endRow();
    }
    sheet.endRow();
  }
  for (const auto& column : table.columns) sheet.text(column, kHeader);
  sheet.endRow();
  sheet.freezeAbove();
  for (const auto& row : table.rows) {
    for (const auto& cell : row) sheet.cell(cell);
    sheet.endRow();
  }
  if (table.rows.empty() && !table.emptyNote.empty()) {
    sheet.text(table.emptyNote, kPlain, false);
    sheet.endRow();
  }
  return sheet.xml(first);
}

using Parts = std::vector<std::pair<std::string, std::string>>;  // zip entry, content

// The package's parts in the order readers expect them: [Content_Types].xml first, then the
// relationships, the workbook, its styles and the sheets.
Parts packageParts(const Report& report) {
  std::string types = std::string(kXmlHead) +
                      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                      "<Override PartName=\"/xl/workbook.xml\" "
                      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                      "<Override PartName=\"/xl/styles.xml\" "
                      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>";
  std::string sheets, relations;
  Parts worksheets;
  std::set<std::string> taken;
  for (std::size_t i = 0; i < report.tables.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    types += "<Override PartName=\"/xl/worksheets/sheet" + n +
             ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
    sheets += "<sheet name=\"" + escapeMarkup(sheetName(report.tables[i].title, taken)) + "\" sheetId=\"" + n +
              "\" r:id=\"rId" + n + "\"/>";
    relations += "<Relationship Id=\"rId" + n +
                 "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                 "Target=\"worksheets/sheet" + n + ".xml\"/>";
    worksheets.emplace_back("xl/worksheets/sheet" + n + ".xml", sheetXml(report, report.tables[i], i == 0));
  }
  relations += "<Relationship Id=\"rId" + std::to_string(report.tables.size() + 1) +
               "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
               "Target=\"styles.xml\"/>";
  Parts parts{
      {"[Content_Types].xml", types + "</Types>"},
      {"_rels/.rels", std::string(kXmlHead) +
                          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                          "<Relationship Id=\"rId1\" "
                          "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                          "Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", std::string(kXmlHead) + "<workbook xmlns=\"" + kMainNs + "\" xmlns:r=\"" + kRelNs +
                              "\"><bookViews><workbookView/></bookViews><sheets>" + sheets + "</sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       std::string(kXmlHead) + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
           relations + "</Relationships>"},
      {"xl/styles.xml", std::string(kXmlHead) + kStyles}};
  parts.insert(parts.end(), worksheets.begin(), worksheets.end());
  return parts;
}

}  // namespace

Result<std::string> xlsxReport(const Report& report) {
  try {
    std::ostringstream zip;
    Poco::Zip::Compress compress(zip, true);
    const Poco::DateTime now;
    for (const auto& [entry, content] : packageParts(report)) {
      std::istringstream in(content);
      compress.addFile(in, now, Poco::Path(entry, Poco::Path::PATH_UNIX));
    }
    compress.close();
    return zip.str();
  } catch (const Poco::Exception& e) {
    return Status::error("cannot write the XLSX workbook: " + e.displayText(), "io");
  }
}

}  // namespace hamhub::host

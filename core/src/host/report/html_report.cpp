#include "host/report/html_report.h"

#include "host/report/cell_text.h"
#include "host/util/markup_escape.h"
#include "host/report/svg_bar_chart.h"

namespace hamhub::host {

namespace {

const char* const kStyle = R"(
body { font: 14px/1.4 "Segoe UI", "Noto Sans", Arial, sans-serif; color: #1d2733; margin: 24px; }
h1 { font-size: 22px; margin: 0 0 8px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 2px solid #1f5f9e; padding-bottom: 2px; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c8d0da; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #dde4ee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.word { white-space: nowrap; }
tbody tr:nth-child(even) { background: #f5f7fa; }
p.note { font-style: italic; }
svg.chart { max-width: 100%; height: auto; font-size: 11px; }
svg.chart .grid { stroke: #c8d0da; stroke-width: 1; }
svg.chart .value { fill: #1d2733; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; font-size: 11px; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, svg.chart { break-inside: avoid; }
  tbody tr:nth-child(even) { background: none; }
}
)";

// Numbers line up on the right; a text without spaces is a code or an id ("16.01", "2024-B08",
// "6.P") that must not break at its hyphen or dot.
const char* cellTag(const ReportCell& cell) {
  if (cell.kind == ReportCell::Kind::Number || cell.kind == ReportCell::Kind::Share) return "<td class=\"num\">";
  if (cell.kind == ReportCell::Kind::Text && cell.text.find(' ') == std::string::npos) return "<td class=\"word\">";
  return "<td>";
}

}  // namespace

void writeHtmlReport(const Report& report, std::ostream& out) {
  const char sep = report.decimalSeparator;
  out << "<!DOCTYPE html>\n<html lang=\"" << escapeMarkup(report.language) << "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>" << escapeMarkup(report.title)
      << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n<header>\n<h1>" << escapeMarkup(report.title)
      << "</h1>\n<dl class=\"facts\">\n";
  for (const auto& [label, value] : report.facts) {
    out << "<dt>" << escapeMarkup(label) << "</dt><dd>" << escapeMarkup(value) << "</dd>\n";
  }
  out << "</dl>\n</header>\n";
  if (const std::string svg = svgBarChart(report.chart, sep); !svg.empty()) {
    out << "<section>\n<h2>" << escapeMarkup(report.chart.title) << "</h2>\n" << svg << "\n</section>\n";
  }
  for (const auto& table : report.tables) {
    out << "<section>\n<h2>" << escapeMarkup(table.title) << "</h2>\n";
    if (table.rows.empty()) {
      out << "<p class=\"note\">" << escapeMarkup(table.emptyNote) << "</p>\n</section>\n";
      continue;
    }
    out << "<table>\n<thead><tr>";
    for (const auto& column : table.columns) out << "<th>" << escapeMarkup(column) << "</th>";
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& row : table.rows) {
      out << "<tr>";
      for (const auto& cell : row) {
        out << cellTag(cell) << escapeMarkup(cellText(cell, sep)) << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n</section>\n";
  }
  out << "</body>\n</html>\n";
}

}  // namespace hamhub::host

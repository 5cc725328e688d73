#pragma once

// A report as its three writers (XLSX, CSV, HTML) see it: a title, facts about it, titled tables
// of typed cells and a score chart, already worded in the reader's language. The writers only
// lay it out, so the three formats can never say different things.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hamhub::host {

/// One cell: numbers stay numbers (a spreadsheet can sum them), a share stays a share (0–1, shown
/// as a percentage), text is text.
struct ReportCell {
  enum class Kind { Empty, Text, Number, Share };
  Kind kind = Kind::Empty;
  std::string text;
  double value = 0;
  int decimals = 0;  // a Number's, as people read it: a score 62,00 beside 54,80; a count 3

  static ReportCell empty() { return {}; }
  static ReportCell of(std::string text) { return {Kind::Text, std::move(text), 0, 0}; }
  static ReportCell count(std::int64_t n) { return {Kind::Number, {}, static_cast<double>(n), 0}; }
  static ReportCell score(double v) { return {Kind::Number, {}, v, 2}; }
  static ReportCell share(double v) { return {Kind::Share, {}, v, 1}; }
};

struct ReportTable {
  std::string title;  // a sheet's name, a heading, a CSV section: short, in the reader's language
  std::vector<std::string> columns;
  std::vector<std::vector<ReportCell>> rows;
  std::string emptyNote;  // said instead of an empty table ("every item is there")
};

/// Scores side by side: one group of bars per subject, one bar per series (an instrument).
struct ScoreChart {
  std::string title;
  std::vector<std::string> series;  // instrument names, in legend order
  struct Group {
    std::string label;                        // the subject's name
    std::vector<std::optional<double>> values;  // per series; none: not scored
  };
  std::vector<Group> groups;
  double scale = 100;  // the axis maximum
};

struct Report {
  std::string language = "id";  // BCP 47, for the HTML `lang`
  std::string title;
  std::vector<std::pair<std::string, std::string>> facts;  // label, value: region, date, instruments, periods
  std::vector<ReportTable> tables;
  ScoreChart chart;
  std::string sectionLabel = "Bagian";  // CSV's first column: which table a row belongs to
  char decimalSeparator = ',';  // how people read numbers in text (Bahasa Indonesia writes 82,5)
};

}  // namespace hamhub::host

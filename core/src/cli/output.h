#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "hamhub/json.h"

namespace hamhub::cli {

enum class Format { Table, Json, Csv };

/// Rows of typed cells, rendered as an aligned table for people, JSON (an array of objects with
/// the column names as keys) or CSV (RFC 4180) for scripts.
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<JsonValue>> rows;

  void render(std::ostream& out, Format format) const;
};

/// Writes rows as they come, for listings too long to hold: CSV and JSON at once; a table once
/// the first `widthSample` rows have set the column widths (a later, wider cell is written whole
/// and shifts the rest of its line). Table::render is the same with every row in the sample.
class TableWriter {
 public:
  static constexpr std::size_t kWidthSample = 1000;

  TableWriter(std::ostream& out, Format format, std::vector<std::string> columns,
              std::size_t widthSample = kWidthSample);
  void add(std::vector<JsonValue> row);
  /// Writes what is held and closes the JSON array. Call once, after the last row.
  void finish();
  std::size_t rows() const { return rows_; }

 private:
  void writeTableLine(const std::vector<std::string>& cells);
  void flushSample();

  std::ostream& out_;
  Format format_;
  std::vector<std::string> columns_;
  std::size_t widthSample_;
  std::vector<std::size_t> widths_;
  std::vector<std::vector<std::string>> sample_;  // table rows held until the widths are known
  bool widthsFixed_ = false;
  std::size_t rows_ = 0;
};

/// Parses `table`, `json` or `csv`.
bool parseFormat(std::string_view text, Format& format);

/// A cell as text: strings as they are, null as "-", lists joined by ", ".
std::string cellText(const JsonValue& cell);

}  // namespace hamhub::cli

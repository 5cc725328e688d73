#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hamhub::tabular {

/// What a cell held in the file. CSV cells are Text (or Empty); XLSX and JSON cells keep their
/// own types, and XLSX numbers with a date format become Date or DateTime.
enum class CellType : std::uint8_t { Empty, Text, Number, Boolean, Date, DateTime, Error };

/// One cell. `text` is the canonical text of every type: numbers as the file wrote them (or the
/// shortest round-trip form), dates as ISO 8601, booleans as `true`/`false`.
struct Cell {
  CellType type = CellType::Empty;
  std::string text;

  bool empty() const { return type == CellType::Empty; }
};

/// One row of a table, cells by 0-based column. `number` is 1-based as the user sees it (the
/// spreadsheet row, the CSV record, the JSON array element).
struct Row {
  std::size_t number = 0;
  std::vector<Cell> cells;

  /// The cell in `column`, or an empty cell past the end of the row.
  const Cell& at(std::size_t column) const;
  /// The cell in `column`, growing the row with empty cells as needed.
  Cell& put(std::size_t column);
  /// True when every cell is empty or whitespace.
  bool blank() const;
  void clear() { cells.clear(); }
};

}  // namespace hamhub::tabular

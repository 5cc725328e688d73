#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hamhub::tabular {

/// Where in a file something is, phrased for the operator who has to open it:
/// `kkpham-2024.xlsx, sheet "Data", row 17, column D ("Nilai")`.
struct TableLocation {
  std::string file;   ///< the file's name as the operator knows it
  std::string sheet;  ///< XLSX only
  bool lettered = true;  ///< columns as letters (A, B…); false for JSON, whose columns are field names

  /// The file (and sheet).
  std::string where() const;
  /// The file, sheet and row.
  std::string where(std::size_t row) const;
  /// The file, sheet, row and column with its header.
  std::string where(std::size_t row, std::size_t column, std::string_view header) const;
};

/// `text` quoted for a message and shortened to a readable length.
std::string quote(std::string_view text);

}  // namespace hamhub::tabular

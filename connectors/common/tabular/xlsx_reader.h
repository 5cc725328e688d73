#pragma once

#include <memory>
#include <string>

#include "location.h"
#include "row_reader.h"
#include "shared_strings.h"
#include "xlsx_workbook.h"
#include "xml_stream.h"
#include "zip_package.h"

namespace hamhub::tabular {

/// Rows of one worksheet of an XLSX workbook, streamed from its XML. Cells keep their types:
/// shared and inline strings are Text, numbers Number (Date or DateTime when their style is a
/// date format, converted to ISO 8601), booleans Boolean, error values (#N/A) Error. Gaps in a
/// row (cell references C7 after A7) are empty cells.
class XlsxReader final : public RowReader {
 public:
  /// Opens the workbook and selects the sheet (name or 1-based index; empty: the first).
  /// `location.sheet` is filled in with the sheet's name.
  static Result<std::unique_ptr<XlsxReader>> open(const std::string& path, TableLocation& location,
                                                  const std::string& sheet);

  Result<bool> next(Row& row) override;

 private:
  XlsxReader() = default;
  Status readCell(Row& row, std::size_t& column);
  Status failure(std::size_t row, const std::string& what) const;

  TableLocation location_;
  std::unique_ptr<ZipPackage> package_;
  WorkbookInfo info_;
  SharedStrings strings_;
  std::unique_ptr<XmlStream> xml_;
  std::size_t lastRow_ = 0;
  std::string value_;  // the <v> or inline text being read
};

}  // namespace hamhub::tabular

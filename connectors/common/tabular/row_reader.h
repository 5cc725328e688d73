#pragma once

#include <string>

#include <hamhub/status.h>

#include "cell.h"

namespace hamhub::tabular {

/// A table read one row at a time; memory stays bounded by one row (plus, for XLSX, the
/// workbook's shared strings), never by the number of rows.
class RowReader {
 public:
  virtual ~RowReader() = default;
  RowReader() = default;
  RowReader(const RowReader&) = delete;
  RowReader& operator=(const RowReader&) = delete;

  /// Fills `row` with the next non-empty row; false at the end of the table.
  virtual Result<bool> next(Row& row) = 0;
};

}  // namespace hamhub::tabular

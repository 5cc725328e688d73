#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <hamhub/status.h>

#include "dates.h"
#include "zip_package.h"

namespace hamhub::tabular {

/// One worksheet as workbook.xml lists it, with the package part that holds it.
struct SheetEntry {
  std::string name;
  std::string part;  ///< e.g. xl/worksheets/sheet1.xml
};

/// What a workbook says about itself before any cell is read: its sheets in tab order, its date
/// system, and which cell styles show numbers as dates.
struct WorkbookInfo {
  std::vector<SheetEntry> sheets;
  DateSystem dateSystem = DateSystem::Excel1900;
  std::vector<std::uint8_t> styleIsDate;  ///< by cellXfs index: 0 number, 1 date, 2 date and time

  /// The sheet named `selector` (exactly, then ignoring case), else, when it is a number, the
  /// sheet at that 1-based position; empty selector: the first sheet. Errors list the sheets.
  Result<SheetEntry> select(const std::string& selector, const TableLocation& location) const;
};

/// Reads xl/workbook.xml, xl/_rels/workbook.xml.rels and xl/styles.xml (when present).
Result<WorkbookInfo> readWorkbookInfo(ZipPackage& package);

}  // namespace hamhub::tabular

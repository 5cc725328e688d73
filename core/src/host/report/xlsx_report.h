#pragma once

#include <string>

#include "hamhub/status.h"
#include "host/report/report.h"

namespace hamhub::host {

/// The report as an Office Open XML workbook (the bytes of an .xlsx file): one sheet per table,
/// named after it; the title and facts above the first sheet's table; a bold header row that stays
/// in view (frozen) and column widths that fit the text; numbers as numbers, shares as numbers
/// formatted as percentages, text as inline strings. Fails only when the zip cannot be written.
Result<std::string> xlsxReport(const Report& report);

}  // namespace hamhub::host

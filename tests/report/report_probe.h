#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "hamhub/json.h"

namespace hamhub::test {

/// Runs tests/report/report_probe.py (Debian's python3, which has python3-openpyxl) and parses the
/// JSON it prints: `mode` is xlsx, html or tty (see the script).
JsonValue reportProbe(const std::string& mode, const std::vector<std::string>& args);

/// A workbook sheet's cell (row and column from 1, as a spreadsheet counts) from an xlsx probe.
const JsonValue& sheetCell(const JsonValue& probe, const std::string& sheet, std::size_t row, std::size_t column);

}  // namespace hamhub::test

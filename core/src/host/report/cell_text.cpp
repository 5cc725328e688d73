#include "host/report/cell_text.h"

#include <cmath>
#include <cstdio>

namespace hamhub::host {

std::string fixedNumber(double value, int decimals, char decimalSeparator) {
  if (!std::isfinite(value)) return {};
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string out = buffer;
  if (const auto dot = out.find('.'); dot != std::string::npos) out[dot] = decimalSeparator;
  return out;
}

std::string cellText(const ReportCell& cell, char decimalSeparator) {
  switch (cell.kind) {
    case ReportCell::Kind::Empty: return {};
    case ReportCell::Kind::Text: return cell.text;
    case ReportCell::Kind::Number: return fixedNumber(cell.value, cell.decimals, decimalSeparator);
    case ReportCell::Kind::Share: return fixedNumber(cell.value * 100, cell.decimals, decimalSeparator) + "%";
  }
  return {};
}

}  // namespace hamhub::host

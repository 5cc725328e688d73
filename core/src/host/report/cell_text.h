#pragma once

#include <string>

#include "host/report/report.h"

namespace hamhub::host {

/// A cell as text: numbers with their decimals, shares as a percentage ("82,4%"), written with `decimalSeparator` (',' for Bahasa Indonesia, '.' for English
/// and for machines).
std::string cellText(const ReportCell& cell, char decimalSeparator);

/// `value` with `decimals` decimals and `decimalSeparator`.
std::string fixedNumber(double value, int decimals, char decimalSeparator);

}  // namespace hamhub::host

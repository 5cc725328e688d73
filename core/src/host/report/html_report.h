#pragma once

#include <ostream>

#include "host/report/report.h"

namespace hamhub::host {

/// The report as one self-contained HTML page: inline CSS (with print rules: A4 landscape, table
/// headers repeated on every page, no row split across pages), no script, the score chart as inline
/// SVG, then one table per section. Every text is escaped.
void writeHtmlReport(const Report& report, std::ostream& out);

}  // namespace hamhub::host

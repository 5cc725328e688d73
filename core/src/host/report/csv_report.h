#pragma once

#include <ostream>

#include "host/report/report.h"

namespace hamhub::host {

/// The report's tables as one RFC 4180 table (CRLF line ends), UTF-8 with a byte-order mark so that
/// Excel reads Bahasa Indonesia text right. One table, not several one after another: every record
/// has the same fields, so any CSV reader and Excel's filter take it whole. The first column names
/// the table a row comes from (`sectionLabel`); then the union of the tables' columns in order of
/// appearance (tables that share a column, such as the subject's code, share it here). Numbers are
/// written with a '.' for machines; the title and facts are not rows (each row carries its code,
/// instrument and period); people who want them read the XLSX or HTML.
void writeCsvReport(const Report& report, std::ostream& out);

}  // namespace hamhub::host

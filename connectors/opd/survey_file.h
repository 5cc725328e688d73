#pragma once

#include <string>

#include "bad_rows.h"
#include "opd_options.h"
#include "row.h"

namespace hamhub::opd {

/// Reads a survey file into rows: `.csv` (a header line names the columns; cells are strings) or
/// `.json` (the items at items_pointer, mapped by fields like a REST page). Read in chunks, so
/// memory holds one row. Errors name the file; reasons `invalid-option` (unknown extension,
/// unreadable file), `invalid-payload` or `schema-drift`.
Status readSurveyFile(const std::string& path, const Settings& settings, RowConsumer& consumer, BadRows& badRows);

}  // namespace hamhub::opd

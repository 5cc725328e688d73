#pragma once

#include <optional>
#include <string>

#include <hamhub/connector.h>

#include "opd_options.h"
#include "row.h"

namespace hamhub::opd {

/// The subject a row belongs to: the region its `subject_column` names, resolved through the
/// hub's catalogue (code, BPS code, name or alias), or "" for the source's own subject when no
/// subject column is configured. An empty or unmatched value gives an error message naming it
/// (the caller treats the row as bad). The unit column is deliberately not consulted: an OPD name
/// is not a region, so it never silently becomes one.
Result<std::string> rowSubject(const Context& context, const RowRoles& roles, const Row& row);

}  // namespace hamhub::opd

#pragma once

#include <exception>
#include <string>
#include <string_view>

#include "hamhub/status.h"

namespace hamhub::host {

/// One line from a Poco (or std) exception: drops the connector's prefixes and PostgreSQL's
/// "Severity: … Hint: N/A" tail, folds the multi-line libpq texts into one line.
std::string exceptionText(const std::exception& e);

/// "store <store>: <operation> failed: <detail>", reason `store`.
Status storeError(std::string_view store, std::string_view operation, std::string_view detail);

}  // namespace hamhub::host

#pragma once

#include <map>
#include <span>
#include <string>

#include "hamhub/json.h"
#include "hamhub/options.h"
#include "host/config/config_issue.h"

namespace hamhub::host {

/// Checks a JSON object against a table of OptionSpecs (the same declaration plugins use for
/// their options, and the host for its own files): unknown keys, missing required keys and type
/// mismatches become issues at `file`/`pathPrefix.key`. Returns the values with defaults filled in.
std::map<std::string, JsonValue, std::less<>> checkObject(const JsonValue& object, std::span<const OptionSpec> specs,
                                                          const std::string& file, const std::string& pathPrefix,
                                                          ConfigIssues& issues);

/// `${NAME}` in every string of `value` replaced by the environment variable; an unset variable
/// is an issue (its name is printed, never a value).
void expandEnvironment(JsonValue& value, const std::string& file, const std::string& path, ConfigIssues& issues);

}  // namespace hamhub::host

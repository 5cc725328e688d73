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

/// `values[key]`, when present, into `target` if it is greater than 0; else an issue at
/// `prefix.key`. (The type was checked by checkObject.)
void readInt(const std::map<std::string, JsonValue, std::less<>>& values, const char* key, std::int64_t& target,
             const std::string& file, const std::string& prefix, ConfigIssues& issues);
/// The same for values that may be 0.
void readNonNegative(const std::map<std::string, JsonValue, std::less<>>& values, const char* key,
                     std::int64_t& target, const std::string& file, const std::string& prefix, ConfigIssues& issues);

/// `${NAME}` in every string of `value` replaced by the environment variable; an unset variable
/// is an issue (its name is printed, never a value).
void expandEnvironment(JsonValue& value, const std::string& file, const std::string& path, ConfigIssues& issues);

}  // namespace hamhub::host

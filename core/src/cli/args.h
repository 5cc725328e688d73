#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/output.h"

namespace hamhub::cli {

/// An option a verb accepts: `--name VALUE` or a flag `--name`.
struct OptionDef {
  std::string name;
  std::string valueName;  // empty: a flag without value
  std::string help;
  bool repeatable = false;
};

/// The parsed command line of one verb, with the global options.
struct Invocation {
  std::optional<std::string> configFile;
  std::string logFormat = "text";
  std::string logLevel = "warn";  // one-shot verbs print their results; their logs are for problems
  Format format = Format::Table;
  std::map<std::string, std::vector<std::string>> values;
  std::vector<std::string> positionals;

  bool has(const std::string& name) const { return values.count(name) > 0; }
  std::string get(const std::string& name, const std::string& fallback = {}) const {
    auto it = values.find(name);
    return it == values.end() || it->second.empty() ? fallback : it->second.back();
  }
  std::vector<std::string> all(const std::string& name) const {
    auto it = values.find(name);
    return it == values.end() ? std::vector<std::string>{} : it->second;
  }
};

/// Exit statuses shared by every verb.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSourceFailed = 1;
inline constexpr int kExitUsage = 2;

}  // namespace hamhub::cli

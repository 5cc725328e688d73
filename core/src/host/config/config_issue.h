#pragma once

#include <string>
#include <vector>

namespace hamhub::host {

/// One thing wrong with the configuration: which file, where inside it, and what was expected.
struct ConfigIssue {
  std::string file;
  std::string path;  // JSON path such as `options.url`; empty for the whole file
  std::string message;

  std::string toString() const { return file + ": " + (path.empty() ? "" : path + ": ") + message; }
};

using ConfigIssues = std::vector<ConfigIssue>;

}  // namespace hamhub::host

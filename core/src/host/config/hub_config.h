#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "hamhub/status.h"
#include "host/config/config_issue.h"

namespace hamhub::host {

/// Defaults for every source's HTTP client; a source may tighten them in its `http` block.
struct HttpSettings {
  std::int64_t connectTimeoutMs = 10000;
  std::int64_t readTimeoutMs = 30000;
  std::int64_t totalTimeoutMs = 300000;
  std::int64_t maxBodyBytes = 256LL * 1024 * 1024;
  std::int64_t maxRedirects = 5;
  double ratePerHost = 0;  // requests per second per host; 0: unlimited
  bool verifyTls = true;
  std::string userAgent = "hamhub/0.1 (+https://github.com/hamhub)";
};

struct HarvestSettings {
  std::int64_t runTimeoutSeconds = 1800;
  std::int64_t concurrency = 4;
};

/// The hub file (`config/hamhub.json`), with paths resolved against its directory.
struct HubConfig {
  std::filesystem::path file;
  std::filesystem::path baseDir;
  std::string store;
  std::vector<std::filesystem::path> pluginDirs;
  std::filesystem::path sourcesDir;
  std::filesystem::path regionsDir;
  std::filesystem::path criteriaDir;
  std::string timezone = "Asia/Jakarta";
  HttpSettings http;
  HarvestSettings harvest;
};

/// Where the hub file comes from: `--config`, else HAMHUB_CONFIG, else ./config/hamhub.json,
/// else the installed PREFIX/etc/hamhub/hamhub.json. Returns the error listing what was tried.
Result<std::filesystem::path> locateHubConfig(const std::optional<std::filesystem::path>& explicitFile);

/// Loads and checks the hub file. All problems are appended to `issues`; the result is usable
/// only when no issue was added.
HubConfig loadHubConfig(const std::filesystem::path& file, ConfigIssues& issues);

/// Directory of the running executable (for defaults relative to the build or install tree).
std::filesystem::path executableDir();

/// The default plugin directory: EXE/../lib/hamhub/plugins, the same in the build and install trees.
std::filesystem::path defaultPluginDir();

}  // namespace hamhub::host

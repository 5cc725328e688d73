#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "hamhub/status.h"
#include "host/config/config_issue.h"
#include "host/config/notify_config.h"

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
  std::string caFile;  // PEM of extra trusted CAs (an internal CA); empty: the system's
  std::string userAgent = "hamhub/0.1 (+https://github.com/hamhub)";
};

/// How `serve` retries a failed harvest: capped exponential backoff with full jitter, bounded
/// by attempts and by time; then the source waits for its next scheduled run.
struct RetrySettings {
  std::int64_t maxAttempts = 4;
  std::int64_t baseSeconds = 30;
  std::int64_t maxDelaySeconds = 1800;
  std::int64_t maxElapsedSeconds = 6 * 3600;
};

struct HarvestSettings {
  std::int64_t runTimeoutSeconds = 1800;
  std::int64_t concurrency = 4;      // harvests at once, hub-wide
  std::int64_t perHost = 2;          // harvests at once against one host name
  std::int64_t splaySeconds = 120;   // a random delay after each scheduled time, so sites sharing a schedule spread out
  std::int64_t graceSeconds = 30;    // on SIGTERM: how long running harvests may take to finish
  std::int64_t breakerFailures = 5;  // consecutive failed harvests that open a source's breaker
  RetrySettings retry;
};

/// The source monitor in `serve` and `hamhub check`.
struct MonitorSettings {
  std::int64_t intervalSeconds = 300;  // probe period per source (a source may set its own)
  std::int64_t failuresToDown = 2;     // consecutive failures before DOWN; fewer leave it PENDING
  std::int64_t degradedMs = 5000;      // a slower answer makes a source DEGRADED
  std::int64_t concurrency = 16;       // probes at once
  std::vector<std::string> maintenanceKeywords = {"pemeliharaan",      "sedang dalam perbaikan", "dalam perbaikan",
                                                  "sedang diperbaiki", "under maintenance",      "maintenance",
                                                  "temporarily unavailable"};
};

/// A bearer token of the REST API: what its holder may do, and over which province.
struct ApiToken {
  std::string token;   // ${ENV} in the file keeps it out of the configuration
  std::string role;    // admin | operator | viewer
  std::string region;  // province code, e.g. "16"; empty: every province
};

/// The REST API and dashboard served by `hamhub serve`.
struct ApiSettings {
  std::string listen = "127.0.0.1:8080";
  std::vector<ApiToken> tokens;
  std::int64_t maxBodyBytes = 1024 * 1024;
};

/// When `hamhub serve` evaluates the alert rules (the rules themselves are data in criteria_dir).
struct AlertSettings {
  std::int64_t intervalSeconds = 300;  // also right after harvests, at most this often
  /// Evaluate deadlines as if today were this date (YYYY-MM-DD): a replay for demos and training;
  /// empty (the default, and what production wants): the real date.
  std::string asOf;
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
  MonitorSettings monitor;
  ApiSettings api;
  AlertSettings alerts;
  NotifySettings notify;  // channels' options are checked against their plugins by checkNotifyChannels
};

/// Where the hub file comes from: `--config`, else HAMHUB_CONFIG, else ./config/hamhub.json,
/// else the installed PREFIX/etc/hamhub/hamhub.json. Returns the error listing what was tried.
Result<std::filesystem::path> locateHubConfig(const std::optional<std::filesystem::path>& explicitFile);

/// Loads and checks the hub file. All problems are appended to `issues`; the result is usable
/// only when no issue was added.
HubConfig loadHubConfig(const std::filesystem::path& file, ConfigIssues& issues);

/// "HOST:PORT" (IPv6 as "[::1]:8080") split; nullopt when it is not that shape.
std::optional<std::pair<std::string, std::uint16_t>> parseListenAddress(const std::string& text);

/// Directory of the running executable (for defaults relative to the build or install tree).
std::filesystem::path executableDir();

/// The default plugin directory: EXE/../lib/hamhub/plugins, the same in the build and install trees.
std::filesystem::path defaultPluginDir();

}  // namespace hamhub::host

#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "hamhub/json.h"
#include "hamhub/options.h"
#include "host/config/config_issue.h"
#include "host/config/hub_config.h"
#include "host/schedule/maintenance_window.h"

namespace hamhub::host {

class PluginRegistry;

/// One file in the sources directory, checked against the hub and its connector's schema.
struct SourceConfig {
  std::filesystem::path file;
  std::string id;
  std::string connector;
  std::vector<std::string> subjects;
  std::string schedule = "@daily";
  bool enabled = true;
  std::string description;
  Options options;          // validated, defaults filled in, ${ENV} expanded
  HttpSettings http;        // hub defaults with the source's `http` overrides applied
  std::string configHash;   // of the file as written (before ${ENV}), to notice edits
  std::int64_t probeIntervalSeconds = 0;        // 0: the hub's monitor.interval_s
  std::vector<MaintenanceWindow> maintenance;   // declared windows: MAINTENANCE without alarm

  /// Option values safe to show: secret options replaced by "********".
  JsonValue displayOptions(const PluginRegistry& registry) const;
};

/// Loads every `*.json` in the hub's sources directory. With a registry, options are validated
/// against the connector's schema and passed to its `configure` (no I/O); problems go to `issues`.
/// `knownSubjects`, when given, is the subject catalogue each `subject` must come from.
std::vector<SourceConfig> loadSources(const HubConfig& hub, const PluginRegistry* registry,
                                      const std::vector<std::string>* knownSubjects, ConfigIssues& issues);

}  // namespace hamhub::host

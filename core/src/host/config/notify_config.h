#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hamhub/json.h"
#include "hamhub/options.h"
#include "host/alerts/alert.h"
#include "host/config/config_issue.h"

namespace hamhub::host {

class PluginRegistry;

/// One notifier channel: where alerts of which regions go, through which plugin, in which language.
struct NotifyChannel {
  std::string id;
  std::string plugin;
  std::vector<std::string> regions;  // province codes; empty: every region
  AlertSeverity minSeverity = AlertSeverity::Info;
  std::vector<std::string> events = {"opened", "changed", "resolved"};
  std::optional<int> digestMinute;   // the daily digest's local time, minutes after midnight; none: no digest
  std::string language = "id";       // id | en
  std::int64_t timeoutSeconds = 30;  // one delivery, every network step included
  JsonValue rawOptions = JsonValue(JsonValue::Object{});  // as written, ${ENV} expanded
  Options options;  // validated against the plugin's schema by checkNotifyChannels

  bool wantsRegion(const std::string& region) const;
  bool wantsEvent(const std::string& event) const;
};

/// The hub file's `notify` block: channels, and how failed deliveries are retried (capped
/// exponential backoff with full jitter, as for harvests).
struct NotifySettings {
  std::int64_t maxAttempts = 6;  // deliveries tried, the first included; then `failed`
  std::int64_t baseSeconds = 30;
  std::int64_t maxDelaySeconds = 3600;
  std::vector<NotifyChannel> channels;
};

/// Reads `notify` (already checked to be an object); problems go to `issues` with their JSON path.
NotifySettings readNotifySettings(const JsonValue& notify, const std::string& file, ConfigIssues& issues);

/// Checks each channel's plugin (loaded, a notifier) and its options against the plugin's schema,
/// then lets the plugin check their meaning (configure, no I/O); fills `options`.
void checkNotifyChannels(std::vector<NotifyChannel>& channels, const PluginRegistry& registry,
                         const std::string& file, ConfigIssues& issues);

}  // namespace hamhub::host

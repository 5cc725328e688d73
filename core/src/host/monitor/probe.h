#pragma once

#include <atomic>
#include <chrono>
#include <optional>

#include "host/config/hub_config.h"
#include "host/config/source_config.h"
#include "host/harvest/harvest_runner.h"
#include "host/monitor/observation.h"

namespace hamhub::host {

class PluginRegistry;
class SubjectCatalog;

struct ProbeResult {
  Observation observation;
  std::optional<std::chrono::seconds> retryAfter;  // what the server asked for, if anything
};

/// Probes one source now: its connector's own `check` (one cheap request) through the host's HTTP
/// client, timed, and classified into an observation with a machine-readable reason. An answer
/// whose start mentions a maintenance keyword is `maintenance-page` whatever the connector made
/// of it, so connectors without their own sniffing are judged alike.
ProbeResult probeSource(const SourceConfig& source, const PluginRegistry& registry, const SubjectCatalog& subjects,
                        const HttpClientFactory& httpFactory, const MonitorSettings& settings,
                        const std::atomic<bool>& stop);

/// The observation a finished harvest amounts to; nullopt when its failure was the hub's own
/// (store, cancellation, configuration).
std::optional<Observation> observationOfHarvest(const HarvestSummary& summary, TimePoint at);

/// True when `text` (any case) contains one of the lower-case `keywords`.
bool mentionsMaintenance(std::string_view text, const std::vector<std::string>& keywords);

}  // namespace hamhub::host

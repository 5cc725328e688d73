#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "hamhub/http.h"
#include "host/config/source_config.h"
#include "host/store/store_types.h"

namespace hamhub::host {

class Normaliser;
class SubjectCatalog;
class PluginRegistry;
class Store;

/// Makes the HTTP client a run lends its connector; `cancelled` aborts transfers in flight.
using HttpClientFactory =
    std::function<std::unique_ptr<HttpClient>(const SourceConfig& source, std::function<bool()> cancelled)>;

/// The outcome of one harvest of one source: plain data (it could come from a child process).
struct HarvestSummary {
  std::string source;
  std::int64_t runId = 0;
  RunStatus status = RunStatus::Failed;
  RunCounts counts;
  std::string error;
  std::string errorReason;
  double seconds = 0;
  /// Set when the run's end could not be written (the store was locked, read-only or full): what
  /// to write once it can, so the run does not stay `running`.
  std::optional<RunOutcome> unrecorded;
};

/// Runs one source's connector: configure → harvest into a BatchingSink → commit → record the run.
/// Every path ends with the run recorded as success, failed, cancelled or timed-out.
/// Thread-safe: distinct sources may be harvested concurrently.
class HarvestRunner {
 public:
  HarvestRunner(Store& store, const PluginRegistry& registry, const Normaliser& normaliser,
                const SubjectCatalog& subjects, HttpClientFactory httpFactory, std::int64_t runTimeoutSeconds);

  /// `stop` is the hub-wide cancellation (SIGINT/SIGTERM).
  HarvestSummary run(const SourceConfig& source, const std::atomic<bool>& stop);

 private:
  Store& store_;
  const PluginRegistry& registry_;
  const Normaliser& normaliser_;
  const SubjectCatalog& subjects_;
  HttpClientFactory httpFactory_;
  std::int64_t runTimeoutSeconds_;
};

}  // namespace hamhub::host

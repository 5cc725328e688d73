#include "host/harvest/harvest_runner.h"

#include <chrono>

#include <spdlog/spdlog.h>

#include "host/harvest/batching_sink.h"
#include "host/harvest/source_context.h"
#include "host/plugins/plugin_registry.h"
#include "host/store/store.h"
#include "host/subjects/subject_catalog.h"

namespace hamhub::host {

namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

HarvestRunner::HarvestRunner(Store& store, const PluginRegistry& registry, const Normaliser& normaliser,
                             const SubjectCatalog& subjects, HttpClientFactory httpFactory,
                             std::int64_t runTimeoutSeconds)
    : store_(store), registry_(registry), normaliser_(normaliser), subjects_(subjects), httpFactory_(std::move(httpFactory)), runTimeoutSeconds_(runTimeoutSeconds) {}

HarvestSummary HarvestRunner::run(const SourceConfig& source, const std::atomic<bool>& stop) {
  const auto started = Clock::now();
  const auto deadline = started + std::chrono::seconds(runTimeoutSeconds_);
  HarvestSummary summary;
  summary.source = source.id;
  const auto finish = [&](RunStatus status, const Status& error, const RunCounts& counts) {
    summary.status = status;
    summary.counts = counts;
    summary.error = error.message();
    summary.errorReason = error.reason();
    summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    const RunCounts& c = counts;
    if (status == RunStatus::Success) {
      spdlog::info("{}: harvest succeeded in {:.2f} s: {} added, {} updated, {} unchanged, {} withdrawn, {} failed",
                   source.id, summary.seconds, c.added, c.updated, c.unchanged, c.withdrawn, c.failed);
    } else {
      spdlog::warn("{}: harvest {} after {:.2f} s ({}): {}", source.id, runStatusName(status), summary.seconds,
                   error.reason(), error.message());
    }
    if (summary.runId != 0) {
      const RunOutcome outcome{summary.runId, status, counts, summary.error, summary.errorReason};
      Status recorded = store_.finishRun(outcome);
      if (!recorded && recorded.reason() != "conflict") summary.unrecorded = outcome;
      if (!recorded && status == RunStatus::Success) {
        summary.status = RunStatus::Failed;
        summary.error = recorded.message();
        summary.errorReason = recorded.reason();
      }
    }
    return summary;
  };

  auto runId = store_.beginRun(source.id);
  if (!runId.isOk()) return finish(RunStatus::Failed, runId.status(), {});
  summary.runId = *runId;

  auto connector = registry_.createConnector(source.connector);
  if (!connector.isOk()) return finish(RunStatus::Failed, connector.status(), {});
  Status configured = (*connector)->configure(source.options);
  if (!configured) return finish(RunStatus::Failed, Status::error(configured.message(), "invalid-option"), {});

  auto cursor = store_.cursor(source.id);
  if (!cursor.isOk()) return finish(RunStatus::Failed, cursor.status(), {});

  std::atomic<bool> timedOut{false};
  auto cancelled = [&stop, &timedOut, deadline] {
    if (stop.load()) return true;
    if (Clock::now() > deadline) timedOut = true;
    return timedOut.load();
  };
  auto http = httpFactory_(source, cancelled);
  SourceContext context(source, *http, subjects_, cancelled);
  // The record index is read when the first record arrives: an unchanged feed (304) never reads it.
  BatchingSink sink(store_, normaliser_, source.id, *runId, [&] { return store_.recordIndex(source.id); },
                    source.subjects, *cursor);

  auto result = (*connector)->harvest(context, cursor->value_or(""), sink);
  if (!result.isOk() || cancelled()) {
    const RunStatus status = timedOut ? RunStatus::TimedOut : stop.load() ? RunStatus::Cancelled : RunStatus::Failed;
    Status error = result.isOk() ? Status::error("harvest stopped before it finished", "cancelled") : result.status();
    if (status == RunStatus::TimedOut) {
      error = Status::error("run exceeded its time limit of " + std::to_string(runTimeoutSeconds_) + " s", "timeout");
    }
    // Pending records are dropped: a failed run changes nothing beyond its last checkpoint.
    RunCounts counts = sink.committedCounts();
    counts.failed = sink.counts().failed;
    return finish(status, error, counts);
  }
  Status committed = sink.finish(*result);
  if (!committed) return finish(RunStatus::Failed, committed, sink.committedCounts());
  // The good records are stored; the run still says, classified, what it had to leave out.
  Status rejected = Status::ok();
  if (const std::int64_t failed = sink.counts().failed; failed > 0) {
    std::string first;
    for (const auto& line : sink.firstRejections()) first += (first.empty() ? "" : "; ") + line;
    rejected = Status::error(std::to_string(failed) + (failed == 1 ? " item" : " items") +
                                 " rejected, the others stored (first: " + first + ")",
                             "rejected-records");
  }
  return finish(RunStatus::Success, rejected, sink.counts());
}

}  // namespace hamhub::host

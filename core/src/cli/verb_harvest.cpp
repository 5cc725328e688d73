#include <atomic>
#include <csignal>
#include <iostream>

#include <spdlog/spdlog.h>

#include "cli/parallel_progress.h"
#include "cli/session.h"
#include "cli/verbs.h"
#include "host/harvest/harvest_runner.h"
#include "host/harvest/http_factory.h"
#include "host/harvest/stale_runs.h"
#include "host/subjects/subject_catalog.h"

namespace hamhub::cli {

namespace {

std::atomic<bool> gStop{false};

extern "C" void onSignal(int) { gStop = true; }

int runHarvest(const Invocation& inv) {
  if (!noPositionals(inv)) return kExitUsage;
  const auto wanted = inv.all("source");
  const bool all = inv.has("all");
  if (wanted.empty() == !all) {
    return fail("give --source ID (repeatable) or --all", "Run 'hamhub sources' to see the source ids.");
  }
  Session session(inv);
  if (!session.loadForSources(false)) return kExitUsage;
  std::vector<const host::SourceConfig*> chosen;
  for (const auto& id : wanted) {
    const host::SourceConfig* found = nullptr;
    for (const auto& s : session.sources) {
      if (s.id == id) found = &s;
    }
    if (found == nullptr) return fail("no source called '" + id + "'", "Run 'hamhub sources' to see the source ids.");
    chosen.push_back(found);
  }
  if (all) {
    for (const auto& s : session.sources) {
      if (s.enabled) chosen.push_back(&s);
    }
  }
  if (!session.openStore() || !session.syncStore(*session.store)) return kExitUsage;
  const auto closed = host::closeStaleRuns(*session.store, std::chrono::seconds(session.hub.harvest.runTimeoutSeconds),
                                           std::chrono::seconds(session.hub.harvest.graceSeconds));
  if (!closed.isOk()) return fail(closed.status().message());

  std::signal(SIGINT, onSignal);
  std::signal(SIGTERM, onSignal);
  const host::SubjectCatalog catalog(session.subjects);
  host::HarvestRunner runner(*session.store, session.registry, session.normaliser, catalog, host::makeHttpClientFactory(session.hub.http.ratePerHost),
                             session.hub.harvest.runTimeoutSeconds);
  std::vector<host::HarvestSummary> results(chosen.size());
  runInParallel(chosen.size(), static_cast<std::size_t>(session.hub.harvest.concurrency),
                showProgress(inv.format == Format::Table, chosen.size()), gStop, [&](std::size_t i) {
                  results[i] = runner.run(*chosen[i], gStop);
                  return results[i].source + " " + host::runStatusName(results[i].status);
                });

  Table table{{"source", "status", "added", "updated", "unchanged", "withdrawn", "failed", "seconds", "error"}, {}};
  bool anyFailed = false;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const auto& r = results[i];
    if (r.source.empty()) {  // never started: interrupted
      table.rows.push_back({chosen[i]->id, "skipped", 0, 0, 0, 0, 0, 0.0, "interrupted before it started"});
      anyFailed = true;
      continue;
    }
    anyFailed = anyFailed || r.status != host::RunStatus::Success;
    table.rows.push_back({r.source, host::runStatusName(r.status), r.counts.added, r.counts.updated, r.counts.unchanged,
                          r.counts.withdrawn, r.counts.failed, static_cast<double>(static_cast<std::int64_t>(r.seconds * 100)) / 100,
                          r.error.empty() ? JsonValue() : JsonValue(r.error)});
  }
  table.render(std::cout, inv.format);
  return anyFailed ? kExitSourceFailed : kExitOk;
}

}  // namespace

Verb harvestVerb() {
  return {"harvest",
          "harvest sources now: fetch, normalise and store their records",
          "(--source ID... | --all)",
          {{"source", "ID", "harvest this source (repeatable)", true}, {"all", "", "harvest every enabled source"}},
          true,
          &runHarvest};
}

}  // namespace hamhub::cli

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <iostream>
#include <mutex>
#include <thread>

#include <spdlog/spdlog.h>

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
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex progressMutex;
  const bool progress = isatty(STDERR_FILENO) != 0 && inv.format == Format::Table && chosen.size() > 1;
  const auto worker = [&] {
    for (std::size_t i = next++; i < chosen.size() && !gStop; i = next++) {
      results[i] = runner.run(*chosen[i], gStop);
      if (progress) {
        std::lock_guard lock(progressMutex);
        ++done;
        std::cerr << "\r\033[K[" << done << "/" << chosen.size() << "] " << results[i].source << " "
                  << host::runStatusName(results[i].status) << std::flush;
      }
    }
  };
  const std::size_t threads = std::min<std::size_t>(chosen.size(), static_cast<std::size_t>(session.hub.harvest.concurrency));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (progress) std::cerr << "\r\033[K" << std::flush;

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

#include <algorithm>
#include <atomic>
#include <iostream>

#include "cli/parallel_progress.h"
#include "cli/session.h"
#include "cli/verbs.h"
#include "host/harvest/http_factory.h"
#include "host/monitor/health_machine.h"
#include "host/monitor/probe.h"
#include "host/subjects/subject_catalog.h"

namespace hamhub::cli {

namespace {

// What one probe shows by itself; the stored health applies the PENDING step on top of it.
using host::Observation;

const char* verdict(Observation::Kind kind) {
  switch (kind) {
    case Observation::Kind::Ok: return "up";
    case Observation::Kind::Slow:
    case Observation::Kind::Partial: return "degraded";
    case Observation::Kind::Failure: return "down";
    case Observation::Kind::Maintenance:
    case Observation::Kind::Planned: return "maintenance";
  }
  return "down";
}

int runCheck(const Invocation& inv) {
  if (!noPositionals(inv)) return kExitUsage;
  Session session(inv);
  if (!session.loadForSources()) return kExitUsage;
  std::vector<const host::SourceConfig*> chosen;
  const auto wanted = inv.all("source");
  for (const auto& s : session.sources) {
    const bool named = std::find(wanted.begin(), wanted.end(), s.id) != wanted.end();
    if (wanted.empty() ? s.enabled : named) chosen.push_back(&s);
  }
  for (const auto& id : wanted) {
    if (std::none_of(chosen.begin(), chosen.end(), [&](const auto* s) { return s->id == id; })) {
      return fail("no source called '" + id + "'", "Run 'hamhub sources' to see the source ids.");
    }
  }
  if (!session.syncStore(*session.store)) return kExitUsage;
  auto stored = session.store->sourceHealth();
  if (!stored.isOk()) return fail(stored.status().message());

  const host::SubjectCatalog catalog(session.subjects);
  const auto factory = host::makeHttpClientFactory(session.hub.http.ratePerHost);
  const std::atomic<bool> stop{false};
  std::vector<host::ProbeResult> results(chosen.size());
  runInParallel(chosen.size(), static_cast<std::size_t>(session.hub.monitor.concurrency),
                showProgress(inv.format == Format::Table, chosen.size()), stop, [&](std::size_t i) {
                  results[i] = host::probeSource(*chosen[i], session.registry, catalog, factory, session.hub.monitor, stop);
                  return chosen[i]->id;
                });

  host::HealthPolicy policy;
  policy.failuresToDown = static_cast<int>(session.hub.monitor.failuresToDown);
  Table table{{"source", "state", "reason", "http_status", "latency_ms", "detail"}, {}};
  bool anyDown = false;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const auto& o = results[i].observation;
    std::optional<host::SourceHealth> previous;
    for (const auto& h : *stored) {
      if (h.source == chosen[i]->id) previous = h;
    }
    // A check is one more observation: it moves the stored health like a probe of `serve`.
    const auto step = host::advanceHealth(previous, chosen[i]->id, o, policy);
    if (Status s = session.store->recordHealth(step.health, step.changed, step.planned); !s) return fail(s.message());
    const std::string state = verdict(o.kind);
    anyDown = anyDown || state == "down" || state == "maintenance";
    table.rows.push_back({chosen[i]->id, state, o.reason, o.httpStatus == 0 ? JsonValue() : JsonValue(o.httpStatus),
                          static_cast<std::int64_t>(o.latencyMs + 0.5), o.detail.empty() ? JsonValue() : JsonValue(o.detail)});
  }
  table.render(std::cout, inv.format);
  return anyDown ? kExitSourceFailed : kExitOk;
}

}  // namespace

Verb checkVerb() {
  return {"check",
          "probe sources now: state (up, degraded, down, maintenance), reason, HTTP status and latency",
          "[--source ID]...",
          {{"source", "ID", "probe this source (repeatable; default: every enabled source)", true}},
          true,
          &runCheck};
}

}  // namespace hamhub::cli

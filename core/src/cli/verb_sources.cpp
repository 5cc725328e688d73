#include <iostream>

#include "cli/session.h"
#include "cli/verbs.h"

namespace hamhub::cli {

namespace {

int runSources(const Invocation& inv) {
  if (!noPositionals(inv)) return kExitUsage;
  Session session(inv);
  if (!session.loadForSources()) return kExitUsage;
  auto runs = session.store->runs(std::nullopt, 100000);
  Table table{{"id", "connector", "subjects", "schedule", "enabled", "last_run", "last_status", "last_error"}, {}};
  for (const auto& s : session.sources) {
    JsonValue::Array subjects(s.subjects.begin(), s.subjects.end());
    JsonValue lastRun, lastStatus, lastError;
    if (runs.isOk()) {
      for (const auto& r : *runs) {
        if (r.source != s.id) continue;
        lastRun = r.startedAt;
        lastStatus = host::runStatusName(r.status);
        if (!r.error.empty()) lastError = r.error;
        break;
      }
    }
    table.rows.push_back({s.id, s.connector, JsonValue(std::move(subjects)), s.schedule, s.enabled, lastRun, lastStatus,
                          lastError});
  }
  table.render(std::cout, inv.format);
  if (!runs.isOk()) return fail(runs.status().message());
  return kExitOk;
}

}  // namespace

Verb sourcesVerb() {
  return {"sources", "list the configured sources with their last harvest", "", {}, true, &runSources};
}

}  // namespace hamhub::cli

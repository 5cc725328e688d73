#include <iostream>

#include "cli/session.h"
#include "cli/verbs.h"
#include "host/monitor/uptime.h"
#include "host/schedule/cron_schedule.h"
#include "host/schedule/time_zone.h"

namespace hamhub::cli {

namespace {

JsonValue percent(const std::optional<double>& value) {
  if (!value) return JsonValue();
  return static_cast<double>(static_cast<std::int64_t>(*value * 100 + 0.5)) / 100;
}

int runSources(const Invocation& inv) {
  if (!noPositionals(inv)) return kExitUsage;
  Session session(inv);
  if (!session.loadForSources()) return kExitUsage;
  const auto now = std::chrono::system_clock::now();
  auto runs = session.store->runs(std::nullopt, 100000);
  auto health = session.store->sourceHealth();
  auto events = session.store->healthEvents(std::nullopt, host::formatUtc(now - host::uptimeWindows().back().second));
  auto zone = host::TimeZone::load(session.hub.timezone);
  Table table{{"id", "connector", "subjects", "schedule", "enabled", "next_run", "state", "state_since", "uptime_24h",
               "uptime_7d", "uptime_30d", "uptime_365d", "last_run", "last_status", "last_error"},
              {}};
  for (const auto& s : session.sources) {
    JsonValue::Array subjects(s.subjects.begin(), s.subjects.end());
    JsonValue lastRun, lastStatus, lastError, nextRun, state, since;
    if (runs.isOk()) {
      for (const auto& r : *runs) {
        if (r.source != s.id) continue;
        lastRun = r.startedAt;
        lastStatus = host::runStatusName(r.status);
        if (!r.error.empty()) lastError = r.error;
        break;
      }
    }
    // The scheduled time; `serve` adds a random splay of up to harvest.splay_s to it.
    if (auto cron = host::CronSchedule::parse(s.schedule); s.enabled && cron.isOk() && zone.isOk()) {
      if (auto next = cron->next(now, *zone)) nextRun = host::formatUtc(*next);
    }
    if (health.isOk()) {
      for (const auto& h : *health) {
        if (h.source != s.id) continue;
        state = host::healthStateName(h.state);
        since = h.since;
      }
    }
    std::vector<host::HealthEvent> mine;
    if (events.isOk()) {
      for (const auto& e : *events) {
        if (e.source == s.id) mine.push_back(e);
      }
    }
    const auto uptime = host::uptimeOf(mine, now);
    table.rows.push_back({s.id, s.connector, JsonValue(std::move(subjects)), s.schedule, s.enabled, nextRun, state, since,
                          percent(uptime[0].percent), percent(uptime[1].percent), percent(uptime[2].percent), percent(uptime[3].percent), lastRun,
                          lastStatus, lastError});
  }
  table.render(std::cout, inv.format);
  for (const Status& s : {runs.status(), health.status(), events.status()}) {
    if (!s) return fail(s.message());
  }
  return kExitOk;
}

}  // namespace

Verb sourcesVerb() {
  return {"sources", "list the configured sources: schedule and next run, health and uptime, last harvest", "", {},
          true, &runSources};
}

}  // namespace hamhub::cli

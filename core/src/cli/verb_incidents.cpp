#include <iostream>

#include "cli/session.h"
#include "cli/verbs.h"
#include "host/util/clock.h"

namespace hamhub::cli {

namespace {

int runIncidents(const Invocation& inv) {
  if (!noPositionals(inv)) return kExitUsage;
  std::string since;
  if (inv.has("since")) {
    const auto parsed = host::parseUtc(inv.get("since"));
    if (!parsed) return fail("--since '" + inv.get("since") + "' is not a date", "Give YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ.");
    since = host::formatUtc(*parsed);
  }
  Session session(inv);
  if (!session.loadHub() || !session.openStore()) return kExitUsage;
  const std::optional<std::string> source = inv.has("source") ? std::optional(inv.get("source")) : std::nullopt;
  auto incidents = session.store->incidents(source, since);
  if (!incidents.isOk()) return fail(incidents.status().message());

  const auto now = std::chrono::system_clock::now();
  Table table{{"id", "source", "state", "reason", "planned", "started_at", "ended_at", "duration_s", "detail"}, {}};
  for (const auto& i : *incidents) {
    const auto start = host::parseUtc(i.startedAt);
    const auto end = i.endedAt.empty() ? std::optional(now) : host::parseUtc(i.endedAt);
    JsonValue duration;
    if (start && end) duration = std::chrono::duration_cast<std::chrono::seconds>(*end - *start).count();
    table.rows.push_back({i.id, i.source, host::healthStateName(i.state), i.reason, i.planned, i.startedAt,
                          i.endedAt.empty() ? JsonValue() : JsonValue(i.endedAt), duration,
                          i.detail.empty() ? JsonValue() : JsonValue(i.detail)});
  }
  table.render(std::cout, inv.format);
  if (inv.format == Format::Table && incidents->empty()) {
    std::cerr << "No incidents" << (source ? " of " + *source : std::string()) << (since.empty() ? "" : " since " + since)
              << ". Sources are probed by 'hamhub serve'; 'hamhub check' probes them now.\n";
  }
  return kExitOk;
}

}  // namespace

Verb incidentsVerb() {
  return {"incidents",
          "list outages: when each source was degraded, down or in maintenance, and why",
          "[--source ID] [--since DATE]",
          {{"source", "ID", "only this source"}, {"since", "DATE", "only incidents open at or after DATE (YYYY-MM-DD, UTC)"}},
          true,
          &runIncidents};
}

}  // namespace hamhub::cli

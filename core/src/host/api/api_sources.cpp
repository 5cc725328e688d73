// /api/v1/sources, /incidents, /runs: the configured sources with their health, outages and harvests.
#include <chrono>

#include "host/api/api_endpoints.h"
#include "host/api/api_reply.h"
#include "host/monitor/uptime.h"
#include "host/store/store.h"

namespace hamhub::host {

namespace {

const SourceConfig* findSource(const std::vector<SourceConfig>& sources, const std::string& id) {
  for (const auto& s : sources) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

JsonValue healthJson(const SourceHealth& h) {
  JsonValue out = JsonValue::Object{};
  out.set("state", healthStateName(h.state));
  out.set("reason", h.reason);
  out.set("detail", orNull(h.detail));
  out.set("since", h.since);
  out.set("checked_at", h.checkedAt);
  out.set("http_status", h.httpStatus == 0 ? JsonValue() : JsonValue(static_cast<std::int64_t>(h.httpStatus)));
  out.set("latency_ms", static_cast<std::int64_t>(h.latencyMs + 0.5));
  out.set("consecutive_failures", static_cast<std::int64_t>(h.failures));
  out.set("breaker_open", h.breakerOpen);
  return out;
}

JsonValue sourceJson(const SourceConfig& s, const std::optional<ScheduleView>& schedule,
                     const std::optional<SourceHealth>& health, const std::vector<HealthEvent>& events) {
  JsonValue out = JsonValue::Object{};
  out.set("id", s.id);
  out.set("connector", s.connector);
  out.set("subjects", JsonValue(JsonValue::Array(s.subjects.begin(), s.subjects.end())));
  out.set("schedule", s.schedule);
  out.set("enabled", s.enabled);
  out.set("description", orNull(s.description));
  JsonValue next;
  if (schedule && schedule->nextHarvest) next = formatUtc(*schedule->nextHarvest);
  out.set("next_run", next);
  out.set("harvesting", schedule ? schedule->harvesting : false);
  out.set("retry_attempt", schedule ? static_cast<std::int64_t>(schedule->retryAttempt) : 0);
  out.set("health", health ? healthJson(*health) : JsonValue());
  JsonValue uptime = JsonValue::Object{};
  for (const auto& figure : uptimeOf(events, std::chrono::system_clock::now())) {
    uptime.set(figure.window, figure.percent ? JsonValue(*figure.percent) : JsonValue());
  }
  out.set("uptime_percent", std::move(uptime));
  return out;
}

}  // namespace

ApiResponse listSources(const ApiContext& context, const ApiRequest& request, const std::string* only) {
  if (auto bad = unknownParameter(request, {})) return *bad;
  const auto sources = context.sources ? context.sources() : std::vector<SourceConfig>{};
  const auto schedule = context.schedule ? context.schedule() : std::vector<ScheduleView>{};
  auto health = context.store->sourceHealth();
  if (!health.isOk()) return apiError(503, health.status().message());
  const auto now = std::chrono::system_clock::now();
  auto events = context.store->healthEvents(only != nullptr ? std::optional(*only) : std::nullopt,
                                            formatUtc(now - uptimeWindows().back().second));
  if (!events.isOk()) return apiError(503, events.status().message());

  JsonValue::Array rows;
  for (const SourceConfig& s : sources) {
    if (only != nullptr && s.id != *only) continue;
    if (!visibleToCaller(context, *request.caller, s.subjects)) {
      if (only != nullptr) return apiError(403, "source " + s.id + " belongs to another province than your token's");
      continue;
    }
    std::optional<ScheduleView> view;
    for (const auto& v : schedule) {
      if (v.source == s.id) view = v;
    }
    std::optional<SourceHealth> h;
    for (const auto& x : *health) {
      if (x.source == s.id) h = x;
    }
    std::vector<HealthEvent> mine;
    for (const auto& e : *events) {
      if (e.source == s.id) mine.push_back(e);
    }
    rows.push_back(sourceJson(s, view, h, mine));
  }
  if (only != nullptr) {
    if (rows.empty()) return apiError(404, "no source called '" + *only + "'");
    return jsonReply(rows.front());
  }
  return jsonReply(JsonValue(std::move(rows)));
}

ApiResponse listIncidents(const ApiContext& context, const ApiRequest& request) {
  if (auto bad = unknownParameter(request, {"source", "since"})) return *bad;
  std::string since;
  if (const auto it = request.query.find("since"); it != request.query.end()) {
    const auto parsed = parseUtc(it->second);
    if (!parsed) return apiError(400, "since: '" + it->second + "' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)");
    since = formatUtc(*parsed);
  }
  const auto source = queryText(request, "source");
  auto incidents = context.store->incidents(source, since);
  if (!incidents.isOk()) return apiError(503, incidents.status().message());
  const auto sources = context.sources ? context.sources() : std::vector<SourceConfig>{};
  JsonValue::Array rows;
  for (const Incident& i : *incidents) {
    const SourceConfig* s = findSource(sources, i.source);
    if (!visibleToCaller(context, *request.caller, s != nullptr ? s->subjects : std::vector<std::string>{})) continue;
    JsonValue row = JsonValue::Object{};
    row.set("id", i.id);
    row.set("source", i.source);
    row.set("state", healthStateName(i.state));
    row.set("reason", i.reason);
    row.set("detail", orNull(i.detail));
    row.set("planned", i.planned);
    row.set("started_at", i.startedAt);
    row.set("ended_at", orNull(i.endedAt));
    rows.push_back(std::move(row));
  }
  return jsonReply(JsonValue(std::move(rows)));
}

ApiResponse listRuns(const ApiContext& context, const ApiRequest& request) {
  if (auto bad = unknownParameter(request, {"source", "limit"})) return *bad;
  const auto limit = queryInt(request, "limit", 100, 1, 1000);
  if (!limit) return apiError(400, "limit: give a whole number from 1 to 1000");
  const auto source = queryText(request, "source");
  const auto sources = context.sources ? context.sources() : std::vector<SourceConfig>{};
  // Read more than asked when a province filter will drop some; bounded all the same.
  auto runs = context.store->runs(source, request.caller->region.empty() ? *limit : 20 * *limit);
  if (!runs.isOk()) return apiError(503, runs.status().message());
  JsonValue::Array rows;
  for (const RunRow& r : *runs) {
    if (static_cast<int>(rows.size()) >= *limit) break;
    const SourceConfig* s = findSource(sources, r.source);
    if (!visibleToCaller(context, *request.caller, s != nullptr ? s->subjects : std::vector<std::string>{})) continue;
    JsonValue row = JsonValue::Object{};
    row.set("id", r.id);
    row.set("source", r.source);
    row.set("status", runStatusName(r.status));
    row.set("started_at", r.startedAt);
    row.set("ended_at", orNull(r.endedAt));
    row.set("added", r.counts.added);
    row.set("updated", r.counts.updated);
    row.set("unchanged", r.counts.unchanged);
    row.set("withdrawn", r.counts.withdrawn);
    row.set("failed", r.counts.failed);
    row.set("error", orNull(r.error));
    row.set("error_reason", orNull(r.errorReason));
    rows.push_back(std::move(row));
  }
  return jsonReply(JsonValue(std::move(rows)));
}

}  // namespace hamhub::host

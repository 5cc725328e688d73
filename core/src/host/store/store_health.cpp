// Store: source health, state changes and incidents.

#include <Poco/Data/DataException.h>
#include <Poco/Data/Session.h>

#include "host/store/dialect.h"
#include "host/store/store.h"
#include "host/store/transaction.h"

namespace hamhub::host {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

namespace {

HealthState stateOf(const std::string& text, const std::string& source) {
  const auto state = parseHealthState(text);
  if (!state) throw Poco::Data::DataException("source " + source + " has unknown health state '" + text + "'");
  return *state;
}

bool opensIncident(HealthState state) {
  return state == HealthState::Degraded || state == HealthState::Down || state == HealthState::Maintenance;
}

}  // namespace

Result<std::map<std::string, std::int64_t>> Store::runCountsByStatus() {
  std::map<std::string, std::int64_t> out;
  Status s = withSession("runCountsByStatus", [&](Poco::Data::Session& session) {
    std::vector<std::string> statuses;
    std::vector<Poco::Int64> counts;
    session << "SELECT status, COUNT(*) FROM harvest_runs GROUP BY status", into(statuses), into(counts), now;
    for (std::size_t i = 0; i < statuses.size(); ++i) out[statuses[i]] = counts[i];
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

Status Store::recordHealth(const SourceHealth& h, bool changed, bool planned) {
  if (h.source.empty() || h.checkedAt.empty() || h.since.empty()) {
    return Status::error("store " + describe() + ": recordHealth: source, since and checked_at are required",
                         "invalid-argument");
  }
  return withSession("recordHealth", [&](Poco::Data::Session& session) {
    return inTransaction(session, dialect_, [&]() -> Status {
      std::string source = h.source, state = healthStateName(h.state), reason = h.reason, detail = h.detail,
                  since = h.since, checked = h.checkedAt;
      Poco::Int32 status = h.httpStatus, failures = h.failures, breaker = h.breakerOpen ? 1 : 0;
      double latency = h.latencyMs;
      session << dialect_.sql(
          "INSERT INTO source_health (source, state, reason, detail, since, checked_at, http_status, latency_ms, "
          "failures, breaker_open) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (source) DO UPDATE SET state = excluded.state, reason = excluded.reason, "
          "detail = excluded.detail, since = excluded.since, checked_at = excluded.checked_at, "
          "http_status = excluded.http_status, latency_ms = excluded.latency_ms, failures = excluded.failures, "
          "breaker_open = excluded.breaker_open"),
          use(source), use(state), use(reason), use(detail), use(since), use(checked), use(status), use(latency),
          use(failures), use(breaker), now;
      if (!changed) return Status::ok();
      session << dialect_.sql("INSERT INTO health_events (source, at, state, reason) VALUES (?, ?, ?, ?)"),
          use(source), use(since), use(state), use(reason), now;
      session << dialect_.sql("UPDATE incidents SET ended_at = ? WHERE source = ? AND ended_at IS NULL"), use(since),
          use(source), now;
      if (opensIncident(h.state)) {
        Poco::Int32 isPlanned = planned ? 1 : 0;
        session << dialect_.sql(
            "INSERT INTO incidents (source, state, reason, detail, started_at, planned) VALUES (?, ?, ?, ?, ?, ?)"),
            use(source), use(state), use(reason), use(detail), use(since), use(isPlanned), now;
      }
      return Status::ok();
    });
  });
}

Result<std::vector<SourceHealth>> Store::sourceHealth() {
  std::vector<SourceHealth> out;
  Status s = withSession("sourceHealth", [&](Poco::Data::Session& session) {
    std::vector<std::string> sources, states, reasons, details, since, checked;
    std::vector<Poco::Int32> statuses, failures, breakers;
    std::vector<double> latencies;
    session << "SELECT source, state, reason, detail, since, checked_at, http_status, latency_ms, failures, "
               "breaker_open FROM source_health ORDER BY source",
        into(sources), into(states), into(reasons), into(details), into(since), into(checked), into(statuses),
        into(latencies), into(failures), into(breakers), now;
    out.resize(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
      out[i] = {sources[i], stateOf(states[i], sources[i]), reasons[i], details[i], since[i], checked[i],
                statuses[i], latencies[i], failures[i], breakers[i] != 0};
    }
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

Result<std::vector<Incident>> Store::incidents(const std::optional<std::string>& source, const std::string& since) {
  std::vector<Incident> out;
  Status s = withSession("incidents", [&](Poco::Data::Session& session) {
    std::vector<Poco::Int64> ids;
    std::vector<std::string> sources, states, reasons, details, started, ended;
    std::vector<Poco::Int32> planned;
    std::string from = since;
    std::string any = source ? "0" : "1";
    std::string only = source.value_or("");
    // An incident overlaps the window when it is still open or ended after its start.
    session << dialect_.sql(
        "SELECT id, source, state, reason, detail, started_at, COALESCE(ended_at, ''), planned FROM incidents "
        "WHERE (ended_at IS NULL OR ended_at >= ?) AND (? = '1' OR source = ?) ORDER BY started_at DESC, id DESC"),
        use(from), use(any), use(only), into(ids), into(sources), into(states), into(reasons), into(details),
        into(started), into(ended), into(planned), now;
    out.resize(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      out[i] = {ids[i],     sources[i], stateOf(states[i], sources[i]), reasons[i], details[i], started[i],
                ended[i], planned[i] != 0};
    }
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

Result<std::vector<HealthEvent>> Store::healthEvents(const std::optional<std::string>& source,
                                                     const std::string& since) {
  std::vector<HealthEvent> out;
  Status s = withSession("healthEvents", [&](Poco::Data::Session& session) {
    std::vector<std::string> sources, at, states, reasons;
    std::string from = since, any = source ? "0" : "1", only = source.value_or("");
    session << dialect_.sql(
        "SELECT e.source, e.at, e.state, e.reason FROM health_events e "
        "WHERE (? = '1' OR e.source = ?) AND (e.at >= ? OR e.id = (SELECT p.id FROM health_events p "
        "WHERE p.source = e.source AND p.at < ? ORDER BY p.at DESC, p.id DESC LIMIT 1)) "
        "ORDER BY e.source, e.at, e.id"),
        use(any), use(only), use(from), use(from), into(sources), into(at), into(states), into(reasons), now;
    out.resize(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
      out[i] = {sources[i], at[i], stateOf(states[i], sources[i]), reasons[i]};
    }
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

}  // namespace hamhub::host

#include "host/api/metrics.h"

#include <map>
#include <sstream>

#include "host/store/store.h"

namespace hamhub::host {

namespace {

// Label values escape backslash, double quote and newline (exposition format 0.0.4).
std::string label(const std::string& value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

void family(std::ostringstream& out, const char* name, const char* type, const char* help) {
  out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

}  // namespace

std::string prometheusMetrics(const ApiContext& context) {
  std::ostringstream out;
  family(out, "hamhub_up", "gauge", "1 while the hub answers; scheduler_running says whether it schedules");
  out << "hamhub_up 1\n";
  family(out, "hamhub_scheduler_running", "gauge", "1 while the scheduler's dispatcher runs");
  out << "hamhub_scheduler_running " << (context.schedulerAlive && context.schedulerAlive() ? 1 : 0) << '\n';

  Store& store = *context.store;
  if (auto counts = store.runCountsByStatus(); counts.isOk()) {
    const auto count = [&](const char* status) {
      const auto it = counts->find(status);
      return it == counts->end() ? std::int64_t{0} : it->second;
    };
    family(out, "hamhub_harvest_runs_total", "counter", "Finished harvest runs recorded in the store, by final status");
    for (const char* status : {"success", "failed", "cancelled", "timed-out"}) {
      out << "hamhub_harvest_runs_total{status=\"" << status << "\"} " << count(status) << '\n';
    }
    // Running runs go up and down: a gauge, not part of the counter.
    family(out, "hamhub_harvest_runs_running", "gauge", "Harvest runs in progress");
    out << "hamhub_harvest_runs_running " << count("running") << '\n';
  }
  if (auto runs = store.runs(std::nullopt, 5000); runs.isOk()) {
    family(out, "hamhub_harvest_last_duration_seconds", "gauge", "Duration of each source's latest finished harvest");
    std::map<std::string, double> last;
    for (const RunRow& r : *runs) {
      if (r.endedAt.empty() || last.count(r.source) != 0) continue;
      const auto a = parseUtc(r.startedAt), b = parseUtc(r.endedAt);
      if (a && b) last[r.source] = std::chrono::duration<double>(*b - *a).count();
    }
    for (const auto& [source, seconds] : last) {
      out << "hamhub_harvest_last_duration_seconds{source=\"" << label(source) << "\"} " << seconds << '\n';
    }
  }
  if (auto health = store.sourceHealth(); health.isOk()) {
    family(out, "hamhub_source_state", "gauge", "1 for each source's current health state");
    for (const SourceHealth& h : *health) {
      for (const HealthState s : {HealthState::Pending, HealthState::Up, HealthState::Degraded, HealthState::Down,
                                  HealthState::Maintenance}) {
        out << "hamhub_source_state{source=\"" << label(h.source) << "\",state=\"" << healthStateName(s) << "\"} "
            << (h.state == s ? 1 : 0) << '\n';
      }
    }
    // Prometheus's base unit is the second (promtool refuses a _milliseconds name).
    family(out, "hamhub_source_latency_seconds", "gauge", "Latency of each source's latest probe or harvest");
    for (const SourceHealth& h : *health) {
      out << "hamhub_source_latency_seconds{source=\"" << label(h.source) << "\"} " << h.latencyMs / 1000.0 << '\n';
    }
  }
  if (auto incidents = store.incidents(std::nullopt, formatUtc(std::chrono::system_clock::now())); incidents.isOk()) {
    family(out, "hamhub_incidents_open", "gauge", "Incidents not yet ended, by state");
    std::map<std::string, int> open{{"degraded", 0}, {"down", 0}, {"maintenance", 0}};
    for (const Incident& i : *incidents) {
      if (i.endedAt.empty()) ++open[healthStateName(i.state)];
    }
    for (const auto& [state, count] : open) out << "hamhub_incidents_open{state=\"" << state << "\"} " << count << '\n';
  }
  if (auto alerts = store.alertCounts(); alerts.isOk()) {
    family(out, "hamhub_alerts", "gauge", "Live alerts (open or acknowledged), by state and severity");
    for (const char* state : {"open", "acknowledged"}) {
      for (const char* severity : {"info", "warning", "critical"}) {
        const auto it = alerts->find({state, severity});
        out << "hamhub_alerts{state=\"" << state << "\",severity=\"" << severity << "\"} "
            << (it == alerts->end() ? 0 : it->second) << '\n';
      }
    }
  }
  return out.str();
}

}  // namespace hamhub::host

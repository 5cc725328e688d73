#include "host/monitor/probe.h"

#include <algorithm>

#include "host/harvest/source_context.h"
#include "host/monitor/observing_http_client.h"
#include "host/plugins/plugin_registry.h"

namespace hamhub::host {

namespace {

using Clock = std::chrono::steady_clock;

bool mayBeMaintenanceNotice(std::string_view reason) {
  return reason == "invalid-payload" || reason == "schema-drift" || reason.rfind("http-", 0) == 0;
}

}  // namespace

bool mentionsMaintenance(std::string_view text, const std::vector<std::string>& keywords) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return std::any_of(keywords.begin(), keywords.end(),
                     [&](const std::string& k) { return lower.find(k) != std::string::npos; });
}

ProbeResult probeSource(const SourceConfig& source, const PluginRegistry& registry, const SubjectCatalog& subjects,
                        const HttpClientFactory& httpFactory, const MonitorSettings& settings,
                        const std::atomic<bool>& stop) {
  ProbeResult result;
  Observation& o = result.observation;
  o.at = std::chrono::system_clock::now();
  const auto started = Clock::now();

  auto connector = registry.createConnector(source.connector);
  Status checked = connector.isOk() ? (*connector)->configure(source.options) : connector.status();
  ObservedResponse seen;
  if (checked) {
    const auto cancelled = [&stop] { return stop.load(); };
    ObservingHttpClient http(httpFactory(source, cancelled));
    SourceContext context(source, http, subjects, cancelled);
    checked = (*connector)->check(context);
    seen = http.last();
  }
  o.latencyMs = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  o.httpStatus = seen.status;
  result.retryAfter = seen.retryAfter;

  if (checked) {
    const bool slow = o.latencyMs > static_cast<double>(settings.degradedMs);
    o.kind = slow ? Observation::Kind::Slow : Observation::Kind::Ok;
    o.reason = slow ? "slow" : "ok";
    o.detail = slow ? "answered in " + std::to_string(static_cast<long long>(o.latencyMs)) + " ms (threshold " +
                          std::to_string(settings.degradedMs) + " ms)"
                    : std::string();
    return result;
  }
  o.reason = checked.reason().empty() ? "error" : checked.reason();
  o.detail = checked.message();
  if (mayBeMaintenanceNotice(o.reason) && mentionsMaintenance(seen.bodyHead, settings.maintenanceKeywords)) {
    o.reason = "maintenance-page";
  }
  o.kind = observationKindOf(o.reason).value_or(Observation::Kind::Failure);
  return result;
}

std::optional<Observation> observationOfHarvest(const HarvestSummary& summary, TimePoint at) {
  Observation o;
  o.at = at;
  o.latencyMs = summary.seconds * 1000;
  o.detail = summary.error;
  if (summary.status == RunStatus::Success) {
    o.kind = summary.errorReason.empty() ? Observation::Kind::Ok : Observation::Kind::Partial;
    o.reason = summary.errorReason.empty() ? "ok" : "partial-errors";
    return o;
  }
  if (summary.status == RunStatus::Cancelled) return std::nullopt;
  o.reason = summary.errorReason.empty() ? "error" : summary.errorReason;
  const auto kind = observationKindOf(o.reason);
  if (!kind) return std::nullopt;
  o.kind = *kind;
  return o;
}

}  // namespace hamhub::host

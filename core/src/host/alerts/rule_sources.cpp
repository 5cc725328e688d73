// Sources: an unplanned outage longer than its limit, data not refreshed for too long, and — for the
// IRH regulation-database indicator — a regional JDIH feed that is unavailable or invalid right now
// (a site down for maintenance cost Lubuklinggau its IRH result).

#include <algorithm>

#include "hamhub/json.h"
#include "host/alerts/rule_context.h"
#include "host/monitor/observation.h"

namespace hamhub::host {

namespace {

std::string firstSubject(const SourceRow& source) {
  return source.subjects.empty() ? std::string() : source.subjects.front();
}

AlertFinding sourceFinding(const RuleContext& context, const SourceRow& source, const std::string& kind,
                           AlertSeverity severity, const std::string& messageId, const std::string& messageEn) {
  const std::string subject = firstSubject(source);
  const std::string name = subject.empty() ? source.id : context.nameOf(subject) + " (" + source.id + ")";
  AlertFinding f = makeFinding(context, kind, {source.id}, severity, subject, name + ": " + messageId,
                               name + ": " + messageEn);
  f.source = source.id;
  return f;
}

void outageAlerts(const RuleContext& context, const SourceRow& source, const SourceHealth& health,
                  std::vector<AlertFinding>& out) {
  const auto since = parseUtc(health.since);
  if (!since || health.reason == kPlannedMaintenance) return;
  const auto lasted = context.now - *since;
  const std::string from = context.localTime(health.since, false), fromEn = context.localTime(health.since, true);
  const std::string why = health.detail.empty() ? health.reason : health.detail;
  if (health.state == HealthState::Down && lasted >= std::chrono::minutes(context.rules.sources.downMinutes)) {
    out.push_back(sourceFinding(context, source, "source.down", AlertSeverity::Critical,
                                "sumber data tidak dapat diakses sejak " + from + " (" + why + ")",
                                "the source has been unreachable since " + fromEn + " (" + why + ")"));
  }
  if (health.state == HealthState::Maintenance &&
      lasted >= std::chrono::hours(context.rules.sources.maintenanceHours)) {
    out.push_back(sourceFinding(context, source, "source.maintenance", AlertSeverity::Warning,
                                "situs dalam pemeliharaan sejak " + from + " (" + why + ")",
                                "the site has been down for maintenance since " + fromEn + " (" + why + ")"));
  }
}

void staleAlert(const RuleContext& context, const SourceRow& source, const SourceRunSummary& runs,
                std::vector<AlertFinding>& out) {
  const auto& byConnector = context.rules.sources.staleDaysByConnector;
  const auto limit = byConnector.count(source.connector) ? byConnector.at(source.connector)
                                                         : context.rules.sources.staleDays;
  const std::string reference = runs.lastSuccessAt.empty() ? runs.firstStartedAt : runs.lastSuccessAt;
  const auto at = parseUtc(reference);
  if (!at || context.now - *at < std::chrono::days(limit)) return;
  const std::string days = std::to_string(limit);
  if (runs.lastSuccessAt.empty()) {
    out.push_back(sourceFinding(context, source, "source.stale", AlertSeverity::Warning,
                                "belum pernah berhasil dipanen sejak dipasang " + context.localTime(reference, false) +
                                    " (lebih dari " + days + " hari)",
                                "never harvested successfully since it was added on " + context.localTime(reference, true) +
                                    " (over " + days + " days)"));
    return;
  }
  out.push_back(sourceFinding(context, source, "source.stale", AlertSeverity::Warning,
                              "data basi: panen terakhir yang berhasil " + context.localTime(reference, false) +
                                  " (lebih dari " + days + " hari)",
                              "stale data: the last successful harvest was " + context.localTime(reference, true) +
                                  " (over " + days + " days ago)"));
}

void irhAlert(const RuleContext& context, const SourceRow& source, const SourceHealth* health,
              const SourceRunSummary* runs, std::vector<AlertFinding>& out) {
  const auto& irh = context.rules.irh;
  if (source.connector != irh.connector) return;
  std::string why, whyEn;
  if (health != nullptr && health->reason != kPlannedMaintenance &&
      (health->state == HealthState::Down || health->state == HealthState::Maintenance)) {
    const bool maintenance = health->state == HealthState::Maintenance;
    why = std::string(maintenance ? "situs JDIH dalam pemeliharaan" : "situs JDIH tidak dapat diakses") + " sejak " +
          context.localTime(health->since, false);
    whyEn = std::string(maintenance ? "the JDIH site is down for maintenance" : "the JDIH site is unreachable") +
            " since " + context.localTime(health->since, true);
  } else if (runs != nullptr && runs->lastStatus != RunStatus::Success &&
             std::find(irh.ignoredReasons.begin(), irh.ignoredReasons.end(), runs->lastErrorReason) ==
                 irh.ignoredReasons.end()) {
    why = "umpan integrasi JDIHN gagal dipanen (" + runs->lastErrorReason + "): " + runs->lastError;
    whyEn = "the JDIHN integration feed failed (" + runs->lastErrorReason + "): " + runs->lastError;
  } else {
    return;
  }
  out.push_back(sourceFinding(context, source, "irh.jdih-unavailable", AlertSeverity::Critical,
                              why + "; indikator basis data peraturan IRH terancam",
                              whyEn + "; the IRH regulation-database indicator is at risk"));
}

}  // namespace

Status sourceRules(const RuleContext& context, std::vector<AlertFinding>& out) {
  auto health = context.store.sourceHealth();
  if (!health.isOk()) return health.status();
  auto runs = context.store.runSummaries();
  if (!runs.isOk()) return runs.status();
  std::map<std::string, const SourceHealth*> healthOf;
  for (const auto& h : *health) healthOf[h.source] = &h;
  std::map<std::string, const SourceRunSummary*> runsOf;
  for (const auto& r : *runs) runsOf[r.source] = &r;
  for (const auto& source : context.sources) {
    const auto h = healthOf.find(source.id);
    const auto r = runsOf.find(source.id);
    const SourceHealth* sourceHealth = h == healthOf.end() ? nullptr : h->second;
    const SourceRunSummary* summary = r == runsOf.end() ? nullptr : r->second;
    if (sourceHealth != nullptr) outageAlerts(context, source, *sourceHealth, out);
    if (summary != nullptr) staleAlert(context, source, *summary, out);
    irhAlert(context, source, sourceHealth, summary, out);
  }
  return Status::ok();
}

}  // namespace hamhub::host

#include "host/alerts/alert_evaluator.h"

#include "host/alerts/rule_context.h"

namespace hamhub::host {

const std::vector<std::string>& alertKinds() {
  static const std::vector<std::string> kKinds = {
      "kkpham.data-dukung-missing", "ranham.report-missing", "ranham.report-late", "p2ham.sk-tim-missing",
      "p2ham.evidence-missing",     "jdih.metadata-missing", "source.down",        "source.maintenance",
      "source.stale",               "irh.jdih-unavailable"};
  return kKinds;
}

Result<AlertSyncSummary> refreshAlerts(Store& store, const AlertRules& rules, const std::vector<Subject>& subjects,
                                       TimePoint now, const TimeZone& zone,
                                       std::optional<std::chrono::sys_days> asOf) {
  auto sources = store.sources();
  if (!sources.isOk()) return sources.status();
  const std::chrono::sys_days today =
      asOf.value_or(std::chrono::sys_days{std::chrono::floor<std::chrono::days>(zone.toLocal(now)).time_since_epoch()});
  RuleContext context{store, rules, {}, {}, now, zone, today};
  for (const auto& s : subjects) context.subjects[s.id] = s;
  for (auto& s : *sources) {
    if (s.enabled) context.sources.push_back(std::move(s));
  }
  std::vector<AlertFinding> findings;
  for (const auto rule : {kkphamRule, ranhamRule, p2hamRule, jdihMetadataRule, sourceRules}) {
    if (Status s = rule(context, findings); !s) return s.withContext("alert rules");
  }
  return store.syncAlerts(alertKinds(), findings, formatUtc(now));
}

}  // namespace hamhub::host

// /api/v1/regions/{code}/completeness: the region overview (host/overview) as JSON, what the
// dashboard's region page and a Kanwil's own tools read.
#include <cmath>

#include "host/api/api_endpoints.h"
#include "host/api/api_reply.h"
#include "host/overview/region_overview.h"

namespace hamhub::host {

namespace {

double rounded(double v, int decimals) {
  const double f = std::pow(10.0, decimals);
  return std::round(v * f) / f;
}

// The English name of a standing's predicate, from the model that scored it.
std::string predicateNameEn(const CriteriaCatalog& criteria, const InstrumentStanding& s) {
  for (const CriteriaModel& model : criteria.models()) {
    if (model.instrument != s.instrument || model.version != s.version) continue;
    for (const Predicate& p : model.predicates) {
      if (p.id == s.predicate && !p.nameEn.empty()) return p.nameEn;
    }
  }
  return s.predicateName;
}

JsonValue standingJson(const CriteriaCatalog& criteria, const InstrumentStanding& s, const std::string& lang) {
  JsonValue out = JsonValue::Object{};
  out.set("instrument", s.instrument);
  out.set("instrument_name", s.instrumentName);
  out.set("version", s.version);
  out.set("period", s.period);
  out.set("total", rounded(s.total, 2));
  out.set("predicate", orNull(s.predicate));
  out.set("predicate_name", orNull(lang == "en" ? predicateNameEn(criteria, s) : s.predicateName));
  out.set("target_reached", s.targetReached);
  out.set("completeness", rounded(s.completeness, 4));
  JsonValue::Array missing;
  for (const MissingItem& m : s.missing) {
    JsonValue item = JsonValue::Object{};
    item.set("indicator", m.indicator);
    item.set("name", m.name);
    item.set("criterion", m.criterion);
    missing.push_back(std::move(item));
  }
  out.set("missing", JsonValue(std::move(missing)));
  out.set("computed_at", s.computedAt);
  out.set("open_alerts", s.openAlerts);
  return out;
}

JsonValue subjectJson(const CriteriaCatalog& criteria, const SubjectOverview& s, const std::string& lang) {
  JsonValue out = JsonValue::Object{};
  out.set("id", s.subject.id);
  out.set("name", s.subject.name);
  out.set("kind", subjectKindName(s.subject.kind));
  JsonValue::Array instruments;
  for (const InstrumentStanding& standing : s.instruments) instruments.push_back(standingJson(criteria, standing, lang));
  out.set("instruments", JsonValue(std::move(instruments)));
  JsonValue documents;
  if (s.documents) {
    documents = JsonValue::Object{};
    documents.set("documents", s.documents->documents);
    documents.set("complete", s.documents->complete);
    documents.set("newest_date", orNull(s.documents->newestDate));
    documents.set("site_state", s.documents->siteState ? JsonValue(healthStateName(*s.documents->siteState)) : JsonValue());
  }
  out.set("documents", std::move(documents));
  out.set("open_alerts", s.openAlerts);
  out.set("critical_alerts", s.criticalAlerts);
  return out;
}

}  // namespace

ApiResponse regionCompleteness(const ApiContext& context, const ApiRequest& request, const std::string& code) {
  if (auto bad = unknownParameter(request, {"instrument", "period", "lang"})) return *bad;
  const auto lang = queryLang(request);
  if (!lang) return apiError(400, "lang: id or en");
  if (code.size() > 16) return apiError(400, "region: give a province code such as 16");
  if (auto refused = otherProvince(*request.caller, code, "region " + code)) return *refused;
  if (!context.criteria) return apiError(503, "the hub has no criteria models loaded");
  OverviewOptions options;
  options.instrument = queryText(request, "instrument");
  options.period = queryText(request, "period");
  for (const auto* value : {&options.instrument, &options.period}) {
    if (*value && ((*value)->empty() || (*value)->size() > 64)) return apiError(400, "instrument and period: 1 to 64 characters");
  }
  auto subjects = context.store->subjects();
  if (!subjects.isOk()) return apiError(503, subjects.status().message());
  auto overview = regionOverview(*context.store, *subjects, *context.criteria, code, options);
  if (!overview.isOk()) {
    return apiError(overview.status().reason() == "not-found" ? 404 : 503, overview.status().message());
  }
  JsonValue out = JsonValue::Object{};
  JsonValue province = JsonValue::Object{};
  province.set("id", overview->province.id);
  province.set("name", overview->province.name);
  province.set("kanwil", orNull(overview->province.kanwil));
  out.set("province", std::move(province));
  out.set("lang", *lang);
  JsonValue severities = JsonValue::Object{};
  for (const char* severity : {"critical", "warning", "info"}) {
    const auto it = overview->alertsBySeverity.find(severity);
    severities.set(severity, it == overview->alertsBySeverity.end() ? std::int64_t{0} : it->second);
  }
  out.set("alerts_by_severity", std::move(severities));
  JsonValue::Array rows;
  for (const SubjectOverview& s : overview->subjects) rows.push_back(subjectJson(*context.criteria, s, *lang));
  out.set("subjects", JsonValue(std::move(rows)));
  return jsonReply(out);
}

}  // namespace hamhub::host

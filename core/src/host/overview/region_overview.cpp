#include "host/overview/region_overview.h"

#include <algorithm>

#include "host/scoring/score_result.h"

namespace hamhub::host {

namespace {

// How bad a site's state is for its region: the worst of a subject's sites is the one to show.
int severity(HealthState state) {
  switch (state) {
    case HealthState::Up: return 0;
    case HealthState::Pending: return 1;
    case HealthState::Degraded: return 2;
    case HealthState::Maintenance: return 3;
    case HealthState::Down: return 4;
  }
  return 0;
}

std::string textOf(const JsonValue& object, std::string_view key) {
  const JsonValue* v = object.isObject() ? object.find(key) : nullptr;
  return v != nullptr && v->isString() ? v->asString() : std::string();
}

const JsonValue::Array& rowsOf(const JsonValue& object, std::string_view key) {
  static const JsonValue::Array kNone;
  const JsonValue* v = object.isObject() ? object.find(key) : nullptr;
  return v != nullptr && v->isArray() ? v->asArray() : kNone;
}

// The missing indicators of a stored result, named through the result's own indicator and
// criterion rows (they were written with the model version that scored it).
std::vector<MissingItem> missingItems(const JsonValue& result) {
  std::map<std::string, std::pair<std::string, std::string>> indicators;  // id → (name, criterion id)
  for (const auto& row : rowsOf(result, "indicators")) {
    indicators[textOf(row, "id")] = {textOf(row, "name"), textOf(row, "criterion")};
  }
  std::map<std::string, std::string> criteria;
  for (const auto& row : rowsOf(result, "criteria")) criteria[textOf(row, "id")] = textOf(row, "name");
  std::vector<MissingItem> out;
  for (const auto& id : rowsOf(result, "missing")) {
    if (!id.isString()) continue;
    MissingItem item{id.asString(), {}, {}};
    if (const auto it = indicators.find(item.indicator); it != indicators.end()) {
      item.name = it->second.first;
      const auto c = criteria.find(it->second.second);
      item.criterion = c != criteria.end() ? c->second : it->second.second;
    }
    out.push_back(std::move(item));
  }
  return out;
}

std::string instrumentName(const CriteriaCatalog& criteria, const ScoreRow& score) {
  for (const auto& model : criteria.models()) {
    if (model.instrument == score.instrument && model.version == score.version) return model.name;
  }
  return score.instrument;
}

InstrumentStanding standingOf(const CriteriaCatalog& criteria, const ScoreRow& score) {
  const JsonValue result = scoreResultValue(score.result);
  InstrumentStanding s;
  s.instrument = score.instrument;
  s.instrumentName = instrumentName(criteria, score);
  s.version = score.version;
  s.period = score.period;
  s.total = score.total;
  s.predicate = score.predicate;
  s.predicateName = textOf(result, "predicate_name");
  const JsonValue* coaching = result.isObject() ? result.find("coaching") : nullptr;
  s.targetReached = !score.predicate.empty() && coaching != nullptr && textOf(*coaching, "target") == score.predicate;
  s.completeness = score.completeness;
  s.missing = missingItems(result);
  s.computedAt = score.computedAt;
  return s;
}

bool inRegion(const Subject& subject, const std::string& region) {
  return subject.id == region || subject.province == region;
}

}  // namespace

Result<RegionOverview> regionOverview(Store& store, const std::vector<Subject>& catalogue,
                                      const CriteriaCatalog& criteria, const std::string& region,
                                      const OverviewOptions& options) {
  RegionOverview overview;
  const auto province = std::find_if(catalogue.begin(), catalogue.end(), [&](const Subject& s) {
    return s.id == region && s.kind == SubjectKind::Province;
  });
  if (province == catalogue.end()) {
    return Status::error("region " + region + " is not a province of the subject catalogue", "not-found");
  }
  overview.province = *province;
  std::map<std::string, SubjectOverview> bySubject;
  for (const auto& subject : catalogue) {
    if (inRegion(subject, region)) bySubject[subject.id].subject = subject;
  }

  ScoreQuery query;
  query.instrument = options.instrument;
  query.period = options.period;
  auto scores = store.currentScores(query);
  if (!scores.isOk()) return scores.status();
  // The newest scored period of each (subject, instrument): period labels sort as text
  // ("2024" < "2025", "2024-B04" < "2024-B08" < "2024-B12").
  std::map<std::pair<std::string, std::string>, const ScoreRow*> newest;
  for (const auto& score : *scores) {
    if (!bySubject.count(score.subject)) continue;
    auto& slot = newest[{score.subject, score.instrument}];
    if (slot == nullptr || slot->period < score.period) slot = &score;
  }
  for (const auto& [key, score] : newest) bySubject[key.first].instruments.push_back(standingOf(criteria, *score));

  auto sources = store.sources();
  if (!sources.isOk()) return sources.status();
  auto figures = store.documentFigures();
  if (!figures.isOk()) return figures.status();
  std::map<std::string, const DocumentFigures*> figuresOf;
  for (const auto& f : *figures) figuresOf[f.source] = &f;
  auto health = store.sourceHealth();
  if (!health.isOk()) return health.status();
  std::map<std::string, HealthState> stateOf;
  for (const auto& h : *health) stateOf[h.source] = h.state;
  for (const auto& source : *sources) {
    if (source.connector != "jdih" || !source.enabled) continue;
    const auto f = figuresOf.find(source.id);
    const auto state = stateOf.find(source.id);
    for (const auto& subjectId : source.subjects) {
      const auto it = bySubject.find(subjectId);
      if (it == bySubject.end()) continue;
      auto& docs = it->second.documents;
      if (!docs) docs = DocumentStanding{};
      if (state != stateOf.end() && (!docs->siteState || severity(state->second) > severity(*docs->siteState))) {
        docs->siteState = state->second;
      }
      if (f == figuresOf.end()) continue;
      docs->documents += f->second->documents;
      docs->complete += f->second->complete;
      docs->newestDate = std::max(docs->newestDate, f->second->newestDate);
    }
  }

  AlertQuery live;
  live.region = region;
  auto alerts = store.alerts(live);
  if (!alerts.isOk()) return alerts.status();
  for (const auto& alert : *alerts) {
    ++overview.alertsBySeverity[alertSeverityName(alert.finding.severity)];
    const auto it = bySubject.find(alert.finding.subject);
    if (it == bySubject.end()) continue;
    ++it->second.openAlerts;
    if (alert.finding.severity == AlertSeverity::Critical) ++it->second.criticalAlerts;
    for (auto& standing : it->second.instruments) {
      if (alert.finding.kind.rfind(standing.instrument + ".", 0) == 0) ++standing.openAlerts;
    }
  }

  overview.subjects.reserve(bySubject.size());
  if (auto it = bySubject.find(region); it != bySubject.end()) {
    overview.subjects.push_back(std::move(it->second));
    bySubject.erase(it);
  }
  for (auto& [id, subject] : bySubject) overview.subjects.push_back(std::move(subject));
  return overview;
}

}  // namespace hamhub::host

#include "model_scorer.h"

#include <algorithm>
#include <map>

#include "indicator_scoring.h"

namespace hamhub::scoring {

namespace {

// What the total gains per point an indicator earns: a mean over criteria divides by their number.
double totalPerPoint(const CriteriaModel& model) {
  return model.total == TotalRule::MeanOfCriteria && !model.criteria.empty()
             ? 1.0 / static_cast<double>(model.criteria.size())
             : 1.0;
}

std::string actionFor(const IndicatorResult& r, const Indicator& indicator) {
  const std::string name = "indikator " + indicator.id + " (" + indicator.name + ")";
  if (r.state == "missing") {
    return "Kirim data" + std::string(indicator.evidenceRequired ? " beserta data dukung" : "") + " untuk " + name;
  }
  if (r.state == "no-data-dukung") return "Lengkapi data dukung untuk " + name;
  if (r.state == "invalid") return "Perbaiki nilai " + name + ": " + r.detail;
  return "Tingkatkan capaian " + name;
}

}  // namespace

void planCoaching(const CriteriaModel& model, ScoreResult& result) {
  result.coaching.clear();
  result.reachesTarget = 0;
  const Predicate* target = model.targetPredicate();
  if (target == nullptr || result.total >= target->min) return;
  const double perPoint = totalPerPoint(model);
  for (const auto& r : result.indicators) {
    const Indicator* indicator = model.findIndicator(r.indicator);
    if (indicator == nullptr || r.fraction >= 1.0 || indicator->weight <= 0) continue;
    result.coaching.push_back({r.indicator, (r.maxPoints - r.points) * perPoint, actionFor(r, *indicator)});
  }
  // Largest gain first: taking the largest remaining gain is also the fewest steps to the target.
  std::stable_sort(result.coaching.begin(), result.coaching.end(),
                   [](const CoachingStep& a, const CoachingStep& b) { return a.gain > b.gain; });
  double total = result.total;
  for (std::size_t i = 0; i < result.coaching.size(); ++i) {
    total += result.coaching[i].gain;
    if (model.round(total) >= target->min) {
      result.reachesTarget = i + 1;
      break;
    }
  }
}

Result<ScoreResult> ModelScorer::score(const ScoreRequest& request) {
  if (request.model == nullptr) return Status::error("score request without a criteria model", "invalid-request");
  const CriteriaModel& model = *request.model;
  if (!model.period.valid(request.period)) {
    return Status::error("period '" + request.period + "' does not exist for " + model.instrument + " " + model.version,
                         "invalid-period");
  }
  ScoreResult result;
  std::map<std::string, std::vector<std::size_t>> byIndicator;
  for (std::size_t i = 0; i < request.evidence.size(); ++i) {
    const EvidenceItem& e = request.evidence[i];
    if (model.findIndicator(e.indicator) == nullptr) {
      result.problems.push_back("indikator '" + e.indicator + "' tidak ada di model " + model.instrument + " " +
                                model.version + " — " + e.recordKind + " '" + e.recordKey + "' (sumber " + e.source + ")");
      continue;
    }
    byIndicator[e.indicator].push_back(i);
  }
  std::size_t required = 0;
  std::size_t valid = 0;
  double sumOfCriteria = 0;
  for (const auto& criterion : model.criteria) {
    CriterionResult c{criterion.id, 0, criterion.maxPoints()};
    for (const auto& indicator : criterion.indicators) {
      auto it = byIndicator.find(indicator.id);
      IndicatorResult r = scoreIndicator(indicator, criterion.id, request.evidence,
                                         it == byIndicator.end() ? std::vector<std::size_t>{} : it->second, result.problems);
      c.score += r.points;
      if (indicator.weight > 0) {
        ++required;
        if (r.state == "ok" || r.state == "partial") {
          ++valid;
        } else {
          result.missing.push_back(indicator.id);
        }
      }
      result.indicators.push_back(std::move(r));
    }
    sumOfCriteria += c.score;
    result.criteria.push_back(c);
  }
  const double total = model.total == TotalRule::MeanOfCriteria && !model.criteria.empty()
                           ? sumOfCriteria / static_cast<double>(model.criteria.size())
                           : sumOfCriteria;
  result.total = model.round(total);
  if (const Predicate* p = model.predicateFor(result.total)) result.predicate = p->id;
  result.completeness = required == 0 ? 1.0 : static_cast<double>(valid) / static_cast<double>(required);
  planCoaching(model, result);
  return result;
}

}  // namespace hamhub::scoring

#include "hamhub/criteria.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace hamhub {

const char* confidenceCode(Confidence confidence) {
  switch (confidence) {
    case Confidence::Confirmed:
      return "C";
    case Confidence::Probable:
      return "P";
    case Confidence::Assumption:
      break;
  }
  return "A";
}

const char* indicatorTypeName(IndicatorType type) {
  switch (type) {
    case IndicatorType::Struktur:
      return "struktur";
    case IndicatorType::Proses:
      return "proses";
    case IndicatorType::Hasil:
      return "hasil";
    case IndicatorType::None:
      break;
  }
  return "";
}

const char* valueKindName(ValueKind kind) {
  switch (kind) {
    case ValueKind::Levels:
      return "levels";
    case ValueKind::Number:
      return "number";
    case ValueKind::Percentage:
      return "percentage";
    case ValueKind::Document:
      break;
  }
  return "document";
}

double Criterion::maxPoints() const {
  double sum = 0;
  for (const auto& indicator : indicators) sum += indicator.weight;
  return sum;
}

bool PeriodSpec::valid(const std::string& period) const {
  // Every kind starts with a four-digit year.
  int year = 0;
  const char* end = period.data() + period.size();
  auto [next, ec] = std::from_chars(period.data(), end, year);
  if (ec != std::errc() || next != period.data() + 4 || year < 1945 || year > 2200) return false;
  const std::string rest(next, end);
  switch (kind) {
    case PeriodKind::Year:
      return rest.empty();
    case PeriodKind::Semester:
      return rest == "-S1" || rest == "-S2";
    case PeriodKind::Round:
      return rest.size() > 1 && rest[0] == '-' &&
             std::find(rounds.begin(), rounds.end(), rest.substr(1)) != rounds.end();
  }
  return false;
}

const Indicator* CriteriaModel::findIndicator(const std::string& id) const {
  for (const auto& criterion : criteria) {
    for (const auto& indicator : criterion.indicators) {
      if (indicator.id == id) return &indicator;
    }
  }
  return nullptr;
}

double CriteriaModel::round(double score) const {
  // Half up, as the regulations round, with a margin for the binary error of sums such as
  // Σ (mean / 4 × 100/9), which lands on 78.12499999… for an exact 78.125.
  const double factor = std::pow(10.0, decimals);
  return std::floor(score * factor + 0.5 + 1e-7) / factor;
}

const Predicate* CriteriaModel::predicateFor(double score) const {
  const double rounded = round(score);
  for (const auto& predicate : predicates) {
    if (rounded >= predicate.min && rounded <= predicate.max) return &predicate;
  }
  return nullptr;
}

const Predicate* CriteriaModel::targetPredicate() const {
  for (const auto& predicate : predicates) {
    if (predicate.target) return &predicate;
  }
  return predicates.empty() ? nullptr : &predicates.front();
}

}  // namespace hamhub

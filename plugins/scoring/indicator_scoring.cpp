#include "indicator_scoring.h"

#include <algorithm>
#include <cstdio>

#include "value_reading.h"

namespace hamhub::scoring {

namespace {

std::string points(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

std::string provenance(const EvidenceItem& e) {
  return e.recordKind + " '" + e.recordKey + "' (sumber " + e.source + (e.url.empty() ? "" : ", " + e.url) + ")";
}

}  // namespace

IndicatorResult scoreIndicator(const Indicator& indicator, const std::string& criterion,
                               const std::vector<EvidenceItem>& evidence, const std::vector<std::size_t>& items,
                               std::vector<std::string>& problems) {
  IndicatorResult r;
  r.indicator = indicator.id;
  r.criterion = criterion;
  r.maxPoints = indicator.weight;
  if (items.empty()) {
    r.state = "missing";
    r.detail = "tidak ada data";
    return r;
  }
  // Items that count, each with its fraction (and its number, for sums).
  struct Counted {
    std::size_t index;
    double fraction;
    std::optional<double> number;
  };
  std::vector<Counted> counted;
  std::size_t withoutDataDukung = 0;
  std::string invalid;
  for (std::size_t index : items) {
    const EvidenceItem& e = evidence[index];
    if (indicator.evidenceRequired && !e.hasDataDukung) {
      ++withoutDataDukung;
      continue;
    }
    const ValueReading reading = readValue(indicator.value, e.value);
    if (!reading.fraction) {
      problems.push_back(indicator.id + ": " + reading.problem + " — " + provenance(e));
      if (invalid.empty()) invalid = reading.problem;
      continue;
    }
    counted.push_back({index, *reading.fraction, reading.number});
  }
  if (counted.empty()) {
    r.state = withoutDataDukung > 0 ? "no-data-dukung" : "invalid";
    r.detail = withoutDataDukung > 0 ? "ada nilai tetapi tanpa data dukung" : invalid;
    return r;
  }
  // Every item was produced by rules of one indicator; they agree on how to combine.
  const Combine combine = evidence[counted.front().index].combine;
  double fraction = 0;
  if (combine == Combine::Sum && indicator.value.kind != ValueKind::Levels && indicator.value.kind != ValueKind::Document) {
    double sum = 0;
    for (const auto& c : counted) sum += c.number.value_or(0);
    fraction = fractionOfNumber(indicator.value, std::min(sum, indicator.value.max)).value_or(0);
  } else if (combine == Combine::Sum) {
    for (const auto& c : counted) fraction += c.fraction;
  } else if (combine == Combine::Mean) {
    for (const auto& c : counted) fraction += c.fraction;
    fraction /= static_cast<double>(counted.size());
  } else {
    for (const auto& c : counted) fraction = std::max(fraction, c.fraction);
  }
  r.fraction = std::clamp(fraction, 0.0, 1.0);
  r.points = r.fraction * indicator.weight;
  for (const auto& c : counted) r.evidence.push_back(c.index);
  r.state = r.fraction >= 1.0 ? "ok" : "partial";
  const EvidenceItem& first = evidence[counted.front().index];
  // The evidence's provenance travels with its indexes (IndicatorResult::evidence), not in this text.
  r.detail = points(r.points) + " dari " + points(r.maxPoints) + " poin: " +
             (first.value.empty() ? std::string("dokumen ada") : "nilai '" + first.value + "'");
  if (counted.size() > 1) r.detail += " dan " + std::to_string(counted.size() - 1) + " bukti lain";
  if (withoutDataDukung > 0) r.detail += "; " + std::to_string(withoutDataDukung) + " nilai tanpa data dukung tidak dihitung";
  return r;
}

}  // namespace hamhub::scoring

#include "ikm.h"

namespace hamhub::opd {

namespace {

// numerator / denominator × scale, rounded half up (all values are positive).
std::int64_t roundedScaled(std::int64_t numerator, std::int64_t denominator, std::int64_t scale) {
  return (2 * numerator * scale + denominator) / (2 * denominator);
}

}  // namespace

const IkmBand* bandFor(std::int64_t ikmHundredths) {
  for (const auto& band : kIkmBands) {
    if (ikmHundredths >= band.minHundredths) return &band;
  }
  return nullptr;
}

Ikm computeIkm(const ElementTotals& totals) {
  std::int64_t sum = 0;
  Ikm out;
  for (std::size_t i = 0; i < kElements; ++i) {
    sum += totals.numerators[i];
    out.meanHundredths[i] = roundedScaled(totals.numerators[i], totals.denominator, 100);
  }
  const std::int64_t meanOfMeansDenominator = totals.denominator * static_cast<std::int64_t>(kElements);
  out.hundredths = roundedScaled(sum * 25, meanOfMeansDenominator, 100);
  out.indexTenThousandths = roundedScaled(sum, meanOfMeansDenominator, 10000);
  out.band = bandFor(out.hundredths);
  return out;
}

std::int64_t weightedIkmHundredths(const ElementTotals& totals) {
  // Each NRR tertimbang is mean_i × 1/9 = numerator_i / (9 × denominator): one common
  // denominator, so the sum stays exact.
  const std::int64_t weightedDenominator = totals.denominator * static_cast<std::int64_t>(kElements);
  std::int64_t weightedSum = 0;
  for (const std::int64_t numerator : totals.numerators) weightedSum += numerator;
  return roundedScaled(weightedSum * 25, weightedDenominator, 100);
}

}  // namespace hamhub::opd

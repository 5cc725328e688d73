#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "hamhub/criteria.h"

namespace hamhub::scoring {

/// A value read against its indicator's spec: the fraction (0–1) it earns, or why it cannot count.
struct ValueReading {
  std::optional<double> fraction;
  std::optional<double> number;  ///< the number read, for Number/Percentage values (sums)
  std::string problem;           ///< set when `fraction` is empty, in Bahasa Indonesia
};

/// The first number in `text`, as exports write it: "78", "78,5" (decimal comma), "1.234,5",
/// "Tercapai 60%". Empty when there is none.
std::optional<double> firstNumber(std::string_view text);

/// Reads `value` (as harvested) for `spec`. Document values count by presence (fraction 1).
ValueReading readValue(const ValueSpec& spec, std::string_view value);

/// The fraction a number earns under `spec` (bands, else linear between min and max); empty when
/// the number lies outside min–max.
std::optional<double> fractionOfNumber(const ValueSpec& spec, double number);

}  // namespace hamhub::scoring

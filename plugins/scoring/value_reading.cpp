#include "value_reading.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace hamhub::scoring {

namespace {

std::string folded(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) == 0) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string shown(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

}  // namespace

std::optional<double> firstNumber(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) == 0) ++i;
  if (i == text.size()) return std::nullopt;
  const bool negative = i > 0 && text[i - 1] == '-';
  // Indonesian exports write 1.234,5; others 1234.5. With a comma, dots group thousands and the
  // comma is the decimal mark; several dots group thousands; one dot with three digits after it
  // and a non-zero group before it ("1.234") groups thousands too; otherwise it is a decimal point.
  std::size_t j = i;
  while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) != 0 || text[j] == '.' || text[j] == ',')) ++j;
  std::string run(text.substr(i, j - i));
  while (!run.empty() && (run.back() == '.' || run.back() == ',')) run.pop_back();
  const std::size_t dots = static_cast<std::size_t>(std::count(run.begin(), run.end(), '.'));
  const std::size_t comma = run.rfind(',');
  const std::size_t dot = run.find('.');
  const bool dotGroups = comma != std::string::npos || dots > 1 ||
                         (dots == 1 && run.size() - dot - 1 == 3 && dot <= 3 && run[0] != '0');
  std::string digits;
  for (std::size_t k = 0; k < run.size(); ++k) {
    if (run[k] == '.') {
      if (!dotGroups) digits += '.';
    } else if (run[k] == ',') {
      if (k == comma) digits += '.';
    } else {
      digits += run[k];
    }
  }
  if (!digits.empty() && digits.back() == '.') digits.pop_back();
  try {
    const double v = std::stod(digits);
    return negative ? -v : v;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<double> fractionOfNumber(const ValueSpec& spec, double number) {
  if (number < spec.min || number > spec.max) return std::nullopt;
  if (spec.bands.empty()) return (number - spec.min) / (spec.max - spec.min);
  for (std::size_t i = 0; i < spec.bands.size(); ++i) {
    const ValueBand& b = spec.bands[i];
    const bool last = i + 1 == spec.bands.size();
    if (number >= b.min && (number < b.max || (last && number == b.max))) return b.fraction;
  }
  return 0.0;  // between bands: the model gives it nothing
}

ValueReading readValue(const ValueSpec& spec, std::string_view value) {
  ValueReading r;
  switch (spec.kind) {
    case ValueKind::Document:
      r.fraction = 1.0;
      return r;
    case ValueKind::Levels: {
      const std::string key = folded(value);
      for (const auto& [label, fraction] : spec.levels) {
        if (folded(label) == key) {
          r.fraction = fraction;
          return r;
        }
      }
      std::string labels;
      for (const auto& level : spec.levels) labels += (labels.empty() ? "" : ", ") + level.first;
      r.problem = value.empty() ? "nilai kosong (diharapkan " + labels + ")"
                                : "nilai '" + std::string(value) + "' bukan salah satu dari " + labels;
      return r;
    }
    case ValueKind::Number:
    case ValueKind::Percentage: {
      r.number = firstNumber(value);
      if (!r.number) {
        r.problem = value.empty() ? "nilai kosong (diharapkan angka)" : "nilai '" + std::string(value) + "' bukan angka";
        return r;
      }
      r.fraction = fractionOfNumber(spec, *r.number);
      if (!r.fraction) {
        r.problem = "nilai " + shown(*r.number) + " di luar rentang " + shown(spec.min) + "–" + shown(spec.max);
      }
      return r;
    }
  }
  return r;
}

}  // namespace hamhub::scoring

#include "ranham_period.h"

#include <cctype>

#include "location.h"
#include "text.h"

namespace hamhub::ranham {

namespace {

constexpr const char* kExpected = "expected B04, B08 or B12";

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// A 4-digit year standing on its own somewhere in `text`, or nullopt.
std::optional<int> yearIn(std::string_view text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    if ((i > 0 && isDigit(text[i - 1])) || (i + 4 < text.size() && isDigit(text[i + 4]))) continue;
    if (isDigit(text[i]) && isDigit(text[i + 1]) && isDigit(text[i + 2]) && isDigit(text[i + 3])) {
      const int year = std::stoi(std::string(text.substr(i, 4)));
      if (year >= 2000 && year <= 2100) return year;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<Period> parsePeriod(std::string_view text, bool embedded) {
  const std::string_view trimmed = tabular::trim(text);
  const auto notAPeriod = [&] {
    return Status::error(tabular::quote(trimmed) + " is not a RANHAM period; " + kExpected, "invalid-payload");
  };
  // Find "B", optionally "-" or " ", then one or two digits, not inside a word or a number.
  for (std::size_t i = 0; i < trimmed.size(); ++i) {
    const char c = trimmed[i];
    if (c != 'B' && c != 'b') continue;
    if (i > 0 && (isLetter(trimmed[i - 1]) || isDigit(trimmed[i - 1]))) continue;
    std::size_t j = i + 1;
    if (j < trimmed.size() && (trimmed[j] == '-' || trimmed[j] == ' ')) ++j;
    std::size_t start = j;
    while (j < trimmed.size() && isDigit(trimmed[j]) && j - start < 3) ++j;
    const std::size_t digits = j - start;
    if (digits == 0 || digits > 2 || (j < trimmed.size() && (isLetter(trimmed[j]) || isDigit(trimmed[j])))) continue;
    const int month = std::stoi(std::string(trimmed.substr(start, digits)));
    // Outside the label only a year may stand (`2024-B08`), unless the label is embedded in a header.
    std::string rest = std::string(trimmed.substr(0, i)) + " " + std::string(trimmed.substr(j));
    const std::optional<int> year = yearIn(rest);
    if (!embedded) {
      for (char r : rest) {
        if (isDigit(r) || r == ' ' || r == '-' || r == '/') continue;
        return notAPeriod();
      }
      std::string digitsOnly;
      for (char r : rest) {
        if (isDigit(r)) digitsOnly.push_back(r);
      }
      if (!digitsOnly.empty() && (!year || digitsOnly.size() != 4)) return notAPeriod();
    }
    char label[8];
    std::snprintf(label, sizeof label, "B%02d", month);
    if (month != 4 && month != 8 && month != 12) {
      return Status::error(std::string(label) + " is not a RANHAM period; " + kExpected, "invalid-payload");
    }
    return Period{label, year};
  }
  return notAPeriod();
}

}  // namespace hamhub::ranham

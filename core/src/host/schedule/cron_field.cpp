#include "host/schedule/cron_field.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace hamhub::host {

namespace {

Status invalid(const CronField& field, const std::string& what) {
  return Status::error(std::string(field.name) + " " + what, "invalid-config");
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string range(const CronField& field) { return std::to_string(field.min) + "-" + std::to_string(field.max); }

bool allDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool sameLetters(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
         });
}

// A number or a name, checked against the field's range.
Result<int> parseValue(std::string_view text, const CronField& field) {
  if (allDigits(text)) {
    // More than three digits is out of range for every field; no need to convert it.
    const int value = text.size() > 3 ? field.max + 1 : std::stoi(std::string(text));
    if (value < field.min || value > field.max) {
      return invalid(field, std::string(text) + " is out of range " + range(field));
    }
    return value;
  }
  for (int i = 0; i < field.nameCount; ++i) {
    if (sameLetters(text, field.names[static_cast<std::size_t>(i)])) return field.firstName + i;
  }
  if (field.nameCount == 0) return invalid(field, quoted(text) + " is not a number");
  return invalid(field, quoted(text) + " is not a number or a name (" +
                            std::string(field.names[0]) + "-" +
                            std::string(field.names[static_cast<std::size_t>(field.nameCount - 1)]) + ")");
}

// One list item: `*`, `n`, `a-b`, each optionally with `/step`.
Result<std::uint64_t> parseItem(std::string_view item, const CronField& field) {
  const std::size_t slash = item.find('/');
  const std::string_view base = item.substr(0, slash);
  int first = field.min, last = field.max, step = 1;
  if (base.empty()) return invalid(field, quoted(item) + " has nothing before '/'");
  if (base != "*") {
    const std::size_t dash = base.find('-');
    const bool wellFormed = base.find('*') == std::string_view::npos && dash != 0 && dash + 1 != base.size() &&
                            (dash == std::string_view::npos || base.find('-', dash + 1) == std::string_view::npos);
    if (!wellFormed) return invalid(field, quoted(item) + " is not a number, range or step");
    auto a = parseValue(base.substr(0, dash), field);
    if (!a) return a.status();
    first = *a;
    last = slash == std::string_view::npos ? first : field.max;  // `a/s` runs to the field's end
    if (dash != std::string_view::npos) {
      auto b = parseValue(base.substr(dash + 1), field);
      if (!b) return b.status();
      last = *b;
      if (first > last) {
        // Wrapping past the end is a common wish (22-2 for a night window); show how to write it.
        const std::string wrap = field.name == "day-of-week" && last == 0
                                     ? std::to_string(first) + "-7"
                                     : std::to_string(first) + "-" + std::to_string(field.max) + "," +
                                           std::to_string(field.min) + "-" + std::to_string(last);
        return invalid(field, "range " + std::string(base) + " is reversed (to wrap around, write " + wrap + ")");
      }
    }
  }
  if (slash != std::string_view::npos) {
    const std::string_view stepText = item.substr(slash + 1);
    if (stepText.empty()) return invalid(field, quoted(item) + " has no step after '/'");
    if (!allDigits(stepText)) return invalid(field, "step " + quoted(stepText) + " in " + quoted(item) + " is not a number");
    step = stepText.size() > 3 ? field.max + 1 : std::stoi(std::string(stepText));
    if (step == 0) return invalid(field, "step 0 in " + quoted(item) + " must be at least 1");
    // `*/90` cannot mean every 90 minutes; cron would quietly fire hourly instead.
    if (step > field.max - field.min) {
      return invalid(field, "step " + std::string(stepText) + " in " + quoted(item) + " is larger than the range " +
                                range(field));
    }
  }
  std::uint64_t bits = 0;
  for (int v = first; v <= last; v += step) bits |= std::uint64_t{1} << v;
  return bits;
}

}  // namespace

Result<std::uint64_t> parseCronField(std::string_view text, const CronField& field) {
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '*' && c != ',' && c != '-' && c != '/') {
      return invalid(field, quoted(text) + " contains '" + std::string(1, c) +
                                "'; only numbers, names, '*', ',', '-' and '/' are allowed");
    }
  }
  std::uint64_t bits = 0;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    const std::string_view item = text.substr(start, comma == std::string_view::npos ? text.npos : comma - start);
    if (item.empty()) return invalid(field, quoted(text) + " has an empty list item");
    auto itemBits = parseItem(item, field);
    if (!itemBits) return itemBits;
    bits |= *itemBits;
    if (comma == std::string_view::npos) return bits;
    start = comma + 1;
  }
}

}  // namespace hamhub::host

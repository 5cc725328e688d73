#include "dates.h"

#include <array>
#include <optional>

#include "text_util.h"

namespace hamhub::jdih {

namespace {

// Years a legal document can plausibly carry; a typo such as 0201 or 20211 is not a date.
constexpr int kMinYear = 1000;
constexpr int kMaxYear = 2999;

struct MonthName {
  const char* name;
  int month;
};

// Indonesian and English, full and abbreviated, including the spellings sites really use
// (Peb, Agt, Ags, Nop).
constexpr std::array kMonthNames = {
    MonthName{"januari", 1},  MonthName{"january", 1},  MonthName{"jan", 1},       MonthName{"februari", 2},
    MonthName{"february", 2}, MonthName{"pebruari", 2}, MonthName{"feb", 2},       MonthName{"peb", 2},
    MonthName{"maret", 3},    MonthName{"march", 3},    MonthName{"mar", 3},       MonthName{"april", 4},
    MonthName{"apr", 4},      MonthName{"mei", 5},      MonthName{"may", 5},       MonthName{"juni", 6},
    MonthName{"june", 6},     MonthName{"jun", 6},      MonthName{"juli", 7},      MonthName{"july", 7},
    MonthName{"jul", 7},      MonthName{"agustus", 8},  MonthName{"august", 8},    MonthName{"aug", 8},
    MonthName{"agu", 8},      MonthName{"agt", 8},      MonthName{"ags", 8},       MonthName{"september", 9},
    MonthName{"sep", 9},      MonthName{"sept", 9},     MonthName{"oktober", 10},  MonthName{"october", 10},
    MonthName{"okt", 10},     MonthName{"oct", 10},     MonthName{"november", 11}, MonthName{"nopember", 11},
    MonthName{"nov", 11},     MonthName{"nop", 11},     MonthName{"desember", 12}, MonthName{"december", 12},
    MonthName{"des", 12},     MonthName{"dec", 12},
};

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..maxDigits digits at `pos`; advances `pos`.
std::optional<int> readNumber(std::string_view text, std::size_t& pos, std::size_t minDigits,
                              std::size_t maxDigits) {
  int value = 0;
  std::size_t digits = 0;
  while (pos < text.size() && isDigit(text[pos]) && digits < maxDigits) {
    value = value * 10 + (text[pos] - '0');
    ++pos;
    ++digits;
  }
  if (digits < minDigits) return std::nullopt;
  if (pos < text.size() && isDigit(text[pos])) return std::nullopt;  // more digits than allowed
  return value;
}

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeapYear(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

ParsedDate valid(int year, int month, int day) {
  ParsedDate out;
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1 ||
      day > daysInMonth(year, month)) {
    out.state = ParsedDate::State::Invalid;
    return out;
  }
  const auto twoDigits = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  out.state = ParsedDate::State::Valid;
  out.iso = std::to_string(year) + "-" + twoDigits(month) + "-" + twoDigits(day);
  out.year = year;
  return out;
}

ParsedDate invalid() {
  ParsedDate out;
  out.state = ParsedDate::State::Invalid;
  return out;
}

// What may follow a date: nothing, or a time introduced by a space or 'T'.
bool acceptableTail(std::string_view text, std::size_t pos) {
  if (pos == text.size()) return true;
  if (text[pos] != ' ' && text[pos] != 'T' && text[pos] != 't') return false;
  return pos + 1 < text.size() && isDigit(text[pos + 1]);
}

std::optional<int> monthFromName(std::string_view name) {
  const std::string lower = toLowerAscii(name);
  std::string_view key = lower;
  if (!key.empty() && key.back() == '.') key.remove_suffix(1);  // "Agt." "Des."
  for (const auto& entry : kMonthNames) {
    if (key == entry.name) return entry.month;
  }
  return std::nullopt;
}

// "5 Mei 2021", "05 May 2021 10:00:00 +0700" (the weekday already removed).
ParsedDate parseNamedMonth(std::string_view text) {
  std::size_t pos = 0;
  const auto day = readNumber(text, pos, 1, 2);
  if (!day || pos >= text.size() || text[pos] != ' ') return invalid();
  while (pos < text.size() && text[pos] == ' ') ++pos;
  const std::size_t nameStart = pos;
  while (pos < text.size() && text[pos] != ' ') ++pos;
  const auto month = monthFromName(text.substr(nameStart, pos - nameStart));
  if (!month || pos >= text.size()) return invalid();
  while (pos < text.size() && text[pos] == ' ') ++pos;
  const std::size_t yearStart = pos;
  auto year = readNumber(text, pos, 2, 4);
  if (!year) return invalid();
  if (pos - yearStart == 2)
    *year += *year < 50 ? 2000 : 1900;  // RFC 822's two-digit years
  else if (pos - yearStart != 4)
    return invalid();
  if (pos != text.size() && text[pos] != ' ') return invalid();
  return valid(*year, *month, *day);
}

bool isZeroDate(std::string_view text) {
  return text.substr(0, 10) == "0000-00-00" && (text.size() == 10 || text[10] == ' ' || text[10] == 'T');
}

}  // namespace

ParsedDate parseDate(std::string_view rawText) {
  std::string text = collapseSpaces(rawText);
  if (isBlankMarker(text) || isZeroDate(text)) return {};
  std::string_view t = text;

  // RFC 822 puts a weekday first: "Wed, 05 May 2021 …".
  if (const std::size_t comma = t.find(','); comma != std::string_view::npos && comma <= 9) {
    t.remove_prefix(comma + 1);
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  }
  if (t.empty() || !isDigit(t.front())) return invalid();

  std::size_t pos = 0;
  const auto first = readNumber(t, pos, 1, 4);
  if (!first) return invalid();
  const std::size_t firstDigits = pos;

  if (pos == t.size()) {
    if (firstDigits != 4) return invalid();
    ParsedDate out;
    if (*first < kMinYear || *first > kMaxYear) return invalid();
    out.state = ParsedDate::State::Valid;
    out.iso = std::string(t);
    out.year = *first;
    return out;
  }

  const char separator = t[pos];
  if (separator == ' ') return parseNamedMonth(t);
  if (separator != '-' && separator != '/' && separator != '.') return invalid();
  ++pos;
  const auto second = readNumber(t, pos, 1, 2);
  if (!second || pos >= t.size() || t[pos] != separator) return invalid();
  ++pos;

  if (firstDigits == 4) {  // YYYY-MM-DD
    const auto day = readNumber(t, pos, 1, 2);
    if (!day || !acceptableTail(t, pos)) return invalid();
    return valid(*first, *second, *day);
  }
  if (firstDigits <= 2) {  // DD-MM-YYYY
    const std::size_t yearStart = pos;
    const auto year = readNumber(t, pos, 4, 4);
    if (!year || pos - yearStart != 4 || !acceptableTail(t, pos)) return invalid();
    return valid(*year, *second, *first);
  }
  return invalid();
}

}  // namespace hamhub::jdih

#include "dates.h"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "text.h"

namespace hamhub::tabular {

namespace {

std::string isoDate(std::chrono::year_month_day ymd) {
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return out;
}

std::optional<std::string> checkedDate(int y, int m, int d) {
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(static_cast<unsigned>(m)),
                                        std::chrono::day(static_cast<unsigned>(d))};
  if (y < 1900 || y > 9999 || !ymd.ok()) return std::nullopt;
  return isoDate(ymd);
}

// Reads exactly `count` digits at `pos`.
bool digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
  if (pos + count > text.size()) return false;
  out = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

// Reads 1 or 2 digits at `pos`, advancing it.
bool shortNumber(std::string_view text, std::size_t& pos, int& out) {
  int value = 0;
  std::size_t n = 0;
  while (pos < text.size() && n < 2 && text[pos] >= '0' && text[pos] <= '9') {
    value = value * 10 + (text[pos] - '0');
    ++pos;
    ++n;
  }
  out = value;
  return n > 0;
}

std::optional<std::string> timeSuffix(std::string_view rest) {
  // "10:30", "10:30:00", "10:30:00.000", optionally after 'T' or a space; a zone is not kept.
  int h = 0;
  int mi = 0;
  int s = 0;
  std::size_t pos = 0;
  if (!shortNumber(rest, pos, h) || pos >= rest.size() || rest[pos] != ':') return std::nullopt;
  ++pos;
  if (!digits(rest, pos, 2, mi)) return std::nullopt;
  pos += 2;
  if (pos < rest.size() && rest[pos] == ':') {
    if (!digits(rest, pos + 1, 2, s)) return std::nullopt;
    pos += 3;
  }
  if (pos < rest.size() && rest[pos] == '.') {
    ++pos;
    while (pos < rest.size() && rest[pos] >= '0' && rest[pos] <= '9') ++pos;
  }
  const std::string_view zone = rest.substr(pos);
  if (!zone.empty() && zone != "Z" && !(zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':'))
    return std::nullopt;
  if (h > 23 || mi > 59 || s > 59) return std::nullopt;
  char out[32];
  std::snprintf(out, sizeof out, "T%02d:%02d:%02d", h, mi, s);
  return std::string(out);
}

}  // namespace

std::optional<std::string> excelSerialToIso(double serial, DateSystem system, bool withTime) {
  if (!std::isfinite(serial) || serial < 0 || serial > 2958465.99999) return std::nullopt;
  double whole = std::floor(serial);
  // Seconds of the day, rounded to the nearest second (Excel stores 10:30 as 0.4375 exactly,
  // but 10:31 as 0.43819444…).
  auto seconds = static_cast<long>(std::llround((serial - whole) * 86400.0));
  if (seconds >= 86400) {
    seconds -= 86400;
    whole += 1;
  }
  using namespace std::chrono;
  sys_days day;
  const auto n = static_cast<int>(whole);
  if (system == DateSystem::Excel1904) {
    day = sys_days(year(1904) / January / 1) + days(n);
  } else {
    if (n == 0 || n == 60) return std::nullopt;  // 1900-01-00 and 1900-02-29 do not exist
    // Serials after the fictional leap day are one too high.
    day = sys_days(year(1899) / December / 31) + days(n < 60 ? n : n - 1);
  }
  std::string out = isoDate(year_month_day(day));
  if (withTime && seconds > 0) {
    char time[32];
    std::snprintf(time, sizeof time, "T%02d:%02d:%02d", static_cast<int>(seconds / 3600),
                  static_cast<int>((seconds / 60) % 60), static_cast<int>(seconds % 60));
    out += time;
  }
  return out;
}

std::optional<std::string> parseDateText(std::string_view text) {
  text = trim(text);
  int y = 0;
  int m = 0;
  int d = 0;
  std::size_t pos = 0;
  if (digits(text, 0, 4, y) && text.size() >= 8 && (text[4] == '-' || text[4] == '/')) {
    // Year first: 2024-03-15, 2024/03/15.
    const char sep = text[4];
    pos = 5;
    if (!shortNumber(text, pos, m) || pos >= text.size() || text[pos] != sep) return std::nullopt;
    ++pos;
    if (!shortNumber(text, pos, d)) return std::nullopt;
  } else {
    // Day first: 15/03/2024, 15-03-2024, 15.03.2024.
    if (!shortNumber(text, pos, d) || pos >= text.size()) return std::nullopt;
    const char sep = text[pos];
    if (sep != '/' && sep != '-' && sep != '.') return std::nullopt;
    ++pos;
    if (!shortNumber(text, pos, m) || pos >= text.size() || text[pos] != sep) return std::nullopt;
    if (!digits(text, pos + 1, 4, y)) return std::nullopt;
    pos += 5;
  }
  auto date = checkedDate(y, m, d);
  if (!date) return std::nullopt;
  if (pos == text.size()) return date;
  if (text[pos] != 'T' && text[pos] != ' ') return std::nullopt;
  auto time = timeSuffix(trim(text.substr(pos + 1)));
  if (!time) return std::nullopt;
  return *date + (*time == "T00:00:00" ? std::string() : *time);
}

bool isDateFormatCode(std::string_view code) {
  bool quoted = false;
  bool bracket = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      quoted = c != '"';
      continue;
    }
    if (bracket) {
      // [h], [mm], [ss] are elapsed time; [Red], [$-421] and conditions are not dates.
      if (c == ']') bracket = false;
      else if ((c == 'h' || c == 'H' || c == 's' || c == 'S') && i > 0 && code[i - 1] == '[') return true;
      continue;
    }
    switch (c) {
      case '"': quoted = true; break;
      case '[': bracket = true; break;
      case '\\':
      case '_':
      case '*': ++i; break;  // the next character is literal (or padding)
      case ';': return false;  // the first section decides; later ones format negatives and text
      case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y':
      case 'h': case 'H': case 's': case 'S': return true;
      default: break;
    }
  }
  return false;
}

bool isBuiltinDateFormat(int id) {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

}  // namespace hamhub::tabular

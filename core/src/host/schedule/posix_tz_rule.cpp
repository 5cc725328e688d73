#include "host/schedule/posix_tz_rule.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <string>

namespace hamhub::host {

namespace {

using namespace std::chrono;

constexpr std::int64_t kDay = 86400;

// A cursor over the TZ string; every reader leaves `pos` after what it consumed.
struct Reader {
  std::string_view text;
  std::size_t pos = 0;

  bool done() const { return pos >= text.size(); }
  char peek() const { return done() ? '\0' : text[pos]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos;
    return true;
  }
};

Status fail(const Reader& r, const std::string& what) {
  return Status::error("TZ rule '" + std::string(r.text) + "': " + what + " at position " + std::to_string(r.pos + 1),
                       "invalid-config");
}

// A zone abbreviation: three or more letters, or anything alphanumeric with signs in <...>
// (zic writes numeric abbreviations such as <+07> that way).
bool readName(Reader& r) {
  const std::size_t start = r.pos;
  if (r.eat('<')) {
    while (!r.done() && r.peek() != '>') {
      const char c = r.peek();
      if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '+' && c != '-') return false;
      ++r.pos;
    }
    return r.pos - start >= 4 && r.eat('>');
  }
  while (std::isalpha(static_cast<unsigned char>(r.peek())) != 0) ++r.pos;
  return r.pos - start >= 3;
}

std::optional<int> readNumber(Reader& r, int maxDigits) {
  int value = 0, digits = 0;
  while (digits < maxDigits && std::isdigit(static_cast<unsigned char>(r.peek())) != 0) {
    value = value * 10 + (r.peek() - '0');
    ++r.pos;
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  return value;
}

// [+-]h[h[h]][:mm[:ss]] in seconds, sign as written. Offsets allow 24 hours, rule times 167 (RFC 8536).
std::optional<std::int32_t> readClock(Reader& r, int maxHours) {
  const bool negative = r.eat('-');
  if (!negative) r.eat('+');
  const auto h = readNumber(r, 3);
  if (!h || *h > maxHours) return std::nullopt;
  std::int32_t total = *h * 3600;
  for (int unit : {60, 1}) {
    if (!r.eat(':')) break;
    const auto part = readNumber(r, 2);
    if (!part || *part > 59) return std::nullopt;
    total += *part * unit;
  }
  return negative ? -total : total;
}

Result<PosixTzRule::Boundary> readBoundary(Reader& r) {
  using Kind = PosixTzRule::Boundary::Kind;
  PosixTzRule::Boundary b;
  if (r.eat('M')) {
    const auto m = readNumber(r, 2);
    const auto w = r.eat('.') ? readNumber(r, 1) : std::nullopt;
    const auto d = r.eat('.') ? readNumber(r, 1) : std::nullopt;
    if (!m || !w || !d || *m < 1 || *m > 12 || *w < 1 || *w > 5 || *d > 6) {
      return fail(r, "expected a date Mm.w.d (month 1-12, week 1-5, weekday 0-6)");
    }
    b.kind = Kind::MonthWeekDay;
    b.month = *m;
    b.week = *w;
    b.weekday = *d;
  } else if (r.eat('J')) {
    const auto n = readNumber(r, 3);
    if (!n || *n < 1 || *n > 365) return fail(r, "expected a day Jn with n 1-365");
    b.kind = Kind::JulianNoLeap;
    b.day = *n;
  } else {
    const auto n = readNumber(r, 3);
    if (!n || *n > 365) return fail(r, "expected a date (Mm.w.d, Jn or n)");
    b.kind = Kind::ZeroBasedDay;
    b.day = *n;
  }
  if (r.eat('/')) {
    const auto t = readClock(r, 167);
    if (!t) return fail(r, "expected a time of day after '/'");
    b.time = *t;
  }
  return b;
}

std::int64_t dayOf(const PosixTzRule::Boundary& b, int year) {
  using Kind = PosixTzRule::Boundary::Kind;
  const sys_days jan1{std::chrono::year{year} / January / 1};
  switch (b.kind) {
    case Kind::MonthWeekDay: {
      const auto m = month{static_cast<unsigned>(b.month)};
      const auto wd = weekday{static_cast<unsigned>(b.weekday)};
      const sys_days d = b.week == 5 ? sys_days{std::chrono::year{year} / m / wd[last]}
                                     : sys_days{std::chrono::year{year} / m / wd[static_cast<unsigned>(b.week)]};
      return d.time_since_epoch().count();
    }
    case Kind::JulianNoLeap: {
      // Jn never counts February 29, so J60 is March 1 in every year.
      const bool skipLeapDay = std::chrono::year{year}.is_leap() && b.day >= 60;
      return jan1.time_since_epoch().count() + b.day - 1 + (skipLeapDay ? 1 : 0);
    }
    case Kind::ZeroBasedDay:
      return jan1.time_since_epoch().count() + b.day;
  }
  return 0;
}

int yearOf(std::int64_t utc) {
  const std::int64_t days = utc >= 0 ? utc / kDay : -((-utc + kDay - 1) / kDay);
  return static_cast<int>(year_month_day{sys_days{std::chrono::days{days}}}.year());
}

}  // namespace

Result<PosixTzRule> PosixTzRule::parse(std::string_view text) {
  Reader r{text};
  PosixTzRule rule;
  if (!readName(r)) return fail(r, "expected a zone abbreviation");
  const auto standard = readClock(r, 24);
  if (!standard) return fail(r, "expected a UTC offset");
  rule.standard_ = -*standard;  // POSIX counts hours west of Greenwich
  if (r.done()) return rule;

  if (!readName(r)) return fail(r, "expected a daylight-saving abbreviation");
  Daylight daylight;
  daylight.offset = rule.standard_ + 3600;
  if (r.peek() != ',') {
    const auto offset = readClock(r, 24);
    if (!offset) return fail(r, "expected a daylight-saving UTC offset or ','");
    daylight.offset = -*offset;
  }
  // Without rules POSIX leaves the dates to the C library; TZif footers always spell them out.
  if (!r.eat(',')) return fail(r, "expected ',' and the daylight-saving start and end dates");
  auto start = readBoundary(r);
  if (!start) return start.status();
  if (!r.eat(',')) return fail(r, "expected ',' and the daylight-saving end date");
  auto end = readBoundary(r);
  if (!end) return end.status();
  if (!r.done()) return fail(r, "unexpected text");
  daylight.start = *start;
  daylight.end = *end;
  rule.daylight_ = daylight;
  return rule;
}

std::vector<OffsetChange> PosixTzRule::changesInYear(int year) const {
  if (!daylight_) return {};
  // The start time is read on the standard-time clock, the end time on the daylight-saving clock.
  const std::int64_t start = dayOf(daylight_->start, year) * kDay + daylight_->start.time - standard_;
  const std::int64_t end = dayOf(daylight_->end, year) * kDay + daylight_->end.time - daylight_->offset;
  return {{start, daylight_->offset}, {end, standard_}};
}

std::vector<OffsetChange> PosixTzRule::changesBetween(std::int64_t from, std::int64_t to) const {
  std::vector<OffsetChange> all;
  for (int y = yearOf(from) - 1; y <= yearOf(to) + 1; ++y) {
    for (const auto& c : changesInYear(y)) all.push_back(c);
  }
  // Stable, so that where a year's end meets the next year's start (DST all year) the start wins.
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  std::vector<OffsetChange> out;
  for (const auto& c : all) {
    if (c.at > from && c.at <= to) out.push_back(c);
  }
  return out;
}

std::int32_t PosixTzRule::offsetAt(std::int64_t utc) const {
  if (!daylight_) return standard_;
  // The latest change at or before `utc`; the year before always has one, whichever hemisphere.
  std::int32_t offset = standard_;
  for (const auto& c : changesBetween(utc - 2 * 366 * kDay, utc)) offset = c.offset;
  return offset;
}

}  // namespace hamhub::host

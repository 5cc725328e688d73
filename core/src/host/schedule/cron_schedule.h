#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hamhub/status.h"
#include "host/schedule/time_zone.h"
#include "host/util/clock.h"

namespace hamhub::host {

/// A source's harvest schedule: a five-field cron expression read on the hub's local clock.
///
/// Fields: minute (0-59), hour (0-23), day-of-month (1-31), month (1-12 or JAN-DEC), day-of-week
/// (0-7 or SUN-SAT; 0 and 7 are Sunday). Each is a list of `*`, `n`, `a-b`, `*/s`, `a-b/s` or `a/s`
/// (a to the field's end); names are case-insensitive. The macros @yearly (@annually), @monthly,
/// @weekly, @daily (@midnight) and @hourly stand for their usual expansions. Quartz/Jenkins
/// extensions (L, W, #, ?, H, a seconds field) are rejected, not guessed at.
///
/// Days follow Vixie cron: when both day-of-month and day-of-week are restricted, a day matches if
/// either does (`0 0 13 * 5` fires on every 13th and every Friday); otherwise both must. As in Vixie
/// cron, a field counts as unrestricted when it starts with `*`, so `*/2` keeps the AND rule.
///
/// Daylight saving (Indonesia has none, but a hub may run elsewhere): a local firing time the clock
/// skips (spring forward) does not fire that day; a local time the clock shows twice (fall back)
/// fires once, at its first occurrence.
class CronSchedule {
 public:
  /// Parses `text`; errors ("invalid-config") quote the expression and name the field at fault,
  /// e.g. `schedule '61 * * * *': minute 61 is out of range 0-59`.
  static Result<CronSchedule> parse(std::string_view text);

  /// The first firing instant strictly after `after` on `zone`'s clock, to the minute. nullopt when
  /// nothing matches within eight years, which covers every leap day (2096 to 2104 skips 2100) and
  /// means the expression can never fire (e.g. `0 0 30 2 *`).
  std::optional<TimePoint> next(TimePoint after, const TimeZone& zone) const;

  /// The expression as written.
  const std::string& text() const { return text_; }

 private:
  bool dayMatches(int year, unsigned month, unsigned day) const;

  std::string text_;
  std::uint64_t minutes_ = 0;      // bit n: minute n
  std::uint64_t hours_ = 0;        // bit n: hour n
  std::uint64_t daysOfMonth_ = 0;  // bit n: day n, 1-31
  std::uint64_t months_ = 0;       // bit n: month n, 1-12
  std::uint64_t daysOfWeek_ = 0;   // bit n: weekday n, 0 = Sunday
  bool eitherDay_ = false;         // both day fields restricted: Vixie's OR rule
};

}  // namespace hamhub::host

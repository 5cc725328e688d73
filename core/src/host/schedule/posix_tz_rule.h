#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "hamhub/status.h"

namespace hamhub::host {

/// A moment the UTC offset changes: from `at` (seconds since the epoch, UTC) on, `offset` applies.
struct OffsetChange {
  std::int64_t at = 0;
  std::int32_t offset = 0;  // seconds east of UTC
};

/// The POSIX TZ string at the end of a TZif v2+ file (e.g. `CET-1CEST,M3.5.0,M10.5.0/3`): the rule
/// for every instant after the file's last transition, since zic lists transitions only up to the
/// year the rules stop changing.
class PosixTzRule {
 public:
  /// Parses `STD offset [DST [offset] ,start[/time],end[/time]]`, dates as `Mm.w.d`, `Jn` or `n`.
  static Result<PosixTzRule> parse(std::string_view text);

  std::int32_t offsetAt(std::int64_t utc) const;

  /// The changes strictly after `from` and at most `to`, in order.
  std::vector<OffsetChange> changesBetween(std::int64_t from, std::int64_t to) const;

  /// One end of daylight-saving time: a day of the year and a local wall-clock time on it.
  struct Boundary {
    enum class Kind { MonthWeekDay, JulianNoLeap, ZeroBasedDay } kind = Kind::MonthWeekDay;
    int month = 0, week = 0, weekday = 0;  // MonthWeekDay; week 5 means the last
    int day = 0;                           // JulianNoLeap (1-365) or ZeroBasedDay (0-365)
    std::int32_t time = 7200;              // seconds after local midnight; may be negative or past 24h
  };

 private:
  struct Daylight {
    std::int32_t offset = 0;
    Boundary start, end;
  };

  // The year's two changes, DST start first, both as UTC instants.
  std::vector<OffsetChange> changesInYear(int year) const;

  std::int32_t standard_ = 0;
  std::optional<Daylight> daylight_;
};

}  // namespace hamhub::host

#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "hamhub/status.h"

namespace hamhub::host {

/// One of a cron expression's five fields: its name in messages, its range, and for month and
/// day-of-week the three-letter names that stand for `firstName`, `firstName + 1`...
struct CronField {
  std::string_view name;
  int min = 0;
  int max = 0;
  std::array<std::string_view, 12> names{};
  int nameCount = 0;
  int firstName = 0;
};

inline constexpr std::array<CronField, 5> kCronFields = {{
    {"minute", 0, 59, {}, 0, 0},
    {"hour", 0, 23, {}, 0, 0},
    {"day-of-month", 1, 31, {}, 0, 0},
    {"month", 1, 12, {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}, 12, 1},
    {"day-of-week", 0, 7, {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}, 7, 0},
}};

/// The values a field's text selects, as bits (bit n: value n, so day-of-week 7 is bit 7).
/// Messages name the field and quote the part at fault, e.g. `minute 61 is out of range 0-59`.
Result<std::uint64_t> parseCronField(std::string_view text, const CronField& field);

}  // namespace hamhub::host

#include "host/schedule/cron_schedule.h"

#include <array>
#include <bit>
#include <cctype>
#include <chrono>
#include <vector>

#include "host/schedule/cron_field.h"

namespace hamhub::host {

namespace {

using namespace std::chrono;

struct Macro {
  std::string_view name;
  std::string_view expansion;
};

constexpr std::array<Macro, 7> kMacros = {{
    {"@yearly", "0 0 1 1 *"},
    {"@annually", "0 0 1 1 *"},
    {"@monthly", "0 0 1 * *"},
    {"@weekly", "0 0 * * 0"},
    {"@daily", "0 0 * * *"},
    {"@midnight", "0 0 * * *"},
    {"@hourly", "0 * * * *"},
}};

// Eight years reach from just after one February 29 to the next across a skipped century leap day.
constexpr int kSearchYears = 8;

std::vector<std::string_view> splitFields(std::string_view text) {
  std::vector<std::string_view> fields;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) != 0) ++i;
    const std::size_t start = i;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) == 0) ++i;
    if (i > start) fields.push_back(text.substr(start, i - start));
  }
  return fields;
}

bool sameLowercase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != lower[i]) return false;
  }
  return true;
}

// The lowest set bit at or above `from`, or -1.
int nextBit(std::uint64_t bits, int from) {
  if (from >= 64) return -1;
  const std::uint64_t rest = bits >> from << from;
  return rest == 0 ? -1 : std::countr_zero(rest);
}

}  // namespace

Result<CronSchedule> CronSchedule::parse(std::string_view text) {
  const auto fail = [&](const std::string& what) {
    return Status::error("schedule '" + std::string(text) + "': " + what, "invalid-config");
  };
  std::vector<std::string_view> fields = splitFields(text);
  if (!fields.empty() && fields.front().front() == '@') {
    if (fields.size() > 1) return fail("a macro such as " + std::string(fields.front()) + " must stand alone");
    const Macro* macro = nullptr;
    for (const auto& m : kMacros) {
      if (sameLowercase(fields.front(), m.name)) macro = &m;
    }
    if (macro == nullptr) {
      return fail("unknown macro '" + std::string(fields.front()) +
                  "' (expected @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly)");
    }
    fields = splitFields(macro->expansion);
  }
  if (fields.size() != kCronFields.size()) {
    return fail("has " + std::to_string(fields.size()) +
                " fields, expected 5 (minute hour day-of-month month day-of-week) or "
                "@hourly/@daily/@weekly/@monthly/@yearly");
  }
  std::array<std::uint64_t, 5> bits{};
  for (std::size_t i = 0; i < fields.size(); ++i) {
    auto parsed = parseCronField(fields[i], kCronFields[i]);
    if (!parsed) return parsed.status().withContext("schedule '" + std::string(text) + "'");
    bits[i] = *parsed;
  }
  CronSchedule schedule;
  schedule.text_ = std::string(text);
  schedule.minutes_ = bits[0];
  schedule.hours_ = bits[1];
  schedule.daysOfMonth_ = bits[2];
  schedule.months_ = bits[3];
  // Day-of-week 7 is another name for Sunday.
  schedule.daysOfWeek_ = (bits[4] & 0x7F) | ((bits[4] >> 7) & 1);
  schedule.eitherDay_ = fields[2].front() != '*' && fields[4].front() != '*';
  return schedule;
}

bool CronSchedule::dayMatches(int year, unsigned month, unsigned day) const {
  const bool dom = ((daysOfMonth_ >> day) & 1) != 0;
  const unsigned weekday = std::chrono::weekday{sys_days{std::chrono::year{year} / month / day}}.c_encoding();
  const bool dow = ((daysOfWeek_ >> weekday) & 1) != 0;
  return eitherDay_ ? (dom || dow) : (dom && dow);
}

std::optional<TimePoint> CronSchedule::next(TimePoint after, const TimeZone& zone) const {
  // Walk the local calendar from the minute `after` falls in, skipping whole months, days and hours
  // that cannot match; the first match whose instant lies after `after` is the answer.
  const local_seconds start = zone.toLocal(after);
  const local_days startDay = floor<days>(start);
  const year_month_day ymd{startDay};
  const hh_mm_ss timeOfDay{floor<minutes>(start - startDay)};
  int y = static_cast<int>(ymd.year());
  unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
  int h = static_cast<int>(timeOfDay.hours().count()), mi = static_cast<int>(timeOfDay.minutes().count());
  const int lastYear = y + kSearchYears;

  const auto nextDay = [&] {
    ++d;
    h = 0;
    mi = 0;
  };
  while (y <= lastYear) {
    if (((months_ >> m) & 1) == 0 || d > static_cast<unsigned>((std::chrono::year{y} / month{m} / last).day())) {
      d = 1;
      h = 0;
      mi = 0;
      if (++m > 12) {
        m = 1;
        ++y;
      }
      continue;
    }
    if (!dayMatches(y, m, d)) {
      nextDay();
      continue;
    }
    const int hour = nextBit(hours_, h);
    if (hour < 0) {
      nextDay();
      continue;
    }
    if (hour != h) {
      h = hour;
      mi = 0;
    }
    const int minute = nextBit(minutes_, mi);
    if (minute < 0) {
      ++h;
      mi = 0;
      continue;
    }
    mi = minute;
    const local_seconds local = local_days{std::chrono::year{y} / month{m} / day{d}} + hours{h} + minutes{mi};
    // A gap leaves no instant; a repeated time's first instant may already be behind `after`.
    if (auto instant = zone.toUtc(local); instant && *instant > after) return instant;
    ++mi;
  }
  return std::nullopt;
}

}  // namespace hamhub::host

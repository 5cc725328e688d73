#include <gtest/gtest.h>

#include <string>

#include "host/schedule/cron_schedule.h"
#include "host/schedule/time_zone.h"
#include "host/util/clock.h"

// Every expected instant is written out literally and was worked out by hand, then checked with
// GNU date, local to UTC:  date -u -d 'TZ="Asia/Jakarta" 2024-03-11 00:00' +%FT%TZ
//           UTC to local:  TZ=Europe/Berlin date -d 2024-10-27T00:30:00Z +'%F %T %Z'
// and weekdays with `date -d 2024-03-01 +%a` (March 2024 starts on a Friday).
// The usual `after` below, 2024-03-10T12:00:00Z, is Sunday 2024-03-10 19:00 in Jakarta (WIB, +7).

namespace hamhub::host {
namespace {

class CronTest : public ::testing::Test {
 protected:
  static TimeZone zone(const char* name) {
    auto z = TimeZone::load(name);
    EXPECT_TRUE(z.isOk()) << z.status().message();
    return z.isOk() ? *z : *TimeZone::load("UTC");
  }

  // The next firing of `expression` after `after`, as ISO text, "never", or the parse error.
  std::string next(const char* expression, const char* after, const char* zoneName = "Asia/Jakarta") {
    auto schedule = CronSchedule::parse(expression);
    if (!schedule) return schedule.status().message();
    const auto t = parseUtc(after);
    EXPECT_TRUE(t.has_value()) << after;
    const auto fired = schedule->next(t.value_or(TimePoint{}), zone(zoneName));
    return fired ? formatUtc(*fired) : "never";
  }

  static std::string error(const char* expression) {
    auto schedule = CronSchedule::parse(expression);
    EXPECT_FALSE(schedule.isOk()) << expression;
    if (schedule.isOk()) return "parsed";
    EXPECT_EQ(schedule.status().reason(), "invalid-config");
    return schedule.status().message();
  }
};

TEST_F(CronTest, jakartaMidnightIsFiveInTheAfternoonUtcTheDayBefore) {
  EXPECT_EQ(next("0 0 * * *", "2024-03-10T12:00:00Z"), "2024-03-10T17:00:00Z");
  EXPECT_EQ(next("0 2 * * *", "2024-03-10T12:00:00Z"), "2024-03-10T19:00:00Z");
}

TEST_F(CronTest, otherIndonesianZonesUseTheirOwnClock) {
  // Sunday 20:00 WITA (+8) → Monday 08:30 WITA; Sunday 21:00 WIT (+9) → Monday 06:00 WIT.
  EXPECT_EQ(next("30 8 * * 1-5", "2024-03-10T12:00:00Z", "Asia/Makassar"), "2024-03-11T00:30:00Z");
  EXPECT_EQ(next("0 6 * * *", "2024-03-10T12:00:00Z", "Asia/Jayapura"), "2024-03-10T21:00:00Z");
  EXPECT_EQ(next("0 0 * * *", "2024-03-10T12:00:00Z", "+07:00"), "2024-03-10T17:00:00Z");
  EXPECT_EQ(next("0 0 * * *", "2024-03-10T12:00:00Z", "UTC"), "2024-03-11T00:00:00Z");
}

TEST_F(CronTest, nextIsStrictlyAfterAndDropsSeconds) {
  EXPECT_EQ(next("@daily", "2024-03-10T17:00:00Z"), "2024-03-11T17:00:00Z");  // exactly a firing time
  EXPECT_EQ(next("@daily", "2024-03-10T16:59:59Z"), "2024-03-10T17:00:00Z");
  EXPECT_EQ(next("* * * * *", "2024-03-10T17:00:30Z"), "2024-03-10T17:01:00Z");
  EXPECT_EQ(next("* * * * *", "2024-03-10T17:00:00Z"), "2024-03-10T17:01:00Z");
  auto everyMinute = CronSchedule::parse("* * * * *");
  ASSERT_TRUE(everyMinute.isOk());
  const TimePoint justBefore = *parseUtc("2024-03-10T16:59:59Z") + std::chrono::milliseconds(999);
  EXPECT_EQ(formatUtc(everyMinute->next(justBefore, zone("Asia/Jakarta")).value_or(TimePoint{})),
            "2024-03-10T17:00:00Z");
}

TEST_F(CronTest, stepsRangesAndListsCombine) {
  // Every 15 minutes in office hours: Sunday evening → Monday 09:00, then 09:15.
  EXPECT_EQ(next("*/15 9-17 * * MON-FRI", "2024-03-10T12:00:00Z"), "2024-03-11T02:00:00Z");
  EXPECT_EQ(next("*/15 9-17 * * MON-FRI", "2024-03-11T02:00:00Z"), "2024-03-11T02:15:00Z");
  // Friday 17:45 is the week's last slot; then Monday 2024-03-18 09:00.
  EXPECT_EQ(next("*/15 9-17 * * MON-FRI", "2024-03-15T10:45:00Z"), "2024-03-18T02:00:00Z");
  // Hours 8, 12, 15, 18.
  EXPECT_EQ(next("0 8,12-18/3 * * *", "2024-03-10T12:00:00Z"), "2024-03-11T01:00:00Z");
  EXPECT_EQ(next("0 8,12-18/3 * * *", "2024-03-11T01:00:00Z"), "2024-03-11T05:00:00Z");
  EXPECT_EQ(next("0 8,12-18/3 * * *", "2024-03-11T05:00:00Z"), "2024-03-11T08:00:00Z");
  EXPECT_EQ(next("0 8,12-18/3 * * *", "2024-03-11T08:00:00Z"), "2024-03-11T11:00:00Z");
  // `a/n` runs from a to the field's end: minutes 5, 25, 45.
  EXPECT_EQ(next("5/20 * * * *", "2024-03-10T12:00:00Z"), "2024-03-10T12:05:00Z");
  EXPECT_EQ(next("5/20 * * * *", "2024-03-10T12:45:00Z"), "2024-03-10T13:05:00Z");
}

TEST_F(CronTest, monthAndDayNamesAreCaseInsensitiveAndSevenIsSunday) {
  EXPECT_EQ(next("0 0 1 jan,JUL *", "2024-03-10T12:00:00Z"), "2024-06-30T17:00:00Z");
  EXPECT_EQ(next("0 12 * * sat,SUN", "2024-03-10T12:00:00Z"), "2024-03-16T05:00:00Z");
  EXPECT_EQ(next("0 12 * * 7", "2024-03-10T12:00:00Z"), "2024-03-17T05:00:00Z");
  EXPECT_EQ(next("0 12 * * 0", "2024-03-10T12:00:00Z"), "2024-03-17T05:00:00Z");
  EXPECT_EQ(next("0 12 * * Fri-7", "2024-03-10T12:00:00Z"), "2024-03-15T05:00:00Z");
}

TEST_F(CronTest, restrictedDayOfMonthAndDayOfWeekMatchEither) {
  // The 13th (Wednesday) or any Friday: 13th first, then Friday the 15th.
  EXPECT_EQ(next("0 0 13 * FRI", "2024-03-10T12:00:00Z"), "2024-03-12T17:00:00Z");
  EXPECT_EQ(next("0 0 13 * FRI", "2024-03-12T17:00:00Z"), "2024-03-14T17:00:00Z");
  // A field starting with '*' counts as unrestricted (Vixie): odd days AND Fridays → the 15th,
  // not Monday the 11th.
  EXPECT_EQ(next("0 0 */2 * FRI", "2024-03-10T12:00:00Z"), "2024-03-14T17:00:00Z");
  // Only day-of-month restricted: the 13th of every month, whatever its weekday.
  EXPECT_EQ(next("0 0 13 * *", "2024-03-13T00:00:00Z"), "2024-04-12T17:00:00Z");
}

TEST_F(CronTest, theThirtyFirstSkipsShorterMonths) {
  EXPECT_EQ(next("0 0 31 * *", "2024-04-01T00:00:00Z"), "2024-05-30T17:00:00Z");
  EXPECT_EQ(next("0 0 31 * *", "2024-05-30T17:00:00Z"), "2024-07-30T17:00:00Z");
  EXPECT_EQ(next("0 0 31 * *", "2024-07-30T17:00:00Z"), "2024-08-30T17:00:00Z");
  EXPECT_EQ(next("0 0 31 * *", "2024-08-30T17:00:00Z"), "2024-10-30T17:00:00Z");
  EXPECT_EQ(next("0 0 L * *", "2024-04-01T00:00:00Z"), "schedule '0 0 L * *': day-of-month 'L' is not a number");
}

TEST_F(CronTest, leapDaysFollowTheGregorianRules) {
  EXPECT_EQ(next("0 0 29 2 *", "2024-02-28T16:59:00Z"), "2024-02-28T17:00:00Z");
  EXPECT_EQ(next("0 0 29 2 *", "2024-02-28T17:00:00Z"), "2028-02-28T17:00:00Z");
  EXPECT_EQ(next("0 0 29 2 *", "2024-03-01T00:00:00Z"), "2028-02-28T17:00:00Z");
  // 2100 is not a leap year (divisible by 100, not by 400): eight years from 2096 to 2104.
  EXPECT_EQ(next("0 0 29 2 *", "2096-02-28T17:00:00Z"), "2104-02-28T17:00:00Z");
  // With a day of the week too, February's Mondays also fire: Thursday 2024-02-01 → Monday the
  // 5th; Monday the 26th → Thursday the 29th; after February, Monday 2025-02-03.
  EXPECT_EQ(next("0 0 29 2 1", "2024-02-01T00:00:00Z"), "2024-02-04T17:00:00Z");
  EXPECT_EQ(next("0 0 29 2 1", "2024-02-25T17:00:00Z"), "2024-02-28T17:00:00Z");
  EXPECT_EQ(next("0 0 29 2 1", "2024-03-01T00:00:00Z"), "2025-02-02T17:00:00Z");
}

TEST_F(CronTest, theYearRollsOverAtMidnightLocal) {
  EXPECT_EQ(next("59 23 31 12 *", "2024-06-01T00:00:00Z"), "2024-12-31T16:59:00Z");
  EXPECT_EQ(next("0 0 1 1 *", "2024-12-31T16:59:00Z"), "2024-12-31T17:00:00Z");
  EXPECT_EQ(next("* * * * *", "2024-12-31T16:59:00Z"), "2024-12-31T17:00:00Z");
  EXPECT_EQ(next("0 0 1 1 *", "2024-12-31T17:00:00Z"), "2025-12-31T17:00:00Z");
}

TEST_F(CronTest, macrosExpandToTheirUsualSchedules) {
  EXPECT_EQ(next("@yearly", "2024-03-10T12:00:00Z"), "2024-12-31T17:00:00Z");
  EXPECT_EQ(next("@annually", "2024-03-10T12:00:00Z"), "2024-12-31T17:00:00Z");
  EXPECT_EQ(next("@monthly", "2024-03-10T12:00:00Z"), "2024-03-31T17:00:00Z");
  EXPECT_EQ(next("@weekly", "2024-03-10T12:00:00Z"), "2024-03-16T17:00:00Z");
  EXPECT_EQ(next("@daily", "2024-03-10T12:00:00Z"), "2024-03-10T17:00:00Z");
  EXPECT_EQ(next("@midnight", "2024-03-10T12:00:00Z"), "2024-03-10T17:00:00Z");
  EXPECT_EQ(next("@hourly", "2024-03-10T12:00:00Z"), "2024-03-10T13:00:00Z");
  EXPECT_EQ(next("@DAILY", "2024-03-10T12:00:00Z"), "2024-03-10T17:00:00Z");
}

TEST_F(CronTest, impossibleDatesNeverFire) {
  EXPECT_EQ(next("0 0 30 2 *", "2024-01-01T00:00:00Z"), "never");
  EXPECT_EQ(next("0 0 31 2 *", "2024-01-01T00:00:00Z"), "never");
  EXPECT_EQ(next("0 0 31 4,6,9,11 *", "2024-01-01T00:00:00Z"), "never");
}

TEST_F(CronTest, aSkippedLocalTimeDoesNotFireThatDay) {
  // Europe/Berlin 2024-03-31: 02:00 CET → 03:00 CEST; 02:30 does not exist that day.
  EXPECT_EQ(next("30 2 * * *", "2024-03-30T12:00:00Z", "Europe/Berlin"), "2024-04-01T00:30:00Z");
  // Hourly from 01:30 CET: 02:00 is skipped, 03:00 CEST is 01:00Z.
  EXPECT_EQ(next("0 * * * *", "2024-03-31T00:30:00Z", "Europe/Berlin"), "2024-03-31T01:00:00Z");
  // America/New_York 2024-03-10: 02:00 EST → 03:00 EDT.
  EXPECT_EQ(next("30 2 * * *", "2024-03-09T12:00:00Z", "America/New_York"), "2024-03-11T06:30:00Z");
}

TEST_F(CronTest, aRepeatedLocalTimeFiresOnceAtItsFirstOccurrence) {
  // Europe/Berlin 2024-10-27: 03:00 CEST → 02:00 CET; 02:30 is shown at 00:30Z and at 01:30Z.
  EXPECT_EQ(next("30 2 * * *", "2024-10-26T12:00:00Z", "Europe/Berlin"), "2024-10-27T00:30:00Z");
  EXPECT_EQ(next("30 2 * * *", "2024-10-27T00:30:00Z", "Europe/Berlin"), "2024-10-28T01:30:00Z");
  // At 02:45 CEST the repeated 02:00 and 02:30 CET have fired already; next is 03:00 CET.
  EXPECT_EQ(next("*/30 * * * *", "2024-10-27T00:45:00Z", "Europe/Berlin"), "2024-10-27T02:00:00Z");
  EXPECT_EQ(next("0 * * * *", "2024-10-27T00:00:00Z", "Europe/Berlin"), "2024-10-27T02:00:00Z");
  // America/New_York 2024-11-03: 01:30 is EDT (05:30Z) and then EST (06:30Z).
  EXPECT_EQ(next("30 1 * * *", "2024-11-02T12:00:00Z", "America/New_York"), "2024-11-03T05:30:00Z");
  EXPECT_EQ(next("30 1 * * *", "2024-11-03T05:30:00Z", "America/New_York"), "2024-11-04T06:30:00Z");
}

TEST_F(CronTest, keepsTheTextAsWrittenAndAcceptsAnyWhitespace) {
  auto schedule = CronSchedule::parse("0\t2  * * *");
  ASSERT_TRUE(schedule.isOk()) << schedule.status().message();
  EXPECT_EQ(schedule->text(), "0\t2  * * *");
  EXPECT_EQ(next(" 0 2 * * * ", "2024-03-10T12:00:00Z"), "2024-03-10T19:00:00Z");
}

TEST_F(CronTest, fieldCountErrorsSayWhatIsExpected) {
  EXPECT_EQ(error("* * * *"),
            "schedule '* * * *': has 4 fields, expected 5 (minute hour day-of-month month day-of-week) or "
            "@hourly/@daily/@weekly/@monthly/@yearly");
  EXPECT_EQ(error("0 0 0 * * *"),
            "schedule '0 0 0 * * *': has 6 fields, expected 5 (minute hour day-of-month month day-of-week) or "
            "@hourly/@daily/@weekly/@monthly/@yearly");
  EXPECT_EQ(error(""),
            "schedule '': has 0 fields, expected 5 (minute hour day-of-month month day-of-week) or "
            "@hourly/@daily/@weekly/@monthly/@yearly");
  EXPECT_EQ(error("@fortnightly"),
            "schedule '@fortnightly': unknown macro '@fortnightly' (expected @yearly, @annually, @monthly, @weekly, "
            "@daily, @midnight or @hourly)");
  EXPECT_EQ(error("@reboot"),
            "schedule '@reboot': unknown macro '@reboot' (expected @yearly, @annually, @monthly, @weekly, @daily, "
            "@midnight or @hourly)");
  EXPECT_EQ(error("@daily 5"), "schedule '@daily 5': a macro such as @daily must stand alone");
}

TEST_F(CronTest, outOfRangeValuesNameTheField) {
  EXPECT_EQ(error("61 * * * *"), "schedule '61 * * * *': minute 61 is out of range 0-59");
  EXPECT_EQ(error("0 24 * * *"), "schedule '0 24 * * *': hour 24 is out of range 0-23");
  EXPECT_EQ(error("0 0 0 * *"), "schedule '0 0 0 * *': day-of-month 0 is out of range 1-31");
  EXPECT_EQ(error("0 0 32 * *"), "schedule '0 0 32 * *': day-of-month 32 is out of range 1-31");
  EXPECT_EQ(error("0 0 * 13 *"), "schedule '0 0 * 13 *': month 13 is out of range 1-12");
  EXPECT_EQ(error("0 0 * 0 *"), "schedule '0 0 * 0 *': month 0 is out of range 1-12");
  EXPECT_EQ(error("0 0 * * 8"), "schedule '0 0 * * 8': day-of-week 8 is out of range 0-7");
  EXPECT_EQ(error("0 5-25 * * *"), "schedule '0 5-25 * * *': hour 25 is out of range 0-23");
  EXPECT_EQ(error("99999999999 * * * *"), "schedule '99999999999 * * * *': minute 99999999999 is out of range 0-59");
}

TEST_F(CronTest, badStepsAndRangesAreExplained) {
  EXPECT_EQ(error("*/0 * * * *"), "schedule '*/0 * * * *': minute step 0 in '*/0' must be at least 1");
  EXPECT_EQ(error("*/90 * * * *"), "schedule '*/90 * * * *': minute step 90 in '*/90' is larger than the range 0-59");
  EXPECT_EQ(error("*/x * * * *"), "schedule '*/x * * * *': minute step 'x' in '*/x' is not a number");
  EXPECT_EQ(error("1/2/3 * * * *"), "schedule '1/2/3 * * * *': minute step '2/3' in '1/2/3' is not a number");
  EXPECT_EQ(error("*/ * * * *"), "schedule '*/ * * * *': minute '*/' has no step after '/'");
  EXPECT_EQ(error("/5 * * * *"), "schedule '/5 * * * *': minute '/5' has nothing before '/'");
  EXPECT_EQ(error("0 22-2 * * *"),
            "schedule '0 22-2 * * *': hour range 22-2 is reversed (to wrap around, write 22-23,0-2)");
  EXPECT_EQ(error("0 0 * * SAT-SUN"),
            "schedule '0 0 * * SAT-SUN': day-of-week range SAT-SUN is reversed (to wrap around, write 6-7)");
  EXPECT_EQ(error("0 0 * NOV-FEB *"),
            "schedule '0 0 * NOV-FEB *': month range NOV-FEB is reversed (to wrap around, write 11-12,1-2)");
  EXPECT_EQ(error("1-2-3 * * * *"), "schedule '1-2-3 * * * *': minute '1-2-3' is not a number, range or step");
  EXPECT_EQ(error("*-5 * * * *"), "schedule '*-5 * * * *': minute '*-5' is not a number, range or step");
  EXPECT_EQ(error("5- * * * *"), "schedule '5- * * * *': minute '5-' is not a number, range or step");
  EXPECT_EQ(error("0 0 * * -1"), "schedule '0 0 * * -1': day-of-week '-1' is not a number, range or step");
  EXPECT_EQ(error("1,,2 * * * *"), "schedule '1,,2 * * * *': minute '1,,2' has an empty list item");
  EXPECT_EQ(error("1, * * * *"), "schedule '1, * * * *': minute '1,' has an empty list item");
}

TEST_F(CronTest, unknownNamesAndExtensionsAreRejected) {
  EXPECT_EQ(error("0 0 * JANU *"), "schedule '0 0 * JANU *': month 'JANU' is not a number or a name (JAN-DEC)");
  EXPECT_EQ(error("0 0 * * MONDAY"),
            "schedule '0 0 * * MONDAY': day-of-week 'MONDAY' is not a number or a name (SUN-SAT)");
  EXPECT_EQ(error("0 0 * MON *"), "schedule '0 0 * MON *': month 'MON' is not a number or a name (JAN-DEC)");
  EXPECT_EQ(error("0 noon * * *"), "schedule '0 noon * * *': hour 'noon' is not a number");
  EXPECT_EQ(error("0 0 15W * *"), "schedule '0 0 15W * *': day-of-month '15W' is not a number");
  EXPECT_EQ(error("0 0 * * 5L"), "schedule '0 0 * * 5L': day-of-week '5L' is not a number or a name (SUN-SAT)");
  EXPECT_EQ(error("0 0 * * 5#3"),
            "schedule '0 0 * * 5#3': day-of-week '5#3' contains '#'; only numbers, names, '*', ',', '-' and '/' "
            "are allowed");
  EXPECT_EQ(error("0 0 ? * MON"),
            "schedule '0 0 ? * MON': day-of-month '?' contains '?'; only numbers, names, '*', ',', '-' and '/' "
            "are allowed");
  EXPECT_EQ(error("H 0 * * *"), "schedule 'H 0 * * *': minute 'H' is not a number");
}

}  // namespace
}  // namespace hamhub::host

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include "host/schedule/time_zone.h"
#include "host/util/clock.h"

// Expected offsets and instants are written out literally. They come from the system's own tools:
//   zdump -v Asia/Jakarta                                     (historical transitions)
//   TZ=Europe/Berlin date -d 2090-03-26T01:00:00Z +'%F %T %z'  (UTC -> local)
//   date -u -d 'TZ="Asia/Jakarta" 2024-03-11 00:00' +%FT%TZ   (local -> UTC)
// or, for the hand-made TZif files below, by hand from the bytes the test writes.

namespace hamhub::host {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

TimePoint utc(const char* text) {
  auto t = parseUtc(text);
  EXPECT_TRUE(t.has_value()) << text;
  return t.value_or(TimePoint{});
}

std::chrono::local_seconds local(const char* text) {
  return std::chrono::local_seconds(utc(text).time_since_epoch() / seconds(1) * seconds(1));
}

std::string show(const std::optional<TimePoint>& t) { return t ? formatUtc(*t) : "none"; }

// A minimal TZif file: `types` are UTC offsets, `transitions` (time, type index) pairs. Version
// '\0' writes only the 32-bit block; later versions add the 64-bit block and the footer.
std::string tzif(char version, const std::vector<std::pair<std::int64_t, unsigned char>>& transitions,
                 const std::vector<std::int32_t>& types, const std::string& footer) {
  const auto put = [](std::string& out, std::uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
  };
  const auto block = [&](std::string& out, int timeSize) {
    out += "TZif";
    out += version;
    out += std::string(15, '\0');
    for (std::uint64_t count : {std::size_t{0}, std::size_t{0}, std::size_t{0}, transitions.size(), types.size(),
                                std::size_t{1}}) {
      put(out, count, 4);
    }
    for (const auto& [at, type] : transitions) put(out, static_cast<std::uint64_t>(at), timeSize);
    for (const auto& [at, type] : transitions) out += static_cast<char>(type);
    for (std::int32_t offset : types) {
      put(out, static_cast<std::uint32_t>(offset), 4);
      out += std::string(2, '\0');  // isdst, abbreviation index
    }
    out += '\0';  // the abbreviations: one empty string
  };
  std::string out;
  block(out, 4);
  if (version != '\0') {
    block(out, 8);
    out += "\n" + footer + "\n";
  }
  return out;
}

TimeZone load(const char* name) {
  auto zone = TimeZone::load(name);
  EXPECT_TRUE(zone.isOk()) << zone.status().message();
  return zone.isOk() ? *zone : *TimeZone::load("UTC");
}

std::string loadError(const char* name) {
  auto zone = TimeZone::load(name);
  EXPECT_FALSE(zone.isOk()) << name;
  EXPECT_EQ(zone.status().reason(), zone.isOk() ? "" : "invalid-config");
  return zone.status().message();
}

class TimeZoneTest : public ::testing::Test {};

TEST_F(TimeZoneTest, indonesianZonesHaveTheirFixedOffsetsToday) {
  EXPECT_EQ(load("Asia/Jakarta").offsetAt(utc("2024-06-01T00:00:00Z")), hours(7));
  EXPECT_EQ(load("Asia/Makassar").offsetAt(utc("2024-06-01T00:00:00Z")), hours(8));
  EXPECT_EQ(load("Asia/Jayapura").offsetAt(utc("2024-06-01T00:00:00Z")), hours(9));
  EXPECT_EQ(load("Asia/Jakarta").name(), "Asia/Jakarta");
}

TEST_F(TimeZoneTest, jakartaMidnightIsFiveInTheAfternoonUtcTheDayBefore) {
  const TimeZone jakarta = load("Asia/Jakarta");
  // date -u -d 'TZ="Asia/Jakarta" 2024-03-11 00:00' → 2024-03-10T17:00:00Z
  EXPECT_EQ(show(jakarta.toUtc(local("2024-03-11T00:00:00"))), "2024-03-10T17:00:00Z");
  EXPECT_EQ(jakarta.toLocal(utc("2024-03-10T17:00:00Z")), local("2024-03-11T00:00:00"));
}

TEST_F(TimeZoneTest, historicalOffsetsComeFromTheZoneFile) {
  const TimeZone jakarta = load("Asia/Jakarta");
  // zdump -v Asia/Jakarta: LMT/BMT +07:07:12 until 1924, +07:20, +07:30 from 1932-11-01, +09 in
  // 1942-45, +08 from 1948-05-01 to 1950-04-30, +07:30 again until 1963-12-31T16:30Z, then WIB.
  EXPECT_EQ(jakarta.offsetAt(utc("1850-01-01T00:00:00Z")), seconds(25632));
  EXPECT_EQ(jakarta.offsetAt(utc("1930-01-01T00:00:00Z")), hours(7) + minutes(20));
  EXPECT_EQ(jakarta.offsetAt(utc("1943-01-01T00:00:00Z")), hours(9));
  EXPECT_EQ(jakarta.offsetAt(utc("1949-01-01T00:00:00Z")), hours(8));
  EXPECT_EQ(jakarta.offsetAt(utc("1963-12-31T16:29:59Z")), hours(7) + minutes(30));
  EXPECT_EQ(jakarta.offsetAt(utc("1963-12-31T16:30:00Z")), hours(7));
  // zdump -v Asia/Jayapura: +09:30 from 1944-09-01 until 1963-12-31T14:30Z.
  EXPECT_EQ(load("Asia/Jayapura").offsetAt(utc("1950-01-01T00:00:00Z")), hours(9) + minutes(30));
}

TEST_F(TimeZoneTest, localTimesJakartaSkippedOrRepeatedAreHandled) {
  const TimeZone jakarta = load("Asia/Jakarta");
  // 1942-03-22T16:30Z: 23:59:59 +07:30 jumped to 01:30 +09, so 1942-03-23 00:45 never happened.
  EXPECT_EQ(jakarta.toUtc(local("1942-03-23T00:45:00")), std::nullopt);
  // 1963-12-31T16:30Z: 23:59:59 +07:30 fell back to 23:30 +07, so 23:45 happened twice; the first
  // time was at +07:30, i.e. 16:15Z.
  EXPECT_EQ(show(jakarta.toUtc(local("1963-12-31T23:45:00"))), "1963-12-31T16:15:00Z");
}

TEST_F(TimeZoneTest, farFutureOffsetsFollowTheFooterRule) {
  const TimeZone berlin = load("Europe/Berlin");
  // TZ=Europe/Berlin date -d <instant> +%z; the zone file lists transitions only up to 2037.
  EXPECT_EQ(berlin.offsetAt(utc("2090-01-15T12:00:00Z")), hours(1));
  EXPECT_EQ(berlin.offsetAt(utc("2090-07-01T12:00:00Z")), hours(2));
  EXPECT_EQ(berlin.offsetAt(utc("2090-03-26T00:59:59Z")), hours(1));
  EXPECT_EQ(berlin.offsetAt(utc("2090-03-26T01:00:00Z")), hours(2));
  EXPECT_EQ(berlin.offsetAt(utc("2090-10-29T00:59:59Z")), hours(2));
  EXPECT_EQ(berlin.offsetAt(utc("2090-10-29T01:00:00Z")), hours(1));
  const TimeZone newYork = load("America/New_York");
  EXPECT_EQ(newYork.offsetAt(utc("2090-07-01T12:00:00Z")), hours(-4));
  EXPECT_EQ(newYork.offsetAt(utc("2090-12-01T12:00:00Z")), hours(-5));
  // Southern hemisphere: AEST-10AEDT,M10.1.0,M4.1.0/3 has summer time across the new year.
  const TimeZone sydney = load("Australia/Sydney");
  EXPECT_EQ(sydney.offsetAt(utc("2090-01-15T12:00:00Z")), hours(11));
  EXPECT_EQ(sydney.offsetAt(utc("2090-07-01T12:00:00Z")), hours(10));
}

TEST_F(TimeZoneTest, springForwardGapHasNoInstantAndFallBackGivesTheFirst) {
  const TimeZone berlin = load("Europe/Berlin");
  // TZ=Europe/Berlin date -d 2024-03-31T01:00:00Z → 03:00:00 CEST (01:59:59 CET a second before).
  EXPECT_EQ(berlin.toUtc(local("2024-03-31T02:30:00")), std::nullopt);
  EXPECT_EQ(show(berlin.toUtc(local("2024-03-31T03:00:00"))), "2024-03-31T01:00:00Z");
  // 2024-10-27 02:30 is shown at 00:30Z (CEST) and at 01:30Z (CET); the first counts.
  EXPECT_EQ(show(berlin.toUtc(local("2024-10-27T02:30:00"))), "2024-10-27T00:30:00Z");
  EXPECT_EQ(show(berlin.toUtc(local("2024-10-27T03:00:00"))), "2024-10-27T02:00:00Z");
  const TimeZone newYork = load("America/New_York");
  EXPECT_EQ(newYork.toUtc(local("2024-03-10T02:30:00")), std::nullopt);
  EXPECT_EQ(show(newYork.toUtc(local("2024-11-03T01:30:00"))), "2024-11-03T05:30:00Z");
  // The same in 2090, from the footer rule (TZ=Europe/Berlin date as above).
  EXPECT_EQ(berlin.toUtc(local("2090-03-26T02:30:00")), std::nullopt);
  EXPECT_EQ(show(berlin.toUtc(local("2090-10-29T02:30:00"))), "2090-10-29T00:30:00Z");
}

TEST_F(TimeZoneTest, utcAndFixedOffsetsNeedNoZoneFile) {
  EXPECT_EQ(load("UTC").offsetAt(utc("2024-06-01T00:00:00Z")), seconds(0));
  EXPECT_EQ(load("Etc/UTC").name(), "Etc/UTC");
  const TimeZone plus7 = load("+07:00");
  EXPECT_EQ(plus7.name(), "+07:00");
  EXPECT_EQ(plus7.offsetAt(utc("1900-01-01T00:00:00Z")), hours(7));
  EXPECT_EQ(show(plus7.toUtc(local("2024-03-11T00:00:00"))), "2024-03-10T17:00:00Z");
  const TimeZone minus330 = load("-03:30");
  EXPECT_EQ(minus330.offsetAt(utc("2024-06-01T00:00:00Z")), -(hours(3) + minutes(30)));
  EXPECT_EQ(show(minus330.toUtc(local("2024-03-10T20:30:00"))), "2024-03-11T00:00:00Z");
  EXPECT_EQ(load("+18:00").offsetAt(utc("2024-06-01T00:00:00Z")), hours(18));
}

TEST_F(TimeZoneTest, copiesShareTheZone) {
  const TimeZone a = load("Asia/Makassar");
  const TimeZone b = a;  // NOLINT(performance-unnecessary-copy-initialization): the copy is the point
  EXPECT_EQ(&a.name(), &b.name());
  EXPECT_EQ(b.offsetAt(utc("2024-06-01T00:00:00Z")), hours(8));
}

TEST_F(TimeZoneTest, badNamesAreRefusedWithTheReason) {
  EXPECT_EQ(loadError("Asia/Jakata"),
            "time zone 'Asia/Jakata': not found in /usr/share/zoneinfo (e.g. Asia/Jakarta, Asia/Makassar, "
            "Asia/Jayapura, UTC or a fixed offset like +07:00)");
  EXPECT_EQ(loadError("../../../etc/passwd"),
            "time zone '../../../etc/passwd': must be an IANA name such as Asia/Jakarta (a leading '/' and '..' "
            "are not allowed)");
  EXPECT_EQ(loadError("Asia/../../../etc/passwd"),
            "time zone 'Asia/../../../etc/passwd': must be an IANA name such as Asia/Jakarta (a leading '/' and "
            "'..' are not allowed)");
  EXPECT_EQ(loadError("/usr/share/zoneinfo/Asia/Jakarta"),
            "time zone '/usr/share/zoneinfo/Asia/Jakarta': must be an IANA name such as Asia/Jakarta (a leading "
            "'/' and '..' are not allowed)");
  EXPECT_EQ(loadError("Asia/Jakarta "), "time zone 'Asia/Jakarta ': contains ' ', which no IANA zone name has");
  EXPECT_EQ(loadError("Asia"), "time zone 'Asia': is a group of zones, not a zone (e.g. Asia/Jakarta)");
  EXPECT_EQ(loadError(""),
            "time zone '': is empty; give an IANA name such as Asia/Jakarta or an offset like +07:00");
  EXPECT_EQ(loadError("+7"), "time zone '+7': a fixed offset is written ±HH:MM, e.g. +07:00 or -03:30");
  EXPECT_EQ(loadError("+0700"), "time zone '+0700': a fixed offset is written ±HH:MM, e.g. +07:00 or -03:30");
  EXPECT_EQ(loadError("+19:00"), "time zone '+19:00': offset is out of range -18:00 to +18:00");
  EXPECT_EQ(loadError("-07:60"), "time zone '-07:60': offset is out of range -18:00 to +18:00");
  EXPECT_EQ(loadError("utc"), "time zone 'utc': not found in /usr/share/zoneinfo (e.g. Asia/Jakarta, "
                              "Asia/Makassar, Asia/Jayapura, UTC or a fixed offset like +07:00)");
}

TEST_F(TimeZoneTest, versionOneFilesUseTheirThirtyTwoBitData) {
  // +07:30 until 2000-01-01T00:00Z (946684800), then +07:00.
  auto zone = TimeZone::fromTzif("Test/V1", tzif('\0', {{946684800, 1}}, {27000, 25200}, ""));
  ASSERT_TRUE(zone.isOk()) << zone.status().message();
  EXPECT_EQ(zone->offsetAt(utc("1999-12-31T23:59:59Z")), hours(7) + minutes(30));
  EXPECT_EQ(zone->offsetAt(utc("2000-01-01T00:00:00Z")), hours(7));
  EXPECT_EQ(zone->offsetAt(utc("2090-01-01T00:00:00Z")), hours(7));  // no footer: the last offset stays
}

TEST_F(TimeZoneTest, aFooterAloneDescribesAZoneWithoutTransitions) {
  auto zone = TimeZone::fromTzif("Test/Footer", tzif('2', {}, {0}, "<+07>-7"));
  ASSERT_TRUE(zone.isOk()) << zone.status().message();
  EXPECT_EQ(zone->offsetAt(utc("1900-01-01T00:00:00Z")), hours(7));
}

TEST_F(TimeZoneTest, footerRulesMayUseJulianDaysAndHoursPastMidnight) {
  // STD +1, DST +2 from day J60 (March 1 even in leap years) 02:00 local standard time to the
  // zero-based day 300 (2024, a leap year: October 27) at 25:00 local daylight time, i.e.
  // October 28 01:00 +02 = 2024-10-27T23:00Z. Worked out by hand.
  auto zone = TimeZone::fromTzif("Test/Julian", tzif('3', {}, {3600}, "AAA-1BBB,J60,300/25"));
  ASSERT_TRUE(zone.isOk()) << zone.status().message();
  EXPECT_EQ(zone->offsetAt(utc("2024-03-01T00:59:59Z")), hours(1));
  EXPECT_EQ(zone->offsetAt(utc("2024-03-01T01:00:00Z")), hours(2));
  EXPECT_EQ(zone->offsetAt(utc("2024-10-27T22:59:59Z")), hours(2));
  EXPECT_EQ(zone->offsetAt(utc("2024-10-27T23:00:00Z")), hours(1));
  // 2023 is not a leap year: J60 is still March 1, and day 300 is October 28.
  EXPECT_EQ(zone->offsetAt(utc("2023-03-01T01:00:00Z")), hours(2));
  EXPECT_EQ(zone->offsetAt(utc("2023-10-28T22:59:59Z")), hours(2));
  EXPECT_EQ(zone->offsetAt(utc("2023-10-28T23:00:00Z")), hours(1));
}

TEST_F(TimeZoneTest, malformedZoneFilesAreRefusedWithTheReason) {
  EXPECT_EQ(TimeZone::fromTzif("Test/Empty", "").status().message(),
            "time zone 'Test/Empty': not a valid TZif file: truncated header at byte 0 (file has 0 bytes)");
  std::string good = tzif('2', {{946684800, 1}}, {27000, 25200}, "WIB-7");
  EXPECT_TRUE(TimeZone::fromTzif("Test/Good", good).isOk());
  std::string text = good;
  text[0] = 'X';
  EXPECT_EQ(TimeZone::fromTzif("Test/Magic", text).status().message(),
            "time zone 'Test/Magic': not a valid TZif file: it does not start with 'TZif'");
  EXPECT_EQ(TimeZone::fromTzif("Test/Short", good.substr(0, good.size() - 12)).status().message(),
            "time zone 'Test/Short': not a valid TZif file: truncated: the data needs 22 bytes after byte 106, "
            "the file has 17");
  EXPECT_EQ(TimeZone::fromTzif("Test/NoFooter", good.substr(0, good.size() - 1)).status().message(),
            "time zone 'Test/NoFooter': not a valid TZif file: the TZ string footer is missing or not enclosed "
            "in newlines");
  EXPECT_EQ(TimeZone::fromTzif("Test/Type", tzif('2', {{946684800, 2}}, {27000, 25200}, "")).status().message(),
            "time zone 'Test/Type': not a valid TZif file: transition 0 uses time type 2 of 2");
  EXPECT_EQ(TimeZone::fromTzif("Test/Order", tzif('2', {{2, 0}, {1, 0}}, {0}, "")).status().message(),
            "time zone 'Test/Order': not a valid TZif file: transition 1 is not later than the one before");
  EXPECT_EQ(TimeZone::fromTzif("Test/Rule", tzif('2', {}, {0}, "CET-1CEST,M3.5.0")).status().message(),
            "time zone 'Test/Rule': TZ rule 'CET-1CEST,M3.5.0': expected ',' and the daylight-saving end date at "
            "position 17");
  EXPECT_EQ(TimeZone::fromTzif("Test/Week", tzif('2', {}, {0}, "CET-1CEST,M3.6.0,M10.5.0")).status().message(),
            "time zone 'Test/Week': TZ rule 'CET-1CEST,M3.6.0,M10.5.0': expected a date Mm.w.d (month 1-12, "
            "week 1-5, weekday 0-6) at position 17");
  text = good;
  text[4] = '7';
  EXPECT_EQ(TimeZone::fromTzif("Test/Version", text).status().message(),
            "time zone 'Test/Version': not a valid TZif file: unsupported version byte 55");
}

}  // namespace
}  // namespace hamhub::host

namespace hamhub::host {
namespace {

// The C library reads the same zone files with its own code: both must agree at every sampled
// instant from 1850 to 2150 (steps of 5 days 7 hours 13 minutes, so every hour of the day and
// every day of the week come round), which covers the TZif tables and the footer rules.
TEST_F(TimeZoneTest, offsetsAgreeWithTheCLibraryOverThreeCenturies) {
  const char* saved = std::getenv("TZ");
  const std::string savedTz = saved != nullptr ? saved : "";
  for (const char* name : {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Europe/Berlin", "America/New_York",
                           "Australia/Sydney", "Europe/Dublin", "Pacific/Chatham", "America/Santiago",
                           "Africa/Casablanca", "Asia/Tehran", "Australia/Lord_Howe"}) {
    const TimeZone zone = load(name);
    setenv("TZ", name, 1);
    tzset();
    int mismatches = 0;
    for (std::time_t t = -3786825600; t < 5680281600 && mismatches < 3; t += 5 * 86400 + 7 * 3600 + 13 * 60) {
      std::tm tm{};
      localtime_r(&t, &tm);
      const auto ours = zone.offsetAt(std::chrono::system_clock::from_time_t(t));
      if (ours.count() != tm.tm_gmtoff) {
        ++mismatches;
        ADD_FAILURE() << name << " at " << formatUtc(std::chrono::system_clock::from_time_t(t)) << ": "
                      << ours.count() << " s, C library " << tm.tm_gmtoff << " s";
      }
    }
  }
  if (saved != nullptr) {
    setenv("TZ", savedTz.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
}

}  // namespace
}  // namespace hamhub::host

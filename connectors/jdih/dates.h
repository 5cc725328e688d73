#pragma once

#include <string>
#include <string_view>

namespace hamhub::jdih {

/// The result of reading a date written the way JDIH sites write dates.
struct ParsedDate {
  enum class State { Empty, Valid, Invalid };
  State state = State::Empty;
  std::string iso;  ///< `YYYY-MM-DD`, or `YYYY` for a year-only value; empty unless Valid
  int year = 0;     ///< 0 unless Valid

  bool valid() const { return state == State::Valid; }
  bool invalid() const { return state == State::Invalid; }
};

/// Reads `YYYY-MM-DD`, `YYYY/MM/DD`, either followed by a time (`YYYY-MM-DD HH:MM:SS`,
/// `YYYY-MM-DDTHH:MM:SS+07:00`), `DD-MM-YYYY`, `DD/MM/YYYY`, `D Month YYYY` with Indonesian or
/// English month names (`5 Mei 2021`), an RFC 822 date (`Wed, 05 May 2021 10:00:00 +0700`) and a
/// bare year. Blank values, "-" and MySQL's zero date (`0000-00-00`) are Empty; anything else that
/// is not a real calendar date (2021-13-45, 2021-02-30) is Invalid.
///
/// A year-only value stays `YYYY` (ISO 8601's reduced precision) instead of inventing a day.
/// Times and zones are dropped: the date is the one written, not converted to another zone.
ParsedDate parseDate(std::string_view text);

}  // namespace hamhub::jdih

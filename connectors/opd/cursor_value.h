#pragma once

#include <optional>

#include <hamhub/json.h>
#include <hamhub/record.h>

namespace hamhub::opd {

/// The largest value of a cursor column or field seen so far, kept as the harvest cursor
/// `{"cursor": VALUE}` (an integer, a number or a string: dates travel as ISO text, which orders
/// like the dates).
class CursorValue {
 public:
  /// A stored cursor; an empty, foreign or damaged one gives no value (a full harvest).
  static CursorValue parse(const Cursor& cursor);

  const std::optional<JsonValue>& value() const { return value_; }
  bool empty() const { return !value_.has_value(); }

  /// -1, 0 or 1 as `a` orders before, with or after `b`: numbers by value, strings by bytes;
  /// nullopt when they are not comparable (a number and a string, or anything else).
  static std::optional<int> compare(const JsonValue& a, const JsonValue& b);

  /// Keeps `candidate` when it orders after the current value (or there is none). Null values
  /// are ignored. False when it cannot be compared with the current value.
  bool advance(const JsonValue& candidate);

  Cursor serialise() const;

 private:
  std::optional<JsonValue> value_;
};

}  // namespace hamhub::opd

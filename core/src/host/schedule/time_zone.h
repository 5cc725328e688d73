#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hamhub/status.h"
#include "host/util/clock.h"

namespace hamhub::host {

/// A time zone's UTC offsets over time, for turning local schedule times into instants.
/// Immutable; copies share the data, so a copy is cheap and any copy may be used from any thread.
class TimeZone {
 public:
  /// An IANA name read from /usr/share/zoneinfo (e.g. Asia/Jakarta), `UTC` / `Etc/UTC` (built in,
  /// so they work without tzdata), or a fixed offset `+07:00` / `-03:30` (up to ±18:00).
  /// Errors ("invalid-config") name the zone and say what is wrong.
  static Result<TimeZone> load(std::string_view name);

  /// The zone described by the bytes of a TZif file; `name` is only used for `name()` and in messages.
  static Result<TimeZone> fromTzif(std::string name, std::string_view bytes);

  const std::string& name() const;

  /// Seconds east of UTC in effect at `utc` (Asia/Jakarta: +7h).
  std::chrono::seconds offsetAt(TimePoint utc) const;

  /// The local wall-clock reading at `utc`, in whole seconds.
  std::chrono::local_seconds toLocal(TimePoint utc) const;

  /// The instant at which the local clock shows `local`: nullopt when the clock skips it (a
  /// spring-forward gap), the earlier instant when it shows it twice (a fall-back overlap).
  std::optional<TimePoint> toUtc(std::chrono::local_seconds local) const;

 private:
  struct Data;
  explicit TimeZone(std::shared_ptr<const Data> data) : data_(std::move(data)) {}

  static TimeZone fixed(std::string_view name, std::int32_t offset);
  std::int32_t offsetAtSeconds(std::int64_t utc) const;

  std::shared_ptr<const Data> data_;
};

}  // namespace hamhub::host

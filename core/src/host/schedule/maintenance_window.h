#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "hamhub/json.h"
#include "hamhub/status.h"
#include "host/schedule/cron_schedule.h"
#include "host/schedule/time_zone.h"
#include "host/util/clock.h"

namespace hamhub::host {

/// A declared maintenance period of a source: one-off (`from`–`to`) or recurring (a cron
/// expression for its start and a duration). Inside it the source is MAINTENANCE
/// (`planned-maintenance`), neither harvested nor probed, and raises no alarm.
struct MaintenanceWindow {
  std::optional<TimePoint> from;
  std::optional<TimePoint> to;
  std::optional<CronSchedule> cron;
  std::chrono::minutes duration{0};
};

/// Parses a source's `maintenance` list: `{"from": "2026-12-01T22:00", "to": "2026-12-02T06:00"}`
/// (local time in `zone` unless it ends in Z or an offset) or `{"cron": "0 1 * * 0",
/// "duration_minutes": 120}`. Errors name the entry ("maintenance[1].to") and what is wrong.
Result<std::vector<MaintenanceWindow>> parseMaintenanceWindows(const JsonValue& list, const TimeZone& zone);

/// When the window active at `now` ends, or nullopt when none is active.
std::optional<TimePoint> activeWindowEnd(const std::vector<MaintenanceWindow>& windows, TimePoint now,
                                         const TimeZone& zone);

}  // namespace hamhub::host

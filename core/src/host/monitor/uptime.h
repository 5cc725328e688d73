#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "host/store/store_types.h"

namespace hamhub::host {

struct UptimeFigure {
  std::string window;              // "24h", "7d", "30d", "365d"
  std::optional<double> percent;   // nullopt: nothing observed in the window
};

/// The windows uptime is reported over, longest last.
const std::vector<std::pair<std::string, std::chrono::seconds>>& uptimeWindows();

/// Uptime of one source over each window ending at `now`, from its state changes (oldest first,
/// including the last one before the longest window). Time UP, DEGRADED or PENDING counts as up;
/// DOWN and detected MAINTENANCE as down (a site in maintenance is not available to anyone);
/// declared maintenance windows and time before the first observation are left out.
std::vector<UptimeFigure> uptimeOf(const std::vector<HealthEvent>& events, TimePoint now);

}  // namespace hamhub::host

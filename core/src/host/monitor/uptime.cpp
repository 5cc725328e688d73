#include "host/monitor/uptime.h"

#include <algorithm>

#include "host/monitor/observation.h"

namespace hamhub::host {

const std::vector<std::pair<std::string, std::chrono::seconds>>& uptimeWindows() {
  using std::chrono::hours;
  static const std::vector<std::pair<std::string, std::chrono::seconds>> kWindows = {
      {"24h", hours(24)}, {"7d", hours(24 * 7)}, {"30d", hours(24 * 30)}, {"365d", hours(24 * 365)}};
  return kWindows;
}

std::vector<UptimeFigure> uptimeOf(const std::vector<HealthEvent>& events, TimePoint now) {
  std::vector<UptimeFigure> out;
  for (const auto& [name, length] : uptimeWindows()) {
    const TimePoint start = now - length;
    std::chrono::duration<double> up{0}, down{0};
    for (std::size_t i = 0; i < events.size(); ++i) {
      const auto from = parseUtc(events[i].at);
      const auto to = i + 1 < events.size() ? parseUtc(events[i + 1].at) : std::optional<TimePoint>(now);
      if (!from || !to) continue;
      const TimePoint a = std::max(*from, start);
      const TimePoint b = std::min(*to, now);
      if (b <= a) continue;
      const auto& e = events[i];
      if (e.state == HealthState::Down || (e.state == HealthState::Maintenance && e.reason != kPlannedMaintenance)) {
        down += b - a;
      } else if (e.state != HealthState::Maintenance) {
        up += b - a;
      }
    }
    const double total = (up + down).count();
    out.push_back({name, total > 0 ? std::optional<double>(100.0 * up.count() / total) : std::nullopt});
  }
  return out;
}

}  // namespace hamhub::host

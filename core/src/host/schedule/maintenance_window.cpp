#include "host/schedule/maintenance_window.h"

#include <regex>

namespace hamhub::host {

namespace {

// "YYYY-MM-DDTHH:MM[:SS]" with an optional "Z" or "+HH:MM"; without one, local time in `zone`.
std::optional<TimePoint> parseLocal(const std::string& text, const TimeZone& zone) {
  static const std::regex kPattern(R"((\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)");
  std::smatch m;
  if (!std::regex_match(text, m, kPattern)) return std::nullopt;
  const std::string seconds = m[4].matched ? m[4].str() : "00";
  const auto asUtc = parseUtc(m[1].str() + "T" + m[2].str() + ":" + m[3].str() + ":" + seconds + "Z");
  if (!asUtc) return std::nullopt;
  if (m[5].matched) {
    const std::string zoneText = m[5].str();
    if (zoneText == "Z") return asUtc;
    const int sign = zoneText[0] == '-' ? -1 : 1;
    const auto offset = std::chrono::hours(std::stoi(zoneText.substr(1, 2))) +
                        std::chrono::minutes(std::stoi(zoneText.substr(4, 2)));
    return *asUtc - sign * offset;
  }
  // The offset in force at the wall-clock time read as UTC is right except within hours of a
  // DST change; the second look settles those.
  const TimePoint guess = *asUtc - zone.offsetAt(*asUtc);
  return *asUtc - zone.offsetAt(guess);
}

}  // namespace

Result<std::vector<MaintenanceWindow>> parseMaintenanceWindows(const JsonValue& list, const TimeZone& zone) {
  std::vector<MaintenanceWindow> windows;
  if (!list.isArray()) return Status::error("maintenance: expected a list of windows", "invalid-config");
  for (std::size_t i = 0; i < list.asArray().size(); ++i) {
    const JsonValue& entry = list.asArray()[i];
    const std::string at = "maintenance[" + std::to_string(i) + "]";
    const auto bad = [&](const std::string& key, const std::string& what) {
      return Status::error(at + (key.empty() ? "" : "." + key) + ": " + what, "invalid-config");
    };
    if (!entry.isObject()) return bad("", "expected an object with from/to or cron/duration_minutes");
    const auto text = [&](const char* key) -> std::optional<std::string> {
      const JsonValue* v = entry.find(key);
      if (v == nullptr || !v->isString()) return std::nullopt;
      return v->asString();
    };
    for (const auto& [key, value] : entry.asObject()) {
      if (key != "from" && key != "to" && key != "cron" && key != "duration_minutes" && key != "note") {
        return bad(key, "unknown key (use from/to, or cron with duration_minutes; note is free text)");
      }
    }
    MaintenanceWindow w;
    if (const auto cron = text("cron")) {
      auto parsed = CronSchedule::parse(*cron);
      if (!parsed.isOk()) return bad("cron", parsed.status().message());
      const JsonValue* minutes = entry.find("duration_minutes");
      if (minutes == nullptr || !minutes->isNumber() || minutes->asInt() <= 0) {
        return bad("duration_minutes", "a recurring window needs a duration in minutes greater than 0");
      }
      w.cron = std::move(*parsed);
      w.duration = std::chrono::minutes(minutes->asInt());
    } else {
      const auto from = text("from");
      const auto to = text("to");
      if (!from || !to) return bad("", "give from and to (local date-times), or cron and duration_minutes");
      w.from = parseLocal(*from, zone);
      if (!w.from) return bad("from", "'" + *from + "' is not a date-time like 2026-12-01T22:00");
      w.to = parseLocal(*to, zone);
      if (!w.to) return bad("to", "'" + *to + "' is not a date-time like 2026-12-02T06:00");
      if (*w.to <= *w.from) return bad("to", "ends before it starts");
    }
    windows.push_back(std::move(w));
  }
  return windows;
}

std::optional<TimePoint> activeWindowEnd(const std::vector<MaintenanceWindow>& windows, TimePoint now,
                                         const TimeZone& zone) {
  std::optional<TimePoint> end;
  for (const MaintenanceWindow& w : windows) {
    std::optional<TimePoint> until;
    if (w.cron) {
      // The latest start at or before now is the first one after now - duration, if any.
      const auto start = w.cron->next(now - w.duration, zone);
      if (start && *start <= now) until = *start + w.duration;
    } else if (w.from && w.to && *w.from <= now && now < *w.to) {
      until = w.to;
    }
    if (until && (!end || *until > *end)) end = until;
  }
  return end;
}

}  // namespace hamhub::host

#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace hamhub::host {

using TimePoint = std::chrono::system_clock::time_point;

/// UTC as ISO-8601 with seconds and a `Z`, the one form timestamps take in the store and in JSON.
std::string formatUtc(TimePoint t);
std::string utcNow();

/// Parses `YYYY-MM-DDTHH:MM:SSZ` (also without `Z`, or a bare `YYYY-MM-DD`) as UTC.
std::optional<TimePoint> parseUtc(std::string_view text);

}  // namespace hamhub::host

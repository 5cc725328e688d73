#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "hamhub/status.h"
#include "host/schedule/posix_tz_rule.h"

namespace hamhub::host {

/// What a TZif file (RFC 8536, as zic writes them into /usr/share/zoneinfo) says about one zone.
struct ZoneRules {
  std::int32_t initialOffset = 0;     // before the first change (time type 0)
  std::vector<OffsetChange> changes;  // ascending
  std::optional<PosixTzRule> footer;  // after the last change, when the file has one
};

/// Reads versions 1 to 4; from version 2 on the 64-bit block and the TZ footer are used, which
/// reach before 1901 and past 2037. Messages say what is wrong with the bytes, not which file.
Result<ZoneRules> parseTzif(std::string_view bytes);

}  // namespace hamhub::host

#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <hamhub/status.h>

namespace hamhub::ranham {

/// A RANHAM reporting period: B04, B08 or B12 (reports every four months; there is no B06),
/// and the year when the label carried one (`2024-B08`).
struct Period {
  std::string label;  ///< B04, B08 or B12
  std::optional<int> year;
};

/// Reads a period label as reports write it: `B04`, `b04`, `B-04`, `B 4`, `2024-B08`, `B08-2024`.
/// With `embedded`, the label may stand inside other text (a wide export's header "Capaian B04").
/// Errors are phrased for the row or header they come from: "B06 is not a RANHAM period;
/// expected B04, B08 or B12", "\"Triwulan II\" is not a RANHAM period; …".
Result<Period> parsePeriod(std::string_view text, bool embedded = false);

}  // namespace hamhub::ranham

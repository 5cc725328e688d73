#pragma once

#include <vector>

#include "hamhub/scorer.h"

namespace hamhub::scoring {

/// Scores one indicator from the evidence items that name it (`items`: indexes into `evidence`).
/// Items that cannot count (a value of the wrong kind, data dukung missing where the model
/// requires it) are explained in the result's detail; `problems` gets one line per invalid item.
IndicatorResult scoreIndicator(const Indicator& indicator, const std::string& criterion,
                               const std::vector<EvidenceItem>& evidence, const std::vector<std::size_t>& items,
                               std::vector<std::string>& problems);

}  // namespace hamhub::scoring

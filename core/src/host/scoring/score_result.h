#pragma once

#include <string>
#include <string_view>

#include "hamhub/json.h"
#include "hamhub/scorer.h"

namespace hamhub::host {

/// The stored form of a score (ScoreRow::result). It holds everything `hamhub score --explain`
/// shows — figures, criteria, indicators with their evidence and its provenance, missing
/// indicators, the coaching list and problems — positionally and with every string once, as a
/// national rescore writes 15,000 of them and the named form was most of the rescore's time.
std::string scoreResultJson(const CriteriaModel& model, const ScoreRequest& request, const ScoreResult& result);

/// The named form of a stored result: `{"subject": …, "criteria": [{"id": …}], "indicators": […],
/// "coaching": {…}, "problems": […]}`, as `--explain --format json` prints it. Results stored in
/// that form by earlier versions come back as they are; text that is not JSON gives an empty object.
JsonValue scoreResultValue(std::string_view stored);

}  // namespace hamhub::host

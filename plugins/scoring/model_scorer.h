#pragma once

#include "hamhub/scorer.h"

namespace hamhub::scoring {

/// The built-in scorer: points per indicator from the model's value specs and weights, criterion
/// scores, the total by the model's rule, the predicate, completeness, what is missing, and the
/// coaching list. Pure computation over the request: deterministic and thread-safe.
class ModelScorer : public Scorer {
 public:
  Result<ScoreResult> score(const ScoreRequest& request) override;
};

/// The coaching list for `result` under `model`: indicators not at full points, ranked by what
/// each would add to the total, and how many from the front reach the target predicate.
void planCoaching(const CriteriaModel& model, ScoreResult& result);

}  // namespace hamhub::scoring

#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hamhub/scorer.h"
#include "host/criteria/criteria_loader.h"
#include "host/store/store.h"

namespace hamhub::host {

struct ScoringOptions {
  std::optional<std::string> instrument;  ///< only this instrument
  std::optional<std::string> period;      ///< only this period (must exist for the instrument)
  std::optional<std::string> subject;     ///< only this subject
  bool force = false;                     ///< rescore even where the input did not change
};

struct ScoringSummary {
  std::size_t scored = 0;     ///< new scores written
  std::size_t unchanged = 0;  ///< same model and evidence as the current score: nothing written
  std::size_t failed = 0;     ///< the scorer refused (one problem line each)
  /// Records the rules could not use and scores that failed, one line each naming the record or
  /// subject; scoring of every other subject goes on.
  std::vector<std::string> problems;
};

/// Scores every subject × instrument × period that has evidence (and every subject of the
/// instrument's kinds in those periods, so missing data shows as missing), incrementally: a
/// score is only computed and written when its model or evidence changed since the current one.
class ScoreRunner {
 public:
  ScoreRunner(Store& store, const CriteriaCatalog& catalog, Scorer& scorer, std::vector<Subject> subjects)
      : store_(store), catalog_(catalog), scorer_(scorer), subjects_(std::move(subjects)) {}

  Result<ScoringSummary> run(const ScoringOptions& options);

 private:
  Status runModel(const CriteriaModel& model, const ScoringOptions& options, ScoringSummary& summary);

  Store& store_;
  const CriteriaCatalog& catalog_;
  Scorer& scorer_;
  std::vector<Subject> subjects_;
};

}  // namespace hamhub::host

#pragma once
/// @file scorer.h
/// @brief The scorer interface: evidence for one subject × instrument × period in, a score with
///        its explanation and coaching list out. The host gathers the evidence (through the
///        model's evidence rules) and stores the scores; a scorer only computes.
#include <cstdint>
#include <string>
#include <vector>

#include "hamhub/connector.h"
#include "hamhub/criteria.h"
#include "hamhub/status.h"

namespace hamhub {

/// @brief One piece of evidence for an indicator, with its way back to the harvested record.
struct EvidenceItem {
  std::string indicator;  ///< a model indicator id
  std::string code;       ///< the indicator as the record names it ("6.P2" for model indicator "6.P")
  /// The value as harvested ("Ada", "78", "Tercapai 60%"); empty when the record's presence is
  /// the value (documents).
  std::string value;
  bool hasDataDukung = false;  ///< a link or file backs the value
  // Provenance.
  std::string source;      ///< the hub source id
  std::string recordKind;  ///< e.g. `kkpham.indicator_value`
  std::string recordKey;   ///< the record's natural key within its source and kind
  std::string url;         ///< where people can see it (the record's URL or its data dukung)
  std::string fetchedAt;   ///< ISO time of the harvest that stored the record
  Combine combine = Combine::Best;  ///< from the rule that produced it
};

/// @brief Everything a scorer needs for one score.
struct ScoreRequest {
  const CriteriaModel* model = nullptr;
  std::string subject;  ///< subject id, e.g. "16.10"
  std::string period;   ///< valid for the model's period kind
  std::vector<EvidenceItem> evidence;
};

/// @brief How one indicator was scored.
struct IndicatorResult {
  std::string indicator;
  std::string criterion;
  double points = 0;     ///< earned
  double maxPoints = 0;  ///< its weight
  double fraction = 0;   ///< points / maxPoints
  /// `ok`, `missing` (no evidence), `no-data-dukung` (evidence required but absent), `invalid`
  /// (a value of the wrong kind), `partial` (a value below the full fraction).
  std::string state;
  std::string detail;                 ///< why, in Bahasa Indonesia, for the explanation
  std::vector<std::size_t> evidence;  ///< indexes into ScoreRequest::evidence that counted
};

struct CriterionResult {
  std::string criterion;
  double score = 0;     ///< points earned
  double maxScore = 0;  ///< points possible
};

/// @brief One step of a coaching plan: what to supply and what it would add to the total.
struct CoachingStep {
  std::string indicator;
  double gain = 0;  ///< on the total, after the model's aggregation
  std::string action;  ///< in Bahasa Indonesia, e.g. "Lengkapi data dukung untuk …"
};

struct ScoreResult {
  double total = 0;       ///< rounded to the model's decimals
  std::string predicate;  ///< id of the predicate earned; empty when none
  /// Share of indicators that count as required (evidence required or of a required record
  /// kind) with valid evidence, 0–1.
  double completeness = 0;
  std::vector<CriterionResult> criteria;
  std::vector<IndicatorResult> indicators;
  std::vector<std::string> missing;  ///< indicator ids without valid evidence
  /// Below the target predicate: the indicators ranked by gain; `reachesTarget` steps from the
  /// front are the smallest set that lifts the total to the target (0 when it cannot be reached).
  std::vector<CoachingStep> coaching;
  std::size_t reachesTarget = 0;
  /// Evidence that named no indicator of the model or carried a value of the wrong kind: one
  /// message each, naming the record; scoring goes on without it.
  std::vector<std::string> problems;
};

/// @brief A scoring plugin. Deterministic: the same request gives the same result. The host calls
///        `score` from several threads at once (subjects are scored in parallel): keep it free of
///        shared mutable state.
class Scorer : public Plugin {
 public:
  virtual Result<ScoreResult> score(const ScoreRequest& request) = 0;
};

}  // namespace hamhub

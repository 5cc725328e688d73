#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "hamhub/criteria.h"
#include "hamhub/json.h"
#include "host/config/config_issue.h"

namespace hamhub::host {

/// Reads one `"type": "criteria-model"` file's JSON into a model and checks that it is consistent:
/// ids unique, weights adding up to the scale, value specs and predicate bands well formed and not
/// overlapping, evidence rules naming indicators that exist. Every problem is appended to
/// `issues` with the file and the JSON path; nullopt when there was any, so no score is ever
/// computed from a model that did not load cleanly.
std::optional<CriteriaModel> parseCriteriaModel(const JsonValue& json, const std::string& file, ConfigIssues& issues);

/// The instrument versions in force, from config/criteria/.
class CriteriaCatalog {
 public:
  /// Loads every criteria-model file in `dir` (other `type`s, such as metadata-rules, belong to
  /// other readers and are skipped). Bad files are left out and reported in `issues`, as are two
  /// versions of one instrument whose validity overlaps.
  static CriteriaCatalog load(const std::filesystem::path& dir, ConfigIssues& issues);

  const std::vector<CriteriaModel>& models() const { return models_; }
  /// The version of `instrument` in force in `year` (validity dates by year), or nullptr.
  const CriteriaModel* find(const std::string& instrument, int year) const;
  /// Instrument ids that have a model, sorted.
  std::vector<std::string> instruments() const;

 private:
  std::vector<CriteriaModel> models_;
};

}  // namespace hamhub::host

#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "host/config/config_issue.h"
#include "host/normalise/metadata_rules.h"
#include "host/store/store_types.h"

namespace hamhub::host {

/// The host's normalising step between connectors and the store: projects records into the shared
/// model (today: JDIH documents into the Document model) and checks them against the data-defined
/// rules in config/criteria/ (today: mandatory metadata). Stateless after loading; thread-safe.
class Normaliser {
 public:
  Normaliser() = default;
  explicit Normaliser(std::vector<MetadataRules> rules);

  /// Loads every `"type": "metadata-rules"` file of `criteriaDir`; problems go to `issues`.
  static Normaliser load(const std::filesystem::path& criteriaDir, ConfigIssues& issues);

  /// The document a record becomes, if its kind is a legal-document kind; `subject` is the
  /// record's effective subject.
  std::optional<DocumentWrite> project(const StoredRecordWrite& write) const;

  const std::vector<MetadataRules>& rules() const { return rules_; }

 private:
  // What project() needs of each rules file, worked out once: its version tag and, for each of
  // its fields, the field's position in paths_ (no path lookups per record).
  struct Checks {
    std::string tag;
    std::vector<std::size_t> positions;
  };

  std::vector<MetadataRules> rules_;
  std::vector<std::string> paths_;  // the Document model's paths first, then the rules' own
  std::vector<Checks> checks_;      // one per rules_ entry
};

}  // namespace hamhub::host

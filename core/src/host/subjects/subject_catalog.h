#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "host/store/store_types.h"

namespace hamhub::host {

/// Subjects looked up by Kemendagri id, BPS code, name or alias (spelling variants normalised by
/// normalizeSubjectName), in memory. Built once from the region catalogue; immutable, so
/// thread-safe.
class SubjectCatalog {
 public:
  SubjectCatalog() = default;
  explicit SubjectCatalog(const std::vector<Subject>& subjects);

  /// The subject id, or nullopt when nothing or more than one subject matches.
  std::optional<std::string> resolve(std::string_view codeOrName) const;

 private:
  void add(const std::string& key, const std::string& id);

  std::unordered_map<std::string, std::string> ids_;        // id and BPS code, exact
  std::unordered_map<std::string, std::string> names_;      // normalised name or alias
  std::unordered_map<std::string, bool> ambiguous_;
};

}  // namespace hamhub::host

#include "host/subjects/subject_catalog.h"

#include "host/store/subject_name.h"

namespace hamhub::host {

namespace {

std::string trimmed(std::string_view s) {
  const auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
}

}  // namespace

SubjectCatalog::SubjectCatalog(const std::vector<Subject>& subjects) {
  for (const auto& s : subjects) {
    ids_[s.id] = s.id;
    // BPS numbers some regions differently from Kemendagri: a BPS code never overrides an id.
    if (!s.bpsCode.empty() && ids_.count(s.bpsCode) == 0) ids_[s.bpsCode] = s.id;
  }
  for (const auto& s : subjects) {
    add(normalizeSubjectName(s.name), s.id);
    for (const auto& alias : s.aliases) add(normalizeSubjectName(alias), s.id);
  }
}

void SubjectCatalog::add(const std::string& key, const std::string& id) {
  if (key.empty()) return;
  auto [it, inserted] = names_.emplace(key, id);
  if (!inserted && it->second != id) ambiguous_[key] = true;
}

std::optional<std::string> SubjectCatalog::resolve(std::string_view codeOrName) const {
  const std::string text = trimmed(codeOrName);
  if (auto it = ids_.find(text); it != ids_.end()) return it->second;
  const std::string key = normalizeSubjectName(text);
  if (ambiguous_.count(key) > 0) return std::nullopt;
  if (auto it = names_.find(key); it != names_.end()) return it->second;
  return std::nullopt;
}

}  // namespace hamhub::host

#include "subject_resolver.h"

#include "location.h"

namespace hamhub::tabular {

namespace {
// Exports have a few hundred distinct subjects; a bigger cache means garbage in the column.
constexpr std::size_t kMaxCached = 100000;
}  // namespace

SubjectResolver::SubjectResolver(const Context& context, std::size_t nameField, std::size_t codeField)
    : context_(context), nameField_(nameField), codeField_(codeField) {}

std::optional<std::string> SubjectResolver::lookup(const std::string& text) {
  if (auto it = cache_.find(text); it != cache_.end()) return it->second;
  auto id = context_.resolveSubject(text);
  if (cache_.size() < kMaxCached) cache_.emplace(text, id);
  return id;
}

Result<std::string> SubjectResolver::resolve(const Item& item) {
  const std::string code(item.text(codeField_));
  const std::string name(item.text(nameField_));
  std::optional<std::string> byCode;
  std::optional<std::string> byName;
  if (!code.empty()) {
    byCode = lookup(code);
    if (!byCode) return item.error(codeField_, "unknown subject code " + quote(code) + " (not in the region catalogue)");
  }
  if (!name.empty()) {
    byName = lookup(name);
    if (!byName && !byCode) {
      return item.error(nameField_, "unknown subject " + quote(name) +
                                        " (not in the region catalogue or its aliases; add an alias rather than "
                                        "renaming the row)");
    }
  }
  if (byCode && byName && *byCode != *byName) {
    return item.error(nameField_, "subject " + quote(name) + " is " + *byName + ", but the code column says " +
                                      quote(code) + " (" + *byCode + ")");
  }
  if (byCode) return *byCode;
  if (byName) return *byName;
  if (!item.mapped(nameField_) && !item.mapped(codeField_) && context_.subjects().size() == 1) {
    return context_.subjects().front();
  }
  return item.error(item.mapped(nameField_) ? nameField_ : codeField_, "no subject (the cell is empty)");
}

}  // namespace hamhub::tabular

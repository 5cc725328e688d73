#include "row_subject.h"

namespace hamhub::opd {

Result<std::string> rowSubject(const Context& context, const RowRoles& roles, const Row& row) {
  if (roles.subjectColumn.empty()) return std::string();
  const std::string name = scalarText(row.find(roles.subjectColumn));
  if (name.empty()) return Status::error(roles.subjectColumn + " is empty", "invalid-row");
  std::optional<std::string> id = context.resolveSubject(name);
  if (!id) {
    return Status::error(roles.subjectColumn + " '" + name +
                             "' matches no region in the catalogue (or several); add it or an alias to "
                             "config/regions",
                         "invalid-row");
  }
  return *id;
}

}  // namespace hamhub::opd

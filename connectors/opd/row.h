#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <hamhub/json.h>
#include <hamhub/record.h>
#include <hamhub/status.h>

namespace hamhub::opd {

/// One row as a source gave it, whatever the mode: named fields in the source's order, with
/// their JSON types (SQL and JSON values keep theirs; CSV cells are strings).
struct Row {
  std::string position;  ///< where it came from, for messages: "row 12", "page 2, item 5"
  std::string url;       ///< where it can be seen (REST), else empty
  std::vector<std::pair<std::string, JsonValue>> fields;

  /// The field called `name`, or nullptr.
  const JsonValue* find(std::string_view name) const {
    for (const auto& [fieldName, value] : fields) {
      if (fieldName == name) return &value;
    }
    return nullptr;
  }
};

/// Where a row reader delivers rows. A non-ok Status stops the reader and is returned unchanged.
class RowConsumer {
 public:
  virtual ~RowConsumer() = default;
  virtual Status row(Row&& row) = 0;
  /// Every row up to here is covered by `cursor` (incremental SQL batches only).
  virtual Status batchDone(const Cursor& cursor) = 0;
};

/// A scalar as text for keys, periods and names: strings as they are, integers in decimal, other
/// numbers as JSON, booleans as true/false; null, containers and a missing value give "".
std::string scalarText(const JsonValue* value);

}  // namespace hamhub::opd

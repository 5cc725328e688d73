#include "item_rows.h"

namespace hamhub::opd {

Result<Row> itemRow(JsonValue&& item, const std::vector<std::pair<std::string, JsonPointer>>& fields) {
  Row row;
  if (fields.empty()) {
    if (!item.isObject()) {
      return Status::error(std::string("the item is a JSON ") + JsonValue::typeName(item.type()) +
                               ", not an object; map its fields with the fields option",
                           "invalid-row");
    }
    row.fields = std::move(item.asObject());
    return row;
  }
  row.fields.reserve(fields.size());
  for (const auto& [name, pointer] : fields) {
    const JsonValue* value = pointer.resolve(item);
    row.fields.emplace_back(name, value != nullptr ? *value : JsonValue());
  }
  return row;
}

}  // namespace hamhub::opd

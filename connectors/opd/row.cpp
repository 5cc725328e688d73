#include "row.h"

namespace hamhub::opd {

std::string scalarText(const JsonValue* value) {
  if (value == nullptr) return {};
  switch (value->type()) {
    case JsonValue::Type::String:
      return value->asString();
    case JsonValue::Type::Number:
      return value->isInteger() ? std::to_string(value->asInt()) : toJson(*value);
    case JsonValue::Type::Bool:
      return value->asBool() ? "true" : "false";
    default:
      return {};
  }
}

}  // namespace hamhub::opd

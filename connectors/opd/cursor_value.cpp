#include "cursor_value.h"

namespace hamhub::opd {

CursorValue CursorValue::parse(const Cursor& cursor) {
  CursorValue out;
  if (cursor.empty()) return out;
  auto parsed = parseJson(cursor);
  if (!parsed || !parsed->isObject()) return out;
  const JsonValue* value = parsed->find("cursor");
  if (value != nullptr && (value->isNumber() || value->isString())) out.value_ = *value;
  return out;
}

std::optional<int> CursorValue::compare(const JsonValue& a, const JsonValue& b) {
  if (a.isNumber() && b.isNumber()) {
    if (a.isInteger() && b.isInteger()) return a.asInt() < b.asInt() ? -1 : a.asInt() > b.asInt() ? 1 : 0;
    return a.asNumber() < b.asNumber() ? -1 : a.asNumber() > b.asNumber() ? 1 : 0;
  }
  if (a.isString() && b.isString()) {
    const int c = a.asString().compare(b.asString());
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  return std::nullopt;
}

bool CursorValue::advance(const JsonValue& candidate) {
  if (candidate.isNull()) return true;
  if (!value_) {
    if (!candidate.isNumber() && !candidate.isString()) return false;
    value_ = candidate;
    return true;
  }
  const std::optional<int> order = compare(candidate, *value_);
  if (!order) return false;
  if (*order > 0) value_ = candidate;
  return true;
}

Cursor CursorValue::serialise() const {
  JsonWriter writer;
  writer.beginObject().key("cursor");
  if (value_) {
    writer.value(*value_);
  } else {
    writer.null();
  }
  writer.endObject();
  return writer.take();
}

}  // namespace hamhub::opd

#include "hamhub/options.h"

namespace hamhub {

const JsonValue* Options::get(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second;
}

std::string Options::getString(std::string_view name, std::string_view fallback) const {
  const JsonValue* v = get(name);
  return v != nullptr && v->isString() ? v->asString() : std::string(fallback);
}

std::int64_t Options::getInt(std::string_view name, std::int64_t fallback) const {
  const JsonValue* v = get(name);
  return v != nullptr && v->isInteger() ? v->asInt() : fallback;
}

double Options::getNumber(std::string_view name, double fallback) const {
  const JsonValue* v = get(name);
  return v != nullptr && v->isNumber() ? v->asNumber() : fallback;
}

bool Options::getBool(std::string_view name, bool fallback) const {
  const JsonValue* v = get(name);
  return v != nullptr && v->isBool() ? v->asBool() : fallback;
}

std::vector<std::string> Options::getStringList(std::string_view name) const {
  std::vector<std::string> out;
  const JsonValue* v = get(name);
  if (v == nullptr || !v->isArray()) return out;
  for (const auto& item : v->asArray()) {
    if (item.isString()) out.push_back(item.asString());
  }
  return out;
}

}  // namespace hamhub

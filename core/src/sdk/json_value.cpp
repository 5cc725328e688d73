#include <charconv>
#include <cmath>
#include <limits>

#include "hamhub/json.h"

namespace hamhub {

namespace {

// Doubles in this range convert to int64 without overflow; beyond it they are never "integers".
constexpr double kInt64Bound = 9.2e18;

}  // namespace

JsonValue::JsonValue(double d) {
  const bool whole = std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < kInt64Bound;
  v_ = Number{d, whole ? static_cast<std::int64_t>(d) : 0, whole};
}

JsonValue JsonValue::fromNumberText(std::string_view text) {
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (text.find_first_of(".eE") == std::string_view::npos) {
    std::int64_t i = 0;
    auto [ptr, ec] = std::from_chars(begin, end, i);
    if (ec == std::errc() && ptr == end) return JsonValue(i);
  }
  double d = 0;
  auto [ptr, ec] = std::from_chars(begin, end, d);
  if (ptr != end || (ec != std::errc() && ec != std::errc::result_out_of_range)) return {};
  return JsonValue(d);
}

bool JsonValue::isInteger() const {
  return isNumber() && std::get<Number>(v_).exact;
}

std::int64_t JsonValue::asInt() const {
  const Number& n = std::get<Number>(v_);
  if (n.exact) return n.i;
  if (!(std::fabs(n.d) < kInt64Bound)) return n.d < 0 ? std::numeric_limits<std::int64_t>::min()
                                                       : std::numeric_limits<std::int64_t>::max();
  return static_cast<std::int64_t>(n.d);
}

const JsonValue* JsonValue::find(std::string_view key) const {
  if (!isObject()) return nullptr;
  for (const auto& [name, value] : asObject()) {
    if (name == key) return &value;
  }
  return nullptr;
}

JsonValue& JsonValue::set(std::string key, JsonValue value) {
  Object& members = asObject();
  for (auto& [name, existing] : members) {
    if (name == key) {
      existing = std::move(value);
      return existing;
    }
  }
  members.emplace_back(std::move(key), std::move(value));
  return members.back().second;
}

const char* JsonValue::typeName(Type type) {
  switch (type) {
    case Type::Null: return "null";
    case Type::Bool: return "boolean";
    case Type::Number: return "number";
    case Type::String: return "string";
    case Type::Array: return "array";
    case Type::Object: return "object";
  }
  return "unknown";
}

bool JsonValue::operator==(const JsonValue& other) const { return v_ == other.v_; }

}  // namespace hamhub

#include "host/config/schema_check.h"

#include <cstdlib>
#include <set>

namespace hamhub::host {

namespace {

std::string join(const std::string& prefix, const std::string& key) { return prefix.empty() ? key : prefix + "." + key; }

bool matches(const JsonValue& v, OptionType type) {
  switch (type) {
    case OptionType::String: return v.isString();
    case OptionType::Integer: return v.isInteger();
    case OptionType::Number: return v.isNumber();
    case OptionType::Boolean: return v.isBool();
    case OptionType::Object: return v.isObject();
    case OptionType::Array: return v.isArray();
    case OptionType::StringList:
      if (!v.isArray()) return false;
      for (const auto& item : v.asArray()) {
        if (!item.isString()) return false;
      }
      return true;
  }
  return false;
}

std::string describe(const JsonValue& v) {
  if (v.isArray()) {
    for (const auto& item : v.asArray()) {
      if (!item.isString()) return std::string("an array containing a ") + JsonValue::typeName(item.type());
    }
  }
  if (v.isNumber() && !v.isInteger()) return "a fractional number";
  return JsonValue::typeName(v.type());
}

}  // namespace

std::map<std::string, JsonValue, std::less<>> checkObject(const JsonValue& object, std::span<const OptionSpec> specs,
                                                          const std::string& file, const std::string& pathPrefix,
                                                          ConfigIssues& issues) {
  std::map<std::string, JsonValue, std::less<>> values;
  std::set<std::string, std::less<>> given;  // present, even if invalid: not also "missing"
  if (!object.isObject()) {
    issues.push_back({file, pathPrefix, std::string("expected an object, got ") + JsonValue::typeName(object.type())});
    return values;
  }
  for (const auto& [key, value] : object.asObject()) {
    const OptionSpec* spec = nullptr;
    for (const auto& s : specs) {
      if (key == s.name) spec = &s;
    }
    if (spec == nullptr) {
      std::string known;
      for (const auto& s : specs) known += (known.empty() ? "" : ", ") + std::string(s.name);
      issues.push_back({file, join(pathPrefix, key),
                        "unknown key (expected one of: " + (known.empty() ? std::string("none") : known) + ")"});
      continue;
    }
    if (!given.insert(key).second) {
      issues.push_back({file, join(pathPrefix, key), "given twice"});
      continue;
    }
    if (!matches(value, spec->type)) {
      issues.push_back({file, join(pathPrefix, key),
                        std::string("expected ") + (spec->type == OptionType::Integer ? "an " : "a ") +
                            optionTypeName(spec->type) + ", got " + describe(value)});
      continue;
    }
    values.emplace(key, value);
  }
  for (const auto& s : specs) {
    if (given.count(s.name) > 0) continue;
    if (s.required) {
      issues.push_back({file, join(pathPrefix, s.name),
                        std::string("missing (required") + (s.description ? std::string(": ") + s.description : "") + ")"});
    } else if (s.defaultJson != nullptr) {
      auto def = parseJson(s.defaultJson);
      if (def.isOk()) values.emplace(s.name, std::move(def).value());
    }
  }
  return values;
}

void readInt(const std::map<std::string, JsonValue, std::less<>>& values, const char* key, std::int64_t& target,
             const std::string& file, const std::string& prefix, ConfigIssues& issues) {
  auto it = values.find(key);
  if (it == values.end()) return;
  if (it->second.asInt() <= 0) {
    issues.push_back({file, join(prefix, key), "must be greater than 0"});
    return;
  }
  target = it->second.asInt();
}

void readNonNegative(const std::map<std::string, JsonValue, std::less<>>& values, const char* key,
                     std::int64_t& target, const std::string& file, const std::string& prefix, ConfigIssues& issues) {
  auto it = values.find(key);
  if (it == values.end()) return;
  if (it->second.asInt() < 0) {
    issues.push_back({file, join(prefix, key), "must not be negative"});
    return;
  }
  target = it->second.asInt();
}

void expandEnvironment(JsonValue& value, const std::string& file, const std::string& path, ConfigIssues& issues) {
  if (value.isArray()) {
    auto& items = value.asArray();
    for (std::size_t i = 0; i < items.size(); ++i) {
      expandEnvironment(items[i], file, path + "[" + std::to_string(i) + "]", issues);
    }
    return;
  }
  if (value.isObject()) {
    for (auto& [key, member] : value.asObject()) expandEnvironment(member, file, join(path, key), issues);
    return;
  }
  if (!value.isString() || value.asString().find("${") == std::string::npos) return;
  const std::string& in = value.asString();
  std::string out;
  std::size_t pos = 0;
  while (pos < in.size()) {
    const std::size_t start = in.find("${", pos);
    if (start == std::string::npos) {
      out.append(in, pos);
      break;
    }
    out.append(in, pos, start - pos);
    const std::size_t end = in.find('}', start + 2);
    if (end == std::string::npos) {
      issues.push_back({file, path, "unterminated ${…} reference"});
      return;
    }
    const std::string name = in.substr(start + 2, end - start - 2);
    const char* env = name.empty() ? nullptr : std::getenv(name.c_str());
    if (env == nullptr) {
      issues.push_back({file, path, "environment variable " + name + " is not set"});
      return;
    }
    out += env;
    pos = end + 1;
  }
  value = JsonValue(std::move(out));
}

}  // namespace hamhub::host

#pragma once

/// @file options.h
/// @brief A plugin's option schema (declared once, in the manifest) and the validated values.
///
/// The host derives validation, `hamhub plugins --describe` and the docs from the same
/// `OptionSpec` table, so a plugin never validates types or required-ness itself.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "hamhub/json.h"

namespace hamhub {

/// @brief The JSON type an option's value must have.
enum class OptionType : std::uint32_t {
  String = 1,
  Integer = 2,
  Number = 3,
  Boolean = 4,
  StringList = 5,  ///< an array of strings
  Object = 6,      ///< any JSON object; the plugin checks its members in `configure`
  Array = 7,       ///< any JSON array; the plugin checks its items in `configure`. Since API 1.3.
};

/// @brief The name users read for an option type (`string`, `integer`, `list of strings`…).
const char* optionTypeName(OptionType type);

/// @brief One option in a plugin's schema. Plain data so it can live in a static manifest table.
struct OptionSpec {
  const char* name;          ///< key inside the source's `options` object
  OptionType type;
  bool required;
  bool secret;               ///< never printed or logged (passwords, tokens)
  const char* defaultJson;   ///< default as JSON text (e.g. `"30"`, `"\"GET\""`), or nullptr
  const char* description;   ///< one line for `plugins --describe` and the docs
};

/// @brief A source's option values after validation against the schema, defaults filled in.
///
/// Thread-safety: immutable after construction; safe to read from several threads.
class Options {
 public:
  Options() = default;
  explicit Options(std::map<std::string, JsonValue, std::less<>> values) : values_(std::move(values)) {}

  bool has(std::string_view name) const { return values_.find(name) != values_.end(); }

  /// @brief The value, or nullptr when the option is absent and has no default.
  const JsonValue* get(std::string_view name) const;

  std::string getString(std::string_view name, std::string_view fallback = {}) const;
  std::int64_t getInt(std::string_view name, std::int64_t fallback = 0) const;
  double getNumber(std::string_view name, double fallback = 0) const;
  bool getBool(std::string_view name, bool fallback = false) const;
  std::vector<std::string> getStringList(std::string_view name) const;

  const std::map<std::string, JsonValue, std::less<>>& all() const { return values_; }

 private:
  std::map<std::string, JsonValue, std::less<>> values_;
};

}  // namespace hamhub

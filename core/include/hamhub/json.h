#pragma once

/// @file json.h
/// @brief A small JSON toolkit for plugins and the host: a value type, a DOM parser, a streaming
///        (push) parser for feeds of any size, and a writer.
///
/// Parsers always enforce limits (depth, size) and report errors as `line L, column C: what`.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "hamhub/status.h"

namespace hamhub {

/// @brief A JSON value. Objects keep their members in document order.
///
/// Numbers keep an exact 64-bit integer when the text was an integer that fits, so ids such as
/// `"idData": 9007199254740993` survive a round trip.
class JsonValue {
 public:
  enum class Type { Null, Bool, Number, String, Array, Object };
  using Array = std::vector<JsonValue>;
  using Member = std::pair<std::string, JsonValue>;
  using Object = std::vector<Member>;

  JsonValue() = default;
  JsonValue(std::nullptr_t) {}                           // NOLINT(google-explicit-constructor)
  JsonValue(bool b) : v_(b) {}                           // NOLINT(google-explicit-constructor)
  JsonValue(int i) : v_(Number{static_cast<double>(i), i, true}) {}  // NOLINT
  JsonValue(std::int64_t i) : v_(Number{static_cast<double>(i), i, true}) {}  // NOLINT
  JsonValue(double d);                                   // NOLINT(google-explicit-constructor)
  JsonValue(std::string s) : v_(std::move(s)) {}         // NOLINT(google-explicit-constructor)
  JsonValue(std::string_view s) : v_(std::string(s)) {}  // NOLINT(google-explicit-constructor)
  JsonValue(const char* s) : v_(std::string(s)) {}       // NOLINT(google-explicit-constructor)
  JsonValue(Array a) : v_(std::move(a)) {}               // NOLINT(google-explicit-constructor)
  JsonValue(Object o) : v_(std::move(o)) {}              // NOLINT(google-explicit-constructor)

  /// @brief A number from its JSON text (keeps integers exact); nullopt-like Null on bad text.
  static JsonValue fromNumberText(std::string_view text);

  Type type() const { return static_cast<Type>(v_.index()); }
  bool isNull() const { return type() == Type::Null; }
  bool isBool() const { return type() == Type::Bool; }
  bool isNumber() const { return type() == Type::Number; }
  bool isString() const { return type() == Type::String; }
  bool isArray() const { return type() == Type::Array; }
  bool isObject() const { return type() == Type::Object; }
  /// @brief A number that is a whole value representable as int64.
  bool isInteger() const;

  /// @brief Accessors; each has the precondition that the type matches.
  bool asBool() const { return std::get<bool>(v_); }
  double asNumber() const { return std::get<Number>(v_).d; }
  std::int64_t asInt() const;
  const std::string& asString() const { return std::get<std::string>(v_); }
  /// @brief The string itself, e.g. to assign into its buffer instead of allocating a new one.
  std::string& asString() { return std::get<std::string>(v_); }
  const Array& asArray() const { return std::get<Array>(v_); }
  Array& asArray() { return std::get<Array>(v_); }
  const Object& asObject() const { return std::get<Object>(v_); }
  Object& asObject() { return std::get<Object>(v_); }

  /// @brief The member called `key` of an object (the first one), or nullptr (also for non-objects).
  const JsonValue* find(std::string_view key) const;

  /// @brief Sets member `key` of an object, replacing an existing one. Precondition: isObject().
  JsonValue& set(std::string key, JsonValue value);

  /// @brief Appends to an array. Precondition: isArray().
  void push(JsonValue value) { asArray().push_back(std::move(value)); }

  /// @brief The JSON type's name as users read it: `string`, `number`, `object`…
  static const char* typeName(Type type);

  bool operator==(const JsonValue& other) const;

 private:
  struct Number {
    double d;
    std::int64_t i;
    bool exact;
    bool operator==(const Number& o) const { return exact == o.exact && (exact ? i == o.i : d == o.d); }
  };
  std::variant<std::nullptr_t, bool, Number, std::string, Array, Object> v_;
};

/// @brief Limits and dialect for the parsers.
struct JsonParseOptions {
  bool allowComments = false;               ///< `//` and `/* */` comments (config files)
  std::size_t maxDepth = 64;                ///< nesting of arrays and objects
  std::size_t maxBytes = 64u * 1024 * 1024; ///< total input
  std::size_t maxStringBytes = 8u * 1024 * 1024;  ///< one string or key, after unescaping
};

/// @brief Parses a complete document. Errors: reason `invalid-json` or `too-large`, message
///        `line L, column C: …`.
Result<JsonValue> parseJson(std::string_view text, const JsonParseOptions& options = {});

/// @brief Receives the events of `JsonPushParser`. A non-ok Status stops the parse and is returned
///        from `feed`/`finish` unchanged. String views are valid only during the call.
class JsonHandler {
 public:
  virtual ~JsonHandler() = default;
  virtual Status onNull() = 0;
  virtual Status onBool(bool value) = 0;
  /// @param text the number exactly as written (use JsonValue::fromNumberText to convert)
  virtual Status onNumber(std::string_view text) = 0;
  virtual Status onString(std::string_view value) = 0;
  virtual Status onKey(std::string_view key) = 0;
  virtual Status onStartObject() = 0;
  virtual Status onEndObject() = 0;
  virtual Status onStartArray() = 0;
  virtual Status onEndArray() = 0;
};

/// @brief A streaming parser: feed it the document in chunks of any size (e.g. as an HTTP body
///        arrives); memory stays bounded by the longest single token, never by the document.
///
/// Not thread-safe; one parser per document.
class JsonPushParser {
 public:
  JsonPushParser(JsonHandler& handler, JsonParseOptions options = {});
  ~JsonPushParser();
  JsonPushParser(const JsonPushParser&) = delete;
  JsonPushParser& operator=(const JsonPushParser&) = delete;

  /// @brief Parses the next chunk. After an error every further call returns the same error.
  Status feed(std::string_view chunk);

  /// @brief Declares the end of input; fails if the document is incomplete ("unexpected end").
  Status finish();

  std::size_t line() const;
  std::size_t column() const;
  std::size_t bytesConsumed() const;
  /// @brief Strings (keys too) so far that were not valid UTF-8. The handler got them repaired:
  ///        well-formed sequences kept, every stray byte read as Windows-1252 (see utf8.h). A
  ///        connector says so in its log, as the site's encoding is the thing to fix.
  std::size_t repairedStrings() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

/// @brief Appends `s` as a quoted JSON string (escaping control characters, quotes, backslashes).
void appendJsonString(std::string& out, std::string_view s);

/// @brief Serialises a value: compact when `indent` < 0, else pretty with that many spaces.
std::string toJson(const JsonValue& value, int indent = -1);

/// @brief Writes JSON incrementally into a string, inserting commas itself.
///
/// Usage: `w.beginObject().key("id").value("16.73").endObject(); w.str();`
class JsonWriter {
 public:
  JsonWriter& beginObject();
  JsonWriter& endObject();
  JsonWriter& beginArray();
  JsonWriter& endArray();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(std::int64_t n);
  JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(double d);
  JsonWriter& value(bool b);
  JsonWriter& value(const JsonValue& v);
  JsonWriter& null();

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }
  /// Room for `bytes` of output up front: a writer called per record of a large feed otherwise
  /// grows its string several times over for each one.
  void reserve(std::size_t bytes) { out_.reserve(bytes); }

 private:
  void separate();
  std::string out_;
  std::vector<bool> first_;  // per open container: no member written yet
  bool afterKey_ = false;
};

}  // namespace hamhub

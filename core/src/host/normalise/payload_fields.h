#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hamhub::host {

/// The values at a few dotted paths of a JSON payload (`title`, `raw.pemrakarsa`), read in one
/// streaming pass without building a document tree: the normaliser reads every changed record,
/// and a tree per record cost more than the rest of its work.
class PayloadFields {
 public:
  struct Value {
    bool present = false;  // the key exists (even if null)
    bool null = false;
    std::string text;                // a string as is; a number or boolean as written
    std::vector<std::string> items;  // an array's string/number items
    bool array = false;
  };
  /// A wanted path and what was read for it.
  struct Entry {
    std::string path;
    Value value;
  };

  PayloadFields() = default;
  // The index points into the entries' own strings: a copy would point into the original.
  PayloadFields(const PayloadFields&) = delete;
  PayloadFields& operator=(const PayloadFields&) = delete;

  /// Extracts `paths` from `payload`; false if the payload is not a valid JSON object. Reading
  /// the next payload with the same paths reuses everything the last read allocated.
  bool read(std::string_view payload, const std::vector<std::string>& paths);

  /// The entry for `path`, or nullptr when it is not one of the paths read.
  Value* slot(std::string_view path);

  const Value* find(const std::string& path) const;
  /// The same for the path at `position` in the last read's `paths` (nullptr when absent).
  const Value* at(std::size_t position) const {
    const Value& v = entries_[position].value;
    return v.present ? &v : nullptr;
  }
  /// The text of a path, or "" when absent, null or not a scalar.
  std::string text(const std::string& path) const { return textOf(find(path)); }
  /// Absent, null, "", "-" and [] all count as "no value".
  bool hasValue(const std::string& path) const { return filled(find(path)); }
  /// The same two for a value from find() or at().
  static std::string textOf(const Value* v) { return v == nullptr || v->null || v->array ? std::string() : v->text; }
  static bool filled(const Value* v);

 private:
  // Entries keep their buffers from read to read; the index points into their paths.
  std::vector<Entry> entries_;
  std::unordered_map<std::string_view, std::size_t> index_;
};

}  // namespace hamhub::host

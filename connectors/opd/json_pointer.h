#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <hamhub/json.h>
#include <hamhub/status.h>

namespace hamhub::opd {

/// A JSON pointer (RFC 6901), parsed once: "" is the whole document, "/data/items" a member of
/// a member, "/a~1b" the member "a/b", "/list/0" the first element of an array.
class JsonPointer {
 public:
  JsonPointer() = default;

  /// Errors (reason `invalid-option`): text that is neither empty nor starts with '/', and `~`
  /// followed by anything but 0 or 1.
  static Result<JsonPointer> parse(std::string_view text);

  const std::vector<std::string>& tokens() const { return tokens_; }
  const std::string& text() const { return text_; }
  bool isWholeDocument() const { return tokens_.empty(); }

  /// The value the pointer designates inside `document`, or nullptr when it designates nothing.
  const JsonValue* resolve(const JsonValue& document) const;

 private:
  std::vector<std::string> tokens_;
  std::string text_;
};

}  // namespace hamhub::opd

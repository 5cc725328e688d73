#include "json_pointer.h"

#include <charconv>

namespace hamhub::opd {

namespace {

// RFC 6901 §4: an array index is "0" or digits without a leading zero.
bool arrayIndex(const std::string& token, std::size_t& index) {
  if (token.empty() || (token.size() > 1 && token[0] == '0')) return false;
  const char* end = token.data() + token.size();
  auto [ptr, ec] = std::from_chars(token.data(), end, index);
  return ec == std::errc() && ptr == end;
}

}  // namespace

Result<JsonPointer> JsonPointer::parse(std::string_view text) {
  JsonPointer pointer;
  pointer.text_ = std::string(text);
  if (text.empty()) return pointer;
  if (text.front() != '/') {
    return Status::error("JSON pointer '" + std::string(text) + "' must be empty or start with '/'",
                         "invalid-option");
  }
  std::string token;
  for (std::size_t i = 1; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '/') {
      pointer.tokens_.push_back(std::move(token));
      token.clear();
      continue;
    }
    if (text[i] != '~') {
      token += text[i];
      continue;
    }
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (next != '0' && next != '1') {
      return Status::error("JSON pointer '" + std::string(text) + "': '~' must be followed by 0 or 1",
                           "invalid-option");
    }
    token += next == '0' ? '~' : '/';
    ++i;
  }
  return pointer;
}

const JsonValue* JsonPointer::resolve(const JsonValue& document) const {
  const JsonValue* at = &document;
  for (const auto& token : tokens_) {
    if (at->isObject()) {
      at = at->find(token);
    } else if (at->isArray()) {
      std::size_t index = 0;
      if (!arrayIndex(token, index) || index >= at->asArray().size()) return nullptr;
      at = &at->asArray()[index];
    } else {
      return nullptr;
    }
    if (at == nullptr) return nullptr;
  }
  return at;
}

}  // namespace hamhub::opd

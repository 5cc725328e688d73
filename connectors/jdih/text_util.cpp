#include "text_util.h"

#include <algorithm>

namespace hamhub::jdih {

namespace {

bool isAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Length of a whitespace sequence starting at `text[i]` (ASCII space or UTF-8 NBSP), or 0.
std::size_t spaceAt(std::string_view text, std::size_t i) {
  if (isAsciiSpace(text[i])) return 1;
  if (i + 1 < text.size() && static_cast<unsigned char>(text[i]) == 0xC2 &&
      static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    return 2;
  }
  return 0;
}

// Length of a whitespace sequence ending just before `text[end]`, or 0.
std::size_t spaceBefore(std::string_view text, std::size_t end) {
  if (isAsciiSpace(text[end - 1])) return 1;
  if (end >= 2 && static_cast<unsigned char>(text[end - 2]) == 0xC2 &&
      static_cast<unsigned char>(text[end - 1]) == 0xA0) {
    return 2;
  }
  return 0;
}

}  // namespace

std::string_view trim(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t n = spaceAt(text, begin);
    if (n == 0) break;
    begin += n;
  }
  std::size_t end = text.size();
  while (end > begin) {
    const std::size_t n = spaceBefore(text, end);
    if (n == 0) break;
    end -= n;
  }
  return text.substr(begin, end - begin);
}

std::string toLowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string collapseSpaces(std::string_view text) {
  text = trim(text);
  std::string out;
  out.reserve(text.size());
  bool pendingSpace = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = spaceAt(text, i);
    if (n > 0) {
      pendingSpace = true;
      i += n;
      continue;
    }
    if (pendingSpace) out.push_back(' ');
    pendingSpace = false;
    out.push_back(text[i++]);
  }
  return out;
}

bool isBlankMarker(std::string_view text) {
  const std::string_view t = trim(text);
  return t.empty() || t == "-";
}

std::string scalarText(const JsonValue* value) {
  if (value == nullptr) return {};
  switch (value->type()) {
    case JsonValue::Type::String: {
      const std::string_view t = trim(value->asString());
      return isBlankMarker(t) ? std::string() : std::string(t);
    }
    case JsonValue::Type::Number:
      return value->isInteger() ? std::to_string(value->asInt()) : toJson(*value);
    case JsonValue::Type::Bool:
      return value->asBool() ? "true" : "false";
    default:
      return {};
  }
}

std::string findKeyword(std::string_view text, const std::vector<std::string>& keywords) {
  if (keywords.empty()) return {};
  const std::string lower = toLowerAscii(text);
  for (const auto& keyword : keywords) {
    if (!keyword.empty() && lower.find(keyword) != std::string::npos) return keyword;
  }
  return {};
}

std::string displayUrl(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  const std::size_t authority = scheme + 3;
  const std::size_t end = std::min(url.find_first_of("/?#", authority), url.size());
  const std::size_t at = url.substr(authority, end - authority).rfind('@');
  if (at == std::string_view::npos) return std::string(url);
  return std::string(url.substr(0, authority)) + std::string(url.substr(authority + at + 1));
}

std::string snippet(std::string_view text, std::size_t maxChars) {
  text = trim(text);
  std::string out;
  for (char c : text.substr(0, maxChars)) {
    out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
  }
  // Never end inside a UTF-8 sequence: drop a last sequence that is shorter than its lead byte says.
  std::size_t lead = out.size();
  while (lead > 0 && (static_cast<unsigned char>(out[lead - 1]) & 0xC0) == 0x80) --lead;
  if (lead > 0) {
    const auto byte = static_cast<unsigned char>(out[lead - 1]);
    const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    if (out.size() - (lead - 1) < length) out.resize(lead - 1);
  }
  if (text.size() > maxChars) out += "…";
  return out;
}

}  // namespace hamhub::jdih

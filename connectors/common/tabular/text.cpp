#include "text.h"

#include <algorithm>
#include <cstdint>

namespace hamhub::tabular {

namespace {

bool isSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// U+00A0 in UTF-8; Excel users type it through copy-paste from web pages.
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

}  // namespace

std::string_view trim(std::string_view text) {
  for (;;) {
    if (!text.empty() && isSpace(static_cast<unsigned char>(text.front()))) {
      text.remove_prefix(1);
    } else if (text.starts_with(kNoBreakSpace)) {
      text.remove_prefix(kNoBreakSpace.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!text.empty() && isSpace(static_cast<unsigned char>(text.back()))) {
      text.remove_suffix(1);
    } else if (text.ends_with(kNoBreakSpace)) {
      text.remove_suffix(kNoBreakSpace.size());
    } else {
      break;
    }
  }
  return text;
}

std::string foldHeader(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool nbsp = text.substr(i).starts_with(kNoBreakSpace);
    if (isSpace(c) || nbsp) {
      space = true;
      if (nbsp) ++i;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
  }
  return out;
}

std::string columnLetters(std::size_t column) {
  std::string out;
  std::size_t n = column + 1;
  while (n > 0) {
    const std::size_t rem = (n - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + rem));
    n = (n - 1) / 26;
  }
  return out;
}

std::size_t columnFromReference(std::string_view reference) {
  std::size_t column = 0;
  std::size_t letters = 0;
  for (char c : reference) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    // XFD (16384) is Excel's last column; more letters are garbage, not a column.
    if (++letters > 3) return std::string_view::npos;
  }
  return letters == 0 ? std::string_view::npos : column - 1;
}

std::vector<std::string> splitLinks(std::string_view text, std::string* rest) {
  std::vector<std::string> links;
  std::string others;
  std::size_t i = 0;
  const auto separator = [](char c) { return isSpace(static_cast<unsigned char>(c)) || c == ';' || c == ',' || c == '|'; };
  while (i < text.size()) {
    while (i < text.size() && separator(text[i])) ++i;
    std::size_t end = i;
    while (end < text.size() && !separator(text[end])) ++end;
    if (end > i) {
      const std::string_view token = text.substr(i, end - i);
      std::string lower(token.substr(0, 8));
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
      if (lower.starts_with("http://") || lower.starts_with("https://")) {
        if (std::find(links.begin(), links.end(), token) == links.end()) links.emplace_back(token);
      } else {
        if (!others.empty()) others.push_back(' ');
        others.append(token);
      }
    }
    i = end;
  }
  if (rest != nullptr) *rest = std::move(others);
  return links;
}

}  // namespace hamhub::tabular

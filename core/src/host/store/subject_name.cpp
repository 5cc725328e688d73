#include "host/store/subject_name.h"

#include <array>

namespace hamhub::host {
namespace {

bool isAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// After punctuation became spaces, "Kab." reads as "kab ".
constexpr std::array<std::string_view, 2> kRegencyPrefixes{"kabupaten ", "kab "};

}  // namespace

std::string normalizeSubjectName(std::string_view name) {
  // Pass 1: lower-case words separated by single spaces.
  std::string words;
  words.reserve(name.size());
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || isAsciiAlnum(c)) {
      words.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
    } else if (!words.empty() && words.back() != ' ') {
      words.push_back(' ');
    }
  }
  std::string_view rest(words);
  for (const std::string_view prefix : kRegencyPrefixes) {
    if (rest.starts_with(prefix)) {
      rest.remove_prefix(prefix.size());
      break;
    }
  }
  // Pass 2: drop the spaces, which is what makes "Lubuk Linggau" meet "Lubuklinggau".
  std::string key;
  key.reserve(rest.size());
  for (const char ch : rest) {
    if (ch != ' ') key.push_back(ch);
  }
  return key;
}

}  // namespace hamhub::host

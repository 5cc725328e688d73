#pragma once

// The scans and pieces of JSON grammar that the SDK's parser and writer share, and that the
// host's PayloadFields reads payloads with. Not part of the SDK's public headers.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace hamhub::detail {

/// The offset of the first byte in [data, data + size) that a JSON string cannot hold as is: '"',
/// '\\' or a control character (< 0x20); `size` if there is none. Eight bytes per step (SWAR):
/// strings are most of a feed's bytes, and a byte-at-a-time loop was the parser's largest cost.
/// `seen` gets every scanned byte OR-ed in (a few past the result too): its 0x80 bits tell the
/// parser, at no extra pass, whether the text can be anything but ASCII.
inline std::size_t findJsonSpecial(const char* data, std::size_t size, std::uint64_t& seen) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, data + i, 8);
    seen |= w;
    const std::uint64_t quote = w ^ (kOnes * '"');
    const std::uint64_t backslash = w ^ (kOnes * '\\');
    // A byte is flagged when it is zero (quote, backslash) or below 0x20; a flag can be wrong only
    // in bytes after a truly flagged one (borrows), so the lowest flag is always right. Bytes of
    // 0x80 and above are never flagged: the "& ~x" terms drop them.
    const std::uint64_t flags = (((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) |
                                 ((w - kOnes * 0x20) & ~w)) &
                                kHigh;
    if (flags != 0) return i + static_cast<std::size_t>(__builtin_ctzll(flags)) / 8;
  }
  for (; i < size; ++i) {
    const auto c = static_cast<unsigned char>(data[i]);
    seen |= c;
    if (c == '"' || c == '\\' || c < 0x20) return i;
  }
  return size;
}

inline std::size_t findJsonSpecial(const char* data, std::size_t size) {
  std::uint64_t unused = 0;
  return findJsonSpecial(data, size, unused);
}

/// Whether bytes OR-ed together as findJsonSpecial's `seen` held one of 0x80 or above.
inline bool sawNonAscii(std::uint64_t seen) { return (seen & 0x8080808080808080ULL) != 0; }

/// What a lone or broken UTF-16 surrogate in a \\u escape becomes.
constexpr unsigned kReplacementChar = 0xFFFD;

/// Appends code point `cp` as UTF-8.
inline void appendUtf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

/// What the one-letter escape `\\e` stands for, or 0 when `e` is not one (`u` included).
inline char simpleEscape(char e) {
  switch (e) {
    case '"': return '"';
    case '\\': return '\\';
    case '/': return '/';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return 0;
  }
}

/// The value of hex digit `h`, or -1.
inline int hexValue(char h) {
  if (h >= '0' && h <= '9') return h - '0';
  if (h >= 'a' && h <= 'f') return h - 'a' + 10;
  if (h >= 'A' && h <= 'F') return h - 'A' + 10;
  return -1;
}

/// True when `t` is exactly one JSON number.
inline bool isValidJsonNumber(std::string_view t) {
  std::size_t i = 0;
  const auto digit = [&](std::size_t k) { return k < t.size() && t[k] >= '0' && t[k] <= '9'; };
  if (i < t.size() && t[i] == '-') ++i;
  if (!digit(i)) return false;
  if (t[i] == '0') {
    ++i;
  } else {
    while (digit(i)) ++i;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  return i == t.size();
}

}  // namespace hamhub::detail

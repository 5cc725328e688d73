#include <hamhub/utf8.h>

#include <cstdint>
#include <cstring>

#include "json_scan.h"

namespace hamhub {

namespace {

// The length of the well-formed UTF-8 sequence at `p` (1 for ASCII), or 0 when the byte there
// starts none.
std::size_t sequenceLength(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = *p;
  if (c < 0x80) return 1;
  std::size_t length = 0;
  std::uint32_t code = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
    code = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    code = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    code = c & 0x07;
  } else {
    return 0;
  }
  if (static_cast<std::size_t>(end - p) < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    code = (code << 6) | (p[i] & 0x3F);
  }
  if ((length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
      (length == 4 && (code < 0x10000 || code > 0x10FFFF))) {
    return 0;
  }
  return length;
}

// The offset of the first byte of 0x80 or above, eight bytes per step: nearly all of a feed's text
// is ASCII, and this runs over every string the JSON parser reads.
std::size_t asciiPrefix(const char* data, std::size_t size) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, data + i, 8);
    if ((w & kHigh) != 0) return i + static_cast<std::size_t>(__builtin_ctzll(w & kHigh)) / 8;
  }
  while (i < size && static_cast<unsigned char>(data[i]) < 0x80) ++i;
  return i;
}

// 0x80–0x9F: the printable characters Windows-1252 puts where Latin-1 has C1 controls.
constexpr std::uint16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void appendWindows1252Byte(std::string& out, unsigned char c) {
  detail::appendUtf8(out, c < 0x80 ? c : c < 0xA0 ? kWindows1252High[c - 0x80] : c);
}

}  // namespace

void appendUtf8(std::string& out, char32_t cp) { detail::appendUtf8(out, static_cast<unsigned>(cp)); }

bool isValidUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    p += asciiPrefix(reinterpret_cast<const char*>(p), static_cast<std::size_t>(end - p));
    if (p == end) break;
    const std::size_t length = sequenceLength(p, end);
    if (length == 0) return false;
    p += length;
  }
  return true;
}

void appendWindows1252AsUtf8(std::string& out, std::string_view text) {
  for (char c : text) appendWindows1252Byte(out, static_cast<unsigned char>(c));
}

void appendRepairedUtf8(std::string& out, std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const std::size_t ascii = asciiPrefix(reinterpret_cast<const char*>(p), static_cast<std::size_t>(end - p));
    out.append(reinterpret_cast<const char*>(p), ascii);
    p += ascii;
    if (p == end) break;
    if (const std::size_t length = sequenceLength(p, end); length > 0) {
      out.append(reinterpret_cast<const char*>(p), length);
      p += length;
    } else {
      appendWindows1252Byte(out, *p++);
    }
  }
}

}  // namespace hamhub

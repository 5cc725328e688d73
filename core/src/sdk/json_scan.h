#pragma once

// Internal to the SDK library: the scan the JSON parser and writer share.

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace hamhub::detail {

/// The offset of the first byte in [data, data + size) that a JSON string cannot hold as is: '"',
/// '\\' or a control character (< 0x20); `size` if there is none. Eight bytes per step (SWAR):
/// strings are most of a feed's bytes, and a byte-at-a-time loop was the parser's largest cost.
inline std::size_t findJsonSpecial(const char* data, std::size_t size) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, data + i, 8);
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
    if (c == '"' || c == '\\' || c < 0x20) return i;
  }
  return size;
}

}  // namespace hamhub::detail

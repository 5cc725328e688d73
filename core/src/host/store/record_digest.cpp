#include "host/store/record_digest.h"

#include <optional>

namespace hamhub::host {

namespace {

std::optional<unsigned> hexValue(char c) {
  if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
  return std::nullopt;
}

// The first 16 bytes of lower-case SHA-256 hex, or nothing when `text` is not such hex.
std::optional<Digest128> parseHex(std::string_view text) {
  if (text.size() != 64) return std::nullopt;
  Digest128 d;
  for (std::size_t i = 0; i < 64; ++i) {
    const auto v = hexValue(text[i]);
    if (!v) return std::nullopt;
    if (i < 16) d.hi = (d.hi << 4) | *v;
    else if (i < 32) d.lo = (d.lo << 4) | *v;
  }
  return d;
}

}  // namespace

Digest128 truncate(const Sha256Digest& digest) {
  Digest128 d;
  for (std::size_t i = 0; i < 8; ++i) {
    d.hi = (d.hi << 8) | digest[i];
    d.lo = (d.lo << 8) | digest[i + 8];
  }
  return d;
}

Digest128 digestOf(std::initializer_list<std::string_view> parts) { return truncate(sha256Parts(parts)); }

Digest128 contentHashDigest(std::string_view contentHash) {
  if (auto parsed = parseHex(contentHash)) return *parsed;
  return digestOf({contentHash});
}

}  // namespace hamhub::host

#pragma once

// 128-bit digests that stand in for a record's (kind, key) and content hash in the harvest's
// in-memory index, so it holds 40 bytes a record rather than three strings.

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "host/util/sha256.h"

namespace hamhub::host {

struct Digest128 {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;
  friend bool operator==(const Digest128&, const Digest128&) = default;
};

/// The first 128 bits of a SHA-256 digest.
Digest128 truncate(const Sha256Digest& digest);

/// Truncated SHA-256 over the parts (separated as in sha256Parts). Being cryptographic, two
/// distinct inputs share a digest with probability about n²/2¹²⁹ among n (about 10⁻²⁷ for a
/// million keys), and nobody can craft a pair on purpose; see RecordIndex for what a collision
/// would still not break.
Digest128 digestOf(std::initializer_list<std::string_view> parts);

/// The digest of a record's identity within its source.
inline Digest128 recordKeyDigest(std::string_view kind, std::string_view key) { return digestOf({kind, key}); }

/// The digest of a stored content hash: the hash's own first 128 bits when it is SHA-256 hex (as
/// the harvest writes), else a digest of the text, so any stored value maps to one digest.
Digest128 contentHashDigest(std::string_view contentHash);

}  // namespace hamhub::host

#pragma once

#include <array>
#include <initializer_list>
#include <string>
#include <string_view>

namespace hamhub::host {

/// SHA-256 over parts, each followed by a separator byte that UTF-8 text never holds, so
/// ("ab", "c") and ("a", "bc") differ. One context is kept per thread: the harvest hashes every
/// record (and every stored key when it loads a source's index), and a fresh OpenSSL context per
/// call costs an allocation and a provider lookup.
using Sha256Digest = std::array<unsigned char, 32>;
Sha256Digest sha256Parts(std::initializer_list<std::string_view> parts);

/// Lower-case hex of a digest.
std::string toHex(const Sha256Digest& digest);

}  // namespace hamhub::host

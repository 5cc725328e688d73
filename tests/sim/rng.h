#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hamhub::sim {

/// SplitMix64: tiny, fast, and the same numbers on every platform and standard library
/// (std::uniform_int_distribution is not), which is what "same seed, same bytes" needs.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  /// A generator for one item, derived from several keys (seed, site, document, …).
  static Rng forKeys(std::initializer_list<std::uint64_t> keys) {
    std::uint64_t h = 0x6a09e667f3bcc909ULL;
    for (std::uint64_t k : keys) h = mix(h ^ (k + 0x9e3779b97f4a7c15ULL));
    return Rng(h);
  }

  std::uint64_t next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return mix(state_);
  }
  /// Uniform in [0, n); n > 0.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  /// Uniform in [lo, hi].
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1))); }
  /// True with probability p.
  bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
  template <typename T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(N)];
  }

  static std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

/// Distinct random indexes from [0, n), each handed out once: what a mutation changes or removes
/// among the items that were there before it.
class DistinctPicker {
 public:
  DistinctPicker(std::size_t n, Rng& rng) : rng_(rng), left_(n) {
    for (std::size_t i = 0; i < n; ++i) left_[i] = i;
  }
  /// The next index; empty once every index was taken.
  std::optional<std::size_t> next() {
    if (left_.empty()) return std::nullopt;
    const std::size_t k = rng_.below(left_.size());
    const std::size_t index = left_[k];
    left_.erase(left_.begin() + static_cast<std::ptrdiff_t>(k));
    return index;
  }

 private:
  Rng& rng_;
  std::vector<std::size_t> left_;
};

/// FNV-1a 64-bit, for ETags.
inline std::uint64_t fnv1a64(std::string_view data) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

/// A strong ETag for a page body: its FNV-1a hash in hex, quoted ("\"5f0c…\"").
inline std::string etagOf(std::string_view body) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "\"%016llx\"", static_cast<unsigned long long>(fnv1a64(body)));
  return buffer;
}

}  // namespace hamhub::sim

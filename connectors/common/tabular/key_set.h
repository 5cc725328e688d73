#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace hamhub::tabular {

/// The natural keys seen in one file, to report a duplicate with the row that had it first.
/// Holds a 64-bit hash and a row number per key (16 bytes a slot) rather than the keys, so a
/// million-row file costs some 32 MB at worst; two distinct keys share a hash with a
/// probability of about n²/2⁶⁵ (1 in 30 million for a million rows).
class KeySet {
 public:
  /// Adds the key; returns 0 when it is new, else the row that had it first.
  std::size_t insert(std::string_view kind, std::string_view key, std::size_t row);
  void clear();

 private:
  struct Slot {
    std::uint64_t hash = 0;  // 0: free
    std::uint64_t row = 0;
  };
  void grow();

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

}  // namespace hamhub::tabular

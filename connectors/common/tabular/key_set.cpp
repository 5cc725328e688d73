#include "key_set.h"

#include <functional>
#include <string>

namespace hamhub::tabular {

namespace {

std::uint64_t hashOf(std::string_view kind, std::string_view key) {
  // FNV-1a over kind, a separator and key, finished with a 64-bit mixer (splitmix64) so that
  // similar keys spread over the table.
  std::uint64_t h = 1469598103934665603ull;
  const auto add = [&h](std::string_view s) {
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
  };
  add(kind);
  add(std::string_view("\x1f", 1));
  add(key);
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h == 0 ? 1 : h;
}

}  // namespace

void KeySet::clear() {
  slots_.clear();
  slots_.shrink_to_fit();
  used_ = 0;
}

void KeySet::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.hash == 0) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].hash != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

std::size_t KeySet::insert(std::string_view kind, std::string_view key, std::size_t row) {
  if ((used_ + 1) * 4 > slots_.size() * 3) grow();
  const std::uint64_t hash = hashOf(kind, key);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i].hash != 0) {
    if (slots_[i].hash == hash) return static_cast<std::size_t>(slots_[i].row);
    i = (i + 1) & mask;
  }
  slots_[i] = Slot{hash, row};
  ++used_;
  return 0;
}

}  // namespace hamhub::tabular

#include "host/store/record_index.h"

#include <limits>
#include <stdexcept>

namespace hamhub::host {

RecordIndex::Entry* RecordIndex::find(const Digest128& key) {
  if (heads_.empty()) return nullptr;
  for (std::uint32_t i = bucketOf(key); i != kNone;) {
    Entry& e = at(i);
    if (e.key == key) return &e;
    i = e.next;
  }
  return nullptr;
}

RecordIndex::Entry& RecordIndex::insert(const Digest128& key, const Digest128& content, std::uint8_t flags) {
  if (Entry* e = find(key)) {
    e->content = content;
    e->flags = flags;
    return *e;
  }
  return add(key, content, flags);
}

RecordIndex::Entry& RecordIndex::add(const Digest128& key, const Digest128& content, std::uint8_t flags) {
  if (size_ >= std::numeric_limits<std::uint32_t>::max() - 1) throw std::length_error("RecordIndex is full");
  if (size_ >= heads_.size()) grow();
  if (size_ == blocks_.size() * kBlockSize) {
    // Left uninitialised: pages of the block that are not used yet are never touched.
    blocks_.push_back(std::make_unique_for_overwrite<Entry[]>(kBlockSize));
  }
  const auto i = static_cast<std::uint32_t>(size_++);
  std::uint32_t& head = bucketOf(key);
  Entry& e = at(i);
  e = Entry{key, content, head, flags};
  head = i;
  return e;
}

std::size_t RecordIndex::currentCount() const {
  std::size_t n = 0;
  for (std::uint32_t i = 0; i < size_; ++i) n += at(i).withdrawn() ? 0 : 1;
  return n;
}

// Doubles the buckets and re-threads every entry; the entries themselves stay where they are.
void RecordIndex::grow() {
  heads_.assign(heads_.empty() ? 1024 : heads_.size() * 2, kNone);
  for (std::uint32_t i = 0; i < size_; ++i) {
    Entry& e = at(i);
    std::uint32_t& head = bucketOf(e.key);
    e.next = head;
    head = i;
  }
}

}  // namespace hamhub::host

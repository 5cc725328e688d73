#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "host/store/record_digest.h"

namespace hamhub::host {

/// What the harvest remembers of a source's records, to tell unchanged content without a query per
/// record and to find what a complete listing no longer has: per record, the digests of its (kind,
/// key) and of its content hash, whether it is withdrawn, and whether this run has seen it.
///
/// 40 bytes an entry in fixed-size blocks (entries never move, so growing never copies them) plus a
/// 4-byte chain head per bucket; a million records cost about 45 MB, where string maps cost ten
/// times that. Only digests are kept, so two keys sharing a 128-bit digest would share an entry.
/// That costs no data: a content hash covers kind and key, so a record is only skipped as unchanged
/// when its own stored content matches; a collision could only miscount a write as an update or
/// keep the other record from being withdrawn — at odds of about 10⁻²⁷ for a million keys.
///
/// Not thread-safe.
class RecordIndex {
 public:
  enum Flag : std::uint8_t {
    kWithdrawn = 1,  // withdrawn in the store (and not written again by this run)
    kSeen = 2,       // emitted by this run
  };

  struct Entry {
    Digest128 key;
    Digest128 content;
    std::uint32_t next;  // chain within a bucket
    std::uint8_t flags;
    bool withdrawn() const { return (flags & kWithdrawn) != 0; }
    bool seen() const { return (flags & kSeen) != 0; }
  };

  RecordIndex() = default;
  RecordIndex(RecordIndex&&) noexcept = default;
  RecordIndex& operator=(RecordIndex&&) noexcept = default;
  RecordIndex(const RecordIndex&) = delete;
  RecordIndex& operator=(const RecordIndex&) = delete;

  /// Adds an entry for `key`, or overwrites the content and flags of the one it has.
  Entry& insert(const Digest128& key, const Digest128& content, std::uint8_t flags);
  /// Adds an entry for a key find() has just not found, without looking for it again.
  Entry& add(const Digest128& key, const Digest128& content, std::uint8_t flags);

  Entry* find(const Digest128& key);
  const Entry* find(const Digest128& key) const { return const_cast<RecordIndex*>(this)->find(key); }
  const Entry* find(std::string_view kind, std::string_view key) const { return find(recordKeyDigest(kind, key)); }

  std::size_t size() const { return size_; }
  /// Entries not flagged withdrawn.
  std::size_t currentCount() const;
  bool empty() const { return size_ == 0; }

 private:
  static constexpr std::uint32_t kNone = 0xffffffffu;
  static constexpr unsigned kBlockBits = 14;  // 16384 entries, 640 KB a block
  static constexpr std::size_t kBlockSize = std::size_t{1} << kBlockBits;

  Entry& at(std::uint32_t i) { return blocks_[i >> kBlockBits][i & (kBlockSize - 1)]; }
  const Entry& at(std::uint32_t i) const { return blocks_[i >> kBlockBits][i & (kBlockSize - 1)]; }
  std::uint32_t& bucketOf(const Digest128& key) { return heads_[key.lo & (heads_.size() - 1)]; }
  void grow();

  std::vector<std::unique_ptr<Entry[]>> blocks_;
  std::vector<std::uint32_t> heads_;  // a power of two of chain heads, at most one entry a bucket on average
  std::size_t size_ = 0;
};

}  // namespace hamhub::host

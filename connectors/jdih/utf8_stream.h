#pragma once

#include <string>
#include <string_view>

namespace hamhub::jdih {

/// Repairs a stream that should be UTF-8 as it arrives, chunk by chunk: bytes that belong to no
/// well-formed sequence are read as Windows-1252 (hamhub/utf8.h), and a sequence split between two
/// chunks is held back until the next one completes it. For XML that declares UTF-8 (or nothing)
/// and is not: libxml2 would refuse the whole feed at the first stray byte.
///
/// Not thread-safe; one object per stream.
class Utf8StreamRepair {
 public:
  /// The text of `chunk`, repaired; a view of `chunk` itself when it needs nothing. Valid until
  /// the next call.
  std::string_view next(std::string_view chunk);
  /// What is still held back at the end of the stream (a sequence cut short), repaired.
  std::string_view finish();
  /// Whether any byte had to be read as Windows-1252.
  bool repaired() const { return repaired_; }

 private:
  std::string held_;    // the start of a sequence the previous chunk ended inside
  std::string joined_;  // held_ + a chunk
  std::string out_;
  bool repaired_ = false;
};

}  // namespace hamhub::jdih

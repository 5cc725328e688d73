#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "hamhub/status.h"
#include "host/store/store_types.h"

namespace hamhub::host {

/// An anonymous temporary file holding record writes a run has not committed yet, so that a
/// large harvest commits atomically at its end without keeping every changed record in memory.
/// The file disappears when the object (or the process) goes. Not thread-safe.
class SpillFile {
 public:
  SpillFile() = default;
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  /// Appends writes (creating the file on first use).
  Status append(const std::vector<StoredRecordWrite>& writes);

  std::size_t count() const { return count_; }
  bool empty() const { return count_ == 0; }

  /// Starts reading from the beginning.
  Status rewind();

  /// Replaces `out` with the next writes, up to about `maxBytes` of record data; false at the end.
  Result<bool> read(std::vector<StoredRecordWrite>& out, std::size_t maxBytes);

  /// Forgets everything written so far (after a commit).
  void clear();

 private:
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, Closer> file_;
  std::size_t count_ = 0;
  std::size_t read_ = 0;
  std::string buffer_;  // one record, reused
};

}  // namespace hamhub::host

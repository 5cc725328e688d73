#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <istream>
#include <streambuf>

#include "hamhub/status.h"

namespace hamhub::host {

/// A read-only streambuf over a raw HTTP body stream. Before every refill it asks a guard
/// (total deadline, cancellation); decoders such as Poco's inflater read in large blocks, so
/// this is the one place that sees every network read whatever sits on top of it.
/// Counts the raw (still encoded) bytes for the Content-Length check.
class GuardedInputBuf : public std::streambuf {
 public:
  /// Returns ok to go on reading; any error ends the stream (EOF) and is kept in `stopStatus`.
  using Guard = std::function<Status()>;

  GuardedInputBuf(std::istream& source, Guard guard);

  GuardedInputBuf(const GuardedInputBuf&) = delete;
  GuardedInputBuf& operator=(const GuardedInputBuf&) = delete;

  std::uint64_t rawBytes() const { return rawBytes_; }
  /// True once the source itself reported end of stream (not the guard).
  bool sourceEnded() const { return sourceEnded_; }
  /// Why the guard stopped the stream; ok when it did not.
  const Status& stopStatus() const { return stopStatus_; }

 protected:
  int_type underflow() override;

 private:
  std::istream& source_;
  Guard guard_;
  std::array<char, 16 * 1024> buffer_{};
  std::uint64_t rawBytes_ = 0;
  bool sourceEnded_ = false;
  Status stopStatus_;
};

}  // namespace hamhub::host

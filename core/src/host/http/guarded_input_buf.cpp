#include "host/http/guarded_input_buf.h"

#include <utility>

namespace hamhub::host {

GuardedInputBuf::GuardedInputBuf(std::istream& source, Guard guard)
    : source_(source), guard_(std::move(guard)) {}

GuardedInputBuf::int_type GuardedInputBuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (sourceEnded_ || !stopStatus_.isOk()) return traits_type::eof();
  if (guard_) {
    stopStatus_ = guard_();
    if (!stopStatus_.isOk()) return traits_type::eof();
  }
  // peek() blocks for at least one byte; readsome() then takes only what is already buffered,
  // so a slow server hands us small pieces instead of blocking until a full buffer arrives.
  if (traits_type::eq_int_type(source_.peek(), traits_type::eof())) {
    sourceEnded_ = true;
    return traits_type::eof();
  }
  const auto n = source_.readsome(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  if (n <= 0) {
    sourceEnded_ = true;
    return traits_type::eof();
  }
  rawBytes_ += static_cast<std::uint64_t>(n);
  setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
  return traits_type::to_int_type(*gptr());
}

}  // namespace hamhub::host

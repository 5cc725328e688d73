#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "hamhub/status.h"
#include "host/http/guarded_input_buf.h"

namespace hamhub::host {

struct BodyReadOptions {
  /// The response's Content-Encoding; gzip, x-gzip and deflate are decoded.
  std::string contentEncoding;
  /// -1 when the response did not declare one.
  std::int64_t contentLength = -1;
  /// Limit on decoded bytes.
  std::uint64_t maxBytes = 0;
  /// Stop quietly at `maxBytes` instead of failing with `too-large` (for error pages).
  bool truncateAtLimit = false;
  std::size_t chunkBytes = 64 * 1024;
  /// Redacted; starts every message.
  std::string url;
  GuardedInputBuf::Guard guard;
};

using BodyConsumer = std::function<Status(std::string_view chunk)>;

/// Reads a response body, decoding it, in chunks of `chunkBytes` handed to `consume`.
/// @param decodedBytes receives the number of decoded bytes handed to `consume`.
/// @return ok; the guard's or the consumer's Status unchanged; `too-large`; `io` for a body cut
///         short of its Content-Length. Exceptions from the stream (Poco's timeouts, resets,
///         corrupt gzip) propagate for the caller to classify.
Status readBody(std::istream& raw, const BodyReadOptions& options, const BodyConsumer& consume,
                std::uint64_t& decodedBytes);

}  // namespace hamhub::host

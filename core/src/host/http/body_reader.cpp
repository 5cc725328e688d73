#include "host/http/body_reader.h"

#include <algorithm>
#include <memory>
#include <vector>

#include <Poco/InflatingStream.h>
#include <Poco/String.h>

namespace hamhub::host {

namespace {

std::unique_ptr<std::istream> makeDecoder(const std::string& contentEncoding, std::istream& raw) {
  const auto encoding = Poco::toLower(Poco::trim(contentEncoding));
  std::unique_ptr<std::istream> decoder;
  if (encoding == "gzip" || encoding == "x-gzip") {
    decoder =
        std::make_unique<Poco::InflatingInputStream>(raw, Poco::InflatingStreamBuf::STREAM_GZIP);
  } else if (encoding == "deflate") {
    decoder =
        std::make_unique<Poco::InflatingInputStream>(raw, Poco::InflatingStreamBuf::STREAM_ZLIB);
  }
  return decoder;
}

bool isIdentity(const std::string& contentEncoding) {
  const auto encoding = Poco::toLower(Poco::trim(contentEncoding));
  return encoding.empty() || encoding == "identity";
}

Status readDecoded(std::istream& in, const BodyReadOptions& options, const BodyConsumer& consume,
                   std::uint64_t& decodedBytes) {
  std::vector<char> chunk(options.chunkBytes);
  for (;;) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto n = static_cast<std::uint64_t>(in.gcount());
    if (n > 0) {
      std::uint64_t take = n;
      if (decodedBytes + n > options.maxBytes) {
        if (!options.truncateAtLimit) {
          return Status::error(options.url + ": body exceeds the limit of " +
                                   std::to_string(options.maxBytes) + " bytes",
                               "too-large");
        }
        take = options.maxBytes - decodedBytes;
      }
      if (take > 0) {
        Status st = consume(std::string_view(chunk.data(), static_cast<std::size_t>(take)));
        decodedBytes += take;
        if (!st.isOk()) return st;
      }
      if (take < n) return Status::ok();
    }
    if (in.eof() || n == 0) return Status::ok();
  }
}

}  // namespace

Status readBody(std::istream& raw, const BodyReadOptions& options, const BodyConsumer& consume,
                std::uint64_t& decodedBytes) {
  decodedBytes = 0;
  // Without badbit in the masks, std::istream swallows Poco's exceptions (timeout, reset) and a
  // failed transfer would look like a short, successful body.
  raw.exceptions(std::ios::badbit);
  GuardedInputBuf guarded(raw, options.guard);
  std::istream guardedStream(&guarded);
  guardedStream.exceptions(std::ios::badbit);
  auto decoder = makeDecoder(options.contentEncoding, guardedStream);
  if (!decoder && !isIdentity(options.contentEncoding)) {
    // Brotli or zstd from a server that ignored Accept-Encoding: handing those bytes on would
    // surface as an invalid feed, blaming the site's data instead of its server.
    return Status::error(options.url + ": the body is encoded as '" + Poco::trim(options.contentEncoding) +
                             "', which the hub cannot read; it asks for gzip or deflate, and the server "
                             "should honour Accept-Encoding",
                         "invalid-payload");
  }
  if (decoder) decoder->exceptions(std::ios::badbit);
  std::istream& in = decoder ? *decoder : guardedStream;

  Status status;
  try {
    status = readDecoded(in, options, consume, decodedBytes);
  } catch (...) {
    // A guard stop ends the raw stream early; a decoder may then complain about a truncated
    // stream, but the real cause is the guard's.
    if (!guarded.stopStatus().isOk()) return guarded.stopStatus();
    throw;
  }
  if (!guarded.stopStatus().isOk()) return guarded.stopStatus();
  if (!status.isOk()) return status;
  if (options.contentLength >= 0 && guarded.sourceEnded() &&
      guarded.rawBytes() < static_cast<std::uint64_t>(options.contentLength)) {
    return Status::error(options.url + ": connection closed after " +
                             std::to_string(guarded.rawBytes()) + " of " +
                             std::to_string(options.contentLength) + " body bytes",
                         "io");
  }
  return Status::ok();
}

}  // namespace hamhub::host

#pragma once

#include <cstdint>
#include <string>

namespace hamhub::host {

/// What an operator can tune about outgoing HTTP; one value per client.
struct HttpClientConfig {
  int connectTimeoutMs = 10000;
  /// The longest silence tolerated while waiting for the response or for the next body bytes.
  int readTimeoutMs = 30000;
  /// The whole request, redirects and body included: a server that drips one byte per second
  /// must not hold a harvest forever.
  int totalTimeoutMs = 300000;
  /// Applies to decoded bytes, so a small gzip bomb cannot expand past it.
  std::uint64_t maxBodyBytes = 256ULL * 1024 * 1024;
  int maxRedirects = 5;
  bool verifyTls = true;
  /// PEM file or directory with trusted CAs; empty means the system's default CAs.
  std::string caFile;
  std::string userAgent = "hamhub/0.1";
  bool acceptGzip = true;
  /// Extra attempts after a transport failure (connect, timeout, reset) of an idempotent request
  /// whose body has not started streaming to the caller yet.
  int transportRetries = 0;
  /// Pause before retry n (1-based) is n times this.
  int retryBackoffMs = 500;
};

}  // namespace hamhub::host

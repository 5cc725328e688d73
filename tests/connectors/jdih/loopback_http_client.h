#pragma once

// ---------------------------------------------------------------------------------------------
// TEMPORARY TEST WIRING — replace with the host's client when merging.
//
// The host library (hamhub_host) does not build on the jdih branch yet (the store lives on
// another branch), so these tests cannot link host::PocoHttpClient. LoopbackHttpClient is a
// minimal stand-in with the same contract as far as the connector can tell: 2xx bodies
// streamed to the handler in 64 KiB chunks and the handler's Status returned unchanged, other
// statuses buffered, 304/HEAD without a body, Basic auth, If-None-Match / If-Modified-Since,
// and `too-large` beyond the body limit. When merging, make `JdihConnectorTest::makeClient`
// return a host::PocoHttpClient and delete this file.
// ---------------------------------------------------------------------------------------------

#include <cstdint>
#include <mutex>
#include <vector>

#include <hamhub/http.h>

namespace hamhub::test {

class LoopbackHttpClient final : public HttpClient {
 public:
  explicit LoopbackHttpClient(std::uint64_t maxBodyBytes = 256u * 1024 * 1024)
      : maxBodyBytes_(maxBodyBytes) {}

  Result<HttpResponse> fetch(const HttpRequest& request) override { return perform(request, nullptr); }
  Result<HttpResponse> fetch(const HttpRequest& request, const HttpBodyHandler& onBody) override {
    return perform(request, &onBody);
  }

  /// Every request made, in order.
  std::vector<HttpRequest> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  Result<HttpResponse> perform(const HttpRequest& request, const HttpBodyHandler* onBody);

  std::uint64_t maxBodyBytes_;
  mutable std::mutex mutex_;
  std::vector<HttpRequest> requests_;
};

}  // namespace hamhub::test

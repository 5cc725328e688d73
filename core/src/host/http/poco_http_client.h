#pragma once

#include <istream>
#include <memory>
#include <string>

#include <Poco/Net/Context.h>

#include "hamhub/http.h"
#include "host/http/cancellable_wait.h"
#include "host/http/host_rate_limiter.h"
#include "host/http/http_client_config.h"
#include "host/http/request_hop.h"
#include "host/http/transfer_watchdog.h"
#include "host/http/transport_error.h"

namespace Poco::Net {
class HTTPResponse;
}  // namespace Poco::Net

namespace hamhub::host {

/// The host's HttpClient, over Poco::Net (HTTP/1.1, one connection per request).
///
/// Errors are Statuses with the reasons listed in hamhub/http.h; their messages start with the
/// URL (userinfo removed). No exception leaves this class.
///
/// Thread-safe: one client may serve concurrent fetches (e.g. a connector's worker threads).
class PocoHttpClient final : public HttpClient {
 public:
  /// @param limiter shared by every client that must respect the same per-host rates; may be null.
  /// @param isCancelled asked before each step, between body chunks, while waiting for the rate
  ///        limit or a retry, and every few milliseconds from a watchdog thread while a socket
  ///        call blocks; must be thread-safe (e.g. read an atomic flag); may be empty.
  explicit PocoHttpClient(HttpClientConfig config,
                          std::shared_ptr<HostRateLimiter> limiter = nullptr,
                          CancelHook isCancelled = {});
  ~PocoHttpClient() override;

  PocoHttpClient(const PocoHttpClient&) = delete;
  PocoHttpClient& operator=(const PocoHttpClient&) = delete;

  Result<HttpResponse> fetch(const HttpRequest& request) override;
  Result<HttpResponse> fetch(const HttpRequest& request, const HttpBodyHandler& onBody) override;

  const HttpClientConfig& config() const { return config_; }

 private:
  struct Transfer;

  Result<HttpResponse> perform(const HttpRequest& request, const HttpBodyHandler* onBody);
  Result<HttpResponse> performWithRetries(const RequestHop& hop, Transfer& transfer);
  Result<HttpResponse> performHop(const RequestHop& hop, Transfer& transfer);
  Status readResponseBody(std::istream& in, const Poco::Net::HTTPResponse& head,
                          HttpResponse& response, Transfer& transfer, TransferWatchdog& watchdog,
                          const std::string& url);
  Status totalTimeout(const std::string& url) const;
  Status phaseTimeout(const std::string& url, HttpPhase phase) const;
  bool cancelled() const { return isCancelled_ && isCancelled_(); }

  const HttpClientConfig config_;
  const std::shared_ptr<HostRateLimiter> limiter_;
  const CancelHook isCancelled_;
};

}  // namespace hamhub::host

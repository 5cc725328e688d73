#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "hamhub/http.h"

namespace hamhub::host {

/// What the last response of a probe or harvest looked like, for the monitor: the connector
/// reports a classified Status, but not the HTTP status, the server's Retry-After or the start
/// of an error page.
struct ObservedResponse {
  int status = 0;  // 0: no response (transport failure)
  double elapsedMs = 0;
  std::optional<std::chrono::seconds> retryAfter;
  std::string bodyHead;  // the first bytes, to spot a maintenance notice
};

/// Passes every call to the client it wraps and keeps what the last response looked like.
class ObservingHttpClient final : public HttpClient {
 public:
  using Observer = std::function<void(const ObservedResponse&)>;
  /// `onResponse`, when given, also sees every response (a harvest makes several requests).
  explicit ObservingHttpClient(std::unique_ptr<HttpClient> inner, Observer onResponse = {});

  Result<HttpResponse> fetch(const HttpRequest& request) override;
  Result<HttpResponse> fetch(const HttpRequest& request, const HttpBodyHandler& onBody) override;

  const ObservedResponse& last() const { return last_; }

 private:
  void observe(const Result<HttpResponse>& response);

  std::unique_ptr<HttpClient> inner_;
  Observer onResponse_;
  ObservedResponse last_;
};

/// Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3); nullopt when absent or unreadable.
std::optional<std::chrono::seconds> parseRetryAfter(const std::string& value);

}  // namespace hamhub::host

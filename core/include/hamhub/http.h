#pragma once

/// @file http.h
/// @brief The HTTP client the host lends a plugin through its Context.
///
/// The host's client enforces connect/read timeouts, a maximum body size, a redirect limit, TLS
/// verification, gzip decoding, a per-host rate limit and cancellation. Plugins never open sockets
/// themselves, so operators configure all of that in one place.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hamhub/status.h"

namespace hamhub {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

/// @brief One request.
struct HttpRequest {
  std::string method = "GET";
  std::string url;
  HttpHeaders headers;
  std::string body;
  std::string ifNoneMatch;      ///< an ETag seen earlier: the server may answer 304
  std::string ifModifiedSince;  ///< a Last-Modified seen earlier: the server may answer 304
  std::string username;         ///< HTTP Basic auth when not empty
  std::string password;
  std::uint64_t maxBodyBytes = 0;  ///< 0: the client's configured limit; otherwise the lower of both
};

/// @brief One response. A status of 4xx/5xx is a response, not an error: see `checkHttpStatus`.
struct HttpResponse {
  int status = 0;
  std::string reason;
  HttpHeaders headers;
  std::string body;          ///< empty when the body was streamed to a handler
  std::string finalUrl;      ///< after redirects
  std::uint64_t bodyBytes = 0;
  double elapsedMs = 0;

  /// @brief A header's value (case-insensitive name), or an empty string.
  std::string header(std::string_view name) const;
  std::string contentType() const { return header("Content-Type"); }
  bool notModified() const { return status == 304; }
};

/// @brief Receives the body as it arrives; a non-ok Status aborts the transfer with that error.
using HttpBodyHandler = std::function<Status(std::string_view chunk)>;

/// @brief Classifies a response status: ok for 2xx and 304; otherwise an error whose reason is
///        `maintenance-status` (503), `http-5xx`, `http-429` or `http-4xx`, with the URL in the message.
Status checkHttpStatus(const HttpResponse& response, std::string_view url);

/// @brief The client. Transport failures are errors with reasons `dns`, `connect-refused`,
///        `timeout`, `tls`, `too-large`, `too-many-redirects`, `cancelled`, `io`, `invalid-url`.
class HttpClient {
 public:
  virtual ~HttpClient() = default;

  /// @brief Performs the request and buffers the body (bounded by the size limit).
  virtual Result<HttpResponse> fetch(const HttpRequest& request) = 0;

  /// @brief Performs the request and streams a 2xx body to `onBody` in chunks; other statuses are
  ///        buffered into `body` as usual (they are small error pages).
  virtual Result<HttpResponse> fetch(const HttpRequest& request, const HttpBodyHandler& onBody) = 0;
};

}  // namespace hamhub

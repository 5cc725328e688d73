#include "host/http/poco_http_client.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/String.h>

#include "host/http/body_reader.h"
#include "host/http/http_connection.h"
#include "host/http/redact_url.h"
#include "host/http/tls_context.h"
#include "host/http/transfer_watchdog.h"
#include "host/http/transport_error.h"

namespace hamhub::host {

namespace {

using std::chrono::milliseconds;

// Error pages (maintenance notices, 404 pages) are kept for diagnosis, never large downloads.
constexpr std::uint64_t kErrorBodyCap = 1024 * 1024;
constexpr std::size_t kStreamChunkBytes = 64 * 1024;

SteadyClock::duration toDuration(int ms) {
  return std::chrono::duration_cast<SteadyClock::duration>(milliseconds(ms));
}

bool isIdempotent(const std::string& method) {
  for (const char* m : {"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}) {
    if (Poco::icompare(method, m) == 0) return true;
  }
  return false;
}

bool isRetriable(const Status& status) {
  return status.reason() == "connect-refused" || status.reason() == "timeout" ||
         status.reason() == "io";
}

HttpResponse convertHead(const Poco::Net::HTTPResponse& in) {
  HttpResponse out;
  out.status = static_cast<int>(in.getStatus());
  out.reason = in.getReason();
  for (const auto& [name, value] : in) out.headers.emplace_back(name, value);
  return out;
}

}  // namespace

// What one fetch carries across hops and retries.
struct PocoHttpClient::Transfer {
  const HttpBodyHandler* onBody;
  SteadyClock::time_point deadline;
  std::uint64_t maxBodyBytes;
  bool bodyStarted = false;  // a handler has seen bytes: the request can no longer be retried
};

PocoHttpClient::PocoHttpClient(HttpClientConfig config, std::shared_ptr<HostRateLimiter> limiter,
                               CancelHook isCancelled)
    : config_(std::move(config)),
      limiter_(std::move(limiter)),
      isCancelled_(std::move(isCancelled)) {}

PocoHttpClient::~PocoHttpClient() = default;

Result<HttpResponse> PocoHttpClient::fetch(const HttpRequest& request) {
  return perform(request, nullptr);
}

Result<HttpResponse> PocoHttpClient::fetch(const HttpRequest& request,
                                           const HttpBodyHandler& onBody) {
  return perform(request, &onBody);
}

Result<HttpResponse> PocoHttpClient::perform(const HttpRequest& request,
                                             const HttpBodyHandler* onBody) {
  const auto started = SteadyClock::now();
  std::uint64_t maxBody = config_.maxBodyBytes;
  if (request.maxBodyBytes > 0) maxBody = std::min(maxBody, request.maxBodyBytes);
  Transfer transfer{onBody, started + milliseconds(config_.totalTimeoutMs), maxBody};

  auto first = firstHop(request);
  if (!first) return first.status();
  RequestHop hop = std::move(first.value());

  for (int redirects = 0;; ++redirects) {
    auto response = performWithRetries(hop, transfer);
    if (!response) return response;
    const std::string location = response->header("Location");
    if (!isFollowedRedirect(response->status) || location.empty()) {
      response->finalUrl = redactUrl(hop.uri.toString());
      response->elapsedMs =
          std::chrono::duration<double, std::milli>(SteadyClock::now() - started).count();
      return response;
    }
    const std::string from = redactUrl(hop.uri.toString());
    if (redirects >= config_.maxRedirects) {
      return Status::error(redactUrl(request.url) + ": more than " +
                               std::to_string(config_.maxRedirects) + " redirects (last from " +
                               from + " to " + redactUrl(location) + ")",
                           "too-many-redirects");
    }
    Poco::URI target(hop.uri);
    try {
      target.resolve(location);
    } catch (const Poco::Exception& e) {
      return Status::error(from + ": redirect to an invalid location '" + redactUrl(location) +
                               "': " + e.displayText(),
                           "invalid-url");
    }
    const std::string scheme = Poco::toLower(target.getScheme());
    if ((scheme != "http" && scheme != "https") || target.getHost().empty()) {
      return Status::error(from + ": refusing to follow a redirect to " + redactUrl(location),
                           "invalid-url");
    }
    followRedirect(hop, response->status, target);
  }
}

Result<HttpResponse> PocoHttpClient::performWithRetries(const RequestHop& hop, Transfer& transfer) {
  const int attempts = 1 + (isIdempotent(hop.method) ? std::max(0, config_.transportRetries) : 0);
  for (int attempt = 1;; ++attempt) {
    auto response = performHop(hop, transfer);
    if (response || attempt >= attempts || transfer.bodyStarted ||
        !isRetriable(response.status())) {
      return response;
    }
    const auto pause = milliseconds(static_cast<long long>(config_.retryBackoffMs) * attempt);
    const auto resumeAt = SteadyClock::now() + pause;
    if (resumeAt >= transfer.deadline) return response;
    if (!sleepUntilUnlessCancelled(resumeAt, isCancelled_)) {
      return Status::error(redactUrl(hop.uri.toString()) + ": cancelled", "cancelled");
    }
  }
}

Result<HttpResponse> PocoHttpClient::performHop(const RequestHop& hop, Transfer& transfer) {
  const std::string url = redactUrl(hop.uri.toString());
  if (cancelled()) return Status::error(url + ": cancelled", "cancelled");
  if (isReservedInvalidName(hop.uri.getHost())) {
    return Status::error(
        url + ": cannot resolve host " + hop.uri.getHost() + " (.invalid never resolves)", "dns");
  }
  if (limiter_) {
    Status waited = limiter_->acquire(hop.uri.getHost(), isCancelled_, transfer.deadline);
    if (!waited) return waited.withContext(url);
  }
  Poco::Net::Context::Ptr tlsContext;
  if (Poco::icompare(hop.uri.getScheme(), "https") == 0) {
    auto shared = sharedClientTlsContext(config_);
    if (!shared.isOk()) return shared.status().withContext(url);
    tlsContext = *shared;
  }
  if (SteadyClock::now() >= transfer.deadline) return totalTimeout(url);

  const auto readTimeout = toDuration(config_.readTimeoutMs);
  TransferWatchdog watchdog(isCancelled_, transfer.deadline);
  HttpPhase phase = HttpPhase::kConnect;
  // Whatever a blocked call reports after the watchdog shut its socket down, the watchdog's
  // reason is the true one.
  auto verdict = [&]() -> Status {
    switch (watchdog.abortCause()) {
      case TransferWatchdog::Cause::kNone:
        return Status::ok();
      case TransferWatchdog::Cause::kCancelled:
        return Status::error(url + ": cancelled", "cancelled");
      case TransferWatchdog::Cause::kTotalDeadline:
        return totalTimeout(url);
      case TransferWatchdog::Cause::kPhaseDeadline:
        break;
    }
    return phaseTimeout(url, phase);
  };

  try {
    auto session = openSession(hop.uri, tlsContext, watchdog, toDuration(config_.connectTimeoutMs),
                               readTimeout, phase);

    phase = HttpPhase::kAwaitResponse;
    watchdog.setPhaseDeadline(SteadyClock::now() + readTimeout);
    std::string target = hop.uri.getPathAndQuery();
    if (target.empty()) target = "/";
    Poco::Net::HTTPRequest request(hop.method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    writeRequestHead(request, hop, config_);
    std::ostream& out = session->sendRequest(request);
    out.write(hop.body.data(), static_cast<std::streamsize>(hop.body.size()));
    out.flush();
    if (!out.good()) {
      if (const Poco::Exception* e = session->networkException()) e->rethrow();
      throw Poco::IOException("cannot send the request");
    }
    Poco::Net::HTTPResponse head;
    std::istream& in = session->receiveResponse(head);
    if (Status st = verdict(); !st) return st;

    HttpResponse response = convertHead(head);
    if (isFollowedRedirect(response.status) && !response.header("Location").empty()) {
      return response;  // its body is never read; the connection closes with the session
    }
    if (Poco::icompare(hop.method, "HEAD") == 0 || response.status == 204 ||
        response.status == 304) {
      return response;  // no body by definition, whatever Content-Length says
    }

    phase = HttpPhase::kReadBody;
    watchdog.setPhaseDeadline(SteadyClock::now() + readTimeout);
    Status read = readResponseBody(in, head, response, transfer, watchdog, url);
    // A socket shut down mid-body may look like a clean end of a chunked body.
    if (Status st = verdict(); !st) return st;
    if (!read) return read;
    return response;
  } catch (...) {
    if (Status st = verdict(); !st) return st;
    const bool connecting = phase == HttpPhase::kConnect || phase == HttpPhase::kTlsHandshake;
    return currentExceptionToStatus(url, phase,
                                    connecting ? config_.connectTimeoutMs : config_.readTimeoutMs);
  }
}

Status PocoHttpClient::readResponseBody(std::istream& in, const Poco::Net::HTTPResponse& head,
                                        HttpResponse& response, Transfer& transfer,
                                        TransferWatchdog& watchdog, const std::string& url) {
  const bool success = response.status >= 200 && response.status < 300;
  BodyReadOptions options;
  options.contentEncoding = head.get("Content-Encoding", "");
  options.contentLength = head.hasContentLength() ? head.getContentLength64() : -1;
  options.maxBytes =
      success ? transfer.maxBodyBytes : std::min(transfer.maxBodyBytes, kErrorBodyCap);
  options.truncateAtLimit = !success;
  options.chunkBytes = kStreamChunkBytes;
  options.url = url;
  if (success && options.contentLength > 0 &&
      static_cast<std::uint64_t>(options.contentLength) > options.maxBytes) {
    return Status::error(url + ": declared body of " + std::to_string(options.contentLength) +
                             " bytes exceeds the limit of " + std::to_string(options.maxBytes) +
                             " bytes",
                         "too-large");
  }

  const auto readTimeout = toDuration(config_.readTimeoutMs);
  options.guard = [&]() -> Status {
    // Checked here too, not only by the watchdog, so a steady drip stops exactly on time.
    if (cancelled()) return Status::error(url + ": cancelled", "cancelled");
    const auto now = SteadyClock::now();
    if (now >= transfer.deadline) return totalTimeout(url);
    watchdog.setPhaseDeadline(now + readTimeout);  // data arrived: the silence clock restarts
    return Status::ok();
  };

  BodyConsumer consume;
  if (success && transfer.onBody != nullptr) {
    consume = [&](std::string_view chunk) {
      transfer.bodyStarted = true;
      return (*transfer.onBody)(chunk);
    };
  } else {
    if (options.contentLength > 0) {
      response.body.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(
          static_cast<std::uint64_t>(options.contentLength), options.maxBytes)));
    }
    consume = [&](std::string_view chunk) {
      response.body.append(chunk);
      return Status::ok();
    };
  }
  return readBody(in, options, consume, response.bodyBytes);
}

Status PocoHttpClient::totalTimeout(const std::string& url) const {
  return Status::error(url + ": did not complete within the total limit of " +
                           std::to_string(config_.totalTimeoutMs) + " ms",
                       "timeout");
}

Status PocoHttpClient::phaseTimeout(const std::string& url, HttpPhase phase) const {
  switch (phase) {
    case HttpPhase::kConnect:
      return Status::error(
          url + ": could not connect within " + std::to_string(config_.connectTimeoutMs) + " ms",
          "timeout");
    case HttpPhase::kTlsHandshake:
      return Status::error(url + ": TLS handshake did not complete within " +
                               std::to_string(config_.connectTimeoutMs) + " ms",
                           "timeout");
    case HttpPhase::kAwaitResponse:
      return Status::error(
          url + ": no response within " + std::to_string(config_.readTimeoutMs) + " ms", "timeout");
    case HttpPhase::kReadBody:
      break;
  }
  return Status::error(
      url + ": no data for " + std::to_string(config_.readTimeoutMs) + " ms while reading the body",
      "timeout");
}

}  // namespace hamhub::host

// TEMPORARY TEST WIRING — see loopback_http_client.h.

#include "loopback_http_client.h"

#include <algorithm>
#include <istream>
#include <string>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/URI.h>

namespace hamhub::test {

namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr std::uint64_t kErrorBodyCap = 1024 * 1024;

}  // namespace

Result<HttpResponse> LoopbackHttpClient::perform(const HttpRequest& request, const HttpBodyHandler* onBody) {
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(request);
  }
  const std::uint64_t limit =
      request.maxBodyBytes > 0 ? std::min(request.maxBodyBytes, maxBodyBytes_) : maxBodyBytes_;
  try {
    const Poco::URI uri(request.url);
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    session.setTimeout(Poco::Timespan(10, 0));
    std::string target = uri.getPathAndQuery();
    Poco::Net::HTTPRequest head(request.method, target.empty() ? "/" : target,
                                Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : request.headers) head.set(name, value);
    if (!request.username.empty()) {
      Poco::Net::HTTPBasicCredentials(request.username, request.password).authenticate(head);
    }
    if (!request.ifNoneMatch.empty()) head.set("If-None-Match", request.ifNoneMatch);
    if (!request.ifModifiedSince.empty()) head.set("If-Modified-Since", request.ifModifiedSince);
    head.setContentLength(static_cast<std::streamsize>(request.body.size()));
    session.sendRequest(head) << request.body;

    Poco::Net::HTTPResponse responseHead;
    std::istream& in = session.receiveResponse(responseHead);
    HttpResponse response;
    response.status = static_cast<int>(responseHead.getStatus());
    response.reason = responseHead.getReason();
    for (const auto& [name, value] : responseHead) response.headers.emplace_back(name, value);
    response.finalUrl = request.url;
    if (request.method == "HEAD" || response.status == 204 || response.status == 304) return response;

    const bool success = response.status >= 200 && response.status < 300;
    if (success && responseHead.hasContentLength() &&
        static_cast<std::uint64_t>(responseHead.getContentLength64()) > limit) {
      return Status::error(
          request.url + ": declared body exceeds the limit of " + std::to_string(limit) + " bytes",
          "too-large");
    }
    std::string chunk(kChunkBytes, '\0');
    while (in) {
      in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      const auto got = static_cast<std::size_t>(in.gcount());
      if (got == 0) break;
      if (response.bodyBytes + got > (success ? limit : std::min(limit, kErrorBodyCap))) {
        if (success) {
          return Status::error(
              request.url + ": body exceeds the limit of " + std::to_string(limit) + " bytes", "too-large");
        }
        break;
      }
      response.bodyBytes += got;
      if (success && onBody != nullptr) {
        if (Status status = (*onBody)(std::string_view(chunk.data(), got)); !status) return status;
      } else {
        response.body.append(chunk.data(), got);
      }
    }
    return response;
  } catch (const Poco::TimeoutException& e) {
    return Status::error(request.url + ": " + e.displayText(), "timeout");
  } catch (const Poco::Net::ConnectionRefusedException& e) {
    return Status::error(request.url + ": " + e.displayText(), "connect-refused");
  } catch (const Poco::Exception& e) {
    return Status::error(request.url + ": " + e.displayText(), "io");
  } catch (const std::exception& e) {
    return Status::error(request.url + ": " + e.what(), "io");
  }
}

}  // namespace hamhub::test

#include "host/http/request_hop.h"

#include <algorithm>
#include <string_view>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/String.h>

#include "host/http/redact_url.h"

namespace hamhub::host {

namespace {

bool sameOrigin(const Poco::URI& a, const Poco::URI& b) {
  return Poco::icompare(a.getScheme(), b.getScheme()) == 0 &&
         Poco::icompare(a.getHost(), b.getHost()) == 0 && a.getPort() == b.getPort();
}

bool isCredentialHeader(const std::string& name) {
  return Poco::icompare(name, "Authorization") == 0 || Poco::icompare(name, "Cookie") == 0 ||
         Poco::icompare(name, "Proxy-Authorization") == 0;
}

bool isBodyHeader(const std::string& name) {
  return Poco::icompare(name, "Content-Type") == 0 || Poco::icompare(name, "Content-Length") == 0 ||
         Poco::icompare(name, "Content-Encoding") == 0;
}

bool mayCarryBody(const std::string& method) {
  for (const char* m : {"POST", "PUT", "PATCH"}) {
    if (Poco::icompare(method, m) == 0) return true;
  }
  return false;
}

std::string percentDecode(const std::string& text) {
  std::string out;
  try {
    Poco::URI::decode(text, out);
  } catch (const Poco::Exception&) {
    return text;
  }
  return out;
}

}  // namespace

Result<RequestHop> firstHop(const HttpRequest& request) {
  const std::string shown = redactUrl(request.url);
  RequestHop hop;
  try {
    hop.uri = Poco::URI(request.url);
  } catch (const Poco::Exception& e) {
    return Status::error(shown + ": invalid URL: " + e.displayText(), "invalid-url");
  }
  const std::string scheme = Poco::toLower(hop.uri.getScheme());
  if (scheme != "http" && scheme != "https") {
    return Status::error(shown + ": invalid URL: only http and https are supported", "invalid-url");
  }
  if (hop.uri.getHost().empty()) {
    return Status::error(shown + ": invalid URL: no host", "invalid-url");
  }
  hop.method = request.method.empty() ? "GET" : Poco::toUpper(request.method);
  hop.body = request.body;
  hop.headers = request.headers;
  hop.username = request.username;
  hop.password = request.password;
  hop.ifNoneMatch = request.ifNoneMatch;
  hop.ifModifiedSince = request.ifModifiedSince;
  const std::string userInfo = hop.uri.getUserInfo();
  if (!userInfo.empty() && hop.username.empty() && hop.password.empty()) {
    const auto colon = userInfo.find(':');
    hop.username = percentDecode(userInfo.substr(0, colon));
    if (colon != std::string::npos) hop.password = percentDecode(userInfo.substr(colon + 1));
  }
  hop.uri.setUserInfo("");
  return hop;
}

void writeRequestHead(Poco::Net::HTTPRequest& out, const RequestHop& hop,
                      const HttpClientConfig& config) {
  out.setHost(hop.uri.getHost(), hop.uri.getPort());
  if (!config.userAgent.empty()) out.set("User-Agent", config.userAgent);
  if (config.acceptGzip) out.set("Accept-Encoding", "gzip, deflate");
  if (!hop.username.empty() || !hop.password.empty()) {
    Poco::Net::HTTPBasicCredentials(hop.username, hop.password).authenticate(out);
  }
  if (!hop.ifNoneMatch.empty()) out.set("If-None-Match", hop.ifNoneMatch);
  if (!hop.ifModifiedSince.empty()) out.set("If-Modified-Since", hop.ifModifiedSince);
  for (const auto& [name, value] : hop.headers) out.set(name, value);
  if (!hop.body.empty() || mayCarryBody(hop.method)) {
    out.setContentLength64(static_cast<Poco::Int64>(hop.body.size()));
  }
  // One connection per request: nothing is pooled, so tell the server not to wait for more.
  out.setKeepAlive(false);
}

bool isFollowedRedirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

void followRedirect(RequestHop& hop, int status, const Poco::URI& target) {
  const bool becomesGet =
      (status == 303 && Poco::icompare(hop.method, "HEAD") != 0) ||
      ((status == 301 || status == 302) && Poco::icompare(hop.method, "POST") == 0);
  if (becomesGet) {
    hop.method = "GET";
    hop.body.clear();
    std::erase_if(hop.headers, [](const auto& h) { return isBodyHeader(h.first); });
  }
  if (!sameOrigin(hop.uri, target)) {
    hop.username.clear();
    hop.password.clear();
    std::erase_if(hop.headers, [](const auto& h) { return isCredentialHeader(h.first); });
  }
  hop.uri = target;
  hop.uri.setUserInfo("");
}

bool isReservedInvalidName(const std::string& host) {
  const std::string lower = Poco::toLower(host);
  constexpr std::string_view kSuffix = ".invalid";
  if (lower == "invalid") return true;
  return lower.size() > kSuffix.size() && lower.ends_with(kSuffix);
}

}  // namespace hamhub::host

#pragma once

#include <string>

#include <Poco/Net/HTTPRequest.h>
#include <Poco/URI.h>

#include "hamhub/http.h"
#include "host/http/http_client_config.h"

namespace hamhub::host {

/// One request on the wire: the caller's request as it stands after the redirects so far.
struct RequestHop {
  Poco::URI uri;  // without userinfo: credentials travel in username/password only
  std::string method;
  std::string body;
  HttpHeaders headers;
  std::string username;
  std::string password;
  std::string ifNoneMatch;
  std::string ifModifiedSince;
};

/// Checks the caller's URL (http or https, with a host) and builds the first hop; credentials in
/// the URL's userinfo are used when the request names none. Errors have reason `invalid-url`.
Result<RequestHop> firstHop(const HttpRequest& request);

/// Fills the request line's headers: User-Agent, Accept-Encoding, Basic auth, conditional
/// headers, then the caller's own headers (which win), Content-Length and Connection: close.
void writeRequestHead(Poco::Net::HTTPRequest& out, const RequestHop& hop,
                      const HttpClientConfig& config);

/// True for the statuses whose Location we follow: 301, 302, 303, 307, 308.
bool isFollowedRedirect(int status);

/// Points `hop` at `target` the way browsers and curl do: 303 (and 301/302 after a POST) turn
/// into a body-less GET; 307/308 repeat the request as it was. Credentials and cookies are
/// dropped when the origin (scheme, host, port) changes, so a redirect cannot carry a password
/// to another site or down to plain http.
void followRedirect(RequestHop& hop, int status, const Poco::URI& target);

/// RFC 6761: names under .invalid never resolve, and resolvers should say so at once. glibc asks
/// the configured DNS servers anyway, which can hang where the network is down.
bool isReservedInvalidName(const std::string& host);

}  // namespace hamhub::host

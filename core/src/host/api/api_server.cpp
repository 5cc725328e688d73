#include "host/api/api_server.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>
#include <spdlog/spdlog.h>

#include "host/api/api_routes.h"

namespace hamhub::host {

namespace {

using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

void send(HTTPServerResponse& out, const ApiResponse& response, bool head) {
  out.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
  out.setContentType(response.contentType);
  out.set("Cache-Control", "no-store");
  // The dashboard holds a token: its pages load only their own scripts and styles, never inside
  // another site's frame, and no answer is read as another type than the one it declares.
  out.set("Content-Security-Policy",
          "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
  out.set("X-Content-Type-Options", "nosniff");
  out.setContentLength(static_cast<std::streamsize>(response.body.size()));
  auto& stream = out.send();
  if (!head) stream.write(response.body.data(), static_cast<std::streamsize>(response.body.size()));
}

class Handler final : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(const ApiServer& server) : server_(server) {}

  void handleRequest(HTTPServerRequest& in, HTTPServerResponse& out) override {
    const auto [settings, context] = server_.snapshot();
    const bool head = in.getMethod() == "HEAD";
    ApiRequest request;
    request.method = in.getMethod();
    try {
      const Poco::URI uri(in.getURI());
      request.path = uri.getPath();
      for (const auto& [key, value] : uri.getQueryParameters()) request.query[key] = value;
    } catch (const Poco::Exception& e) {
      send(out, apiError(400, "malformed request line or query string: " + e.message()), head);
      return;
    }
    if (in.hasContentLength() && in.getContentLength64() > settings.maxBodyBytes) {
      send(out, apiError(413, "request body over " + std::to_string(settings.maxBodyBytes / 1024) + " KB"), head);
      return;
    }
    // Bodies without a length (chunked) are read up to the limit and no further.
    std::string body;
    char buffer[8192];
    auto& stream = in.stream();
    while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
      body.append(buffer, static_cast<std::size_t>(stream.gcount()));
      if (static_cast<std::int64_t>(body.size()) > settings.maxBodyBytes) {
        send(out, apiError(413, "request body over " + std::to_string(settings.maxBodyBytes / 1024) + " KB"), head);
        return;
      }
    }
    request.body = std::move(body);
    const ApiResponse response = routeApiRequest(settings, *context, std::move(request), in.get("Authorization", ""));
    send(out, response, head);
  }

 private:
  const ApiServer& server_;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(const ApiServer& server) : server_(server) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override { return new Handler(server_); }

 private:
  const ApiServer& server_;
};

}  // namespace

ApiServer::ApiServer(ApiSettings settings, ApiContext context)
    : settings_(std::move(settings)), context_(std::make_shared<const ApiContext>(std::move(context))) {}

ApiServer::~ApiServer() { stop(); }

Status ApiServer::start() {
  const auto address = parseListenAddress(settings_.listen);
  if (!address) return Status::error("api.listen '" + settings_.listen + "' is not HOST:PORT", "invalid-config");
  try {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(address->first, address->second));
    port_ = socket.address().port();
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(16);
    params->setMaxQueued(64);
    params->setKeepAlive(true);
    params->setTimeout(Poco::Timespan(10, 0));
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), socket, params);
    server_->start();
  } catch (const Poco::Exception& e) {
    return Status::error("cannot listen on " + settings_.listen + ": " + e.displayText() +
                             " (set api.listen in the hub file, or serve --listen HOST:PORT)",
                         "invalid-config");
  }
  return Status::ok();
}

void ApiServer::stop() {
  if (server_) {
    server_->stopAll(true);
    server_.reset();
  }
}

void ApiServer::update(ApiSettings settings, ApiContext context) {
  std::lock_guard lock(mutex_);
  const std::string listen = settings_.listen;
  settings_ = std::move(settings);
  settings_.listen = listen;  // the socket stays the one bound at start
  context_ = std::make_shared<const ApiContext>(std::move(context));
}

std::pair<ApiSettings, std::shared_ptr<const ApiContext>> ApiServer::snapshot() const {
  std::lock_guard lock(mutex_);
  return {settings_, context_};
}

}  // namespace hamhub::host

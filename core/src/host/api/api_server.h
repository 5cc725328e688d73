#pragma once

#include <cstdint>
#include <memory>
#include <mutex>

#include "hamhub/status.h"
#include "host/api/api_types.h"

namespace Poco::Net {
class HTTPServer;
}

namespace hamhub::host {

/// The REST API and the dashboard over HTTP (Poco's HTTPServer): `/`, `/healthz`, `/metrics` and
/// `/api/v1/...`, see routeApiRequest. Request bodies over `maxBodyBytes` are refused (413), malformed query strings
/// answered 400; every answer is JSON except the metrics.
class ApiServer {
 public:
  ApiServer(ApiSettings settings, ApiContext context);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  /// Binds `settings.listen` (port 0: any free port) and starts serving.
  Status start();
  void stop();
  std::uint16_t port() const { return port_; }

  /// New tokens and limits, and the configuration reloaded with them (SIGHUP).
  void update(ApiSettings settings, ApiContext context);

  /// A consistent copy for one request.
  std::pair<ApiSettings, std::shared_ptr<const ApiContext>> snapshot() const;

 private:
  mutable std::mutex mutex_;
  ApiSettings settings_;
  std::shared_ptr<const ApiContext> context_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  std::uint16_t port_ = 0;
};

}  // namespace hamhub::host

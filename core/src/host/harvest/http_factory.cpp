#include "host/harvest/http_factory.h"

#include "host/http/poco_http_client.h"

namespace hamhub::host {

HttpClientFactory makeHttpClientFactory(double ratePerHost) {
  auto limiter = std::make_shared<HostRateLimiter>(ratePerHost);
  return [limiter](const SourceConfig& source, std::function<bool()> cancelled) -> std::unique_ptr<HttpClient> {
    const HttpSettings& s = source.http;
    HttpClientConfig config;
    config.connectTimeoutMs = static_cast<int>(s.connectTimeoutMs);
    config.readTimeoutMs = static_cast<int>(s.readTimeoutMs);
    config.totalTimeoutMs = static_cast<int>(s.totalTimeoutMs);
    config.maxBodyBytes = static_cast<std::uint64_t>(s.maxBodyBytes);
    config.maxRedirects = static_cast<int>(s.maxRedirects);
    config.verifyTls = s.verifyTls;
    config.caFile = s.caFile;
    config.userAgent = s.userAgent;
    return std::make_unique<PocoHttpClient>(config, limiter, std::move(cancelled));
  };
}

}  // namespace hamhub::host

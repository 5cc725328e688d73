#include "host/notify/channel_context.h"

#include <algorithm>

namespace hamhub::host {

namespace {

HttpClientConfig clientConfig(const HttpSettings& s, std::chrono::milliseconds timeout) {
  const int limit = static_cast<int>(timeout.count());
  HttpClientConfig config;
  config.connectTimeoutMs = std::min(static_cast<int>(s.connectTimeoutMs), limit);
  config.readTimeoutMs = std::min(static_cast<int>(s.readTimeoutMs), limit);
  config.totalTimeoutMs = std::min(static_cast<int>(s.totalTimeoutMs), limit);
  // A receiver's answer is a status and a short acknowledgement, never a feed.
  config.maxBodyBytes = std::min<std::uint64_t>(static_cast<std::uint64_t>(s.maxBodyBytes), 1024 * 1024);
  config.maxRedirects = 0;  // a POST is not replayed to wherever a redirect points
  config.verifyTls = s.verifyTls;
  config.caFile = s.caFile;
  config.userAgent = s.userAgent;
  return config;
}

}  // namespace

ChannelContext::ChannelContext(const NotifyChannel& channel, const HttpSettings& http, const std::atomic<bool>& stop)
    : channelId_(channel.id),
      timeout_(std::chrono::seconds(channel.timeoutSeconds)),
      stop_(stop),
      http_(clientConfig(http, timeout_), nullptr, [&stop] { return stop.load(); }),
      logger_("notify." + channel.id) {}

}  // namespace hamhub::host

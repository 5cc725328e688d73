#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <string_view>

#include "hamhub/notifier.h"
#include "host/config/hub_config.h"
#include "host/http/poco_http_client.h"
#include "host/logging/log_setup.h"

namespace hamhub::host {

/// What the host lends a notifier for one delivery: an HTTP client on the hub's `http` settings
/// with every timeout cut to the channel's `timeout_s`, a logger named `notify.CHANNEL`, and the
/// hub's stop flag.
class ChannelContext final : public NotifierContext {
 public:
  ChannelContext(const NotifyChannel& channel, const HttpSettings& http, const std::atomic<bool>& stop);

  std::string_view channelId() const override { return channelId_; }
  HttpClient& http() override { return http_; }
  Logger& log() override { return logger_; }
  std::chrono::milliseconds timeout() const override { return timeout_; }
  bool cancelled() const override { return stop_.load(); }

 private:
  std::string channelId_;
  std::chrono::milliseconds timeout_;
  const std::atomic<bool>& stop_;
  PocoHttpClient http_;
  SpdLogger logger_;
};

}  // namespace hamhub::host

#pragma once

// What the notification tests share: the built notifier plugins, a channel and its context, a
// sample notification with non-ASCII text, and a real SMTP server (aiosmtpd) on loopback.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "hamhub/json.h"
#include "hamhub/notifier.h"
#include "host/config/notify_config.h"
#include "host/plugins/plugin_registry.h"
#include "support/background_process.h"
#include "support/temp_dir.h"

namespace hamhub::test {

/// The plugins of the build (smtp, webhook), loaded once per test process.
const host::PluginRegistry& builtPlugins();

/// A channel of `plugin` with `options` (a JSON object text), checked like the hub file's.
host::NotifyChannel notifyChannel(const std::string& id, const std::string& plugin, const std::string& options);

/// A configured notifier for `channel`; fails the test when configure refuses it.
std::shared_ptr<Notifier> makeNotifier(const host::NotifyChannel& channel);

/// Sends through `notifier` with the host's own context for `channel`.
Status sendThrough(Notifier& notifier, const host::NotifyChannel& channel, const Notification& notification);

/// What `plugin`'s configure says of `options` (a JSON object text), without the host's checks.
Status configureNotifier(const std::string& plugin, const std::string& options);

/// An alert notification whose title and body carry non-ASCII text (UTF-8).
Notification sampleNotification();

/// `python3 -m aiosmtpd`-based SMTP server (tests/notify/smtp_sink.py) on 127.0.0.1, an
/// ephemeral port; optionally with STARTTLS (cert and key PEM files) and AUTH for `user:password`.
class SmtpSink {
 public:
  SmtpSink(const std::filesystem::path& certificate = {}, const std::filesystem::path& key = {},
           const std::string& userPassword = {});
  std::uint16_t port() const { return port_; }
  /// The n-th (1-based) message received, as the sink's e-mail parser read it; nullopt when it
  /// has not arrived within a few seconds.
  std::optional<JsonValue> message(int n) const;
  /// How many messages arrived so far.
  int count() const;

 private:
  TempDir dir_;
  std::unique_ptr<BackgroundProcess> process_;
  std::uint16_t port_ = 0;
};

}  // namespace hamhub::test

#pragma once

/// @file notifier.h
/// @brief The notifier interface: one notification (an alert that opened, changed or resolved, or
///        a region's daily digest) in, delivered or a classified failure out. Since API 1.4.
///
/// The host decides what to send and when: it renders the text in the channel's language, keeps
/// an outbox so each change is delivered once, and retries failures with backoff. A notifier only
/// delivers one message per call.

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hamhub/connector.h"
#include "hamhub/http.h"
#include "hamhub/json.h"
#include "hamhub/logger.h"
#include "hamhub/options.h"
#include "hamhub/status.h"

namespace hamhub {

enum class NotificationKind {
  Alert,   ///< one alert opened, changed or resolved
  Digest,  ///< a region's live alerts, once a day
};

/// @brief An alert as a notification carries it, for receivers that process them (webhooks).
struct NotifiedAlert {
  std::int64_t id = 0;
  std::string kind;       ///< e.g. `ranham.report-missing`
  std::string severity;   ///< `info`, `warning` or `critical`
  std::string subject;    ///< subject id, e.g. `16.10` (empty for a hub-wide alert)
  std::string region;     ///< province code: which Kanwil
  std::string message;    ///< in the notification's language
  std::string state;      ///< `open`, `acknowledged` or `resolved`
  std::string firstSeen;  ///< UTC ISO-8601
  std::string lastSeen;
};

/// @brief One message to deliver, rendered by the host. Plain data.
struct Notification {
  NotificationKind kind = NotificationKind::Alert;
  /// Stable per delivery (e.g. `alert:12:3`, `digest:16:2026-11-29`): the same id on every retry,
  /// so a receiver can drop a repeat.
  std::string id;
  std::string event;     ///< for alerts: `opened`, `changed` or `resolved`; empty for digests
  std::string language;  ///< `id` (Bahasa Indonesia) or `en`
  std::string region;    ///< province code; empty for a hub-wide alert
  std::string title;     ///< the subject line of an e-mail (UTF-8, one line)
  std::string text;      ///< plain text body (UTF-8, lines end in `\n`)
  std::string html;      ///< the same as an HTML document; may be empty
  std::vector<NotifiedAlert> alerts;  ///< the alert, or the digest's list
};

/// @brief The JSON form of a notification: what the webhook notifier posts and the host's outbox
///        keeps. Members: `id`, `kind` (`alert`|`digest`), `event`, `language`, `region`, `title`,
///        `text`, `html`, and `alerts` (objects with `id`, `kind`, `severity`, `subject`, `region`,
///        `message`, `state`, `first_seen`, `last_seen`).
JsonValue notificationToJson(const Notification& notification);

/// @brief The notification back from `notificationToJson`'s form; an error names the member that
///        is missing or of the wrong type (reason `invalid-payload`).
Result<Notification> notificationFromJson(const JsonValue& json);

/// @brief What the host lends a notifier for one `send`. Owned by the host, valid during the call.
class NotifierContext {
 public:
  virtual ~NotifierContext() = default;
  /// @brief The configured channel id (e.g. `kanwil-16-mail`), for messages and logs.
  virtual std::string_view channelId() const = 0;
  /// @brief An HTTP client whose timeouts are bounded by `timeout()`.
  virtual HttpClient& http() = 0;
  virtual Logger& log() = 0;
  /// @brief The channel's limit for one delivery: a notifier that opens its own connections
  ///        (SMTP) applies it to every network step.
  virtual std::chrono::milliseconds timeout() const = 0;
  /// @brief True once the host is shutting down; return promptly.
  virtual bool cancelled() const = 0;
};

/// @brief Whether a failed delivery may succeed later, judged by its reason: `timeout`, `dns`,
///        `connect-refused`, `io`, `cancelled`, `http-5xx`, `http-429`, `maintenance-status` (a
///        503) and `smtp-transient` (an SMTP 4xx reply) are worth a retry; anything else
///        (`http-4xx`, `smtp-rejected`, `tls`, `auth`, `invalid-option`…) is not.
bool isRetryableNotifyReason(std::string_view reason);

/// @brief A delivery plugin (e-mail, webhook…). One object serves one channel; the host never calls
///        it from two threads at once. Implementations may throw: the export macro catches inside
///        the plugin.
class Notifier : public Plugin {
 public:
  /// @brief Receives the validated options; checks their meaning. No I/O.
  virtual Status configure(const Options& options) = 0;

  /// @brief Delivers one notification. A failure's reason tells the host whether to retry
  ///        (see isRetryableNotifyReason); its message names what failed (server, status).
  virtual Status send(NotifierContext& context, const Notification& notification) = 0;
};

}  // namespace hamhub

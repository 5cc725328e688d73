#pragma once

// The plain data of the notification outbox (the `notifications` table): what each channel still
// has to deliver, has delivered, or gave up on.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hamhub::host {

enum class OutboxStatus { Pending, Sent, Failed };
const char* outboxStatusName(OutboxStatus status);  // pending | sent | failed
std::optional<OutboxStatus> parseOutboxStatus(std::string_view text);

/// One thing one channel delivers once: unique per (channel, dedup).
struct OutboxEntry {
  std::int64_t id = 0;            // assigned by the store
  std::string channel;
  std::string dedup;              // "alert:ID:REVISION" or "digest:REGION:YYYY-MM-DD"
  std::string kind;               // alert | digest
  std::int64_t alertId = 0;       // 0 for digests
  std::string region;
  std::string payload;            // the rendered Notification as JSON (see notification_json.h)
  OutboxStatus status = OutboxStatus::Pending;
  std::int64_t attempts = 0;
  std::string nextAttemptAt;      // UTC ISO-8601: not sent before this
  std::string lastError;
  std::string createdAt;
  std::string sentAt;
};

/// How one delivery attempt ended, as the store records it.
struct DeliveryRecord {
  std::int64_t id = 0;
  OutboxStatus status = OutboxStatus::Pending;  // Pending again: a retry at nextAttemptAt
  std::int64_t attempts = 0;
  std::string nextAttemptAt;
  std::string lastError;
  std::string sentAt;  // when status is Sent
};

struct OutboxQuery {
  std::optional<std::string> channel;
  std::optional<OutboxStatus> status;
  int limit = 0;  // <= 0: no limit
};

}  // namespace hamhub::host

#include "host/notify/outbox.h"

namespace hamhub::host {

const char* outboxStatusName(OutboxStatus status) {
  switch (status) {
    case OutboxStatus::Pending: return "pending";
    case OutboxStatus::Sent: return "sent";
    case OutboxStatus::Failed: return "failed";
  }
  return "?";
}

std::optional<OutboxStatus> parseOutboxStatus(std::string_view text) {
  for (const auto status : {OutboxStatus::Pending, OutboxStatus::Sent, OutboxStatus::Failed}) {
    if (text == outboxStatusName(status)) return status;
  }
  return std::nullopt;
}

}  // namespace hamhub::host

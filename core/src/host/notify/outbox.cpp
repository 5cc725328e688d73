#include "host/notify/outbox.h"

#include "host/util/name_table.h"

namespace hamhub::host {

namespace {

constexpr NameTable<OutboxStatus, 3> kStatuses{
    {{OutboxStatus::Pending, "pending"}, {OutboxStatus::Sent, "sent"}, {OutboxStatus::Failed, "failed"}}};

}  // namespace

const char* outboxStatusName(OutboxStatus status) { return nameOf(kStatuses, status); }
std::optional<OutboxStatus> parseOutboxStatus(std::string_view text) { return valueNamed(kStatuses, text); }

}  // namespace hamhub::host

// Store: the notification outbox. Each (channel, dedup) is one row for good, so a change that is
// evaluated again, or a second hub process enqueuing the same change, never delivers twice.

#include <Poco/Data/DataException.h>
#include <Poco/Data/Session.h>

#include "host/store/dialect.h"
#include "host/store/store.h"
#include "host/store/transaction.h"

namespace hamhub::host {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

namespace {

constexpr const char* kOutboxColumns =
    "id, channel, dedup, kind, alert_id, region, payload, status, attempts, next_attempt_at, last_error, "
    "created_at, sent_at";

std::vector<OutboxEntry> selectOutbox(Poco::Data::Session& session, const Dialect& dialect, const std::string& where,
                                      std::vector<std::string> params, const std::string& tail) {
  std::vector<Poco::Int64> ids, alertIds, attempts;
  std::vector<std::string> channels, dedups, kinds, regions, payloads, statuses, nextAt, errors, created, sent;
  Poco::Data::Statement st(session);
  st << dialect.sql(std::string("SELECT ") + kOutboxColumns + " FROM notifications WHERE " + where + tail);
  for (auto& p : params) st, use(p);
  st, into(ids), into(channels), into(dedups), into(kinds), into(alertIds), into(regions), into(payloads),
      into(statuses), into(attempts), into(nextAt), into(errors), into(created), into(sent);
  st.execute();
  std::vector<OutboxEntry> out(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto status = parseOutboxStatus(statuses[i]);
    if (!status) {
      throw Poco::Data::DataException("notification " + std::to_string(ids[i]) + " has unknown status '" +
                                      statuses[i] + "'");
    }
    out[i] = {ids[i],      channels[i], dedups[i], kinds[i], alertIds[i], regions[i], payloads[i],
              *status,     attempts[i], nextAt[i], errors[i], created[i], sent[i]};
  }
  return out;
}

}  // namespace

Result<std::size_t> Store::enqueueNotifications(const std::vector<OutboxEntry>& entries) {
  for (const auto& e : entries) {
    if (e.channel.empty() || e.dedup.empty() || (e.kind != "alert" && e.kind != "digest")) {
      return Status::error("store " + describe() +
                               ": enqueueNotifications: every entry needs a channel, a dedup and kind alert or digest",
                           "invalid-argument");
    }
  }
  std::size_t added = 0;
  Status s = withSession("enqueueNotifications", [&](Poco::Data::Session& session) {
    return inTransaction(session, dialect_, [&]() -> Status {
      added = 0;
      for (const auto& e : entries) {
        std::string channel = e.channel, dedup = e.dedup, kind = e.kind, region = e.region, payload = e.payload,
                    next = e.nextAttemptAt, created = e.createdAt;
        Poco::Int64 alertId = e.alertId;
        Poco::Data::Statement insert(session);
        insert << dialect_.sql(
            "INSERT INTO notifications (channel, dedup, kind, alert_id, region, payload, status, attempts, "
            "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) "
            "ON CONFLICT (channel, dedup) DO NOTHING"),
            use(channel), use(dedup), use(kind), use(alertId), use(region), use(payload), use(next), use(created);
        added += insert.execute();
      }
      return Status::ok();
    });
  });
  if (!s) return s;
  return added;
}

Result<std::vector<OutboxEntry>> Store::dueNotifications(const std::string& at, int limit) {
  std::vector<OutboxEntry> out;
  Status s = withSession("dueNotifications", [&](Poco::Data::Session& session) {
    std::string tail = " ORDER BY next_attempt_at, id";
    if (limit > 0) tail += " LIMIT " + std::to_string(limit);
    out = selectOutbox(session, dialect_, "status = 'pending' AND next_attempt_at <= ?", {at}, tail);
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

Result<bool> Store::claimNotification(std::int64_t id, const std::string& dueAt, const std::string& leaseUntil) {
  bool claimed = false;
  Status s = withSession("claimNotification", [&](Poco::Data::Session& session) {
    std::string due = dueAt, lease = leaseUntil;
    Poco::Int64 key = id;
    Poco::Data::Statement update(session);
    update << dialect_.sql(
        "UPDATE notifications SET next_attempt_at = ? WHERE id = ? AND status = 'pending' AND next_attempt_at = ?"),
        use(lease), use(key), use(due);
    claimed = update.execute() == 1;
    return Status::ok();
  });
  if (!s) return s;
  return claimed;
}

Status Store::recordDelivery(const DeliveryRecord& record) {
  return withSession("recordDelivery", [&](Poco::Data::Session& session) {
    std::string status = outboxStatusName(record.status), next = record.nextAttemptAt, error = record.lastError,
                sent = record.sentAt;
    Poco::Int64 attempts = record.attempts, id = record.id;
    Poco::Data::Statement update(session);
    update << dialect_.sql(
        "UPDATE notifications SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, sent_at = ? "
        "WHERE id = ?"),
        use(status), use(attempts), use(next), use(error), use(sent), use(id);
    if (update.execute() == 0) {
      return Status::error("notification " + std::to_string(record.id) + " does not exist", "not-found");
    }
    return Status::ok();
  });
}

Result<std::vector<OutboxEntry>> Store::notifications(const OutboxQuery& query) {
  std::vector<OutboxEntry> out;
  Status s = withSession("notifications", [&](Poco::Data::Session& session) {
    std::string where = "1 = 1";
    std::vector<std::string> params;
    if (query.channel) {
      where += " AND channel = ?";
      params.push_back(*query.channel);
    }
    if (query.status) {
      where += " AND status = ?";
      params.push_back(outboxStatusName(*query.status));
    }
    std::string tail = " ORDER BY id DESC";
    if (query.limit > 0) tail += " LIMIT " + std::to_string(query.limit);
    out = selectOutbox(session, dialect_, where, std::move(params), tail);
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

}  // namespace hamhub::host

// Store: alerts (deduplicated findings of the alert rules) and their acknowledgement.

#include <Poco/Data/DataException.h>
#include <Poco/Data/Session.h>

#include <algorithm>
#include <map>
#include <set>

#include "host/store/dialect.h"
#include "host/store/store.h"
#include "host/store/transaction.h"

namespace hamhub::host {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

namespace {

constexpr const char* kAlertColumns =
    "id, dedup_key, kind, severity, subject, region, source, message_id, message_en, details, state, first_seen, "
    "last_seen, changed_at, revision, acknowledged_by, acknowledged_at, resolved_at";

// The columns of kAlertColumns, read column-wise as Poco::Data binds them.
struct AlertColumns {
  std::vector<Poco::Int64> ids, revisions;
  std::vector<std::string> keys, kinds, severities, subjects, regions, sources, messagesId, messagesEn, details,
      states, firstSeen, lastSeen, changedAt, ackBy, ackAt, resolvedAt;

  template <typename Statement>
  void bind(Statement& st) {
    st, into(ids), into(keys), into(kinds), into(severities), into(subjects), into(regions), into(sources),
        into(messagesId), into(messagesEn), into(details), into(states), into(firstSeen), into(lastSeen),
        into(changedAt), into(revisions), into(ackBy), into(ackAt), into(resolvedAt);
  }

  std::vector<AlertRow> rows() const {
    std::vector<AlertRow> out(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const auto severity = parseAlertSeverity(severities[i]);
      const auto state = parseAlertState(states[i]);
      if (!severity || !state) {
        throw Poco::Data::DataException("alert " + std::to_string(ids[i]) + " has unknown severity or state '" +
                                        severities[i] + "'/'" + states[i] + "'");
      }
      out[i] = {ids[i],
                {keys[i], kinds[i], *severity, subjects[i], regions[i], sources[i], messagesId[i], messagesEn[i],
                 details[i]},
                *state,
                firstSeen[i],
                lastSeen[i],
                changedAt[i],
                revisions[i],
                ackBy[i],
                ackAt[i],
                resolvedAt[i]};
    }
    return out;
  }
};

std::vector<AlertRow> selectAlerts(Poco::Data::Session& session, const Dialect& dialect, const std::string& where,
                                   std::vector<std::string> params, const std::string& tail = "") {
  AlertColumns columns;
  Poco::Data::Statement st(session);
  st << dialect.sql(std::string("SELECT ") + kAlertColumns + " FROM alerts WHERE " + where + tail);
  for (auto& p : params) st, use(p);
  columns.bind(st);
  st.execute();
  return columns.rows();
}

bool kindInScope(const std::set<std::string>& scope, const std::string& kind) { return scope.count(kind) > 0; }

}  // namespace

Result<AlertSyncSummary> Store::syncAlerts(const std::vector<std::string>& scope,
                                           const std::vector<AlertFinding>& findings, const std::string& at) {
  for (const auto& f : findings) {
    if (f.key.empty() || f.kind.empty()) {
      return Status::error("store " + describe() + ": syncAlerts: every finding needs a key and a kind",
                           "invalid-argument");
    }
  }
  const std::set<std::string> kinds(scope.begin(), scope.end());
  std::map<std::string, const AlertFinding*> wanted;
  for (const auto& f : findings) wanted[f.key] = &f;
  AlertSyncSummary summary;
  Status s = withSession("syncAlerts", [&](Poco::Data::Session& session) {
    return inTransaction(session, dialect_, [&]() -> Status {
      summary = {};
      std::map<std::string, AlertRow> live;
      for (auto& row : selectAlerts(session, dialect_, "state <> 'resolved'", {})) {
        live.emplace(row.finding.key, std::move(row));
      }
      for (const auto& [key, f] : wanted) {
        std::string k = key, kind = f->kind, severity = alertSeverityName(f->severity), subject = f->subject,
                    region = f->region, source = f->source, mid = f->messageId, men = f->messageEn,
                    details = f->details.empty() ? "{}" : f->details, when = at;
        const auto it = live.find(key);
        if (it == live.end()) {
          Poco::Int64 id = 0;
          session << dialect_.sql(
              "INSERT INTO alerts (dedup_key, kind, severity, subject, region, source, message_id, message_en, "
              "details, state, first_seen, last_seen, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) "
              "RETURNING id"),
              use(k), use(kind), use(severity), use(subject), use(region), use(source), use(mid), use(men),
              use(details), use(when), use(when), use(when), into(id), now;
          summary.opened.push_back(id);
          continue;
        }
        const AlertRow& old = it->second;
        Poco::Int64 id = old.id;
        const bool escalated = f->severity > old.finding.severity;
        const bool changed = f->severity != old.finding.severity || f->messageId != old.finding.messageId ||
                             f->messageEn != old.finding.messageEn;
        if (!changed) {
          session << dialect_.sql("UPDATE alerts SET last_seen = ?, details = ? WHERE id = ?"), use(when),
              use(details), use(id), now;
          ++summary.unchanged;
          continue;
        }
        std::string state = escalated ? "open" : alertStateName(old.state);
        session << dialect_.sql(
            "UPDATE alerts SET last_seen = ?, changed_at = ?, revision = revision + 1, severity = ?, kind = ?, "
            "subject = ?, region = ?, source = ?, message_id = ?, message_en = ?, details = ?, state = ?, "
            "acknowledged_by = CASE WHEN ? = 'open' THEN '' ELSE acknowledged_by END, "
            "acknowledged_at = CASE WHEN ? = 'open' THEN '' ELSE acknowledged_at END WHERE id = ?"),
            use(when), use(when), use(severity), use(kind), use(subject), use(region), use(source), use(mid),
            use(men), use(details), use(state), use(state), use(state), use(id), now;
        summary.changed.push_back(id);
      }
      for (const auto& [key, row] : live) {
        if (wanted.count(key) || !kindInScope(kinds, row.finding.kind)) continue;
        Poco::Int64 id = row.id;
        std::string when = at;
        session << dialect_.sql(
            "UPDATE alerts SET state = 'resolved', resolved_at = ?, changed_at = ?, revision = revision + 1 "
            "WHERE id = ?"),
            use(when), use(when), use(id), now;
        summary.resolved.push_back(id);
      }
      return Status::ok();
    });
  });
  if (!s) return s;
  return summary;
}

Result<std::vector<AlertRow>> Store::alerts(const AlertQuery& query) {
  std::vector<AlertRow> out;
  Status s = withSession("alerts", [&](Poco::Data::Session& session) {
    std::string where = "1 = 1";
    std::vector<std::string> params;
    if (query.region) {
      where += " AND region = ?";
      params.push_back(*query.region);
    }
    if (query.subject) {
      where += " AND subject = ?";
      params.push_back(*query.subject);
    }
    if (query.kind) {
      if (!query.kind->empty() && query.kind->back() == '.') {
        where += " AND substr(kind, 1, " + std::to_string(query.kind->size()) + ") = ?";
      } else {
        where += " AND kind = ?";
      }
      params.push_back(*query.kind);
    }
    if (query.state) {
      where += " AND state = ?";
      params.push_back(alertStateName(*query.state));
    } else if (!query.includeResolved) {
      where += " AND state <> 'resolved'";
    }
    std::string tail = " ORDER BY changed_at DESC, id DESC";
    if (query.limit > 0) tail += " LIMIT " + std::to_string(query.limit);
    out = selectAlerts(session, dialect_, where, std::move(params), tail);
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

Result<std::optional<AlertRow>> Store::alert(std::int64_t id) {
  std::optional<AlertRow> out;
  Status s = withSession("alert", [&](Poco::Data::Session& session) {
    auto rows = selectAlerts(session, dialect_, "id = ?", {std::to_string(id)});
    if (!rows.empty()) out = std::move(rows.front());
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

Result<AlertRow> Store::acknowledgeAlert(std::int64_t id, const std::string& who, const std::string& at) {
  std::optional<AlertRow> out;
  Status s = withSession("acknowledgeAlert", [&](Poco::Data::Session& session) {
    return inTransaction(session, dialect_, [&]() -> Status {
      auto rows = selectAlerts(session, dialect_, "id = ?", {std::to_string(id)});
      if (rows.empty()) {
        return Status::error("alert " + std::to_string(id) + " does not exist", "not-found");
      }
      if (rows.front().state == AlertState::Resolved) {
        return Status::error("alert " + std::to_string(id) + " is already resolved (at " + rows.front().resolvedAt +
                                 "); there is nothing to acknowledge",
                             "conflict");
      }
      if (rows.front().state == AlertState::Open) {
        Poco::Int64 key = id;
        std::string by = who, when = at;
        session << dialect_.sql(
            "UPDATE alerts SET state = 'acknowledged', acknowledged_by = ?, acknowledged_at = ? WHERE id = ?"),
            use(by), use(when), use(key), now;
        rows = selectAlerts(session, dialect_, "id = ?", {std::to_string(id)});
      }
      out = std::move(rows.front());
      return Status::ok();
    });
  });
  if (!s) return s;
  return std::move(*out);
}

Result<std::map<std::pair<std::string, std::string>, std::int64_t>> Store::alertCounts() {
  std::map<std::pair<std::string, std::string>, std::int64_t> out;
  Status s = withSession("alertCounts", [&](Poco::Data::Session& session) {
    std::vector<std::string> states, severities;
    std::vector<Poco::Int64> counts;
    session << "SELECT state, severity, COUNT(*) FROM alerts WHERE state <> 'resolved' GROUP BY state, severity",
        into(states), into(severities), into(counts), now;
    for (std::size_t i = 0; i < states.size(); ++i) out[{states[i], severities[i]}] = counts[i];
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

}  // namespace hamhub::host

// Store: harvest run bookkeeping.

#include <Poco/Data/DataException.h>
#include <Poco/Data/Session.h>
#include <Poco/Environment.h>
#include <unistd.h>

#include <limits>

#include "host/store/dialect.h"
#include "host/store/poco_error.h"
#include "host/store/store.h"
#include "host/util/clock.h"

namespace hamhub::host {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

namespace {

const std::string& hostName() {
  static const std::string name = [] {
    try {
      return Poco::Environment::nodeName();
    } catch (...) {
      return std::string("unknown");
    }
  }();
  return name;
}

}  // namespace

Result<std::int64_t> Store::beginRun(std::string_view source) {
  if (source.empty()) {
    return Status::error("store " + describe() + ": beginRun: no source given", "invalid-argument");
  }
  Poco::Int64 id = 0;
  // Grouped with the other runs starting or ending at the same time: a harvest of many unchanged
  // sites is little else than these two small writes per site.
  Status s = grouped("beginRun", [&](Poco::Data::Session& session) {
    std::string src(source);
    std::string startedAt = utcNow();
    // Who ran it, so a run left "running" by a killed process can be told from a live one.
    Poco::Int64 pid = ::getpid();
    std::string host = hostName();
    // One running run per source, across processes too: the unique partial index on running runs
    // turns a second one away (a second harvest would only write the same records twice). No
    // statement fails for it (a failed one would abort a PostgreSQL transaction shared with other
    // runs' writes); only a refusal pays for the lookup of who holds the source.
    std::vector<Poco::Int64> ids;
    session << dialect_.sql(
        "INSERT INTO harvest_runs (source, started_at, status, pid, hostname) "
        "VALUES (?, ?, 'running', ?, ?) ON CONFLICT (source) WHERE status = 'running' DO NOTHING RETURNING id"),
        use(src), use(startedAt), use(pid), use(host), into(ids), now;
    if (ids.empty()) {
      std::vector<Poco::Int64> runningIds, runningPids;
      std::vector<std::string> runningHosts, runningSince;
      session << dialect_.sql(
          "SELECT id, pid, hostname, started_at FROM harvest_runs WHERE source = ? AND status = 'running'"),
          use(src), into(runningIds), into(runningPids), into(runningHosts), into(runningSince), now;
      if (runningIds.empty()) return storeError(describe(), "beginRun", "the run was neither started nor found running");
      return Status::error("source " + src + " is already being harvested (run " + std::to_string(runningIds[0]) +
                               ", pid " + std::to_string(runningPids[0]) + " on " + runningHosts[0] + ", since " +
                               runningSince[0] + ")",
                           "busy");
    }
    id = ids.front();
    return Status::ok();
  });
  if (!s) return s;
  return std::int64_t{id};
}

Status Store::finishRun(const RunOutcome& outcome) {
  if (outcome.status == RunStatus::Running) {
    return Status::error("store " + describe() + ": finishRun: run " + std::to_string(outcome.runId) +
                             " needs a final status, not 'running'",
                         "invalid-argument");
  }
  return grouped("finishRun", [&](Poco::Data::Session& session) -> Status {
    std::string endedAt = utcNow();
    std::string status = runStatusName(outcome.status);
    Poco::Int64 added = outcome.counts.added, updated = outcome.counts.updated,
                unchanged = outcome.counts.unchanged, withdrawn = outcome.counts.withdrawn,
                failed = outcome.counts.failed, id = outcome.runId;
    std::string error = outcome.error, reason = outcome.errorReason;
    // Only a running run can end: when a watchdog and a late job both try, the first one wins.
    Poco::Data::Statement update(session);
    update << dialect_.sql(
        "UPDATE harvest_runs SET ended_at = ?, status = ?, added = ?, updated = ?, unchanged = ?, "
        "withdrawn = ?, failed = ?, error = ?, error_reason = ? WHERE id = ? AND status = 'running'"),
        use(endedAt), use(status), use(added), use(updated), use(unchanged), use(withdrawn), use(failed),
        use(error), use(reason), use(id);
    if (update.execute() > 0) return Status::ok();

    std::vector<std::string> current;
    session << dialect_.sql("SELECT status FROM harvest_runs WHERE id = ?"), use(id), into(current), now;
    if (current.empty()) {
      return Status::error("store " + describe() + ": finishRun: no run " + std::to_string(id), "not-found");
    }
    return Status::error("store " + describe() + ": finishRun: run " + std::to_string(id) +
                             " already ended (" + current.front() + ")",
                         "conflict");
  });
}

Result<std::vector<RunRow>> Store::runs(std::optional<std::string> source, int limit) {
  const Poco::Int64 max = limit > 0 ? limit : std::numeric_limits<Poco::Int64>::max();
  if (source) return selectRuns("runs", "WHERE source = ? ORDER BY id DESC", {*source}, max);
  return selectRuns("runs", "ORDER BY id DESC", {}, max);
}

Result<std::vector<RunRow>> Store::lastEndedRuns() {
  // Walks each source's (source, id) index back from its newest run; at most one run of a source
  // is running, so that is one or two steps.
  return selectRuns("lastEndedRuns",
                    "WHERE id IN (SELECT (SELECT h.id FROM harvest_runs h WHERE h.source = s.id "
                    "AND h.status <> 'running' ORDER BY h.id DESC LIMIT 1) FROM sources s) ORDER BY source",
                    {}, std::numeric_limits<Poco::Int64>::max());
}

Result<std::vector<RunRow>> Store::runningRuns() {
  return selectRuns("runningRuns", "WHERE status = 'running' ORDER BY id", {},
                    std::numeric_limits<Poco::Int64>::max());
}

Result<std::vector<RunRow>> Store::selectRuns(std::string_view operation, const std::string& filter,
                                              const std::vector<std::string>& params, std::int64_t limit) {
  std::vector<RunRow> out;
  Status s = withSession(operation, [&](Poco::Data::Session& session) {
    std::vector<Poco::Int64> ids, added, updated, unchanged, withdrawn, failed, pids;
    std::vector<std::string> sources, started, ended, statuses, errors, reasons, hosts;
    Poco::Data::Statement select(session);
    select << dialect_.sql(
        "SELECT id, source, started_at, COALESCE(ended_at, ''), status, added, updated, unchanged, "
        "withdrawn, failed, error, error_reason, pid, hostname FROM harvest_runs " + filter + " LIMIT ?");
    for (const std::string& p : params) select, Poco::Data::Keywords::useRef(p);
    select, use(limit);
    select, into(ids), into(sources), into(started), into(ended), into(statuses), into(added), into(updated),
        into(unchanged), into(withdrawn), into(failed), into(errors), into(reasons), into(pids), into(hosts);
    select.execute();
    out.resize(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      RunRow& r = out[i];
      const auto status = parseRunStatus(statuses[i]);
      if (!status) {
        throw Poco::Data::DataException("run " + std::to_string(ids[i]) + " has unknown status '" +
                                        statuses[i] + "'");
      }
      r.id = ids[i];
      r.source = std::move(sources[i]);
      r.startedAt = std::move(started[i]);
      r.endedAt = std::move(ended[i]);
      r.status = *status;
      r.counts = {added[i], updated[i], unchanged[i], withdrawn[i], failed[i]};
      r.error = std::move(errors[i]);
      r.errorReason = std::move(reasons[i]);
      r.pid = pids[i];
      r.hostname = std::move(hosts[i]);
    }
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

Result<std::vector<SourceRunSummary>> Store::runSummaries() {
  std::vector<SourceRunSummary> out;
  Status s = withSession("runSummaries", [&](Poco::Data::Session& session) {
    std::vector<std::string> sources, first, success, statuses, ended, errors, reasons;
    // Per configured source, each figure by a short walk of its (source, id) index rather than an
    // aggregate over every run ever recorded (alert evaluation asks for this again and again).
    session << "SELECT s.id, "
               "(SELECT h.started_at FROM harvest_runs h WHERE h.source = s.id ORDER BY h.id LIMIT 1), "
               "COALESCE((SELECT h.ended_at FROM harvest_runs h WHERE h.source = s.id AND h.status = 'success' "
               "ORDER BY h.id DESC LIMIT 1), ''), "
               "r.status, COALESCE(r.ended_at, ''), r.error, r.error_reason "
               "FROM sources s JOIN harvest_runs r ON r.id = (SELECT h.id FROM harvest_runs h WHERE h.source = s.id "
               "AND h.status <> 'running' ORDER BY h.id DESC LIMIT 1) ORDER BY s.id",
        into(sources), into(first), into(success), into(statuses), into(ended), into(errors), into(reasons), now;
    out.resize(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
      const auto status = parseRunStatus(statuses[i]);
      if (!status) throw Poco::Data::DataException("a run of " + sources[i] + " has unknown status '" + statuses[i] + "'");
      out[i] = {sources[i], first[i], success[i], *status, ended[i], errors[i], reasons[i]};
    }
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

}  // namespace hamhub::host

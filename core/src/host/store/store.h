#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hamhub/status.h"
#include "host/alerts/alert.h"
#include "host/notify/outbox.h"
#include "host/store/store_types.h"
#include "host/store/store_url.h"

namespace Poco::Data {
class Session;
}

namespace hamhub::host {

class Dialect;
class SqliteStatementCache;
class WalCheckpointer;

/// The hub's database: subjects, sources, harvest runs, records, record errors and cursors, on
/// SQLite or PostgreSQL through one Poco::Data implementation (differences live in Dialect).
///
/// Every call returns a Status/Result; nothing throws. Errors name the store (password masked) and
/// the operation, with reason `store` (or `invalid-config`, `store-version`, `not-found`…).
///
/// Thread-safe. All calls share one connection behind a mutex rather than a Poco SessionPool:
/// SQLite admits one writer at a time anyway (a second connection would only trade the mutex for
/// SQLITE_BUSY waits), one connection keeps a batch's statements and its transaction together
/// without handing sessions around, and store calls are short next to the network I/O of the
/// harvests that make them. Several hub processes on one PostgreSQL each have their own connection.
class Store {
 public:
  /// Opens (creating if needed) the store at `url` and brings its schema up to date.
  /// `url`: `sqlite:PATH` (relative to baseDir), `postgresql://user:pass@host:port/db`,
  /// `postgres://…`, or `postgresql:` + libpq keywords. A schema newer than this build is refused.
  static Result<std::unique_ptr<Store>> open(std::string_view url, const std::filesystem::path& baseDir);

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  /// The URL with any password masked (SQLite: `sqlite:` + the absolute path), for messages.
  std::string describe() const;
  Backend backend() const;
  int schemaVersion() const;

  /// Inserts or updates subjects in one transaction. Each subject's aliases replace the ones it
  /// had; an alias key claimed by another subject moves to this one (the seed is the truth). Two
  /// subjects of one call claiming the same alias key is an error.
  Status upsertSubjects(const std::vector<Subject>& subjects);
  /// All subjects, ordered by id, with their aliases as written.
  Result<std::vector<Subject>> subjects();
  /// By id, else BPS code, else alias, else name (both via normalizeSubjectName). Several subjects
  /// matching one BPS code or name is an error with reason `ambiguous`.
  Result<std::optional<Subject>> findSubject(std::string_view idCodeOrName);

  /// Makes the sources table match the configuration: rows are inserted or updated (updated_at
  /// moves only when something changed); sources no longer configured are kept, disabled, so their
  /// runs and records still have a name.
  Status syncSources(const std::vector<SourceRow>& sources);
  Result<std::vector<SourceRow>> sources();

  /// Records a run as `running` with this process's pid and host name; returns its id.
  Result<std::int64_t> beginRun(std::string_view source);
  /// Ends a running run: final status (not Running), counts and error. Unknown run id: reason
  /// `not-found`; a run that already ended: `conflict` (a watchdog and a late job: the first wins).
  Status finishRun(const RunOutcome& outcome);
  /// Runs, newest first, of one source or all; limit <= 0 means all.
  Result<std::vector<RunRow>> runs(std::optional<std::string> source, int limit);
  /// The newest ended (not running) run of each configured source that has one, by source: a
  /// couple of index steps per source, however long the run history.
  Result<std::vector<RunRow>> lastEndedRuns();

  /// How many runs ended (or are running) with each status, over the store's whole history.
  Result<std::map<std::string, std::int64_t>> runCountsByStatus();

  /// Per configured source that has ended runs: first run, newest success and newest ended run,
  /// by source.
  Result<std::vector<SourceRunSummary>> runSummaries();

  /// Runs still marked `running`, oldest first: at start-up the hub closes the ones whose process
  /// is gone.
  Result<std::vector<RunRow>> runningRuns();

  /// Stores a source's latest health. When `changed` (a new state or reason), in the same
  /// transaction: a state-change event, the open incident closed, and a new incident opened when
  /// the new state is DEGRADED, DOWN or MAINTENANCE (`planned` for a declared window).
  Status recordHealth(const SourceHealth& health, bool changed, bool planned);
  /// Every source's latest health, ordered by source.
  Result<std::vector<SourceHealth>> sourceHealth();
  /// Incidents of one source or all that were open at or after `since` (UTC ISO; '' for all),
  /// newest first.
  Result<std::vector<Incident>> incidents(const std::optional<std::string>& source, const std::string& since);
  /// State changes of one source or all from `since` on, oldest first, each source's last change
  /// before `since` included (it gives the state at the start of the window).
  Result<std::vector<HealthEvent>> healthEvents(const std::optional<std::string>& source, const std::string& since);

  /// Digests of (kind, key) and content hash, and the withdrawn flag, of every record of a source,
  /// to tell unchanged records in memory without a query per record.
  Result<RecordIndex> recordIndex(std::string_view source);

  using RecordVisitor =
      std::function<void(std::string_view kind, std::string_view key, std::string_view contentHash, bool withdrawn)>;
  /// Calls `visit` for every record of a source, in no particular order, streaming: memory does
  /// not grow with the number of records. The views last for the call. Runs under the store's
  /// lock, so `visit` must not call the store.
  Status scanRecords(std::string_view source, const RecordVisitor& visit);

  /// One transaction: upserts the writes (a withdrawn record that is written again is no longer
  /// withdrawn), marks the withdrawals (withdrawn_run = runId), adds the record errors, and moves
  /// the cursor if the batch has one. All or nothing; on failure nothing of the batch is stored.
  /// Writes go before withdrawals; a key written twice in one batch keeps its last write.
  Status commitBatch(const Batch& batch);

  /// Fills `chunk` with the next part of a large commit; false when there is none left. The same
  /// chunk is passed each time, holding what the previous call put there.
  using BatchSource = std::function<Result<bool>(Batch& chunk)>;

  /// Like commitBatch, for more than fits in memory: every chunk `earlier` yields, then `last`
  /// (which carries the withdrawals and the cursor), all in ONE transaction. An error from
  /// `earlier` rolls everything back.
  Status commitBatches(const BatchSource& earlier, const Batch& last);

  /// The last committed cursor of a source, if any.
  Result<std::optional<std::string>> cursor(std::string_view source);

  /// Records by filter, ordered by source, kind, key.
  Result<std::vector<StoredRecord>> records(const RecordQuery& query);

  /// Documents by filter (withdrawn ones only when asked), ordered by source, promulgation date
  /// (newest first) and key, with their metadata findings.
  Result<std::vector<DocumentView>> documents(const DocumentQuery& query);

  /// documents(), one at a time: streaming on SQLite, so a listing of every document holds one.
  /// A non-ok Status from `visit` stops the walk and is returned. Runs under the store's lock, so
  /// `visit` must not call the store.
  Status forEachDocument(const DocumentQuery& query, const std::function<Status(const DocumentView&)>& visit);

  /// Per source: current documents, how many have complete metadata, the newest date.
  Result<std::vector<DocumentFigures>> documentFigures();

  /// Calls `visit` for every current record matching `query` (source, kind, subject; no limit),
  /// streaming on SQLite. Runs under the store's lock, so `visit` must not call the store.
  Status forEachRecord(const RecordQuery& query, const std::function<void(const StoredRecord&)>& visit);

  /// Writes new scores in one transaction; each becomes the current one of its (subject,
  /// instrument, period) and the previous stays as history.
  Status insertScores(const std::vector<ScoreRow>& scores);
  /// The current score of every (subject, instrument, period) matching `query`, ordered by
  /// instrument, period and subject.
  Result<std::vector<ScoreRow>> currentScores(const ScoreQuery& query);
  /// subject → input hash of the current scores matching `query`: what incremental scoring
  /// compares against, without reading the stored results.
  Result<std::map<std::string, std::string>> currentHashes(const ScoreQuery& query);
  /// Every score of one (subject, instrument, period), newest first.
  Result<std::vector<ScoreRow>> scoreHistory(const std::string& subject, const std::string& instrument,
                                             const std::string& period);

  /// Makes the live alerts of the kinds in `scope` match `findings` (one full evaluation), in one
  /// transaction at time `at`: a new key opens an alert; a known one moves its last_seen, and a
  /// changed severity or message raises its revision (a higher severity also reopens an
  /// acknowledged alert); a live alert of those kinds that is no longer found is resolved.
  /// Two findings with one key: the last wins.
  Result<AlertSyncSummary> syncAlerts(const std::vector<std::string>& scope, const std::vector<AlertFinding>& findings,
                                      const std::string& at);
  /// Alerts by filter, newest change first.
  Result<std::vector<AlertRow>> alerts(const AlertQuery& query);
  Result<std::optional<AlertRow>> alert(std::int64_t id);
  /// Marks a live alert acknowledged by `who` at `at`. Unknown id: `not-found`; resolved: `conflict`.
  /// Acknowledging again keeps the first who and when.
  Result<AlertRow> acknowledgeAlert(std::int64_t id, const std::string& who, const std::string& at);
  /// Live alerts per (state, severity), for /metrics.
  Result<std::map<std::pair<std::string, std::string>, std::int64_t>> alertCounts();

  // --- The notification outbox (store_notifications.cpp) ---

  /// Adds the entries that are new (status pending, attempts 0) in one transaction; an entry whose
  /// (channel, dedup) is already there, in any status, is left as it is. Returns how many were new.
  Result<std::size_t> enqueueNotifications(const std::vector<OutboxEntry>& entries);
  /// Pending entries whose next attempt is due at `at` (UTC ISO), oldest due first; limit <= 0: all.
  Result<std::vector<OutboxEntry>> dueNotifications(const std::string& at, int limit);
  /// Takes a due entry for one delivery attempt: moves its next attempt from `dueAt` (as read) to
  /// `leaseUntil`, so another hub process on the same store skips it meanwhile, and one that died
  /// mid-delivery leaves it due again after the lease. False when another process took it first.
  Result<bool> claimNotification(std::int64_t id, const std::string& dueAt, const std::string& leaseUntil);
  /// Records how an attempt ended. Unknown id: reason `not-found`.
  Status recordDelivery(const DeliveryRecord& record);
  /// Entries by filter, newest first.
  Result<std::vector<OutboxEntry>> notifications(const OutboxQuery& query);

 private:
  Store(StoreLocation location, std::unique_ptr<Poco::Data::Session> session, int schemaVersion);

  Status validateBatch(const Batch& batch) const;
  // harvest_runs rows `filter` selects (a WHERE and ORDER BY clause, `params` its text
  // parameters), at most `limit` of them.
  Result<std::vector<RunRow>> selectRuns(std::string_view operation, const std::string& filter,
                                         const std::vector<std::string>& params, std::int64_t limit);
  // Writes one batch's rows inside the caller's transaction; throws Poco exceptions.
  void writeBatch(Poco::Data::Session& session, const Batch& batch);

  // Runs fn on the connection under the mutex, reconnecting first if the connection was lost, and
  // turns any exception into a store error naming `operation`.
  Status withSession(std::string_view operation, const std::function<Status(Poco::Data::Session&)>& fn);
  // The same with mutex_ already held by the caller.
  Status onSession(std::string_view operation, const std::function<Status(Poco::Data::Session&)>& fn);

  // Group commit (store_group_commit.cpp): a write waiting for the connection, done by whichever
  // write holds the connection next, in one transaction with the others waiting then.
  struct QueuedCommit;
  // Runs `write` in the next group transaction, in a savepoint of its own (alone: in a transaction
  // of its own); its Status, or a store error naming `operation` if it threw.
  Status grouped(std::string_view operation, const std::function<Status(Poco::Data::Session&)>& write);
  // Writes the group in one transaction, each its own result; throws (or fails) only for the
  // transaction as a whole.
  Status writeGroup(Poco::Data::Session& session, const std::vector<QueuedCommit*>& group);
  Status writeBatches(Poco::Data::Session& session, const BatchSource& earlier, const Batch& last);

  StoreLocation location_;
  const Dialect& dialect_;
  int schemaVersion_;
  std::mutex mutex_;  // the connection
  std::unique_ptr<Poco::Data::Session> session_;
  // The writer's bulk statements; declared after session_ so that they are finalised first.
  std::unique_ptr<SqliteStatementCache> statements_;
  std::mutex queueMutex_;  // queue_ and every queued commit's result
  std::vector<QueuedCommit*> queue_;
  // SQLite only; declared after session_ so that it is stopped while the writer is still open.
  std::unique_ptr<WalCheckpointer> checkpointer_;
};

}  // namespace hamhub::host

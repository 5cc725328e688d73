// Store: records, their index, record errors and cursors — the harvest's hot path.

#include <Poco/Data/Session.h>

#include <limits>
#include <unordered_set>
#include <utility>

#include "host/store/bulk.h"
#include "host/store/dialect.h"
#include "host/store/document_writes.h"
#include "host/store/record_row.h"
#include "host/store/store.h"
#include "host/util/clock.h"

namespace hamhub::host {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;
using Poco::Data::Keywords::useRef;

namespace {

// Bound from RecordRow (see record_row.h for the column order). A record written again after a
// withdrawal is current again; first_run keeps the run that first saw it.
constexpr std::string_view kUpsertRecordHead =
    "INSERT INTO records (source, kind, natural_key, subject, period, url, content_hash, payload, "
    "fetched_at, first_run, changed_run)";
constexpr std::string_view kUpsertRecordTail =
    "ON CONFLICT (source, kind, natural_key) DO UPDATE SET subject = excluded.subject, "
    "period = excluded.period, url = excluded.url, content_hash = excluded.content_hash, "
    "payload = excluded.payload, fetched_at = excluded.fetched_at, changed_run = excluded.changed_run, "
    "withdrawn_run = NULL";

// Only what the harvest's index needs: no payloads.
constexpr std::string_view kScanRecords =
    "SELECT kind, natural_key, content_hash, CASE WHEN withdrawn_run IS NULL THEN 0 ELSE 1 END "
    "FROM records WHERE source = ?";
constexpr std::size_t kScanPage = 20000;

using ErrorRow = Poco::Tuple<Poco::Int64, std::string, std::string, std::string, std::string>;

struct KeyHash {
  std::size_t operator()(const std::pair<std::string_view, std::string_view>& k) const {
    const std::size_t h = std::hash<std::string_view>{}(k.first);
    return h ^ (std::hash<std::string_view>{}(k.second) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
  }
};

// The rows to upsert, the last write winning when a batch names one record twice (the last
// emitted version is the current one). SQLite upserts row by row in order, so the last write wins
// by itself there; a multi-row PostgreSQL statement may not update a row twice, so duplicates are
// dropped first — a hash set of every key of the batch that SQLite need not pay for.
std::vector<RecordRow> uniqueRows(const Batch& batch, const std::string& fetchedAt, Backend backend) {
  std::vector<RecordRow> rows;
  rows.reserve(batch.writes.size());
  if (backend == Backend::Sqlite) {
    for (const StoredRecordWrite& w : batch.writes) rows.push_back(RecordRow{&batch.source, &w, &fetchedAt, batch.runId});
    return rows;
  }
  std::unordered_set<std::pair<std::string_view, std::string_view>, KeyHash> seen;
  seen.reserve(batch.writes.size());
  for (auto it = batch.writes.rbegin(); it != batch.writes.rend(); ++it) {
    if (seen.emplace(it->record.kind, it->record.key).second) {
      rows.push_back(RecordRow{&batch.source, &*it, &fetchedAt, batch.runId});
    }
  }
  std::reverse(rows.begin(), rows.end());
  return rows;
}

Status invalidBatch(const std::string& store, const std::string& why) {
  return Status::error("store " + store + ": commitBatch: " + why, "invalid-argument");
}

}  // namespace

Result<RecordIndex> Store::recordIndex(std::string_view source) {
  RecordIndex index;
  Status s = scanRecords(source, [&](std::string_view kind, std::string_view key, std::string_view hash, bool withdrawn) {
    index.insert(recordKeyDigest(kind, key), contentHashDigest(hash), withdrawn ? RecordIndex::kWithdrawn : 0);
  });
  if (!s) return s;
  return index;
}

Status Store::scanRecords(std::string_view source, const RecordVisitor& visit) {
  return withSession("scanRecords", [&](Poco::Data::Session& session) {
    const std::string src(source);
    if (dialect_.backend() == Backend::Sqlite) {
      // Stepped row by row straight from SQLite: nothing is collected, nothing copied.
      SqliteStatement select(session, kScanRecords);
      select.text(1, src);
      while (select.nextRow()) {
        visit(select.columnText(0), select.columnText(1), select.columnText(2), select.columnInteger(3) != 0);
      }
      return Status::ok();
    }
    // PostgreSQL hands a statement's whole result over at once, so read it in pages along the
    // primary key, each page its own statement (see bulk.h on re-executing one).
    std::string afterKind, afterKey;
    for (bool first = true;; first = false) {
      std::vector<std::string> kinds, keys, hashes;
      std::vector<Poco::Int64> withdrawn;
      Poco::Data::Statement select(session);
      select << dialect_.sql(std::string(kScanRecords) + (first ? "" : " AND (kind, natural_key) > (?, ?)") +
                             " ORDER BY kind, natural_key LIMIT " + std::to_string(kScanPage)),
          useRef(src);
      if (!first) select, useRef(afterKind), useRef(afterKey);
      select, into(kinds), into(keys), into(hashes), into(withdrawn);
      select.execute();
      for (std::size_t i = 0; i < kinds.size(); ++i) visit(kinds[i], keys[i], hashes[i], withdrawn[i] != 0);
      if (kinds.size() < kScanPage) return Status::ok();
      afterKind = std::move(kinds.back());
      afterKey = std::move(keys.back());
    }
  });
}

Status Store::validateBatch(const Batch& batch) const {
  if (batch.source.empty()) return invalidBatch(describe(), "no source");
  if (batch.runId <= 0) return invalidBatch(describe(), "no run id");
  for (const StoredRecordWrite& w : batch.writes) {
    if (w.record.kind.empty() || w.record.key.empty()) {
      return invalidBatch(describe(), "a record without kind or key (kind '" + w.record.kind + "', key '" +
                                          w.record.key + "')");
    }
    if (w.contentHash.empty())
      return invalidBatch(describe(), "record " + w.record.key + " has no content hash");
  }
  return Status::ok();
}

void Store::writeBatch(Poco::Data::Session& session, const Batch& batch) {
  const std::string fetchedAt = formatUtc(batch.fetchedAt);
  const std::string writtenAt = utcNow();
  const Poco::Int64 runId = batch.runId;
  std::vector<RecordRow> rows = uniqueRows(batch, fetchedAt, dialect_.backend());
  std::vector<ErrorRow> errors;
  errors.reserve(batch.errors.size());
  for (const RecordError& err : batch.errors)
    errors.emplace_back(runId, batch.source, err.key, err.message, writtenAt);

  writeRowsFast(session, dialect_, *statements_, kUpsertRecordHead, kUpsertRecordTail, Poco::Data::TypeHandler<RecordRow>::size(),
            rows);

  const auto& withdrawals = batch.withdrawals;
  forChunks(withdrawals.size(), rowsPerStatement(2), [&](std::size_t begin, std::size_t end) {
    Poco::Data::Statement update(session);
    update << dialect_.sql(
        "UPDATE records SET withdrawn_run = ? WHERE source = ? AND withdrawn_run IS NULL "
        "AND (kind, natural_key) IN (VALUES " +
        placeholderRows(end - begin, 2) + ")"),
        useRef(runId), useRef(batch.source);
    for (std::size_t i = begin; i < end; ++i) update, useRef(withdrawals[i].kind), useRef(withdrawals[i].key);
    update.execute();
  });

  writeRows(session, dialect_, "INSERT INTO record_errors (run_id, source, natural_key, message, at)", "", 5,
            errors);

  writeDocuments(session, dialect_, *statements_, batch);

  if (batch.cursor) {
    session << dialect_.sql(
        "INSERT INTO cursors (source, cursor, run_id, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (source) DO UPDATE SET cursor = excluded.cursor, run_id = excluded.run_id, "
        "updated_at = excluded.updated_at"),
        useRef(batch.source), useRef(*batch.cursor), useRef(runId), useRef(writtenAt), now;
  }
}

Result<std::optional<std::string>> Store::cursor(std::string_view source) {
  std::optional<std::string> out;
  Status s = withSession("cursor", [&](Poco::Data::Session& session) {
    std::string src(source);
    std::vector<std::string> cursors;
    session << dialect_.sql("SELECT cursor FROM cursors WHERE source = ?"), use(src), into(cursors), now;
    if (!cursors.empty()) out = std::move(cursors.front());
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

Result<std::vector<StoredRecord>> Store::records(const RecordQuery& query) {
  std::vector<StoredRecord> out;
  Status s = withSession("records", [&](Poco::Data::Session& session) {
    std::string sql =
        "SELECT source, kind, natural_key, subject, period, url, content_hash, payload, fetched_at, "
        "first_run, changed_run, COALESCE(withdrawn_run, 0) FROM records";
    std::vector<std::string> params;
    std::string where;
    const auto filter = [&](const char* column, const std::optional<std::string>& value) {
      if (!value) return;
      where += (where.empty() ? " WHERE " : " AND ") + std::string(column) + " = ?";
      params.push_back(*value);
    };
    filter("source", query.source);
    filter("kind", query.kind);
    filter("subject", query.subject);
    if (!query.includeWithdrawn)
      where += where.empty() ? " WHERE withdrawn_run IS NULL" : " AND withdrawn_run IS NULL";
    sql += where + " ORDER BY source, kind, natural_key LIMIT ? OFFSET ?";
    Poco::Int64 limit = query.limit > 0 ? query.limit : std::numeric_limits<Poco::Int64>::max();
    Poco::Int64 offset = query.offset > 0 ? query.offset : 0;

    std::vector<std::string> sources, kinds, keys, subjects, periods, urls, hashes, payloads, fetched;
    std::vector<Poco::Int64> firstRuns, changedRuns, withdrawnRuns;
    Poco::Data::Statement select(session);
    select << dialect_.sql(sql);
    for (const std::string& p : params) select, Poco::Data::Keywords::useRef(p);
    select, use(limit), use(offset);
    select, into(sources), into(kinds), into(keys), into(subjects), into(periods), into(urls), into(hashes),
        into(payloads), into(fetched), into(firstRuns), into(changedRuns), into(withdrawnRuns);
    select.execute();

    out.resize(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
      StoredRecord& r = out[i];
      r.source = std::move(sources[i]);
      r.record.kind = std::move(kinds[i]);
      r.record.key = std::move(keys[i]);
      r.record.subject = std::move(subjects[i]);
      r.record.period = std::move(periods[i]);
      r.record.url = std::move(urls[i]);
      r.record.payload = std::move(payloads[i]);
      r.contentHash = std::move(hashes[i]);
      r.fetchedAt = std::move(fetched[i]);
      r.firstRun = firstRuns[i];
      r.changedRun = changedRuns[i];
      // Run ids start at 1, so 0 from the COALESCE means "not withdrawn".
      if (withdrawnRuns[i] != 0) r.withdrawnRun = withdrawnRuns[i];
    }
    return Status::ok();
  });
  if (!s) return s;
  return out;
}

}  // namespace hamhub::host

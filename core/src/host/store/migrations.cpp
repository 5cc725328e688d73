#include "host/store/migrations.h"

#include <Poco/Data/Session.h>

#include <string>

#include "host/store/transaction.h"
#include "host/util/clock.h"

namespace hamhub::host {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

namespace {

// Columns that are "not known" hold '' rather than NULL: one spelling of absent on both backends.
// Timestamps are UTC ISO-8601 text written by the store, so they sort and compare as text.
const std::vector<Migration> kMigrations = {
    {1,
     "initial schema",
     {
         R"(CREATE TABLE subjects (
              id TEXT PRIMARY KEY,
              name TEXT NOT NULL,
              name_key TEXT NOT NULL,
              kind TEXT NOT NULL CHECK (kind IN ('province', 'kabkota', 'opd', 'upt', 'ministry')),
              parent TEXT NOT NULL DEFAULT '',
              province TEXT NOT NULL DEFAULT '',
              bps_code TEXT NOT NULL DEFAULT '',
              kanwil TEXT NOT NULL DEFAULT ''))",
         "CREATE INDEX subjects_name_key ON subjects (name_key)",
         "CREATE INDEX subjects_bps_code ON subjects (bps_code)",
         R"(CREATE TABLE subject_aliases (
              alias_key TEXT PRIMARY KEY,
              subject_id TEXT NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
              alias TEXT NOT NULL))",
         "CREATE INDEX subject_aliases_subject ON subject_aliases (subject_id)",
         R"(CREATE TABLE sources (
              id TEXT PRIMARY KEY,
              connector TEXT NOT NULL,
              subjects TEXT NOT NULL DEFAULT '[]',
              enabled INTEGER NOT NULL DEFAULT 1,
              config_hash TEXT NOT NULL DEFAULT '',
              updated_at TEXT NOT NULL))",
         R"(CREATE TABLE harvest_runs (
              id {{id}},
              source TEXT NOT NULL,
              started_at TEXT NOT NULL,
              ended_at TEXT,
              status TEXT NOT NULL
                CHECK (status IN ('running', 'success', 'failed', 'cancelled', 'timed-out')),
              added BIGINT NOT NULL DEFAULT 0,
              updated BIGINT NOT NULL DEFAULT 0,
              unchanged BIGINT NOT NULL DEFAULT 0,
              withdrawn BIGINT NOT NULL DEFAULT 0,
              failed BIGINT NOT NULL DEFAULT 0,
              error TEXT NOT NULL DEFAULT '',
              error_reason TEXT NOT NULL DEFAULT '',
              pid BIGINT NOT NULL,
              hostname TEXT NOT NULL))",
         "CREATE INDEX harvest_runs_source ON harvest_runs (source, id)",
         R"(CREATE TABLE records (
              source TEXT NOT NULL,
              kind TEXT NOT NULL,
              natural_key TEXT NOT NULL,
              subject TEXT NOT NULL DEFAULT '',
              period TEXT NOT NULL DEFAULT '',
              url TEXT NOT NULL DEFAULT '',
              content_hash TEXT NOT NULL,
              payload TEXT NOT NULL,
              fetched_at TEXT NOT NULL,
              first_run BIGINT NOT NULL,
              changed_run BIGINT NOT NULL,
              withdrawn_run BIGINT,
              PRIMARY KEY (source, kind, natural_key)))",
         "CREATE INDEX records_subject ON records (subject)",
         "CREATE INDEX records_kind ON records (kind)",
         R"(CREATE TABLE record_errors (
              id {{id}},
              run_id BIGINT NOT NULL REFERENCES harvest_runs (id) ON DELETE CASCADE,
              source TEXT NOT NULL,
              natural_key TEXT NOT NULL,
              message TEXT NOT NULL,
              at TEXT NOT NULL))",
         "CREATE INDEX record_errors_run ON record_errors (run_id)",
         R"(CREATE TABLE cursors (
              source TEXT PRIMARY KEY,
              cursor TEXT NOT NULL,
              run_id BIGINT NOT NULL,
              updated_at TEXT NOT NULL))",
     }},
    {2,
     "documents and metadata findings",
     {
         // Typed columns of the Document model; the record (same source and key) keeps the
         // payload, the provenance and the withdrawn state.
         R"(CREATE TABLE documents (
              source TEXT NOT NULL,
              natural_key TEXT NOT NULL,
              record_kind TEXT NOT NULL,
              subject TEXT NOT NULL DEFAULT '',
              document_type TEXT NOT NULL DEFAULT '',
              jenis TEXT NOT NULL DEFAULT '',
              jenis_short TEXT NOT NULL DEFAULT '',
              number TEXT NOT NULL DEFAULT '',
              year BIGINT NOT NULL DEFAULT 0,
              title TEXT NOT NULL DEFAULT '',
              enacted_on TEXT NOT NULL DEFAULT '',
              promulgated_on TEXT NOT NULL DEFAULT '',
              status TEXT NOT NULL DEFAULT '',
              status_original TEXT NOT NULL DEFAULT '',
              issuing_body TEXT NOT NULL DEFAULT '',
              subjects TEXT NOT NULL DEFAULT '',
              detail_url TEXT NOT NULL DEFAULT '',
              file_url TEXT NOT NULL DEFAULT '',
              rules_version TEXT NOT NULL DEFAULT '',
              missing_count BIGINT NOT NULL DEFAULT 0,
              PRIMARY KEY (source, natural_key)))",
         "CREATE INDEX documents_subject ON documents (subject)",
         R"(CREATE TABLE document_findings (
              source TEXT NOT NULL,
              natural_key TEXT NOT NULL,
              field TEXT NOT NULL,
              field_name TEXT NOT NULL,
              run_id BIGINT NOT NULL,
              PRIMARY KEY (source, natural_key, field)))",
     }},
    {3,
     "scores with history",
     {
         // One row per computed score; a score is only written when its evidence or model changed,
         // so the rows of a (subject, instrument, period) are its history and `current` marks the
         // latest. `result` is the scorer's full answer with the evidence's provenance (JSON).
         R"(CREATE TABLE scores (
              id {{id}},
              subject TEXT NOT NULL,
              instrument TEXT NOT NULL,
              version TEXT NOT NULL,
              period TEXT NOT NULL,
              total DOUBLE PRECISION NOT NULL,
              predicate TEXT NOT NULL DEFAULT '',
              completeness DOUBLE PRECISION NOT NULL,
              input_hash TEXT NOT NULL,
              result TEXT NOT NULL,
              computed_at TEXT NOT NULL,
              current INTEGER NOT NULL DEFAULT 1))",
         // One index: an index led by `current` would tempt the planner into scanning every
         // current score of an instrument for each one it retires.
         "CREATE INDEX scores_key ON scores (instrument, period, subject, current)",
     }},
    {4,
     "source health, state changes and incidents",
     {
         // Only state changes are kept, not every probe: 2,000 sources probed each minute would
         // otherwise add three million rows a day, and uptime needs only the changes.
         R"(CREATE TABLE source_health (
              source TEXT PRIMARY KEY,
              state TEXT NOT NULL CHECK (state IN ('pending', 'up', 'degraded', 'down', 'maintenance')),
              reason TEXT NOT NULL DEFAULT '',
              detail TEXT NOT NULL DEFAULT '',
              since TEXT NOT NULL,
              checked_at TEXT NOT NULL,
              http_status INTEGER NOT NULL DEFAULT 0,
              latency_ms DOUBLE PRECISION NOT NULL DEFAULT 0,
              failures INTEGER NOT NULL DEFAULT 0,
              breaker_open INTEGER NOT NULL DEFAULT 0))",
         R"(CREATE TABLE health_events (
              id {{id}},
              source TEXT NOT NULL,
              at TEXT NOT NULL,
              state TEXT NOT NULL,
              reason TEXT NOT NULL DEFAULT ''))",
         "CREATE INDEX health_events_source ON health_events (source, at)",
         R"(CREATE TABLE incidents (
              id {{id}},
              source TEXT NOT NULL,
              state TEXT NOT NULL,
              reason TEXT NOT NULL DEFAULT '',
              detail TEXT NOT NULL DEFAULT '',
              started_at TEXT NOT NULL,
              ended_at TEXT,
              planned INTEGER NOT NULL DEFAULT 0))",
         "CREATE INDEX incidents_source ON incidents (source, started_at)",
     }},
    {5,
     "one running harvest per source",
     {
         // Older hubs could leave several runs of a source running after a crash; all but the
         // newest are closed so the index can be built (the hub closes the newest at start-up).
         R"(UPDATE harvest_runs SET status = 'failed', error_reason = 'interrupted',
              error = 'interrupted: closed by schema migration 5 (another run of the source was newer)',
              ended_at = started_at
            WHERE status = 'running'
              AND id NOT IN (SELECT MAX(id) FROM harvest_runs WHERE status = 'running' GROUP BY source))",
         "CREATE UNIQUE INDEX harvest_runs_one_running ON harvest_runs (source) WHERE status = 'running'",
     }},
    {6,
     "alerts and their notifications",
     {
         // One live (open or acknowledged) alert per dedup key; a resolved one that comes back is a
         // new row, so its history stays as it was.
         R"(CREATE TABLE alerts (
              id {{id}},
              dedup_key TEXT NOT NULL,
              kind TEXT NOT NULL,
              severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
              subject TEXT NOT NULL DEFAULT '',
              region TEXT NOT NULL DEFAULT '',
              source TEXT NOT NULL DEFAULT '',
              message_id TEXT NOT NULL,
              message_en TEXT NOT NULL,
              details TEXT NOT NULL DEFAULT '{}',
              state TEXT NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved')),
              first_seen TEXT NOT NULL,
              last_seen TEXT NOT NULL,
              changed_at TEXT NOT NULL,
              revision BIGINT NOT NULL DEFAULT 1,
              acknowledged_by TEXT NOT NULL DEFAULT '',
              acknowledged_at TEXT NOT NULL DEFAULT '',
              resolved_at TEXT NOT NULL DEFAULT ''))",
         "CREATE UNIQUE INDEX alerts_live ON alerts (dedup_key) WHERE state <> 'resolved'",
         "CREATE INDEX alerts_region ON alerts (region, state)",
         "CREATE INDEX alerts_kind ON alerts (kind, state)",
         // The outbox of every notifier channel: one row per thing to deliver, unique per channel
         // and dedup ("alert:ID:REVISION", "digest:16:2026-11-29"), so a change is sent once.
         R"(CREATE TABLE notifications (
              id {{id}},
              channel TEXT NOT NULL,
              dedup TEXT NOT NULL,
              kind TEXT NOT NULL CHECK (kind IN ('alert', 'digest')),
              alert_id BIGINT NOT NULL DEFAULT 0,
              region TEXT NOT NULL DEFAULT '',
              payload TEXT NOT NULL DEFAULT '{}',
              status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
              attempts INTEGER NOT NULL DEFAULT 0,
              next_attempt_at TEXT NOT NULL,
              last_error TEXT NOT NULL DEFAULT '',
              created_at TEXT NOT NULL,
              sent_at TEXT NOT NULL DEFAULT ''))",
         "CREATE UNIQUE INDEX notifications_once ON notifications (channel, dedup)",
         "CREATE INDEX notifications_due ON notifications (status, next_attempt_at)",
     }},
    {7,
     "metadata findings kept on their document",
     {
         // A first harvest found ~2 gaps per document, each a row with its own primary key: a
         // fifth of the store's write time. The gaps now travel with the document row, a JSON
         // array of {"field", "name"}; the view keeps one row per (document, field) for readers.
         "ALTER TABLE documents ADD COLUMN missing TEXT NOT NULL DEFAULT '[]'",
         R"(-- sqlite
            UPDATE documents SET missing = (
              SELECT json_group_array(json_object('field', field, 'name', field_name)) FROM (
                SELECT f.field, f.field_name FROM document_findings f
                WHERE f.source = documents.source AND f.natural_key = documents.natural_key ORDER BY f.rowid))
            WHERE missing_count > 0)",
         R"(-- postgres
            UPDATE documents d SET missing = (
              SELECT json_agg(json_build_object('field', f.field, 'name', f.field_name) ORDER BY f.field)::text
              FROM document_findings f WHERE f.source = d.source AND f.natural_key = d.natural_key)
            WHERE d.missing_count > 0)",
         "DROP TABLE document_findings",
         R"(-- sqlite
            CREATE VIEW document_findings AS
              SELECT d.source, d.natural_key, json_extract(f.value, '$.field') AS field,
                     json_extract(f.value, '$.name') AS field_name
              FROM documents d, json_each(d.missing) f)",
         R"(-- postgres
            CREATE VIEW document_findings AS
              SELECT d.source, d.natural_key, f.value ->> 'field' AS field, f.value ->> 'name' AS field_name
              FROM documents d CROSS JOIN LATERAL json_array_elements(d.missing::json) f)",
     }},
    {8,
     "one secondary index on records",
     {
         // Every reader of records by kind or subject names the kind (scoring, alert rules), so one
         // (kind, subject) index serves them all. Each secondary index cost a first harvest ~5% of
         // its time: its pages, dirtied at as many places as sites commit together, go to the WAL
         // again at every commit.
         "DROP INDEX records_subject",
         "DROP INDEX records_kind",
         "CREATE INDEX records_kind_subject ON records (kind, subject)",
     }},
};

int currentVersion(Poco::Data::Session& session) {
  Poco::Int64 version = 0;
  session << "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", into(version), now;
  return static_cast<int>(version);
}

Status tooNew(std::string_view storeName, int found) {
  return Status::error("store " + std::string(storeName) + ": store schema version " + std::to_string(found) +
                           " is newer than this hamhub knows (" + std::to_string(latestSchemaVersion()) +
                           "); upgrade hamhub",
                       "store-version");
}

}  // namespace

const std::vector<Migration>& migrations() { return kMigrations; }

int latestSchemaVersion() { return kMigrations.empty() ? 0 : kMigrations.back().version; }

Result<int> migrate(Poco::Data::Session& session, const Dialect& dialect, std::string_view storeName) {
  const auto ensureTable = [&] {
    session << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
               "name TEXT NOT NULL, applied_at TEXT NOT NULL)",
        now;
  };
  int version = 0;
  for (const Migration& migration : kMigrations) {
    // Each step in its own transaction: a failing step leaves the previous ones applied and
    // recorded, and is retried in full on the next open.
    const Status step = inTransaction(session, dialect, [&]() -> Status {
      if (!dialect.migrationLock().empty()) session << dialect.migrationLock(), now;
      ensureTable();
      version = currentVersion(session);
      if (version > latestSchemaVersion()) return tooNew(storeName, version);
      if (version >= migration.version) return Status::ok();
      for (const std::string_view statement : migration.statements) {
        if (dialect.runsHere(statement)) session << dialect.ddl(statement), now;
      }
      int number = migration.version;
      std::string name(migration.name);
      std::string appliedAt = utcNow();
      session << dialect.sql("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
          use(number), use(name), use(appliedAt), now;
      version = number;
      return Status::ok();
    });
    if (!step) return step;
  }
  return version;
}

}  // namespace hamhub::host

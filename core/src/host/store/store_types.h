#pragma once

// The plain data the store reads and writes. Kept apart from store.h so the harvest runner can pass
// batches and outcomes around (and, later, across a process boundary) without seeing Poco.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hamhub/record.h"
#include "host/store/record_index.h"
#include "host/util/clock.h"

namespace hamhub::host {

enum class Backend { Sqlite, Postgres };
const char* backendName(Backend backend);

enum class SubjectKind { Province, KabKota, Opd, Upt, Ministry };
const char* subjectKindName(SubjectKind kind);  // province | kabkota | opd | upt | ministry
std::optional<SubjectKind> parseSubjectKind(std::string_view text);

/// Who is assessed. Empty strings mean "not known" (no parent, no BPS code…).
struct Subject {
  std::string id;  // Kemendagri code for governments, e.g. "16.72"
  std::string name;
  SubjectKind kind = SubjectKind::KabKota;
  std::string parent;
  std::string province;  // province code, e.g. "16"
  std::string bpsCode;   // BPS numbers some regions differently; stored, never derived
  std::string kanwil;
  std::vector<std::string> aliases;  // spelling variants as written; matched after normalisation
};

/// A configured source as the store keeps it (the config files stay the truth).
struct SourceRow {
  std::string id;
  std::string connector;
  std::vector<std::string> subjects;
  bool enabled = true;
  std::string configHash;
};

enum class RunStatus { Running, Success, Failed, Cancelled, TimedOut };
const char* runStatusName(RunStatus status);  // running | success | failed | cancelled | timed-out
std::optional<RunStatus> parseRunStatus(std::string_view text);

/// How a source looks to the monitor. PENDING: a first failure, not yet an outage.
enum class HealthState { Pending, Up, Degraded, Down, Maintenance };
const char* healthStateName(HealthState state);  // pending | up | degraded | down | maintenance
std::optional<HealthState> parseHealthState(std::string_view text);

/// A source's latest observed health (one row per source).
struct SourceHealth {
  std::string source;
  HealthState state = HealthState::Pending;
  std::string reason;     // machine-readable: ok, slow, partial-errors, dns, timeout, maintenance-page…
  std::string detail;     // what was seen, for people
  std::string since;      // when `state` began (UTC ISO-8601)
  std::string checkedAt;  // the latest observation
  int httpStatus = 0;     // 0: no HTTP answer
  double latencyMs = 0;
  int failures = 0;       // consecutive failed observations
  bool breakerOpen = false;
};

/// A stretch of time a source spent DEGRADED, DOWN or MAINTENANCE.
struct Incident {
  std::int64_t id = 0;
  std::string source;
  HealthState state = HealthState::Down;
  std::string reason;
  std::string detail;
  std::string startedAt;
  std::string endedAt;  // empty while open
  bool planned = false;  // a declared maintenance window: no alarm
};

/// A state change, as uptime reads them.
struct HealthEvent {
  std::string source;
  std::string at;
  HealthState state = HealthState::Pending;
  std::string reason;
};

struct RunCounts {
  std::int64_t added = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::int64_t withdrawn = 0;
  std::int64_t failed = 0;
};

struct RunOutcome {
  std::int64_t runId = 0;
  RunStatus status = RunStatus::Success;
  RunCounts counts;
  std::string error;
  std::string errorReason;
};

struct RunRow {
  std::int64_t id = 0;
  std::string source;
  std::string startedAt;  // UTC ISO-8601
  std::string endedAt;    // empty while running
  RunStatus status = RunStatus::Running;
  RunCounts counts;
  std::string error;
  std::string errorReason;
  std::int64_t pid = 0;
  std::string hostname;
};

/// A source's harvest history in brief: what the stale-data and feed-validity alerts read.
struct SourceRunSummary {
  std::string source;
  std::string firstStartedAt;  // its first run
  std::string lastSuccessAt;   // end of its newest successful run; '' when none
  RunStatus lastStatus = RunStatus::Success;  // of its newest ended run
  std::string lastEndedAt;
  std::string lastError;
  std::string lastErrorReason;
};

/// A record to insert or update: the connector's fields plus the hash the runner computed.
struct StoredRecordWrite {
  Record record;
  std::string contentHash;
  bool isNew = false;  // informational: the write is an upsert either way
};

struct RecordRef {
  std::string kind;
  std::string key;
};

struct RecordError {
  std::string key;
  std::string message;
};

/// One transaction's worth of a harvest: records, withdrawals, rejected items and the cursor that
/// covers them. commitBatch writes all of it or none of it.
/// The Document model of a legal product (a JDIH record projected into typed columns), with the
/// mandatory metadata it lacks. Written in the same transaction as its record.
struct DocumentWrite {
  std::string key;  // the record's natural key (idData)
  std::string subject;
  std::string documentType;
  std::string jenis;
  std::string jenisShort;
  std::string number;
  std::int64_t year = 0;  // 0: unknown
  std::string title;
  std::string enactedOn;      // ISO date or ''
  std::string promulgatedOn;  // ISO date or ''
  std::string status;
  std::string statusOriginal;
  std::string issuingBody;
  std::string subjects;  // "a; b; c"
  std::string detailUrl;
  std::string fileUrl;
  std::string rulesVersion;  // which mandatory-metadata list produced `missing`
  std::string recordKind;
  std::vector<std::pair<std::string, std::string>> missing;  // (payload path, display name)
};

struct Batch {
  std::string source;
  std::int64_t runId = 0;
  TimePoint fetchedAt;
  std::vector<StoredRecordWrite> writes;
  std::vector<RecordRef> withdrawals;
  std::vector<RecordError> errors;
  std::vector<DocumentWrite> documents;
  std::optional<std::string> cursor;
};

/// A stored document as `hamhub documents` shows it.
struct DocumentView {
  std::string source;
  DocumentWrite document;  // `missing` holds (path, name) of every finding
  bool withdrawn = false;
};

struct DocumentQuery {
  std::optional<std::string> source;
  std::optional<std::string> subject;
  std::optional<std::string> status;  // normalised status, e.g. "berlaku"
  std::vector<std::string> subjectsIn;  // non-empty: only documents of these subjects (a province's)
  bool missingMetadataOnly = false;
  bool includeWithdrawn = false;
  int limit = 0;  // <= 0: no limit
  int offset = 0;
};

/// What the IRH regulation-database indicator needs of one JDIH site, from its current documents.
struct DocumentFigures {
  std::string source;
  std::int64_t documents = 0;
  std::int64_t complete = 0;  // documents without any metadata finding
  std::string newestDate;     // newest promulgation (else enactment) date, '' when none
};

struct StoredRecord {
  std::string source;
  Record record;
  std::string contentHash;
  std::string fetchedAt;
  std::int64_t firstRun = 0;
  std::int64_t changedRun = 0;
  std::optional<std::int64_t> withdrawnRun;
};

struct RecordQuery {
  std::optional<std::string> source;
  std::optional<std::string> kind;
  std::optional<std::string> subject;
  bool includeWithdrawn = false;
  int limit = 0;  // <= 0: no limit
  int offset = 0;
};

/// A computed score as stored: the figures to filter and list by, and the scorer's whole answer.
struct ScoreRow {
  std::int64_t id = 0;
  std::string subject;
  std::string instrument;
  std::string version;
  std::string period;
  double total = 0;
  std::string predicate;
  double completeness = 0;
  std::string inputHash;  // of the model and the evidence: unchanged input, no new row
  std::string result;     // packed JSON (scoring/score_result.h): criteria, indicators, evidence, coaching
  std::string computedAt;
};

struct ScoreQuery {
  std::optional<std::string> instrument;
  std::optional<std::string> period;
  std::optional<std::string> subject;
};

}  // namespace hamhub::host

#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "hamhub/connector.h"
#include "host/harvest/spill_file.h"
#include "host/store/store_types.h"

namespace hamhub::host {

class Normaliser;
class Store;

/// The RecordSink a harvest writes into. It drops records whose content hash is unchanged,
/// keeps the rest pending, and commits them with the cursor only at a checkpoint or at the end of
/// a successful harvest, so a failed or killed run leaves what was stored exactly as it was.
/// Pending records beyond a few megabytes go to a spill file, so memory stays bounded however
/// large the feed; a commit then writes the spilled and the in-memory records in one transaction.
///
/// What it keeps per record for the whole run is an entry of the RecordIndex (40 bytes): whether a
/// record is new, changed or unchanged, and whether this run has seen it, are flags and digests
/// there. The keys a complete listing no longer names are read back from the store at the end,
/// when the index says some stored record was not listed again.
///
/// Not thread-safe: one sink per run, used from the run's thread.
class BatchingSink final : public RecordSink {
 public:
  /// Loads the source's record index; called once, at the first record (a not-modified run that
  /// emits nothing never reads the source's records).
  using IndexLoader = std::function<Result<RecordIndex>()>;

  /// `storedCursor`: the cursor the run started from; committing it again with nothing else to
  /// write is skipped, so an unchanged source's run writes nothing but its run row.
  BatchingSink(Store& store, const Normaliser& normaliser, std::string source, std::int64_t runId,
               IndexLoader loadIndex, std::vector<std::string> defaultSubjects,
               std::optional<Cursor> storedCursor = std::nullopt);

  Status emit(Record record) override;
  void reject(std::string_view key, std::string_view message) override;
  Status checkpoint(const Cursor& cursor) override;

  /// Commits what is pending, withdrawals for the kinds the harvest saw completely, and the cursor.
  Status finish(const HarvestResult& result);

  const RunCounts& counts() const { return counts_; }
  /// Counts as of the last successful commit: what a run that fails afterwards really stored.
  const RunCounts& committedCounts() const { return committed_; }
  /// The first few rejections ("key: message"), for the run's one-line error.
  const std::vector<std::string>& firstRejections() const { return firstRejections_; }

 private:
  Status ensureIndex();
  Status commit(std::optional<std::string> cursor, std::vector<RecordRef> withdrawals);
  // The stored, current records of the complete kinds that this run neither emitted nor rejected.
  Result<std::vector<RecordRef>> withdrawals(const std::vector<std::string>& completeKinds);
  void project(Batch& batch) const;

  Store& store_;
  const Normaliser& normaliser_;
  std::string source_;
  std::int64_t runId_;
  IndexLoader loadIndex_;
  std::optional<Cursor> storedCursor_;
  bool indexLoaded_ = false;
  RecordIndex index_;
  // Current (not withdrawn) records the index knew at the start that this run has not emitted yet:
  // the only candidates for withdrawal, so at zero the store need not be read back.
  std::size_t unseenCurrent_ = 0;
  std::vector<std::string> defaultSubjects_;
  std::vector<StoredRecordWrite> pending_;
  std::size_t pendingBytes_ = 0;
  SpillFile spill_;
  std::vector<RecordError> errors_;
  std::vector<std::string> firstRejections_;
  struct DigestHash {
    std::size_t operator()(const Digest128& d) const { return static_cast<std::size_t>(d.lo); }
  };
  // Digests of rejected keys (of any kind): still listed by the source, so never withdrawn.
  std::unordered_set<Digest128, DigestHash> rejected_;
  RunCounts counts_;
  RunCounts committed_;
};

}  // namespace hamhub::host

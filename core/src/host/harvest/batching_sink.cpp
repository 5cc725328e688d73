#include "host/harvest/batching_sink.h"

#include "host/harvest/content_hash.h"
#include "host/normalise/normaliser.h"
#include "host/store/store.h"

namespace hamhub::host {

namespace {

// Pending record data kept in memory before it goes to the spill file.
constexpr std::size_t kMaxPendingBytes = 8u * 1024 * 1024;
// Spilled record data read back per chunk of a commit. Smaller than the pending bound: a chunk is
// one more statement loop, nothing more, and it is held while SQLite's page cache is at its fullest.
constexpr std::size_t kSpillChunkBytes = 2u * 1024 * 1024;

std::size_t sizeOf(const StoredRecordWrite& w) {
  const Record& r = w.record;
  return r.kind.size() + r.key.size() + r.subject.size() + r.period.size() + r.url.size() + r.payload.size() +
         w.contentHash.size() + 64;
}

}  // namespace

BatchingSink::BatchingSink(Store& store, const Normaliser& normaliser, std::string source, std::int64_t runId,
                           IndexLoader loadIndex, std::vector<std::string> defaultSubjects,
                           std::optional<Cursor> storedCursor)
    : store_(store),
      normaliser_(normaliser),
      source_(std::move(source)),
      runId_(runId),
      loadIndex_(std::move(loadIndex)),
      storedCursor_(std::move(storedCursor)),
      defaultSubjects_(std::move(defaultSubjects)) {}

Status BatchingSink::ensureIndex() {
  if (indexLoaded_) return Status::ok();
  auto loaded = loadIndex_();
  if (!loaded.isOk()) return loaded.status();
  index_ = std::move(loaded).value();
  indexLoaded_ = true;
  unseenCurrent_ = index_.currentCount();
  return Status::ok();
}

Status BatchingSink::emit(Record record) {
  if (Status ready = ensureIndex(); !ready) return ready;
  if (record.kind.empty() || record.key.empty()) {
    reject(record.key, "record without kind or key");
    return Status::ok();
  }
  if (record.subject.empty() && defaultSubjects_.size() == 1) record.subject = defaultSubjects_.front();
  const Digest128 key = recordKeyDigest(record.kind, record.key);
  const Sha256Digest content = contentDigest(record);
  const Digest128 contentShort = truncate(content);
  RecordIndex::Entry* known = index_.find(key);
  if (known != nullptr && known->seen() && known->content != contentShort) {
    // The same key twice in one harvest, saying different things: a site whose query joins
    // another table lists a document once per row of it. Which one is right is the source's to
    // settle; the first stays, and the run says so rather than keeping whichever came last.
    reject(record.key, "listed again in this harvest with other content; the first listing is kept");
    return Status::ok();
  }
  if (known != nullptr && !known->seen() && !known->withdrawn()) --unseenCurrent_;
  if (known != nullptr && !known->withdrawn() && known->content == contentShort) {
    known->flags |= RecordIndex::kSeen;
    ++counts_.unchanged;
    return Status::ok();
  }
  const bool isNew = known == nullptr;
  ++(isNew ? counts_.added : counts_.updated);
  // A later emit of the same key in this run compares against this version.
  if (isNew) {
    index_.add(key, contentShort, RecordIndex::kSeen);
  } else {
    known->content = contentShort;
    known->flags = RecordIndex::kSeen;
  }
  pending_.push_back(StoredRecordWrite{std::move(record), toHex(content), isNew});
  pendingBytes_ += sizeOf(pending_.back());
  if (pendingBytes_ > kMaxPendingBytes) {
    if (Status spilled = spill_.append(pending_); !spilled) return spilled;
    pending_.clear();
    pendingBytes_ = 0;
  }
  return Status::ok();
}

void BatchingSink::reject(std::string_view key, std::string_view message) {
  ++counts_.failed;
  rejected_.insert(digestOf({key}));
  errors_.push_back(RecordError{std::string(key), std::string(message)});
  if (firstRejections_.size() < 3) {
    firstRejections_.push_back(key.empty() ? std::string(message) : std::string(key) + ": " + std::string(message));
  }
}

Status BatchingSink::checkpoint(const Cursor& cursor) { return commit(cursor, {}); }

Result<std::vector<RecordRef>> BatchingSink::withdrawals(const std::vector<std::string>& completeKinds) {
  std::vector<RecordRef> out;
  Status scanned = store_.scanRecords(source_, [&](std::string_view kind, std::string_view key, std::string_view,
                                                   bool withdrawn) {
    if (withdrawn) return;
    bool complete = false;
    for (const auto& k : completeKinds) complete = complete || k == kind;
    if (!complete) return;
    // Only records the index knew at the start: one stored since by someone else is not ours to judge.
    const RecordIndex::Entry* entry = index_.find(recordKeyDigest(kind, key));
    if (entry == nullptr || entry->seen() || entry->withdrawn() || rejected_.count(digestOf({key})) != 0) return;
    out.push_back(RecordRef{std::string(kind), std::string(key)});
  });
  if (!scanned) return scanned;
  return out;
}

Status BatchingSink::finish(const HarvestResult& result) {
  std::vector<RecordRef> gone;
  if (!result.completeKinds.empty()) {
    // Read even when nothing was emitted: a complete listing of nothing withdraws everything.
    if (Status ready = ensureIndex(); !ready) return ready;
    if (unseenCurrent_ > 0) {
      auto found = withdrawals(result.completeKinds);
      if (!found.isOk()) return found.status();
      gone = std::move(found).value();
    }
  }
  counts_.withdrawn += static_cast<std::int64_t>(gone.size());
  return commit(result.next, std::move(gone));
}

void BatchingSink::project(Batch& batch) const {
  for (const auto& write : batch.writes) {
    if (auto document = normaliser_.project(write)) batch.documents.push_back(std::move(*document));
  }
}

Status BatchingSink::commit(std::optional<std::string> cursor, std::vector<RecordRef> withdrawals) {
  if (pending_.empty() && spill_.empty() && withdrawals.empty() && errors_.empty() &&
      (!cursor || cursor == storedCursor_)) {
    committed_ = counts_;
    return Status::ok();
  }
  if (cursor) storedCursor_ = cursor;
  Batch batch;
  batch.source = source_;
  batch.runId = runId_;
  batch.fetchedAt = std::chrono::system_clock::now();
  batch.writes = std::move(pending_);
  project(batch);
  batch.withdrawals = std::move(withdrawals);
  batch.errors = std::move(errors_);
  batch.cursor = std::move(cursor);
  pending_.clear();
  pendingBytes_ = 0;
  errors_.clear();
  Status committed;
  if (spill_.empty()) {
    committed = store_.commitBatch(batch);
  } else {
    committed = spill_.rewind();
    if (committed) {
      committed = store_.commitBatches(
          [&](Batch& chunk) -> Result<bool> {
            auto more = spill_.read(chunk.writes, kSpillChunkBytes);
            if (!more.isOk() || !*more) return more;
            chunk.source = source_;
            chunk.runId = runId_;
            chunk.fetchedAt = batch.fetchedAt;
            chunk.documents.clear();
            project(chunk);
            return true;
          },
          batch);
    }
    spill_.clear();
  }
  if (committed) committed_ = counts_;
  return committed;
}

}  // namespace hamhub::host

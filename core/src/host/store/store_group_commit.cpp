// Store: group commit. A harvest --all or a busy `serve` starts and finishes many runs at about
// the same time, and each wants the one write connection. Rather than a transaction each (every
// one rewriting the same index pages into the WAL), whichever write gets the connection does every
// write waiting for it in one transaction, each inside a savepoint of its own so that one that
// fails is rolled back alone and the others are stored.

#include <Poco/Data/Session.h>

#include "host/store/poco_error.h"
#include "host/store/store.h"
#include "host/store/transaction.h"

namespace hamhub::host {

using Poco::Data::Keywords::now;

struct Store::QueuedCommit {
  std::string_view operation;
  const std::function<Status(Poco::Data::Session&)>* write;
  Status result;
  bool done = false;
};

Status Store::commitBatch(const Batch& batch) { return commitBatches({}, batch); }

Status Store::commitBatches(const BatchSource& earlier, const Batch& last) {
  if (Status valid = validateBatch(last); !valid) return valid;
  return grouped("commitBatch", [&](Poco::Data::Session& session) { return writeBatches(session, earlier, last); });
}

Status Store::grouped(std::string_view operation, const std::function<Status(Poco::Data::Session&)>& write) {
  QueuedCommit mine{operation, &write, Status::ok()};
  {
    std::lock_guard queue(queueMutex_);
    queue_.push_back(&mine);
  }
  // Whoever holds the connection before us may take our write along: its owner (this thread)
  // waits here until that holder has written it and let go, so `mine` outlives its use.
  std::lock_guard connection(mutex_);
  std::vector<QueuedCommit*> group;
  {
    std::lock_guard queue(queueMutex_);
    if (mine.done) return mine.result;
    group.swap(queue_);
  }
  const Status written =
      onSession(operation, [&](Poco::Data::Session& session) { return writeGroup(session, group); });
  std::lock_guard queue(queueMutex_);
  for (QueuedCommit* commit : group) {
    // The transaction itself failed (BEGIN, COMMIT, the connection): nothing of the group is stored.
    if (!written) commit->result = written;
    commit->done = true;
  }
  return mine.result;
}

Status Store::writeGroup(Poco::Data::Session& session, const std::vector<QueuedCommit*>& group) {
  if (group.size() == 1) {
    QueuedCommit& only = *group.front();
    only.result = inTransaction(session, dialect_, [&] { return (*only.write)(session); });
    return Status::ok();
  }
  return inTransaction(session, dialect_, [&] {
    for (QueuedCommit* commit : group) {
      session << "SAVEPOINT batch", now;
      try {
        commit->result = (*commit->write)(session);
      } catch (const std::exception& e) {
        commit->result = storeError(location_.description, commit->operation, exceptionText(e));
      }
      if (!commit->result) session << "ROLLBACK TO SAVEPOINT batch", now;
      session << "RELEASE SAVEPOINT batch", now;
    }
    return Status::ok();
  });
}

Status Store::writeBatches(Poco::Data::Session& session, const BatchSource& earlier, const Batch& last) {
  if (earlier) {
    // One chunk for them all, so that `earlier` can refill its vectors in place.
    Batch chunk;
    for (;;) {
      auto more = earlier(chunk);
      if (!more.isOk()) return more.status();
      if (!*more) break;
      if (Status valid = validateBatch(chunk); !valid) return valid;
      writeBatch(session, chunk);
    }
  }
  writeBatch(session, last);
  return Status::ok();
}

}  // namespace hamhub::host

#pragma once

#include <filesystem>

#include "host/schedule/periodic_task.h"

struct sqlite3;

namespace hamhub::host {

/// Runs the SQLite store's WAL checkpoints on a thread and connection of its own. SQLite's own
/// auto-checkpoint runs inside the commit that crosses the threshold, and a checkpoint ends with
/// fsyncs of the WAL and the database: during a large harvest that was over a third of the time
/// the store's one writer held its lock, waiting for the disk while every other harvest waited for
/// it. Here the writer only signals; a PASSIVE checkpoint (which never blocks the writer or
/// readers) copies the pages and syncs while harvests go on. What is left at the end is
/// checkpointed when the last connection closes, as before.
///
/// The WAL starts over only when a writer finds it fully checkpointed, which a writer that never
/// pauses does not; so a WAL that grows past a limit gets a RESTART checkpoint, which waits for a
/// gap between two commits and makes the next commit start the WAL over.
class WalCheckpointer {
 public:
  /// Opens its own connection to `database` (created and in WAL mode already) and starts the thread.
  explicit WalCheckpointer(const std::filesystem::path& database);
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  /// Replaces `writer`'s auto-checkpoint with a signal to this thread. Call again for a new
  /// writer connection; the destructor detaches the last one attached, which must still be open.
  void attach(sqlite3* writer);

 private:
  static int onCommit(void* self, sqlite3* db, const char* schema, int walPages);
  void checkpoint();

  sqlite3* own_ = nullptr;
  sqlite3* writer_ = nullptr;
  PeriodicTask task_;  // poked by commits; also runs now and then on its own (another process's WAL)
};

}  // namespace hamhub::host

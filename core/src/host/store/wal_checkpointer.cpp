#include "host/store/wal_checkpointer.h"

#include <sqlite3.h>

#include <chrono>

#include <spdlog/spdlog.h>

namespace hamhub::host {

namespace {

// SQLite's default auto-checkpoint threshold, in pages.
constexpr int kCheckpointPages = 1000;
// A WAL this long (256 MiB of 16 KiB pages) is made to start over.
constexpr int kRestartPages = 16 * kCheckpointPages;
// How long a RESTART checkpoint waits for a gap between commits.
constexpr int kRestartWaitMs = 10000;
// A checkpoint at least this often, poked or not.
constexpr std::chrono::seconds kInterval{60};

}  // namespace

WalCheckpointer::WalCheckpointer(const std::filesystem::path& database)
    : task_(kInterval, std::chrono::seconds(0), [this] { checkpoint(); }) {
  const int rc = sqlite3_open_v2(database.c_str(), &own_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    // The writer's auto-checkpoint stays in place: slower under load, never wrong.
    spdlog::warn("store {}: cannot open a checkpoint connection ({}); checkpoints stay in the writer",
                 database.string(), own_ != nullptr ? sqlite3_errmsg(own_) : sqlite3_errstr(rc));
    sqlite3_close(own_);
    own_ = nullptr;
    return;
  }
  // A new connection learns that the file is in WAL mode only when it first reads it; until then
  // a checkpoint is a silent no-op.
  sqlite3_exec(own_, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  sqlite3_busy_timeout(own_, kRestartWaitMs);
  task_.start(false);
}

WalCheckpointer::~WalCheckpointer() {
  if (writer_ != nullptr) sqlite3_wal_autocheckpoint(writer_, kCheckpointPages);
  task_.stop();
  sqlite3_close(own_);
}

void WalCheckpointer::attach(sqlite3* writer) {
  if (own_ == nullptr) return;
  writer_ = writer;
  sqlite3_wal_hook(writer, &WalCheckpointer::onCommit, this);
}

int WalCheckpointer::onCommit(void* self, sqlite3*, const char*, int walPages) {
  if (walPages < kCheckpointPages) return SQLITE_OK;
  static_cast<WalCheckpointer*>(self)->task_.poke();
  return SQLITE_OK;
}

void WalCheckpointer::checkpoint() {
  int walPages = 0;
  // SQLITE_BUSY (another process is checkpointing) is fine: that one does the work.
  int rc = sqlite3_wal_checkpoint_v2(own_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &walPages, nullptr);
  if (rc == SQLITE_OK && walPages >= kRestartPages) {
    rc = sqlite3_wal_checkpoint_v2(own_, nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
  }
  if (rc != SQLITE_OK && rc != SQLITE_BUSY) spdlog::warn("store: WAL checkpoint failed: {}", sqlite3_errmsg(own_));
}

}  // namespace hamhub::host

#include "host/store/store.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <sqlite3.h>
#include <unistd.h>

#include <exception>
#include <utility>

#include "host/store/dialect.h"
#include "host/store/migrations.h"
#include "host/store/poco_error.h"
#include "host/store/sqlite_bulk.h"
#include "host/store/wal_checkpointer.h"

namespace hamhub::host {

using Poco::Data::Keywords::now;

namespace {

// A batch of a few hundred documents touches a few MiB of pages; a bigger one spills to a file.
constexpr int kSubJournalInMemoryBytes = 16 * 1024 * 1024;

void registerConnectors() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Every SQLite connection in the hub is used by one thread at a time (the store's under its
    // lock, a connector's in its own harvest), so SQLite's per-call mutexes and its global
    // allocation counter are pure cost: a tenth of a bulk commit's CPU in profiles. Both only take
    // effect before SQLite initialises; if something in the process initialised it first, SQLite
    // keeps its (serialised) default and returns SQLITE_MISUSE, which is safe to ignore.
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    // The sub-journal (the pages a savepoint or a multi-row statement may have to put back) stays
    // in memory up to this size; SQLite's default of 64 KiB sent every group commit's savepoints
    // to temp files in /var/tmp: measured, twice as many page writes as the WAL itself.
    sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, kSubJournalInMemoryBytes);
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::PostgreSQL::Connector::registerConnector();
  });
}

// Throws (Poco) on failure; callers turn that into a Status.
std::unique_ptr<Poco::Data::Session> connect(const StoreLocation& location) {
  auto session = std::make_unique<Poco::Data::Session>(location.pocoConnector, location.connectString);
  for (const std::string& statement : Dialect::of(location.backend).sessionSetup()) {
    *session << statement, now;
  }
  return session;
}

// SQLite's own message for these cases is a bare "unable to open database file".
Status prepareSqliteDirectory(const StoreLocation& location) {
  const std::filesystem::path dir = location.sqlitePath.parent_path();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return storeError(location.description, "open",
                      "cannot create directory " + dir.string() + ": " + ec.message());
  }
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    return storeError(location.description, "open",
                      "directory " + dir.string() +
                          " is not writable (SQLite also needs to create "
                          "its -wal and -shm files there)");
  }
  if (std::filesystem::exists(location.sqlitePath, ec) && ::access(location.sqlitePath.c_str(), W_OK) != 0) {
    return storeError(location.description, "open",
                      "file " + location.sqlitePath.string() + " is not writable");
  }
  return Status::ok();
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(std::string_view url, const std::filesystem::path& baseDir) {
  auto location = parseStoreUrl(url, baseDir);
  if (!location) return location.status();
  registerConnectors();
  if (location->backend == Backend::Sqlite) {
    if (Status s = prepareSqliteDirectory(*location); !s) return s;
  }

  std::unique_ptr<Poco::Data::Session> session;
  try {
    session = connect(*location);
  } catch (const std::exception& e) {
    return storeError(location->description, "connect", exceptionText(e));
  }

  Result<int> version = 0;
  try {
    version = migrate(*session, Dialect::of(location->backend), location->description);
  } catch (const std::exception& e) {
    return storeError(location->description, "schema migration", exceptionText(e));
  }
  if (!version) return version.status();
  return std::unique_ptr<Store>(new Store(std::move(location.value()), std::move(session), *version));
}

Store::Store(StoreLocation location, std::unique_ptr<Poco::Data::Session> session, int schemaVersion)
    : location_(std::move(location)),
      dialect_(Dialect::of(location_.backend)),
      schemaVersion_(schemaVersion),
      session_(std::move(session)),
      statements_(std::make_unique<SqliteStatementCache>()) {
  if (location_.backend == Backend::Sqlite) {
    checkpointer_ = std::make_unique<WalCheckpointer>(location_.sqlitePath);
    checkpointer_->attach(Poco::Data::SQLite::Utility::dbHandle(*session_));
  }
}

Store::~Store() = default;

std::string Store::describe() const { return location_.description; }

Backend Store::backend() const { return location_.backend; }

int Store::schemaVersion() const { return schemaVersion_; }

Status Store::withSession(std::string_view operation, const std::function<Status(Poco::Data::Session&)>& fn) {
  std::lock_guard lock(mutex_);
  return onSession(operation, fn);
}

Status Store::onSession(std::string_view operation, const std::function<Status(Poco::Data::Session&)>& fn) {
  try {
    // A PostgreSQL server restart leaves the connection dead for good; open a fresh one rather
    // than failing every later call.
    if (!session_->isConnected()) {
      statements_->clear();
      session_ = connect(location_);
      if (checkpointer_) checkpointer_->attach(Poco::Data::SQLite::Utility::dbHandle(*session_));
    }
    return fn(*session_);
  } catch (const std::exception& e) {
    return storeError(location_.description, operation, exceptionText(e));
  } catch (...) {
    return storeError(location_.description, operation, "unknown error");
  }
}

}  // namespace hamhub::host

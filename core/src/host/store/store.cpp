#include "host/store/store.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <unistd.h>

#include <exception>
#include <utility>

#include "host/store/dialect.h"
#include "host/store/migrations.h"
#include "host/store/poco_error.h"

namespace hamhub::host {

using Poco::Data::Keywords::now;

namespace {

void registerConnectors() {
  static std::once_flag once;
  std::call_once(once, [] {
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
      session_(std::move(session)) {}

Store::~Store() = default;

std::string Store::describe() const { return location_.description; }

Backend Store::backend() const { return location_.backend; }

int Store::schemaVersion() const { return schemaVersion_; }

Status Store::withSession(std::string_view operation, const std::function<Status(Poco::Data::Session&)>& fn) {
  std::lock_guard lock(mutex_);
  try {
    // A PostgreSQL server restart leaves the connection dead for good; open a fresh one rather
    // than failing every later call.
    if (!session_->isConnected()) session_ = connect(location_);
    return fn(*session_);
  } catch (const std::exception& e) {
    return storeError(location_.description, operation, exceptionText(e));
  } catch (...) {
    return storeError(location_.description, operation, "unknown error");
  }
}

}  // namespace hamhub::host

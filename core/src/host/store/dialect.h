#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "host/store/store_types.h"

namespace Poco::Data {
class Session;
}

namespace hamhub::host {

/// Everything that differs between SQLite and PostgreSQL, so the store itself is written once.
/// SQL in the store is written with `?` placeholders and `{{id}}` for an identity primary key.
class Dialect {
 public:
  static const Dialect& of(Backend backend);

  Backend backend() const { return backend_; }

  /// SQLite takes `?`; Poco's PostgreSQL connector hands SQL to PQprepare as is, which wants $1, $2…
  std::string sql(std::string_view text) const;

  /// DDL with `{{id}}` expanded to this backend's auto-numbered BIGINT primary key column type.
  std::string ddl(std::string_view text) const;

  /// False for a statement written for the other backend only: one that starts with the comment
  /// `-- sqlite` or `-- postgres` (after white space).
  bool runsHere(std::string_view statement) const;

  /// Statements run once on every new connection (pragmas, session settings).
  const std::vector<std::string>& sessionSetup() const { return setup_; }

  /// Serialises schema migrations between processes sharing one database; empty if the backend
  /// needs nothing beyond its write lock.
  const std::string& migrationLock() const { return migrationLock_; }

  void begin(Poco::Data::Session& session) const;
  void commit(Poco::Data::Session& session) const;
  void rollback(Poco::Data::Session& session) const;

 private:
  explicit Dialect(Backend backend);

  Backend backend_;
  std::vector<std::string> setup_;
  std::string migrationLock_;
};

}  // namespace hamhub::host

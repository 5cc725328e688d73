#pragma once

// The SQLite fast path for the harvest's bulk upserts and index scans: sqlite3 statements bound straight from the
// batch with SQLITE_STATIC (no copies), prepared once per connection (SqliteStatementCache). Poco's generic
// binder copies every value into its own buffers and dominated commit time in profiles; the
// transaction, error handling and every other statement stay with Poco::Data.

#include <Poco/Data/Session.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <sqlite3.h>

namespace hamhub::host {

/// One prepared statement on the session's sqlite3 handle; finalised on destruction.
class SqliteStatement {
 public:
  SqliteStatement(Poco::Data::Session& session, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  /// Binds column `index` (1-based) to text that outlives the step.
  void text(int index, const std::string& value);
  void integer(int index, long long value);
  void real(int index, double value);
  /// Runs the bound row and resets for the next one; throws Poco::Data::DataException on error.
  void step();

  /// Steps a query: true when a row is ready for the column readers, false (and reset) at its end.
  bool nextRow();
  /// Column `index` (0-based) of the current row, valid until the next step.
  std::string_view columnText(int index) const;
  long long columnInteger(int index) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

/// The bulk statements of one connection, prepared once and kept by SQL text. A multi-row upsert
/// takes about a million instructions to prepare, and a first harvest commits a batch per site.
/// Clear it before the connection closes: SQLite will not close a connection with live statements.
class SqliteStatementCache {
 public:
  /// The statement for `sql` on `session`, reset and ready to bind; prepared on first use (and
  /// again after the session's connection changed).
  SqliteStatement& get(Poco::Data::Session& session, const std::string& sql);
  void clear() { statements_.clear(); }

 private:
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> statements_;
};

}  // namespace hamhub::host

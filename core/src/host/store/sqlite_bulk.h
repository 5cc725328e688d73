#pragma once

// The SQLite fast path for the harvest's bulk upserts and index scans: sqlite3 statements bound straight from the
// batch with SQLITE_STATIC (no copies), prepared once per call and stepped per row. Poco's generic
// binder copies every value into its own buffers and dominated commit time in profiles; the
// transaction, error handling and every other statement stay with Poco::Data.

#include <Poco/Data/Session.h>

#include <string>
#include <string_view>
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

}  // namespace hamhub::host

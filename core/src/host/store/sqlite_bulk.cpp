#include "host/store/sqlite_bulk.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/SQLite/Utility.h>

namespace hamhub::host {

namespace {

[[noreturn]] void fail(sqlite3* db, const char* what) {
  throw Poco::Data::DataException(std::string(what) + ": " + sqlite3_errmsg(db));
}

}  // namespace

SqliteStatement::SqliteStatement(Poco::Data::Session& session, std::string_view sql)
    : db_(Poco::Data::SQLite::Utility::dbHandle(session)) {
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
    fail(db_, "prepare");
  }
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

void SqliteStatement::text(int index, const std::string& value) {
  if (sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC) != SQLITE_OK) {
    fail(db_, "bind");
  }
}

void SqliteStatement::integer(int index, long long value) {
  if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_, "bind");
}

void SqliteStatement::step() {
  const int rc = sqlite3_step(stmt_);
  sqlite3_reset(stmt_);
  if (rc != SQLITE_DONE) fail(db_, "step");
}

}  // namespace hamhub::host

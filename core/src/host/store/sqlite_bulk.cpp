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

void SqliteStatement::real(int index, double value) {
  if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) fail(db_, "bind");
}

void SqliteStatement::step() {
  const int rc = sqlite3_step(stmt_);
  sqlite3_reset(stmt_);
  if (rc != SQLITE_DONE) fail(db_, "step");
}

bool SqliteStatement::nextRow() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  sqlite3_reset(stmt_);
  if (rc != SQLITE_DONE) fail(db_, "step");
  return false;
}

std::string_view SqliteStatement::columnText(int index) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, index));
  return text == nullptr ? std::string_view() : std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)));
}

long long SqliteStatement::columnInteger(int index) const { return sqlite3_column_int64(stmt_, index); }

SqliteStatement& SqliteStatementCache::get(Poco::Data::Session& session, const std::string& sql) {
  sqlite3* db = Poco::Data::SQLite::Utility::dbHandle(session);
  if (db != db_) {
    statements_.clear();
    db_ = db;
  }
  auto& statement = statements_[sql];
  if (!statement) statement = std::make_unique<SqliteStatement>(session, sql);
  return *statement;
}

}  // namespace hamhub::host

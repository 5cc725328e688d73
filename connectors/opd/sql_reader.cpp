#include "sql_reader.h"

#include <sqlite3.h>

#include <chrono>
#include <charconv>
#include <filesystem>
#include <optional>

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>

#include "sql_value.h"

namespace hamhub::opd {

namespace {

using Poco::Data::RecordSet;
using Poco::Data::Session;
using Poco::Data::Statement;
using Poco::Data::Keywords::limit;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

constexpr std::size_t kConnectTimeoutSeconds = 15;
constexpr const char* kPgCursorName = "hamhub_opd_rows";

// The value :cursor is bound to; a holder whose members outlive the statement that uses them.
struct Binding {
  enum class Kind { Integer, Number, Text } kind = Kind::Text;
  Poco::Int64 integer = 0;
  double number = 0;
  std::string text;

  static Binding from(const CursorValue& stored, const std::string& initial) {
    Binding b;
    if (stored.value()) {
      const JsonValue& v = *stored.value();
      if (v.isInteger()) {
        b.kind = Kind::Integer;
        b.integer = v.asInt();
      } else if (v.isNumber()) {
        b.kind = Kind::Number;
        b.number = v.asNumber();
      } else {
        b.text = v.asString();
      }
      return b;
    }
    const char* end = initial.data() + initial.size();
    auto [ptr, ec] = std::from_chars(initial.data(), end, b.integer);
    b.kind = !initial.empty() && ec == std::errc() && ptr == end ? Kind::Integer : Kind::Text;
    b.text = initial;
    return b;
  }

  void bindTo(Statement& statement) {
    if (kind == Kind::Integer) {
      statement, use(integer);
    } else if (kind == Kind::Number) {
      statement, use(number);
    } else {
      statement, use(text);
    }
  }
};

// SQLite has no statement timeout: its progress handler stops a query past the deadline or once
// the host cancels the run.
struct SqliteWatch {
  const Context* context;
  std::chrono::steady_clock::time_point deadline;
  bool timedOut = false;

  static int onProgress(void* self) {
    auto* watch = static_cast<SqliteWatch*>(self);
    if (watch->context->cancelled()) return 1;
    if (std::chrono::steady_clock::now() > watch->deadline) {
      watch->timedOut = true;
      return 1;
    }
    return 0;
  }
};

// Turns record sets into rows and keeps the cursor bookkeeping described in the header.
class BatchDelivery {
 public:
  BatchDelivery(const SqlSettings& settings, CursorValue& cursor, RowConsumer& consumer)
      : settings_(settings), cursor_(cursor), consumer_(consumer) {}

  Status deliver(const RecordSet& rows) {
    if (rows.rowCount() == 0) return Status::ok();
    if (Status st = findCursorColumn(rows); !st) return st;
    for (std::size_t r = 0; r < rows.rowCount(); ++r) {
      Row row;
      row.position = "row " + std::to_string(++read_);
      row.fields.reserve(rows.columnCount());
      for (std::size_t c = 0; c < rows.columnCount(); ++c) row.fields.emplace_back(rows.columnName(c), cellValue(rows, c, r));
      if (cursorColumn_) {
        if (Status st = track(cursorForm(rows, *cursorColumn_, row.fields[*cursorColumn_].second), row.position); !st)
          return st;
      }
      if (Status st = consumer_.row(std::move(row)); !st) return st;
    }
    if (!cursorColumn_ || !completed_) return Status::ok();
    CursorValue done;
    done.advance(*completed_);
    return consumer_.batchDone(done.serialise());
  }

  std::size_t rowsRead() const { return read_; }

 private:
  Status findCursorColumn(const RecordSet& rows) {
    if (settings_.cursorColumn.empty() || cursorColumn_) return Status::ok();
    std::string names;
    for (std::size_t c = 0; c < rows.columnCount(); ++c) {
      if (rows.columnName(c) == settings_.cursorColumn) {
        cursorColumn_ = c;
        return Status::ok();
      }
      names += (names.empty() ? "" : ", ") + rows.columnName(c);
    }
    return Status::error("cursor_column " + settings_.cursorColumn + " is not a column of the query's result (" +
                             names + ")",
                         "invalid-option");
  }

  Status track(const JsonValue& value, const std::string& position) {
    if (value.isNull()) {
      return Status::error(position + ": cursor_column " + settings_.cursorColumn +
                               " is null; an incremental query must not return rows without it",
                           "invalid-payload");
    }
    if (last_) {
      const std::optional<int> order = CursorValue::compare(*last_, value);
      if (!order || *order > 0) {
        return Status::error(position + ": cursor_column " + settings_.cursorColumn +
                                 " goes back (" + toJson(value) + " after " + toJson(*last_) +
                                 "); the query must ORDER BY " + settings_.cursorColumn,
                             "invalid-option");
      }
      if (*order < 0) completed_ = *last_;
    }
    last_ = value;
    cursor_.advance(value);
    return Status::ok();
  }

  const SqlSettings& settings_;
  CursorValue& cursor_;
  RowConsumer& consumer_;
  std::optional<std::size_t> cursorColumn_;
  std::optional<JsonValue> last_;
  std::optional<JsonValue> completed_;
  std::size_t read_ = 0;
};

Session openSqlite(const SqlTarget& target) {
  // A read-only URI never creates a file, and Poco would retry opening a missing one until its
  // timeout: say so at once.
  if (!std::filesystem::is_regular_file(std::filesystem::path(target.display)))
    throw Poco::FileNotFoundException("no such database file");
  Poco::Data::SQLite::Connector connector;
  Session session(connector.createSession(target.connect, kConnectTimeoutSeconds));
  session << "PRAGMA query_only = ON", now;
  return session;
}

Session openPostgres(const SqlTarget& target, std::int64_t timeoutSeconds) {
  Poco::Data::PostgreSQL::Connector connector;
  Session session(connector.createSession(target.connect, kConnectTimeoutSeconds));
  session.begin();
  session << "SET TRANSACTION READ ONLY", now;
  session << "SET LOCAL statement_timeout = " + std::to_string(timeoutSeconds * 1000), now;
  return session;
}

Status readSqlite(const SqlTarget& target, const SqlSettings& settings, const SqlQuery& query,
                  Binding& binding, Context& context, BatchDelivery& delivery) {
  Session session = openSqlite(target);
  SqliteWatch watch{&context, std::chrono::steady_clock::now() + std::chrono::seconds(settings.statementTimeoutSeconds)};
  sqlite3* db = Poco::Data::SQLite::Utility::dbHandle(session);
  sqlite3_progress_handler(db, 10000, &SqliteWatch::onProgress, &watch);
  Statement statement(session);
  statement << query.text;
  if (query.cursorSlots > 0) binding.bindTo(statement);
  statement, limit(static_cast<Poco::UInt32>(settings.batchRows));
  try {
    while (!statement.done()) {
      if (context.cancelled()) break;
      statement.execute();
      if (Status st = delivery.deliver(RecordSet(statement)); !st) {
        sqlite3_progress_handler(db, 0, nullptr, nullptr);
        return st;
      }
    }
  } catch (const Poco::Exception&) {
    sqlite3_progress_handler(db, 0, nullptr, nullptr);
    if (watch.timedOut) {
      return Status::error(target.display + ": the query ran longer than statement_timeout_s (" +
                               std::to_string(settings.statementTimeoutSeconds) + " s)",
                           "timeout");
    }
    throw;
  }
  sqlite3_progress_handler(db, 0, nullptr, nullptr);
  return Status::ok();
}

Status readPostgres(const SqlTarget& target, const SqlSettings& settings, const SqlQuery& query,
                    Binding& binding, Context& context, BatchDelivery& delivery) {
  Session session = openPostgres(target, settings.statementTimeoutSeconds);
  Statement declare(session);
  declare << std::string("DECLARE ") + kPgCursorName + " NO SCROLL CURSOR FOR " + query.text;
  if (query.cursorSlots > 0) binding.bindTo(declare);
  declare.execute();
  const std::string fetch = "FETCH " + std::to_string(settings.batchRows) + " FROM " + kPgCursorName;
  while (!context.cancelled()) {
    Statement statement(session);
    statement << fetch;
    statement.execute();
    RecordSet rows(statement);
    if (rows.rowCount() == 0) break;
    if (Status st = delivery.deliver(rows); !st) return st;
  }
  session.rollback();  // nothing was written; ending the transaction closes the cursor
  return Status::ok();
}

Status sourceError(const SqlTarget& target, const std::string& what, const std::string& reason) {
  return Status::error(target.display + ": " + what, reason);
}

}  // namespace

Result<SqlReader> SqlReader::create(const SqlSettings& settings) {
  auto target = parseConnection(settings.connection);
  if (!target) return target.status();
  auto query = prepareQuery(settings.query, target->backend);
  if (!query) return query.status();
  if (!settings.cursorColumn.empty() && query->cursorSlots == 0) {
    return Status::error("query: with cursor_column, write :cursor where the stored cursor goes, e.g. WHERE " +
                             settings.cursorColumn + " > :cursor ORDER BY " + settings.cursorColumn,
                         "invalid-option");
  }
  if (settings.cursorColumn.empty() && query->cursorSlots > 0)
    return Status::error("query uses :cursor but cursor_column is not set", "invalid-option");
  return SqlReader(settings, std::move(target).value(), std::move(query).value());
}

Status SqlReader::check(Context& context) const {
  (void)context;
  try {
    Session session = target_.backend == SqlBackend::Sqlite
                          ? openSqlite(target_)
                          : openPostgres(target_, settings_->statementTimeoutSeconds);
    int one = 0;
    session << "SELECT 1", Poco::Data::Keywords::into(one), now;
    if (target_.backend == SqlBackend::Postgres) session.rollback();
    return Status::ok();
  } catch (const Poco::Exception& e) {
    return sourceError(target_, e.displayText(), "connect");
  }
}

Status SqlReader::read(Context& context, CursorValue& cursor, RowConsumer& consumer) const {
  Binding binding = Binding::from(cursor, settings_->cursorInitial);
  BatchDelivery delivery(*settings_, cursor, consumer);
  try {
    const Status st = target_.backend == SqlBackend::Sqlite
                          ? readSqlite(target_, *settings_, query_, binding, context, delivery)
                          : readPostgres(target_, *settings_, query_, binding, context, delivery);
    if (!st) return st;
  } catch (const Poco::Exception& e) {
    // Poco's what() is only the class name; displayText() carries the database's message.
    return sourceError(target_, e.displayText(), "sql-error");
  }
  context.log().info(target_.display + ": " + std::to_string(delivery.rowsRead()) + " rows read");
  return Status::ok();
}

}  // namespace hamhub::opd

#pragma once

// Writing many rows with Poco::Data on both backends.
//
// SQLite: one prepared statement, stepped once per row through Poco's collection binding; in
// process, so nothing is faster. PostgreSQL: many rows per statement (`VALUES (…), (…)`), because
// every execution is a network round trip — and because Poco 1.11's PostgreSQL connector frees a
// result twice when a statement fails after an earlier execution of it succeeded (it leaves a
// dangling PGresult in StatementExecutor), so on PostgreSQL a Statement must execute exactly once.

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "host/store/dialect.h"
#include "host/store/sqlite_bulk.h"

namespace hamhub::host {

/// PostgreSQL takes 65535 parameters and SQLite 32766, but libpq rejects a ParameterDescription
/// message over 30000 bytes ("lost synchronization with server"), which Poco's PQdescribePrepared
/// receives: 4 bytes a parameter caps a statement at about 7500.
constexpr std::size_t kMaxParamsPerStatement = 7000;

/// "(?, ?, ?)" for one row of `columns`.
std::string placeholderRow(std::size_t columns);

/// "(?, ?), (?, ?), …" for `rows` rows of `columns`.
std::string placeholderRows(std::size_t rows, std::size_t columns);

/// Rows of `columns` that fit one statement.
inline std::size_t rowsPerStatement(std::size_t columns) {
  return std::max<std::size_t>(1, kMaxParamsPerStatement / std::max<std::size_t>(1, columns));
}

/// Runs `head VALUES (…)[, (…)…] tail` for every row. Row must have a Poco TypeHandler binding
/// exactly `columns` columns (a Poco::Tuple, or a struct of ours). Poco binds by reference, and
/// only to non-const objects of such types, hence the non-const vector; it is not modified.
/// Throws Poco exceptions, like the rest of the store internals.
template <typename Row>
void writeRows(Poco::Data::Session& session, const Dialect& dialect, std::string_view head,
               std::string_view tail, std::size_t columns, std::vector<Row>& rows) {
  using Poco::Data::Keywords::now;
  using Poco::Data::Keywords::use;
  if (rows.empty()) return;
  const std::string prefix = std::string(head) + " VALUES ";
  if (dialect.backend() == Backend::Sqlite) {
    session << dialect.sql(prefix + placeholderRow(columns) + " " + std::string(tail)), use(rows), now;
    return;
  }
  const std::size_t perStatement = rowsPerStatement(columns);
  for (std::size_t begin = 0; begin < rows.size(); begin += perStatement) {
    const std::size_t end = std::min(rows.size(), begin + perStatement);
    Poco::Data::Statement statement(session);
    statement << dialect.sql(prefix + placeholderRows(end - begin, columns) + " " + std::string(tail));
    for (std::size_t i = begin; i < end; ++i) statement, use(rows[i]);
    statement.execute();
  }
}

}  // namespace hamhub::host

namespace hamhub::host {

/// Rows per SQLite statement in writeRowsFast. Each execution of a statement has a fixed cost
/// (VDBE set-up and halt, ~3,600 instructions per upsert, callgrind): rows stepped one by one paid
/// it per row, ~15% of the writer's instructions in a first JDIH harvest.
constexpr std::size_t kSqliteRowsPerStatement = 32;

/// Like writeRows, for Row types with a `bindSqlite(SqliteStatement&, const Row&, int first)`
/// that binds the row's columns from parameter `first` on: on SQLite the rows go through raw
/// prepared statements of kSqliteRowsPerStatement rows each (see sqlite_bulk.h), elsewhere
/// through writeRows. A row may name the same key as an earlier one of the same statement: SQLite
/// upserts row by row, so the later one wins.
template <typename Row>
void writeRowsFast(Poco::Data::Session& session, const Dialect& dialect, SqliteStatementCache& statements,
                   std::string_view head, std::string_view tail, std::size_t columns, std::vector<Row>& rows) {
  if (rows.empty()) return;
  if (dialect.backend() != Backend::Sqlite) {
    writeRows(session, dialect, head, tail, columns, rows);
    return;
  }
  const auto statementFor = [&](std::size_t count) -> SqliteStatement& {
    return statements.get(session, std::string(head) + " VALUES " + placeholderRows(count, columns) + " " +
                                       std::string(tail));
  };
  const auto run = [&](SqliteStatement& statement, std::size_t begin, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) bindSqlite(statement, rows[begin + i], static_cast<int>(i * columns + 1));
    statement.step();
  };
  // Whole statements of kSqliteRowsPerStatement rows, then the rest one row at a time: two
  // statements to keep per table, whatever the batch sizes.
  const std::size_t whole = rows.size() / kSqliteRowsPerStatement * kSqliteRowsPerStatement;
  if (whole > 0) {
    SqliteStatement& full = statementFor(kSqliteRowsPerStatement);
    for (std::size_t begin = 0; begin < whole; begin += kSqliteRowsPerStatement) {
      run(full, begin, kSqliteRowsPerStatement);
    }
  }
  if (whole < rows.size()) {
    SqliteStatement& one = statementFor(1);
    for (std::size_t begin = whole; begin < rows.size(); ++begin) run(one, begin, 1);
  }
}

/// Calls fn(begin, end) over [0, total) in slices of at most perChunk (for `… IN (…)` lists).
template <typename Fn>
void forChunks(std::size_t total, std::size_t perChunk, Fn&& fn) {
  for (std::size_t begin = 0; begin < total; begin += perChunk) fn(begin, std::min(total, begin + perChunk));
}

}  // namespace hamhub::host

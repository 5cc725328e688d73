#pragma once

#include <cstddef>
#include <string>

#include <hamhub/connector.h>

#include "cursor_value.h"
#include "opd_options.h"
#include "row.h"
#include "sql_connection.h"
#include "sql_query.h"

namespace hamhub::opd {

/// Reads an SQL source read-only through Poco::Data, `batch_rows` rows at a time, so memory is
/// bounded by a batch: SQLite steps its statement with limit(); PostgreSQL declares a NO SCROLL
/// cursor inside a READ ONLY transaction (with a statement_timeout) and FETCHes from it.
///
/// With a cursor column, rows must come in its order (the query's ORDER BY); a row that goes
/// back fails the run. After each batch the consumer gets the cursor up to which every row was
/// delivered: the last value that a larger one followed, so rows that share a value with the
/// batch's last row are read again after a restart rather than lost.
class SqlReader {
 public:
  /// Checks the connection string and the query. Errors have reason `invalid-option`.
  static Result<SqlReader> create(const SqlSettings& settings);

  /// Opens the connection and runs a trivial query in the same read-only setting.
  Status check(Context& context) const;

  /// Runs the query. `cursor` holds the stored cursor (empty: cursor_initial is bound) and ends
  /// as the largest cursor value read.
  Status read(Context& context, CursorValue& cursor, RowConsumer& consumer) const;

  SqlBackend backend() const { return target_.backend; }

 private:
  SqlReader(const SqlSettings& settings, SqlTarget target, SqlQuery query)
      : settings_(&settings), target_(std::move(target)), query_(std::move(query)) {}

  const SqlSettings* settings_;
  SqlTarget target_;
  SqlQuery query_;
};

}  // namespace hamhub::opd

#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <hamhub/status.h>

namespace hamhub::opd {

enum class SqlBackend { Sqlite, Postgres };

/// A user's query, checked and rewritten for one backend.
struct SqlQuery {
  std::string text;              ///< without a trailing ';', `:cursor` replaced by ?1 or $1
  std::size_t cursorSlots = 0;   ///< how many `:cursor` placeholders it had
};

/// Accepts one statement that starts with SELECT or WITH (after comments and opening
/// parentheses) and nothing after its optional ';'. Strings, quoted identifiers, comments and
/// PostgreSQL dollar quotes are skipped, so a ';' or ':cursor' inside them counts for nothing.
/// This is the first of three fences: the connection is read-only too (SQLite opened read-only
/// with query_only, PostgreSQL inside a READ ONLY transaction), so a data-modifying CTE still
/// fails. Errors have reason `invalid-option`.
Result<SqlQuery> prepareQuery(std::string_view query, SqlBackend backend);

}  // namespace hamhub::opd

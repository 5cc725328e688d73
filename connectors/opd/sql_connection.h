#pragma once

#include <string>
#include <string_view>

#include <hamhub/status.h>

#include "sql_query.h"

namespace hamhub::opd {

/// Where the `connection` option points, in the form the Poco connector takes.
struct SqlTarget {
  SqlBackend backend = SqlBackend::Sqlite;
  std::string connect;  ///< secret: may hold a password; never put it in a message
  std::string display;  ///< for messages: the SQLite path, or "PostgreSQL"
};

/// `sqlite:PATH` (an existing file, opened read-only through an SQLite URI) or
/// `postgresql:KEY=VALUE …` (libpq keywords; Poco's connector splits them on spaces, so values
/// cannot contain spaces or quotes, and it does not take libpq's URI form). MySQL and ODBC are refused by name: Debian 12 ships
/// their Poco connectors, but this connector is only built and tested against SQLite and
/// PostgreSQL. Errors have reason `invalid-option`.
Result<SqlTarget> parseConnection(std::string_view connection);

}  // namespace hamhub::opd

#pragma once

#include <string_view>
#include <vector>

#include "hamhub/status.h"
#include "host/store/dialect.h"

namespace hamhub::host {

/// One step of the schema. Statements run in order, in one transaction, on either backend (after
/// Dialect::ddl), except one whose first line is `-- sqlite` or `-- postgres`, which runs only
/// there; a migration, once released, is never edited — a change is a new migration.
struct Migration {
  int version;
  std::string_view name;
  std::vector<std::string_view> statements;
};

/// All migrations, by ascending version.
const std::vector<Migration>& migrations();

/// The newest schema version this build knows.
int latestSchemaVersion();

/// Brings the schema up to latestSchemaVersion(), recording each step in schema_migrations, and
/// returns the version the database is at. A database whose schema is newer than this build
/// knows is refused (reason `store-version`). Poco exceptions propagate.
Result<int> migrate(Poco::Data::Session& session, const Dialect& dialect, std::string_view storeName);

}  // namespace hamhub::host

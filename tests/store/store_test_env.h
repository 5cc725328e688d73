#pragma once

// What the store tests need around a Store: the PostgreSQL URL from the CTest fixture, and a side
// connection for SQL the Store API does not offer (sabotage, checks). Scratch directories come
// from support/temp_dir.h.

#include <filesystem>
#include <optional>
#include <string>

#include "host/store/store.h"

namespace hamhub::host::test {

/// The test PostgreSQL URL: $HAMHUB_TEST_PG_URL, else the contents of $HAMHUB_TEST_PG_URL_FILE.
std::optional<std::string> testPostgresUrl();

/// Why there is no URL, and what to do about it.
std::string missingPostgresHelp();

/// HAMHUB_TEST_SKIP_PG=1: PostgreSQL tests skip instead of failing.
bool skipPostgres();

/// Runs statements on the database behind a store URL, on a connection of its own.
void execSql(const std::string& storeUrl, const std::filesystem::path& baseDir, const std::string& sql);

/// The first column of the first row of a query, as text ("" when there is no row).
std::string querySql(const std::string& storeUrl, const std::filesystem::path& baseDir,
                     const std::string& sql);

/// A schema of its own on the test server, so PostgreSQL tests stay independent (also under
/// `ctest -j`); dropped with the object. url() points search_path at it.
class PostgresSchema {
 public:
  explicit PostgresSchema(std::string baseUrl);
  ~PostgresSchema();
  PostgresSchema(const PostgresSchema&) = delete;
  PostgresSchema& operator=(const PostgresSchema&) = delete;
  const std::string& url() const { return url_; }

 private:
  std::string baseUrl_;
  std::string name_;
  std::string url_;
};

}  // namespace hamhub::host::test

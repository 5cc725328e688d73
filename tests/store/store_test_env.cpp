#include "store_test_env.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

#include "host/store/store_url.h"

namespace hamhub::host::test {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;

namespace {

Poco::Data::Session openSide(const std::string& storeUrl, const std::filesystem::path& baseDir) {
  static const bool registered = [] {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::PostgreSQL::Connector::registerConnector();
    return true;
  }();
  (void)registered;
  auto location = parseStoreUrl(storeUrl, baseDir);
  if (!location) throw std::runtime_error(location.status().message());
  Poco::Data::Session session(location->pocoConnector, location->connectString);
  if (location->backend == Backend::Postgres) session << "SET client_min_messages = warning", now;
  return session;
}

}  // namespace

std::optional<std::string> testPostgresUrl() {
  if (const char* url = std::getenv("HAMHUB_TEST_PG_URL"); url != nullptr && *url != '\0')
    return std::string(url);
  if (const char* file = std::getenv("HAMHUB_TEST_PG_URL_FILE"); file != nullptr && *file != '\0') {
    std::ifstream in(file);
    std::string url;
    if (in && std::getline(in, url) && !url.empty()) return url;
  }
  return std::nullopt;
}

std::string missingPostgresHelp() {
  return "no PostgreSQL for the store tests: run them through ctest (the 'pg' fixture starts a "
         "throwaway server with tests/support/pg_fixture.sh), or set HAMHUB_TEST_PG_URL / "
         "HAMHUB_TEST_PG_URL_FILE; HAMHUB_TEST_SKIP_PG=1 skips the PostgreSQL cases instead";
}

bool skipPostgres() {
  const char* skip = std::getenv("HAMHUB_TEST_SKIP_PG");
  return skip != nullptr && std::string(skip) == "1";
}

void execSql(const std::string& storeUrl, const std::filesystem::path& baseDir, const std::string& sql) {
  try {
    Poco::Data::Session session = openSide(storeUrl, baseDir);
    session << sql, now;
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(sql + ": " + e.displayText());  // what() is only the class name
  }
}

std::string querySql(const std::string& storeUrl, const std::filesystem::path& baseDir,
                     const std::string& sql) {
  try {
    Poco::Data::Session session = openSide(storeUrl, baseDir);
    std::vector<std::string> values;
    session << sql, into(values), now;
    return values.empty() ? std::string() : values.front();
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(sql + ": " + e.displayText());
  }
}

PostgresSchema::PostgresSchema(std::string baseUrl) : baseUrl_(std::move(baseUrl)) {
  static std::atomic<int> counter{0};
  std::random_device random;
  name_ = "hamhub_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
          std::to_string(random() % 100000);
  execSql(baseUrl_, {}, "CREATE SCHEMA " + name_);
  // -c search_path=… percent-encoded as a URI query parameter.
  url_ =
      baseUrl_ + (baseUrl_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + name_;
}

PostgresSchema::~PostgresSchema() {
  try {
    execSql(baseUrl_, {}, "DROP SCHEMA IF EXISTS " + name_ + " CASCADE");
  } catch (...) {  // NOLINT(bugprone-empty-catch): the cluster is thrown away after the run anyway
  }
}

}  // namespace hamhub::host::test

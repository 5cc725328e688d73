// The opd connector's sql mode against a real SQLite file and the real PostgreSQL of the 'pg'
// fixture: types, keys, subjects, incremental batches, and the read-only fences.

#include <unistd.h>

#include <atomic>
#include <fstream>

#include <gtest/gtest.h>

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include "host/store/store_url.h"
#include "opd_test_support.h"
#include "support/temp_dir.h"

namespace hamhub::opd {
namespace {

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using test::ConnectorDriver;
using test::list;
using test::payloadOf;

enum class Backend { Sqlite, Postgres };

std::string pgUrl() {
  const char* file = std::getenv("HAMHUB_TEST_PG_URL_FILE");
  if (file == nullptr) return {};
  std::ifstream in(file);
  std::string url;
  std::getline(in, url);
  return url;
}

// One table per test, in a temporary SQLite file or the fixture's PostgreSQL database.
class OpdSqlTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    table_ = "opd_t" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    if (GetParam() == Backend::Sqlite) {
      connection_ = "sqlite:" + (dir_ / "opd.db").string();
      Poco::Data::SQLite::Connector connector;
      session_ = std::make_unique<Poco::Data::Session>(connector.createSession((dir_ / "opd.db").string(), 5));
      timestamp_ = "DATETIME";
    } else {
      const std::string url = pgUrl();
      if (url.empty()) GTEST_SKIP() << "no PostgreSQL: run through ctest (the 'pg' fixture)";
      auto location = host::parseStoreUrl(url, dir_.path());
      ASSERT_TRUE(location) << location.status().message();
      connection_ = "postgresql:" + location->connectString;
      Poco::Data::PostgreSQL::Connector connector;
      session_ = std::make_unique<Poco::Data::Session>(connector.createSession(location->connectString, 5));
      timestamp_ = "TIMESTAMP";
    }
    exec("CREATE TABLE {t} (id INTEGER, kab VARCHAR(80), periode VARCHAR(10), layanan VARCHAR(80), "
         "jumlah INTEGER, rata DOUBLE PRECISION, tanggal DATE, diubah " + timestamp_ + ", catatan VARCHAR(80))");
  }

  void TearDown() override {
    if (session_) exec("DROP TABLE IF EXISTS {t}");
  }

  std::string sql(std::string text) const {
    for (std::size_t at = text.find("{t}"); at != std::string::npos; at = text.find("{t}"))
      text.replace(at, 3, table_);
    return text;
  }
  void exec(const std::string& text) { *session_ << sql(text), now; }
  int count() {
    int n = 0;
    *session_ << sql("SELECT COUNT(*) FROM {t}"), into(n), now;
    return n;
  }
  void insert(int id, const char* kab, const char* diubah) {
    exec("INSERT INTO {t} VALUES (" + std::to_string(id) + ", '" + kab + "', '2024', 'KTP-el', " +
         std::to_string(id * 10) + ", 2.5, '2024-01-0" + std::to_string(id % 9 + 1) + "', '" + diubah + "', NULL)");
  }

  std::map<std::string, JsonValue> options(const std::string& query) {
    return {{"mode", "sql"},
            {"connection", connection_},
            {"query", sql(query)},
            {"key_columns", list({"id"})},
            {"subject_column", "kab"},
            {"period_column", "periode"}};
  }

  hamhub::test::TempDir dir_;
  std::string table_;
  std::string connection_;
  std::string timestamp_;
  std::unique_ptr<Poco::Data::Session> session_;
  ConnectorDriver driver_;
};

TEST_P(OpdSqlTest, harvestsRowsWithTheirTypesKeysSubjectsAndPeriods) {
  insert(1, "Kota Lubuklinggau", "2024-01-01 08:00:00");
  insert(2, "16.71", "2024-01-02 09:30:00");
  insert(3, "PALI", "2024-01-03 10:00:00");
  auto result = driver_.harvest(options("SELECT * FROM {t} ORDER BY id"));
  ASSERT_TRUE(result) << result.status().message();
  EXPECT_EQ(result->completeKinds, std::vector<std::string>{"opd.row"});
  ASSERT_EQ(driver_.sink.records.size(), 3u);
  const Record& first = driver_.sink.records[0];
  EXPECT_EQ(first.kind, "opd.row");
  EXPECT_EQ(first.key, "1");
  EXPECT_EQ(first.subject, "16.73");
  EXPECT_EQ(first.period, "2024");
  EXPECT_EQ(driver_.sink.records[1].subject, "16.71");
  EXPECT_EQ(driver_.sink.records[2].subject, "16.12");
  const JsonValue payload = payloadOf(first);
  ASSERT_TRUE(payload.find("jumlah")->isInteger());
  EXPECT_EQ(payload.find("jumlah")->asInt(), 10);
  ASSERT_TRUE(payload.find("rata")->isNumber());
  EXPECT_DOUBLE_EQ(payload.find("rata")->asNumber(), 2.5);
  EXPECT_EQ(payload.find("tanggal")->asString(), "2024-01-02");
  EXPECT_EQ(payload.find("diubah")->asString(), "2024-01-01T08:00:00");
  EXPECT_TRUE(payload.find("catatan")->isNull());
  EXPECT_EQ(payload.find("layanan")->asString(), "KTP-el");
}

TEST_P(OpdSqlTest, anUnmatchedSubjectFailsTheRunUnlessBadRowsAreSkipped) {
  insert(1, "Kota Palembang", "2024-01-01 08:00:00");
  insert(2, "Kota Atlantis", "2024-01-01 08:00:00");
  insert(3, "Muba", "2024-01-01 08:00:00");
  auto rejected = driver_.harvest(options("SELECT * FROM {t} ORDER BY id"));
  ASSERT_FALSE(rejected);
  EXPECT_EQ(rejected.status().reason(), "invalid-row");
  EXPECT_NE(rejected.status().message().find("Kota Atlantis"), std::string::npos) << rejected.status().message();

  ConnectorDriver skipping;
  auto opts = options("SELECT * FROM {t} ORDER BY id");
  opts["on_bad_row"] = "skip";
  auto skipped = skipping.harvest(opts);
  ASSERT_TRUE(skipped) << skipped.status().message();
  ASSERT_EQ(skipping.sink.records.size(), 2u);
  EXPECT_EQ(skipping.sink.records[1].subject, "16.06");
  ASSERT_EQ(skipping.sink.rejects.size(), 1u);
  EXPECT_EQ(skipping.sink.rejects[0].first, "2");
  EXPECT_NE(skipping.sink.rejects[0].second.find("Kota Atlantis"), std::string::npos);
}

TEST_P(OpdSqlTest, aSecondIncrementalHarvestReadsOnlyNewRowsAndEachBatchIsCheckpointed) {
  insert(1, "16.71", "2024-01-01 08:00:00");
  insert(2, "16.71", "2024-01-02 08:00:00");
  insert(3, "16.71", "2024-01-02 08:00:00");  // shares its time with row 2 across a batch edge
  insert(4, "16.71", "2024-01-03 08:00:00");
  insert(5, "16.71", "2024-01-04 08:00:00");
  auto opts = options("SELECT id, kab, periode, diubah FROM {t} WHERE diubah > :cursor ORDER BY diubah, id");
  opts["cursor_column"] = "diubah";
  opts["cursor_initial"] = "1970-01-01 00:00:00";
  opts["batch_rows"] = 2;
  auto first = driver_.harvest(opts);
  ASSERT_TRUE(first) << first.status().message();
  EXPECT_TRUE(first->completeKinds.empty());
  EXPECT_EQ(first->next, R"({"cursor":"2024-01-04 08:00:00"})");
  EXPECT_EQ(driver_.sink.records.size(), 5u);
  // Batches [1,2] [3,4] [5]: each checkpoint stops before the batch's last value, which may go on.
  ASSERT_EQ(driver_.sink.checkpoints.size(), 3u);
  EXPECT_EQ(driver_.sink.checkpoints[0].first, R"({"cursor":"2024-01-01 08:00:00"})");
  EXPECT_EQ(driver_.sink.checkpoints[1].first, R"({"cursor":"2024-01-02 08:00:00"})");
  EXPECT_EQ(driver_.sink.checkpoints[2].first, R"({"cursor":"2024-01-03 08:00:00"})");

  insert(6, "16.72", "2024-01-05 08:00:00");
  insert(7, "16.72", "2024-01-06 08:00:00");
  ConnectorDriver again;
  auto second = again.harvest(opts, first->next);
  ASSERT_TRUE(second) << second.status().message();
  ASSERT_EQ(again.sink.records.size(), 2u);
  EXPECT_EQ(again.sink.records[0].key, "6");
  EXPECT_EQ(again.sink.records[1].key, "7");
  EXPECT_EQ(second->next, R"({"cursor":"2024-01-06 08:00:00"})");

  // A run killed after its second checkpoint resumes there and loses nothing.
  ConnectorDriver resumed;
  auto third = resumed.harvest(opts, driver_.sink.checkpoints[1].first);
  ASSERT_TRUE(third) << third.status().message();
  EXPECT_EQ(resumed.sink.records.size(), 4u);  // rows 4..7
}

TEST_P(OpdSqlTest, anIntegerCursorIsBoundAsAnInteger) {
  for (int id = 1; id <= 4; ++id) insert(id, "16.71", "2024-01-01 08:00:00");
  auto opts = options("SELECT * FROM {t} WHERE id > :cursor ORDER BY id");
  opts["cursor_column"] = "id";
  opts["cursor_initial"] = "2";
  auto result = driver_.harvest(opts);
  ASSERT_TRUE(result) << result.status().message();
  ASSERT_EQ(driver_.sink.records.size(), 2u);
  EXPECT_EQ(result->next, R"({"cursor":4})");
}

TEST_P(OpdSqlTest, rowsOutOfCursorOrderFailTheRun) {
  insert(1, "16.71", "2024-01-02 08:00:00");
  insert(2, "16.71", "2024-01-01 08:00:00");
  auto opts = options("SELECT * FROM {t} WHERE diubah > :cursor ORDER BY id");
  opts["cursor_column"] = "diubah";
  opts["cursor_initial"] = "1970-01-01";
  auto result = driver_.harvest(opts);
  ASSERT_FALSE(result);
  EXPECT_NE(result.status().message().find("ORDER BY diubah"), std::string::npos) << result.status().message();
}

TEST_P(OpdSqlTest, aWriteFailsEvenThroughACommonTableExpression) {
  insert(1, "16.71", "2024-01-01 08:00:00");
  const std::string write = GetParam() == Backend::Sqlite
                                ? "WITH x AS (SELECT 1 AS id) INSERT INTO {t} (id) SELECT 99 FROM x"
                                : "WITH d AS (DELETE FROM {t} RETURNING *) SELECT * FROM d";
  auto result = driver_.harvest(options(write));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.status().reason(), "sql-error") << result.status().message();
  EXPECT_EQ(count(), 1);
}

TEST_P(OpdSqlTest, checkOpensTheDatabaseReadOnly) {
  EXPECT_TRUE(driver_.check(options("SELECT * FROM {t}")));
}

INSTANTIATE_TEST_SUITE_P(Backends, OpdSqlTest, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         [](const auto& param) { return param.param == Backend::Sqlite ? "sqlite" : "postgresql"; });

TEST_P(OpdSqlTest, rowsBecomeRecordsOfTheConfiguredKind) {
  insert(1, "16.71", "2024-01-01 08:00:00");
  auto opts = options("SELECT * FROM {t}");
  opts["record_kind"] = "p2ham.declaration";
  auto result = driver_.harvest(opts);
  ASSERT_TRUE(result) << result.status().message();
  EXPECT_EQ(result->completeKinds, std::vector<std::string>{"p2ham.declaration"});
  ASSERT_EQ(driver_.sink.records.size(), 1u);
  EXPECT_EQ(driver_.sink.records[0].kind, "p2ham.declaration");
}

class OpdSqlOptionsTest : public ::testing::Test {
 protected:
  Status configure(const std::string& query, const std::string& connection = "sqlite:/nonexistent/x.db") {
    OpdConnector connector;
    return connector.configure(test::optionsWith(
        {{"mode", "sql"}, {"connection", connection}, {"query", query}, {"key_columns", list({"id"})}}));
  }
};

TEST_F(OpdSqlOptionsTest, refusesAnythingButOneSelectStatement) {
  for (const char* bad : {"DELETE FROM t", "UPDATE t SET a = 1", "INSERT INTO t VALUES (1)", "DROP TABLE t",
                          "SELECT 1; DROP TABLE t", "SELECT 1; SELECT 2", "PRAGMA writable_schema = 1",
                          "ATTACH DATABASE 'x' AS y", "", "-- only a comment", "SELECT 'unterminated"}) {
    const Status st = configure(bad);
    EXPECT_FALSE(st) << bad;
    EXPECT_EQ(st.reason(), "invalid-option") << bad;
  }
  for (const char* good : {"SELECT * FROM t", "  -- why\n select a FROM t ;  \n", "WITH x AS (SELECT 1) SELECT * FROM x",
                           "(SELECT 1) UNION (SELECT 2)", "SELECT ';' AS semi, 'it''s' AS q /* ; */ FROM t",
                           "SELECT \"odd;name\" FROM t"}) {
    EXPECT_TRUE(configure(good)) << good;
  }
}

TEST_F(OpdSqlOptionsTest, placeholdersAreRewrittenOutsideStringsOnly) {
  auto sqlite = prepareQuery("SELECT ':cursor', a::text FROM t WHERE b > :cursor AND c < :cursor", SqlBackend::Sqlite);
  ASSERT_TRUE(sqlite);
  EXPECT_EQ(sqlite->text, "SELECT ':cursor', a::text FROM t WHERE b > ?1 AND c < ?1");
  EXPECT_EQ(sqlite->cursorSlots, 2u);
  auto pg = prepareQuery("SELECT $$ :cursor; $$ FROM t WHERE b > :cursor;", SqlBackend::Postgres);
  ASSERT_TRUE(pg) << pg.status().message();
  EXPECT_EQ(pg->text, "SELECT $$ :cursor; $$ FROM t WHERE b > $1");
  EXPECT_FALSE(prepareQuery("SELECT E'\\'; DELETE FROM t; --' FROM t; DELETE FROM t", SqlBackend::Postgres));
}

TEST_F(OpdSqlOptionsTest, aRecordKindMustLookLikeOne) {
  OpdConnector connector;
  const Status st = connector.configure(test::optionsWith({{"mode", "sql"}, {"connection", "sqlite:/nonexistent/x.db"},
                                                          {"query", "SELECT 1"}, {"key_columns", list({"id"})},
                                                          {"record_kind", "P2HAM declaration"}}));
  ASSERT_FALSE(st);
  EXPECT_NE(st.message().find("record_kind 'P2HAM declaration' is not a kind"), std::string::npos) << st.message();
}

TEST_F(OpdSqlOptionsTest, namesTheSupportedBackendsForOthers) {
  const Status mysql = configure("SELECT 1", "mysql:host=db;user=u");
  ASSERT_FALSE(mysql);
  EXPECT_NE(mysql.message().find("not supported"), std::string::npos);
  EXPECT_NE(mysql.message().find("sqlite:"), std::string::npos);
  EXPECT_FALSE(configure("SELECT 1", "odbc:DSN=x"));
  EXPECT_FALSE(configure("SELECT 1", "/var/db.sqlite"));
  EXPECT_FALSE(configure("SELECT 1", "postgresql://u@127.0.0.1/db"));
}

TEST_F(OpdSqlOptionsTest, aCursorColumnNeedsACursorPlaceholderAndAnInitialValue) {
  OpdConnector connector;
  const auto opts = [](const char* query, const char* initial) {
    std::map<std::string, JsonValue> values{{"mode", "sql"},       {"connection", "sqlite:/x.db"},
                                            {"query", query},      {"key_columns", list({"id"})},
                                            {"cursor_column", "id"}};
    if (initial != nullptr) values["cursor_initial"] = initial;
    return test::optionsWith(values);
  };
  EXPECT_FALSE(connector.configure(opts("SELECT * FROM t ORDER BY id", "0")));
  EXPECT_FALSE(connector.configure(opts("SELECT * FROM t WHERE id > :cursor", nullptr)));
  EXPECT_TRUE(connector.configure(opts("SELECT * FROM t WHERE id > :cursor ORDER BY id", "0")));
}

TEST_F(OpdSqlOptionsTest, aMissingSqliteFileIsAnErrorNotANewDatabase) {
  hamhub::test::TempDir dir;
  ConnectorDriver driver;
  const std::string path = (dir / "absent.db").string();
  auto result = driver.harvest(
      {{"mode", "sql"}, {"connection", "sqlite:" + path}, {"query", "SELECT 1 AS id"}, {"key_columns", list({"id"})}});
  ASSERT_FALSE(result);
  EXPECT_NE(result.status().message().find("no such database file"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace hamhub::opd

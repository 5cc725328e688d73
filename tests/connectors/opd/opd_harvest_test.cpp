// The opd plugin end to end: loaded from the build's plugin directory, run by the host's harvest
// runner with the real subject catalogue, into a real SQLite store.

#include <gtest/gtest.h>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include "host/config/schema_check.h"
#include "host/harvest/harvest_runner.h"
#include "host/harvest/http_factory.h"
#include "host/normalise/normaliser.h"
#include "host/plugins/plugin_registry.h"
#include "host/store/store.h"
#include "host/subjects/region_catalog.h"
#include "host/subjects/subject_catalog.h"
#include "support/temp_dir.h"

namespace hamhub::host {
namespace {

using Poco::Data::Keywords::now;

class OpdHarvestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::open("sqlite:hub.db", dir_.path());
    ASSERT_TRUE(store.isOk()) << store.status().message();
    store_ = std::move(store).value();
    ConfigIssues issues;
    catalog_ = SubjectCatalog(loadRegionCatalog(test::sourcePath("config/regions"), issues));
    ASSERT_TRUE(issues.empty());
    Poco::Data::SQLite::Connector connector;
    source_ = std::make_unique<Poco::Data::Session>(connector.createSession((dir_ / "opd.db").string(), 5));
    *source_ << "CREATE TABLE layanan (id INTEGER, kab TEXT, tahun TEXT, jenis TEXT, jumlah INTEGER, diubah DATETIME)", now;
    add(1, "Kota Palembang", "2024-03-01 08:00:00");
    add(2, "Muba", "2024-03-02 08:00:00");
    add(3, "Kota Lubuklinggau", "2024-03-03 08:00:00");
  }

  void add(int id, const std::string& kab, const std::string& at) {
    *source_ << "INSERT INTO layanan VALUES (" + std::to_string(id) + ", '" + kab + "', '2024', 'akta', " +
                    std::to_string(id * 7) + ", '" + at + "')",
        now;
  }

  SourceConfig source(const std::string& id, JsonValue options) {
    SourceConfig s;
    s.id = id;
    s.connector = "opd";
    s.subjects = {"16"};
    const LoadedPlugin* plugin = registry_.find("opd");
    EXPECT_NE(plugin, nullptr);
    ConfigIssues issues;
    s.options = Options(checkObject(options, {plugin->manifest->options, plugin->manifest->optionCount}, "test",
                                    "options", issues));
    EXPECT_TRUE(issues.empty()) << issues.front().toString();
    return s;
  }

  JsonValue sqlOptions(const std::string& query) {
    return JsonValue(JsonValue::Object{{"mode", "sql"},
                                       {"connection", "sqlite:" + (dir_ / "opd.db").string()},
                                       {"query", query},
                                       {"key_columns", JsonValue(JsonValue::Array{"id"})},
                                       {"subject_column", "kab"},
                                       {"period_column", "tahun"}});
  }

  HarvestSummary harvest(const SourceConfig& s) {
    HarvestRunner runner(*store_, registry_, normaliser_, catalog_, makeHttpClientFactory(0), 60);
    return runner.run(s, stop_);
  }

  std::vector<StoredRecord> stored(const std::string& id) {
    RecordQuery q;
    q.source = id;
    auto records = store_->records(q);
    EXPECT_TRUE(records.isOk());
    return records.isOk() ? *records : std::vector<StoredRecord>{};
  }

  test::TempDir dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Poco::Data::Session> source_;
  PluginRegistry registry_ = PluginRegistry::load({test::builtPluginDir()});
  Normaliser normaliser_;
  SubjectCatalog catalog_;
  std::atomic<bool> stop_{false};
};

TEST_F(OpdHarvestTest, storesRowsWithResolvedSubjectsAndWritesNothingTheSecondTime) {
  const auto s = source("opd-sql", sqlOptions("SELECT * FROM layanan ORDER BY id"));
  auto first = harvest(s);
  ASSERT_EQ(first.status, RunStatus::Success) << first.error;
  EXPECT_EQ(first.counts.added, 3);
  auto records = stored("opd-sql");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].record.kind, "opd.row");
  EXPECT_EQ(records[0].record.subject, "16.71");
  EXPECT_EQ(records[1].record.subject, "16.06");
  EXPECT_EQ(records[2].record.subject, "16.73");
  auto second = harvest(s);
  ASSERT_EQ(second.status, RunStatus::Success) << second.error;
  EXPECT_EQ(second.counts.added, 0);
  EXPECT_EQ(second.counts.unchanged, 3);
}

TEST_F(OpdHarvestTest, aBadRowFailsTheRunAndStoresNothingUnlessSkipped) {
  add(4, "Kota Antah Berantah", "2024-03-04 08:00:00");
  auto failed = harvest(source("opd-sql", sqlOptions("SELECT * FROM layanan ORDER BY id")));
  EXPECT_EQ(failed.status, RunStatus::Failed);
  EXPECT_NE(failed.error.find("Kota Antah Berantah"), std::string::npos) << failed.error;
  EXPECT_TRUE(stored("opd-sql").empty());

  JsonValue skip = sqlOptions("SELECT * FROM layanan ORDER BY id");
  skip.set("on_bad_row", "skip");
  auto skipped = harvest(source("opd-sql", skip));
  ASSERT_EQ(skipped.status, RunStatus::Success) << skipped.error;
  EXPECT_EQ(skipped.counts.added, 3);
  EXPECT_EQ(skipped.counts.failed, 1);
  EXPECT_EQ(stored("opd-sql").size(), 3u);
}

TEST_F(OpdHarvestTest, anIncrementalSourceKeepsItsCursorInTheStore) {
  JsonValue options = sqlOptions("SELECT * FROM layanan WHERE diubah > :cursor ORDER BY diubah");
  options.set("cursor_column", "diubah");
  options.set("cursor_initial", "2000-01-01");
  options.set("batch_rows", 2);
  const auto s = source("opd-inc", options);
  ASSERT_EQ(harvest(s).status, RunStatus::Success);
  auto cursor = store_->cursor("opd-inc");
  ASSERT_TRUE(cursor.isOk());
  EXPECT_EQ(cursor->value_or(""), R"({"cursor":"2024-03-03 08:00:00"})");
  add(4, "PALI", "2024-03-04 08:00:00");
  auto second = harvest(s);
  ASSERT_EQ(second.status, RunStatus::Success) << second.error;
  EXPECT_EQ(second.counts.added, 1);
  EXPECT_EQ(second.counts.withdrawn, 0);
  EXPECT_EQ(stored("opd-inc").size(), 4u);
}

TEST_F(OpdHarvestTest, storesIkmResultsFromASurveyFile) {
  const auto file = dir_.write("skm.csv",
                               "unit,period,U1,U2,U3,U4,U5,U6,U7,U8,U9\n"
                               "Disdukcapil,2024,4,4,4,4,4,4,4,4,4\nDisdukcapil,2024,3,3,3,3,3,3,3,3,3\n");
  auto run = harvest(source("opd-skm", JsonValue(JsonValue::Object{{"mode", "skm"}, {"file", file.string()}})));
  ASSERT_EQ(run.status, RunStatus::Success) << run.error;
  auto records = stored("opd-skm");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].record.kind, "skm.ikm");
  EXPECT_EQ(records[0].record.subject, "16");  // the source's subject: the unit is an OPD
  EXPECT_NE(records[0].record.payload.find("\"ikm\":87.5"), std::string::npos) << records[0].record.payload;
}

}  // namespace
}  // namespace hamhub::host

#include <gtest/gtest.h>

#include <cstdlib>

#include "host/config/hub_config.h"
#include "host/config/source_config.h"
#include "host/plugins/plugin_registry.h"
#include "host/subjects/region_catalog.h"
#include "host/subjects/subject_catalog.h"
#include "support/temp_dir.h"

namespace hamhub::host {
namespace {

class ConfigTest : public ::testing::Test {
 protected:
  HubConfig hub(const std::string& text) {
    auto file = dir_.write("hamhub.json", text);
    issues_.clear();
    return loadHubConfig(file, issues_);
  }
  std::string allIssues() const {
    std::string out;
    for (const auto& i : issues_) out += i.toString() + "\n";
    return out;
  }

  test::TempDir dir_;
  ConfigIssues issues_;
  PluginRegistry registry_ = PluginRegistry::load({test::fixturePluginDir("good")});
};

TEST_F(ConfigTest, hubFileDefaultsWork) {
  HubConfig config = hub("{}");
  ASSERT_TRUE(issues_.empty()) << allIssues();
  EXPECT_EQ(config.store, "sqlite:../var/hamhub.db");
  EXPECT_EQ(config.timezone, "Asia/Jakarta");
  EXPECT_EQ(config.sourcesDir, dir_ / "sources.d");
  ASSERT_EQ(config.pluginDirs.size(), 1u);
  EXPECT_EQ(config.pluginDirs.front().filename(), "plugins");
}

TEST_F(ConfigTest, hubFileAllowsCommentsAndResolvesPathsAgainstItself) {
  HubConfig config = hub(R"(// the hub
    { "plugin_dirs": ["p1", "/abs/p2"], /* where sources live */ "sources_dir": "src",
      "http": {"connect_timeout_ms": 500, "verify_tls": false}, "harvest": {"concurrency": 8} })");
  ASSERT_TRUE(issues_.empty()) << allIssues();
  EXPECT_EQ(config.pluginDirs[0], dir_ / "p1");
  EXPECT_EQ(config.pluginDirs[1], "/abs/p2");
  EXPECT_EQ(config.sourcesDir, dir_ / "src");
  EXPECT_EQ(config.http.connectTimeoutMs, 500);
  EXPECT_FALSE(config.http.verifyTls);
  EXPECT_EQ(config.harvest.concurrency, 8);
}

TEST_F(ConfigTest, hubFileReportsEveryProblemWithItsPath) {
  hub(R"({"stor": "x", "timezone": 7, "http": {"connect_timeout_ms": -1, "max_body_mb": "big"}})");
  const std::string all = allIssues();
  EXPECT_EQ(issues_.size(), 4u) << all;
  EXPECT_NE(all.find("stor: unknown key (expected one of: store, plugin_dirs"), std::string::npos) << all;
  EXPECT_NE(all.find("timezone: expected a string, got number"), std::string::npos) << all;
  EXPECT_NE(all.find("http.connect_timeout_ms: must be greater than 0"), std::string::npos) << all;
  EXPECT_NE(all.find("http.max_body_mb: expected an integer, got string"), std::string::npos) << all;
}

TEST_F(ConfigTest, timezoneIsLoadedAsTheSchedulerWillLoadIt) {
  EXPECT_EQ(hub(R"({"timezone": "+07:00"})").timezone, "+07:00");
  EXPECT_TRUE(issues_.empty()) << allIssues();
  hub(R"({"timezone": "Asia/Jakata"})");
  ASSERT_EQ(issues_.size(), 1u) << allIssues();
  EXPECT_EQ(issues_[0].path, "timezone");
  EXPECT_EQ(issues_[0].message.rfind("time zone 'Asia/Jakata': not found in /usr/share/zoneinfo", 0), 0u)
      << issues_[0].message;
  hub(R"({"timezone": "../../etc/passwd"})");
  ASSERT_EQ(issues_.size(), 1u) << allIssues();
  EXPECT_NE(issues_[0].message.find("'..' are not allowed"), std::string::npos) << issues_[0].message;
  hub(R"({"timezone": "+25:00"})");
  ASSERT_EQ(issues_.size(), 1u) << allIssues();
  EXPECT_EQ(issues_[0].message, "time zone '+25:00': offset is out of range -18:00 to +18:00");
}

TEST_F(ConfigTest, malformedHubFileGivesLineAndColumn) {
  hub("{\n  \"store\": \"sqlite:x.db\"\n  \"timezone\": \"UTC\"\n}");
  ASSERT_EQ(issues_.size(), 1u);
  EXPECT_NE(issues_[0].toString().find("hamhub.json: line 3, column 3: unexpected '\"'"), std::string::npos)
      << issues_[0].toString();
}

TEST_F(ConfigTest, environmentReferencesAreExpandedAndMissingOnesReported) {
  setenv("HAMHUB_TEST_DB", "sqlite:from-env.db", 1);
  HubConfig config = hub(R"({"store": "${HAMHUB_TEST_DB}"})");
  EXPECT_TRUE(issues_.empty()) << allIssues();
  EXPECT_EQ(config.store, "sqlite:from-env.db");
  hub(R"({"store": "postgresql://hub:${HAMHUB_TEST_UNSET_PASSWORD}@db/hamhub"})");
  ASSERT_EQ(issues_.size(), 1u);
  EXPECT_EQ(issues_[0].path, "store");
  EXPECT_EQ(issues_[0].message, "environment variable HAMHUB_TEST_UNSET_PASSWORD is not set");
}

TEST_F(ConfigTest, sourcesAreValidatedAgainstTheConnectorSchemaAllAtOnce) {
  HubConfig config = hub("{}");
  dir_.write("sources.d/a.json", R"({"id": "a", "connector": "fixture", "subject": "16.73", "options": {"count": 2}})");
  dir_.write("sources.d/b.json", R"({"id": "b", "connector": "fixture", "subject": "16.73",
                                     "options": {"count": "two", "colour": "red"}})");
  dir_.write("sources.d/c.json", R"({"id": "c", "connector": "jdhi", "subject": "16.73"})");
  dir_.write("sources.d/d.json", R"({"id": "a", "connector": "fixture", "subject": "99.99", "options": {}})");
  dir_.write("sources.d/e.json", R"({"id": "e", "connector": "fixture", "subject": "16.73",
                                     "options": {"count": 1, "throw_in": "configure"}})");
  dir_.write("sources.d/notes.txt", "ignored: not a .json file");
  const std::vector<std::string> known = {"16", "16.73"};
  auto sources = loadSources(config, &registry_, &known, issues_);
  ASSERT_EQ(sources.size(), 1u) << allIssues();
  EXPECT_EQ(sources[0].id, "a");
  EXPECT_EQ(sources[0].options.getInt("count"), 2);
  EXPECT_EQ(sources[0].options.getString("version"), "v1");  // default filled in
  const std::string all = allIssues();
  EXPECT_NE(all.find("b.json: options.count: expected an integer, got string"), std::string::npos) << all;
  EXPECT_NE(all.find("b.json: options.colour: unknown key (expected one of: count,"), std::string::npos) << all;
  EXPECT_NE(all.find("c.json: connector: unknown connector 'jdhi' (loaded: fixture)"), std::string::npos) << all;
  EXPECT_NE(all.find("d.json: id: 'a' is already used by another file"), std::string::npos) << all;
  EXPECT_NE(all.find("d.json: subject: '99.99' is not a known subject id"), std::string::npos) << all;
  EXPECT_NE(all.find("d.json: options.count: missing (required: records to emit)"), std::string::npos) << all;
  EXPECT_NE(all.find("e.json: options: plugin threw from configure: boom in configure"), std::string::npos) << all;
}

TEST_F(ConfigTest, aSourceScheduleMustBeAValidCronExpression) {
  HubConfig config = hub("{}");
  dir_.write("sources.d/a.json", R"({"id": "a", "connector": "fixture", "subject": "16.73", "schedule": "0 2 * * *",
                                     "options": {"count": 1}})");
  dir_.write("sources.d/b.json", R"({"id": "b", "connector": "fixture", "subject": "16.73", "schedule": "61 * * * *",
                                     "options": {"count": 1}})");
  dir_.write("sources.d/c.json", R"({"id": "c", "connector": "fixture", "subject": "16.73", "schedule": "@daly",
                                     "options": {"count": 1}})");
  auto sources = loadSources(config, &registry_, nullptr, issues_);
  ASSERT_EQ(sources.size(), 1u) << allIssues();
  EXPECT_EQ(sources[0].schedule, "0 2 * * *");
  ASSERT_EQ(issues_.size(), 2u) << allIssues();
  EXPECT_EQ(issues_[0].toString(), (dir_ / "sources.d/b.json").string() +
                                       ": schedule: schedule '61 * * * *': minute 61 is out of range 0-59");
  EXPECT_EQ(issues_[1].path, "schedule");
  EXPECT_EQ(issues_[1].message.rfind("schedule '@daly': unknown macro '@daly'", 0), 0u) << issues_[1].message;
}

TEST_F(ConfigTest, secretOptionsAreMaskedForDisplay) {
  HubConfig config = hub("{}");
  setenv("HAMHUB_TEST_TOKEN", "s3cr3t", 1);
  dir_.write("sources.d/a.json", R"({"id": "a", "connector": "fixture", "subject": "16.73",
                                     "options": {"count": 1, "token": "${HAMHUB_TEST_TOKEN}"}})");
  auto sources = loadSources(config, &registry_, nullptr, issues_);
  ASSERT_EQ(sources.size(), 1u) << allIssues();
  EXPECT_EQ(sources[0].options.getString("token"), "s3cr3t");
  const std::string shown = toJson(sources[0].displayOptions(registry_));
  EXPECT_EQ(shown.find("s3cr3t"), std::string::npos);
  EXPECT_NE(shown.find("\"token\":\"********\""), std::string::npos) << shown;
}

TEST_F(ConfigTest, missingSourcesDirectorySaysWhatToDo) {
  HubConfig config = hub(R"({"sources_dir": "nowhere"})");
  loadSources(config, &registry_, nullptr, issues_);
  ASSERT_EQ(issues_.size(), 1u);
  EXPECT_NE(issues_[0].message.find("does not exist; create it"), std::string::npos);
}

}  // namespace
}  // namespace hamhub::host

namespace hamhub::host {
namespace {

class SubjectCatalogTest : public ::testing::Test {
 protected:
  SubjectCatalogTest() {
    ConfigIssues issues;
    catalog_ = SubjectCatalog(loadRegionCatalog(test::sourcePath("config/regions"), issues));
    EXPECT_TRUE(issues.empty());
  }
  SubjectCatalog catalog_;
};

TEST_F(SubjectCatalogTest, resolvesIdsBpsCodesNamesAndSpellingVariants) {
  EXPECT_EQ(catalog_.resolve("16.72"), "16.72");
  EXPECT_EQ(catalog_.resolve("1673"), "16.72");  // BPS numbers Pagar Alam 1673
  EXPECT_EQ(catalog_.resolve("Pagaralam"), "16.72");
  EXPECT_EQ(catalog_.resolve("KOTA PAGAR ALAM"), "16.72");
  EXPECT_EQ(catalog_.resolve(" Lubuklinggau "), "16.73");
  EXPECT_EQ(catalog_.resolve("Kab. Musi Rawas"), "16.05");
  EXPECT_EQ(catalog_.resolve("Muratara"), "16.13");
  EXPECT_EQ(catalog_.resolve("OKU Timur"), "16.08");
  EXPECT_FALSE(catalog_.resolve("Kota Atlantis").has_value());
  EXPECT_FALSE(catalog_.resolve("").has_value());
}

}  // namespace
}  // namespace hamhub::host

#include <gtest/gtest.h>

#include <algorithm>

#include "host/plugins/plugin_registry.h"
#include "support/temp_dir.h"

namespace hamhub::host {
namespace {

namespace fs = std::filesystem;

class PluginRegistryTest : public ::testing::Test {
 protected:
  static std::string problemFor(const PluginRegistry& r, const std::string& fileName) {
    for (const auto& p : r.problems()) {
      if (p.file.filename() == fileName) return p.message;
    }
    return "<no problem reported for " + fileName + ">";
  }
};

TEST_F(PluginRegistryTest, loadsAGoodPluginAndReadsItsManifest) {
  auto registry = PluginRegistry::load({test::fixturePluginDir("good")});
  ASSERT_TRUE(registry.problems().empty()) << registry.problems().front().message;
  const LoadedPlugin* plugin = registry.find("fixture");
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->kind(), PluginKind::Connector);
  EXPECT_STREQ(plugin->manifest->version, "0.0.1");
  ASSERT_NE(plugin->findOption("count"), nullptr);
  EXPECT_TRUE(plugin->findOption("count")->required);
  EXPECT_TRUE(plugin->findOption("token")->secret);
}

TEST_F(PluginRegistryTest, refusesEachBrokenPluginWithALineNamingTheCause) {
  test::TempDir dir;
  for (const auto& entry : fs::directory_iterator(test::fixturePluginDir("bad"))) {
    fs::copy_file(entry.path(), dir / entry.path().filename().string());
  }
  dir.write("hamhub-garbage.so", "this is not an ELF file\n");
  auto registry = PluginRegistry::load({dir.path()});
  EXPECT_TRUE(registry.plugins().empty());
  EXPECT_EQ(registry.problems().size(), 6u);
  EXPECT_NE(problemFor(registry, "hamhub-bad-abi.so").find("built for ABI 'msvc19-x86'"), std::string::npos);
  EXPECT_NE(problemFor(registry, "hamhub-bad-api.so").find("built for hamhub API 2.x"), std::string::npos);
  EXPECT_NE(problemFor(registry, "hamhub-too-new.so").find("needs hamhub API 1.99 or newer"), std::string::npos);
  EXPECT_NE(problemFor(registry, "hamhub-bad-name.so").find("plugin name must be"), std::string::npos);
  EXPECT_NE(problemFor(registry, "hamhub-not-a-plugin.so").find("not a hamhub plugin"), std::string::npos);
  EXPECT_NE(problemFor(registry, "hamhub-garbage.so").find("not a loadable shared library"), std::string::npos);
  for (const auto& p : registry.problems()) EXPECT_EQ(p.message.find('\n'), std::string::npos) << p.message;
}

TEST_F(PluginRegistryTest, refusesADuplicateNameAndKeepsTheFirst) {
  auto registry = PluginRegistry::load({test::fixturePluginDir("good"), test::fixturePluginDir("dup")});
  ASSERT_EQ(registry.plugins().size(), 1u);
  EXPECT_EQ(registry.plugins().front().file.filename(), "hamhub-fixture.so");
  ASSERT_EQ(registry.problems().size(), 1u);
  EXPECT_NE(registry.problems().front().message.find("duplicate plugin name 'fixture'"), std::string::npos);
}

TEST_F(PluginRegistryTest, refusesASymlinkThatLeadsOutsideThePluginDirectories) {
  test::TempDir dir;
  fs::create_symlink(test::fixturePluginDir("good") / "hamhub-fixture.so", dir / "hamhub-fixture.so");
  auto registry = PluginRegistry::load({dir.path()});
  EXPECT_TRUE(registry.plugins().empty());
  ASSERT_EQ(registry.problems().size(), 1u);
  EXPECT_NE(registry.problems().front().message.find("outside the configured plugin directories"), std::string::npos);
}

TEST_F(PluginRegistryTest, reportsAMissingDirectoryAndGoesOn) {
  auto registry = PluginRegistry::load({"/nonexistent/hamhub-plugins", test::fixturePluginDir("good")});
  EXPECT_EQ(registry.plugins().size(), 1u);
  ASSERT_EQ(registry.problems().size(), 1u);
  EXPECT_NE(registry.problems().front().message.find("does not exist"), std::string::npos);
}

TEST_F(PluginRegistryTest, aConnectorOutlivesTheRegistryThatCreatedIt) {
  std::shared_ptr<Connector> connector;
  {
    auto registry = PluginRegistry::load({test::fixturePluginDir("good")});
    auto created = registry.createConnector("fixture");
    ASSERT_TRUE(created.isOk()) << created.status().message();
    connector = *created;
    registry.unload();
  }
  // The library must still be mapped: calling into it would crash otherwise.
  Options options({{"count", JsonValue(3)}});
  EXPECT_TRUE(connector->configure(options).isOk());
  connector.reset();
}

TEST_F(PluginRegistryTest, exceptionsThrownByAPluginComeBackAsErrors) {
  auto registry = PluginRegistry::load({test::fixturePluginDir("good")});
  auto connector = registry.createConnector("fixture");
  ASSERT_TRUE(connector.isOk());
  Status s = (*connector)->configure(Options({{"count", JsonValue(1)}, {"throw_in", JsonValue("configure")}}));
  EXPECT_EQ(s.reason(), "plugin-exception");
  EXPECT_NE(s.message().find("boom in configure"), std::string::npos);
}

TEST_F(PluginRegistryTest, unknownConnectorNamesTheLoadedOnes) {
  auto registry = PluginRegistry::load({test::fixturePluginDir("good")});
  auto connector = registry.createConnector("jdhi");
  ASSERT_FALSE(connector.isOk());
  EXPECT_EQ(connector.status().message(), "unknown connector 'jdhi' (loaded connectors: fixture)");
}

}  // namespace
}  // namespace hamhub::host

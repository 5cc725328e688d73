#include <gtest/gtest.h>

#include <csignal>
#include <thread>

#include <Poco/Process.h>

#include "hamhub/json.h"
#include "host/store/store.h"
#include "support/hamhub_process.h"
#include "support/temp_dir.h"

namespace hamhub {
namespace {

using test::runHamhub;

/// A throwaway hub: config, sources.d, SQLite store and the fixture plugins, all in a temp dir.
class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    writeHub("\"plugin_dirs\": [\"" + test::fixturePluginDir("good").string() + "\"]");
  }
  void writeHub(const std::string& extra) {
    config_ = dir_.write("hamhub.json", "{\"store\": \"sqlite:hub.db\", \"regions_dir\": \"" +
                                            test::sourcePath("config/regions").string() + "\", \"criteria_dir\": \"" +
                                            test::sourcePath("config/criteria").string() + "\"" +
                                            (extra.empty() ? "" : ", " + extra) + "}");
    std::filesystem::create_directories(dir_ / "sources.d");
  }
  void source(const std::string& id, const std::string& options, const std::string& extra = "") {
    dir_.write("sources.d/" + id + ".json", "{\"id\": \"" + id + "\", \"connector\": \"fixture\", \"subject\": \"16.73\"" +
                                                extra + ", \"options\": " + options + "}");
  }
  test::ProcessResult hamhub(std::vector<std::string> args) {
    args.insert(args.begin(), {"--config", config_.string()});
    return runHamhub(args);
  }
  JsonValue json(const test::ProcessResult& r) {
    auto parsed = parseJson(r.out);
    EXPECT_TRUE(parsed.isOk()) << r.out << r.err;
    return parsed.isOk() ? std::move(parsed).value() : JsonValue();
  }

  test::TempDir dir_;
  std::filesystem::path config_;
};

TEST_F(CliTest, helpListsTheVerbsAndExitsZero) {
  auto r = runHamhub({"--help"});
  EXPECT_EQ(r.exitCode, 0);
  for (const char* verb : {"plugins", "sources", "config check", "harvest"}) {
    EXPECT_NE(r.out.find(verb), std::string::npos) << verb;
  }
  auto verbHelp = runHamhub({"harvest", "--help"});
  EXPECT_EQ(verbHelp.exitCode, 0);
  EXPECT_NE(verbHelp.out.find("--all"), std::string::npos);
  EXPECT_NE(verbHelp.out.find("--format table|json|csv"), std::string::npos);
}

TEST_F(CliTest, usageErrorsExitTwoWithAHint) {
  auto verb = runHamhub({"harvset"});
  EXPECT_EQ(verb.exitCode, 2);
  EXPECT_NE(verb.err.find("unknown verb 'harvset'"), std::string::npos);
  auto option = hamhub({"plugins", "--colour"});
  EXPECT_EQ(option.exitCode, 2);
  EXPECT_NE(option.err.find("unknown option --colour"), std::string::npos);
  auto format = hamhub({"plugins", "--format", "xml"});
  EXPECT_EQ(format.exitCode, 2);
  auto missing = runHamhub({"--config", (dir_ / "nope.json").string(), "plugins"});
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.err.find("nope.json: no such file"), std::string::npos) << missing.err;
}

TEST_F(CliTest, pluginsListsAndDescribesInEveryFormat) {
  auto list = hamhub({"plugins", "--format", "json"});
  ASSERT_EQ(list.exitCode, 0) << list.err;
  auto plugins = json(list);
  ASSERT_EQ(plugins.asArray().size(), 1u);
  EXPECT_EQ(plugins.asArray()[0].find("name")->asString(), "fixture");
  EXPECT_EQ(plugins.asArray()[0].find("kind")->asString(), "connector");
  auto csv = hamhub({"plugins", "--format", "csv"});
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\r')), "name,kind,version,api,file,description");
  auto describe = hamhub({"plugins", "--describe", "fixture", "--format", "json"});
  ASSERT_EQ(describe.exitCode, 0) << describe.err;
  const JsonValue described = json(describe);
  const auto& options = described.find("options")->asArray();
  EXPECT_EQ(options[0].find("name")->asString(), "count");
  EXPECT_TRUE(options[0].find("required")->asBool());
  auto table = hamhub({"plugins", "--describe", "fixture"});
  EXPECT_NE(table.out.find("checkpoint_every"), std::string::npos);
}

TEST_F(CliTest, aBrokenPluginIsNamedAndTheOthersStillLoad) {
  writeHub("\"plugin_dirs\": [\"" + test::fixturePluginDir("good").string() + "\", \"" +
           test::fixturePluginDir("bad").string() + "\"]");
  auto r = hamhub({"plugins", "--format", "json"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(json(r).asArray().size(), 1u);
  EXPECT_NE(r.err.find("hamhub-bad-abi.so: refused: built for ABI 'msvc19-x86'"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("terminate"), std::string::npos);
}

TEST_F(CliTest, configCheckReportsEveryProblemAtOnce) {
  source("good", R"({"count": 1})");
  source("bad-type", R"({"count": "many"})");
  source("bad-subject", R"({"count": 1})", R"(, "subjects": ["16.99"])");
  dir_.write("sources.d/broken.json", "{\"id\": \"broken\",");
  auto r = hamhub({"config", "check"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("bad-type.json: options.count: expected an integer, got string"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad-subject.json: subject: '16.99' is not a known subject id"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("broken.json: line 1, column 17: unexpected end of input"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("3 problems found; nothing was changed"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "hub.db"));
}

TEST_F(CliTest, configCheckPassesOnAGoodConfiguration) {
  source("good", R"({"count": 1})");
  auto r = hamhub({"config", "check"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("configuration OK"), std::string::npos);
  EXPECT_NE(r.out.find("18 from"), std::string::npos) << r.out;  // province 16 and its 17 kab/kota
}

TEST_F(CliTest, harvestPrintsOneJsonObjectPerSourceAndExitsOneWhenASourceFails) {
  source("ok", R"({"count": 5})");
  source("fails", R"({"count": 5, "fail_after": 2})");
  auto r = hamhub({"harvest", "--all", "--format", "json"});
  EXPECT_EQ(r.exitCode, 1) << r.err;
  const JsonValue rows = json(r);
  ASSERT_EQ(rows.asArray().size(), 2u);
  for (const auto& row : rows.asArray()) {
    for (const char* field : {"source", "status", "added", "updated", "unchanged", "withdrawn", "failed", "error"}) {
      EXPECT_NE(row.find(field), nullptr) << field;
    }
    if (row.find("source")->asString() == "ok") {
      EXPECT_EQ(row.find("status")->asString(), "success");
      EXPECT_EQ(row.find("added")->asInt(), 5);
      EXPECT_TRUE(row.find("error")->isNull());
    } else {
      EXPECT_EQ(row.find("status")->asString(), "failed");
      EXPECT_EQ(row.find("added")->asInt(), 0);
      EXPECT_NE(row.find("error")->asString().find("simulated failure"), std::string::npos);
    }
  }
  auto again = hamhub({"harvest", "--source", "ok", "--format", "json"});
  EXPECT_EQ(again.exitCode, 0);
  EXPECT_EQ(json(again).asArray()[0].find("unchanged")->asInt(), 5);
  auto unknown = hamhub({"harvest", "--source", "nope"});
  EXPECT_EQ(unknown.exitCode, 2);
  EXPECT_NE(unknown.err.find("no source called 'nope'"), std::string::npos);
}

TEST_F(CliTest, anUnreachableStoreIsOneClearLineWithoutThePassword) {
  config_ = dir_.write("hamhub.json", "{\"store\": \"postgresql://hub:hunter2@127.0.0.1:1/hamhub\", \"plugin_dirs\": [\"" +
                                          test::fixturePluginDir("good").string() + "\"], \"regions_dir\": \"" +
                                          test::sourcePath("config/regions").string() + "\", \"criteria_dir\": \"" +
                                          test::sourcePath("config/criteria").string() + "\"}");
  source("ok", R"({"count": 1})");
  auto r = hamhub({"harvest", "--all"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(r.err.find("hunter2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("127.0.0.1"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("terminate"), std::string::npos);
}

TEST_F(CliTest, logsCanBeJsonLines) {
  source("ok", R"({"count": 1})");
  auto r = hamhub({"--log-format", "json", "--log-level", "debug", "harvest", "--all"});
  EXPECT_EQ(r.exitCode, 0) << r.err;
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);) {
    auto parsed = parseJson(line);
    ASSERT_TRUE(parsed.isOk()) << line;
    EXPECT_NE(parsed->find("level"), nullptr);
  }
}

// A hub killed with SIGKILL mid-harvest leaves no half batch, and the next run completes the
// source with no duplicate and no lost record.
TEST_F(CliTest, aKilledHarvestLeavesWholeBatchesAndTheNextRunCompletes) {
  source("slow", R"({"count": 3000, "checkpoint_every": 100, "sleep_ms": 1, "restart": false})");
  Poco::ProcessHandle child = Poco::Process::launch(test::hamhubBinary().string(),
                                                    {"--config", config_.string(), "harvest", "--source", "slow"});
  std::int64_t committed = 0;
  const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (committed < 500 && std::chrono::steady_clock::now() < giveUp) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (!std::filesystem::exists(dir_ / "hub.db")) continue;
    auto store = host::Store::open("sqlite:hub.db", dir_.path());
    if (!store.isOk()) continue;
    auto cursor = (*store)->cursor("slow");
    if (cursor.isOk() && cursor->has_value()) committed = parseJson(**cursor)->find("next")->asInt();
  }
  ASSERT_GE(committed, 500) << "the harvest never committed 5 checkpoints";
  ASSERT_LT(committed, 3000) << "the harvest finished before it could be killed";
  Poco::Process::kill(child);  // SIGKILL
  child.wait();

  auto store = host::Store::open("sqlite:hub.db", dir_.path());
  ASSERT_TRUE(store.isOk()) << store.status().message();
  host::RecordQuery query;
  query.source = "slow";
  auto stored = (*store)->records(query);
  ASSERT_TRUE(stored.isOk());
  auto cursor = (*store)->cursor("slow");
  ASSERT_TRUE(cursor.isOk() && cursor->has_value());
  const std::int64_t covered = parseJson(**cursor)->find("next")->asInt();
  EXPECT_EQ(static_cast<std::int64_t>(stored->size()), covered) << "records and cursor disagree: a half batch";
  EXPECT_EQ(covered % 100, 0);

  source("slow", R"({"count": 3000, "checkpoint_every": 100, "restart": false})");
  auto resumed = hamhub({"harvest", "--source", "slow", "--format", "json"});
  ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
  EXPECT_EQ(json(resumed).asArray()[0].find("added")->asInt(), 3000 - covered);
  stored = (*store)->records(query);
  ASSERT_TRUE(stored.isOk());
  ASSERT_EQ(stored->size(), 3000u);
  std::set<std::string> keys;
  for (const auto& r : *stored) keys.insert(r.record.key);
  EXPECT_EQ(keys.size(), 3000u);
}

}  // namespace
}  // namespace hamhub

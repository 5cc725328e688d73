// The jdih connector end to end: simulated JDIH sites (hamhub-sim) on 127.0.0.1, the host's
// runner, HTTP client and normaliser, and a real SQLite store.

#include <gtest/gtest.h>

#include <algorithm>

#include "host/config/schema_check.h"
#include "host/harvest/harvest_runner.h"
#include "host/harvest/http_factory.h"
#include "host/http/poco_http_client.h"
#include "host/logging/log_setup.h"
#include "host/normalise/normaliser.h"
#include "host/plugins/plugin_registry.h"
#include "host/store/store.h"
#include "host/subjects/subject_catalog.h"
#include "legacy_cms.h"
#include "simulator.h"
#include "support/hamhub_process.h"
#include "support/temp_dir.h"

namespace hamhub::host {
namespace {

using sim::Behaviour;
using sim::SiteBehaviour;

// What the source monitor hands the connector's check(): the source, an HTTP client, a logger.
class CheckContext final : public Context {
 public:
  CheckContext(const SourceConfig& source, std::unique_ptr<HttpClient> http)
      : source_(source), http_(std::move(http)), logger_(source.id) {}

  std::string_view sourceId() const override { return source_.id; }
  const std::vector<std::string>& subjects() const override { return source_.subjects; }
  const Options& options() const override { return source_.options; }
  HttpClient& http() override { return *http_; }
  Logger& log() override { return logger_; }
  bool cancelled() const override { return false; }
  std::optional<std::string> resolveSubject(std::string_view) const override { return std::nullopt; }

 private:
  const SourceConfig& source_;
  std::unique_ptr<HttpClient> http_;
  SpdLogger logger_;
};

class JdihSimulatorTest : public ::testing::Test {
 protected:
  static constexpr std::size_t kDocuments = 60;

  void SetUp() override {
    sim::SimOptions options = sim::genericScenario(3, kDocuments, 7);
    options.threads = 16;
    sim_ = std::make_unique<sim::Simulator>(options);
    sim_->start();
    auto store = Store::open("sqlite:hub.db", dir_.path());
    ASSERT_TRUE(store.isOk()) << store.status().message();
    store_ = std::move(store).value();
    ConfigIssues issues;
    normaliser_ = Normaliser::load(test::sourcePath("config/criteria"), issues);
    ASSERT_TRUE(issues.empty()) << issues.front().toString();
  }

  // The source the simulator itself would write for site `i`, through the connector's schema.
  SourceConfig source(std::size_t i) {
    const JsonValue spec = sim_->sourceConfig(i);
    SourceConfig s;
    s.id = spec.find("id")->asString();
    s.connector = "jdih";
    s.subjects = {spec.find("subject")->asString()};
    const LoadedPlugin* plugin = registry_.find("jdih");
    EXPECT_NE(plugin, nullptr);
    ConfigIssues issues;
    s.options = Options(checkObject(*spec.find("options"), {plugin->manifest->options, plugin->manifest->optionCount},
                                    "sim", "options", issues));
    EXPECT_TRUE(issues.empty()) << issues.front().toString();
    s.http.connectTimeoutMs = 2000;
    s.http.readTimeoutMs = 1500;
    s.http.totalTimeoutMs = 10000;
    s.http.maxBodyBytes = 8LL * 1024 * 1024;
    return s;
  }

  HarvestSummary harvest(const SourceConfig& s) {
    HarvestRunner runner(*store_, registry_, normaliser_, catalog_, makeHttpClientFactory(0), 60);
    return runner.run(s, stop_);
  }

  // The built plugin's check(), as the source monitor runs it; by default with the client a harvest gets.
  Status check(const SourceConfig& s, std::unique_ptr<HttpClient> http = nullptr) {
    auto connector = registry_.createConnector("jdih");
    if (!connector.isOk()) return connector.status();
    if (Status configured = (*connector)->configure(s.options); !configured) return configured;
    CheckContext context(s, http ? std::move(http) : makeHttpClientFactory(0)(s, [] { return false; }));
    return (*connector)->check(context);
  }

  // Everything stored for a source, to compare before and after a bad harvest.
  std::string snapshot(const std::string& sourceId) {
    RecordQuery q;
    q.source = sourceId;
    q.includeWithdrawn = true;
    auto records = store_->records(q);
    EXPECT_TRUE(records.isOk());
    std::string out;
    for (const auto& r : *records) {
      out += r.record.key + "|" + r.contentHash + "|" + std::to_string(r.withdrawnRun.value_or(0)) + "\n";
    }
    return out;
  }

  test::TempDir dir_;
  std::unique_ptr<sim::Simulator> sim_;
  std::unique_ptr<Store> store_;
  PluginRegistry registry_ = PluginRegistry::load({test::builtPluginDir()});
  Normaliser normaliser_;
  SubjectCatalog catalog_;
  std::atomic<bool> stop_{false};
};

TEST_F(JdihSimulatorTest, harvestsASiteIntoDocumentsWithMetadataFindings) {
  auto s = source(0);
  auto run = harvest(s);
  ASSERT_EQ(run.status, RunStatus::Success) << run.error;
  EXPECT_EQ(run.counts.added, static_cast<std::int64_t>(kDocuments));
  DocumentQuery all;
  all.source = s.id;
  auto documents = store_->documents(all);
  ASSERT_TRUE(documents.isOk());
  ASSERT_EQ(documents->size(), kDocuments);
  EXPECT_EQ(documents->front().document.subject, s.subjects.front());
  EXPECT_FALSE(documents->front().document.title.empty());
  auto figures = store_->documentFigures();
  ASSERT_TRUE(figures.isOk());
  ASSERT_EQ(figures->size(), 1u);
  EXPECT_EQ(figures->front().documents, static_cast<std::int64_t>(kDocuments));
  EXPECT_LT(figures->front().complete, figures->front().documents);  // the simulator leaves gaps
  DocumentQuery missing = all;
  missing.missingMetadataOnly = true;
  auto lacking = store_->documents(missing);
  ASSERT_TRUE(lacking.isOk());
  ASSERT_FALSE(lacking->empty());
  EXPECT_FALSE(lacking->front().document.missing.empty());
}

TEST_F(JdihSimulatorTest, anUnchangedEtagSiteCostsOneRequestAndWritesNothing) {
  sim_->setBehaviour(0, Behaviour::kEtag);
  auto s = source(0);
  ASSERT_EQ(harvest(s).status, RunStatus::Success);
  const auto before = sim_->requests(0);
  auto second = harvest(s);
  ASSERT_EQ(second.status, RunStatus::Success) << second.error;
  EXPECT_EQ(sim_->requests(0) - before, 1u);
  EXPECT_EQ(second.counts.added + second.counts.updated + second.counts.unchanged + second.counts.withdrawn, 0);
}

TEST_F(JdihSimulatorTest, followsChangesAddedChangedAndRemovedDocuments) {
  auto s = source(0);
  ASSERT_EQ(harvest(s).status, RunStatus::Success);
  sim::Mutation mutation;
  mutation.add = 2;
  mutation.change = 1;
  mutation.remove = 1;
  sim_->mutate(0, mutation);
  auto run = harvest(s);
  ASSERT_EQ(run.status, RunStatus::Success) << run.error;
  EXPECT_EQ(run.counts.added, 2);
  EXPECT_EQ(run.counts.updated, 1);
  EXPECT_EQ(run.counts.withdrawn, 1);
}

TEST_F(JdihSimulatorTest, readsALegacyCmsFeedAsTheTextItMeant) {
  sim_->setBehaviour(1, Behaviour::kLegacyCms);
  auto run = harvest(source(1));
  ASSERT_EQ(run.status, RunStatus::Success) << run.error;
  EXPECT_EQ(run.counts.added, static_cast<std::int64_t>(kDocuments));
  DocumentQuery query;
  query.source = source(1).id;
  auto documents = store_->documents(query);
  ASSERT_TRUE(documents.isOk()) << documents.status().message();
  ASSERT_EQ(documents->size(), kDocuments);
  for (const auto& d : *documents) {
    // The Latin-1 byte read as é, the HTML reference decoded: valid UTF-8 in the store.
    EXPECT_EQ(d.document.title.rfind(sim::kLegacyTitlePrefixRead, 0), 0u) << d.document.title;
  }
}

TEST_F(JdihSimulatorTest, harvestsPagedBasicAuthRssAndZeroResultsSites) {
  for (auto [behaviour, expected] : {std::pair{Behaviour::kPaged, kDocuments}, std::pair{Behaviour::kBasicAuth, kDocuments},
                                     std::pair{Behaviour::kWrongContentType, kDocuments},
                                     std::pair{Behaviour::kZeroResults, std::size_t{0}}}) {
    sim_->setBehaviour(1, behaviour);
    auto s = source(1);
    s.id += "-" + std::string(sim::behaviourName(behaviour));
    auto run = harvest(s);
    EXPECT_EQ(run.status, RunStatus::Success) << sim::behaviourName(behaviour) << ": " << run.error;
    EXPECT_EQ(run.counts.added, static_cast<std::int64_t>(expected)) << sim::behaviourName(behaviour);
  }
  sim_->setBehaviour(2, Behaviour::kRss);
  auto rss = harvest(source(2));
  EXPECT_EQ(rss.status, RunStatus::Success) << rss.error;
  EXPECT_GT(rss.counts.added, 0);
}

TEST_F(JdihSimulatorTest, eachFaultFailsWithItsReasonAndLeavesStoredDocumentsAsTheyWere) {
  struct Fault {
    SiteBehaviour behaviour;
    const char* reason;
  };
  SiteBehaviour oversized(Behaviour::kOversized);
  oversized.settings.oversizeBytes = 16ULL * 1024 * 1024;
  SiteBehaviour stall(Behaviour::kStall);
  stall.settings.hold = std::chrono::seconds(5);
  SiteBehaviour noAnswer(Behaviour::kNoAnswer);
  noAnswer.settings.hold = std::chrono::seconds(5);
  const std::vector<Fault> faults = {
      {Behaviour::kMaintenance503, "maintenance-status"},
      {Behaviour::kMaintenancePage, "maintenance-page"},
      {Behaviour::kTruncated, "invalid-payload"},
      {Behaviour::kHtml, "invalid-payload"},
      {oversized, "too-large"},
      {stall, "timeout"},
      {noAnswer, "timeout"},
      {Behaviour::kRedirectLoop, "too-many-redirects"},
      {Behaviour::kSchemaDrift, "schema-drift"},
      {Behaviour::kRateLimited, "http-429"},
      {Behaviour::kServerError, "http-5xx"},
      {SiteBehaviour::parse("server-error,status=404"), "http-4xx"},
  };
  auto s = source(0);
  ASSERT_EQ(harvest(s).status, RunStatus::Success);
  const std::string stored = snapshot(s.id);
  for (const auto& fault : faults) {
    sim_->setBehaviour(0, fault.behaviour);
    auto run = harvest(s);
    EXPECT_EQ(run.status, RunStatus::Failed) << sim::behaviourName(fault.behaviour.kind);
    EXPECT_EQ(run.errorReason, fault.reason) << sim::behaviourName(fault.behaviour.kind) << ": " << run.error;
    EXPECT_NE(run.error.find("127.0.0.1"), std::string::npos) << run.error;  // names the source's URL
    EXPECT_EQ(snapshot(s.id), stored) << sim::behaviourName(fault.behaviour.kind);
  }
}

TEST_F(JdihSimulatorTest, checkClassifiesTheSimulatedFaults) {
  const auto s = source(0);
  EXPECT_TRUE(check(s)) << check(s).message();
  sim_->setBehaviour(0, Behaviour::kSchemaDrift);
  const Status drift = check(s);
  EXPECT_EQ(drift.reason(), "schema-drift") << drift.message();
  EXPECT_NE(drift.message().find("field idData is missing"), std::string::npos) << drift.message();
  // Throttled mid-way: the first check passes, the next is refused.
  sim_->setBehaviour(0, SiteBehaviour::parse("rate-limited,after_requests=1,retry_after_s=60"));
  EXPECT_TRUE(check(s));
  EXPECT_EQ(check(s).reason(), "http-429");
  const std::vector<std::pair<const char*, const char*>> faults = {{"server-error", "http-5xx"},
                                                                    {"server-error,status=502", "http-5xx"},
                                                                    {"server-error,status=404", "http-4xx"},
                                                                    {"maintenance-503", "maintenance-status"}};
  for (const auto& [behaviour, reason] : faults) {
    sim_->setBehaviour(0, SiteBehaviour::parse(behaviour));
    EXPECT_EQ(check(s).reason(), reason) << behaviour;
  }
}

TEST_F(JdihSimulatorTest, readsHttpsOnlyFromATrustedCertificateThatHasNotExpired) {
  for (const sim::TlsMode mode : {sim::TlsMode::kSelfSigned, sim::TlsMode::kExpired}) {
    const bool expired = mode == sim::TlsMode::kExpired;
    sim::SimOptions options = sim::genericScenario(1, kDocuments, 7);
    options.threads = 16;
    options.tls = mode;
    sim_ = std::make_unique<sim::Simulator>(options);
    sim_->start();
    auto s = source(0);
    s.id += "-" + std::string(sim::tlsModeName(mode));
    ASSERT_EQ(s.options.getString("url").rfind("https://", 0), 0u);

    const HarvestSummary untrusted = harvest(s);  // the system's CAs do not know the simulator
    EXPECT_EQ(untrusted.errorReason, "tls") << untrusted.error;
    // Sources have no CA file setting (only verify_tls); a client of its own trusts the certificate.
    HttpClientConfig trusting;
    trusting.caFile = sim_->certificateFile().string();
    const Status trusted = check(s, std::make_unique<PocoHttpClient>(trusting));
    EXPECT_EQ(trusted.reason(), expired ? "tls" : "") << trusted.message();
    s.http.verifyTls = false;
    const HarvestSummary unverified = harvest(s);
    EXPECT_EQ(unverified.status, RunStatus::Success) << unverified.error;
    EXPECT_EQ(unverified.counts.added, static_cast<std::int64_t>(kDocuments));
  }
}

TEST_F(JdihSimulatorTest, aFailingSiteDoesNotAffectTheOthersInHarvestAll) {
  sim_->setBehaviour(1, Behaviour::kMaintenance503);
  dir_.write("hamhub.json", "{\"store\": \"sqlite:cli.db\", \"regions_dir\": \"" + test::sourcePath("config/regions").string() +
                                "\", \"criteria_dir\": \"" + test::sourcePath("config/criteria").string() + "\"}");
  sim_->writeSources(dir_ / "sources.d");
  auto r = test::runHamhub({"--config", (dir_ / "hamhub.json").string(), "harvest", "--all", "--format", "json"});
  EXPECT_EQ(r.exitCode, 1) << r.err;
  auto rows = parseJson(r.out);
  ASSERT_TRUE(rows.isOk()) << r.out;
  ASSERT_EQ(rows->asArray().size(), 3u);
  int ok = 0;
  for (const auto& row : rows->asArray()) {
    if (row.find("status")->asString() == "success") {
      ++ok;
      EXPECT_EQ(row.find("added")->asInt(), static_cast<std::int64_t>(kDocuments));
    } else {
      EXPECT_NE(row.find("error")->asString().find("HTTP 503"), std::string::npos);
    }
  }
  EXPECT_EQ(ok, 2);
  auto docs = test::runHamhub({"--config", (dir_ / "hamhub.json").string(), "documents", "--summary", "--format", "json"});
  ASSERT_EQ(docs.exitCode, 0) << docs.err;
  auto summary = parseJson(docs.out);
  ASSERT_TRUE(summary.isOk()) << docs.out;
  ASSERT_EQ(summary->asArray().size(), 3u);
  for (const auto& row : summary->asArray()) {
    const bool down = row.find("reason")->isString() && row.find("reason")->asString() == "maintenance-status";
    EXPECT_EQ(row.find("valid")->asBool(), !down);
    EXPECT_EQ(row.find("documents")->asInt(), down ? 0 : static_cast<std::int64_t>(kDocuments));
  }
  auto missing = test::runHamhub({"--config", (dir_ / "hamhub.json").string(), "documents", "--missing-metadata",
                                  "--format", "csv"});
  ASSERT_EQ(missing.exitCode, 0) << missing.err;
  EXPECT_NE(missing.out.find("missing_metadata"), std::string::npos);

  // The listing in each format, streamed: every document of the two sites that answered.
  const std::string config = (dir_ / "hamhub.json").string();
  auto json = test::runHamhub({"--config", config, "documents", "--format", "json"});
  ASSERT_EQ(json.exitCode, 0) << json.err;
  auto listed = parseJson(json.out);
  ASSERT_TRUE(listed.isOk()) << json.out.substr(0, 400);
  ASSERT_EQ(listed->asArray().size(), 2 * kDocuments);
  EXPECT_NE(listed->asArray()[0].find("missing_metadata"), nullptr);
  auto table = test::runHamhub({"--config", config, "documents", "--limit", "3"});
  ASSERT_EQ(table.exitCode, 0) << table.err;
  EXPECT_EQ(std::count(table.out.begin(), table.out.end(), '\n'), 4) << table.out;  // the header and 3 rows
  EXPECT_EQ(table.out.rfind("SOURCE", 0), 0u) << table.out;
  EXPECT_NE(table.err.find("3 documents"), std::string::npos) << table.err;
  auto none = test::runHamhub({"--config", config, "documents", "--source", "no-such-site", "--format", "json"});
  ASSERT_EQ(none.exitCode, 0) << none.err;
  EXPECT_EQ(none.out, "[]\n");
}

}  // namespace
}  // namespace hamhub::host

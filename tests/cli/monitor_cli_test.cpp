// The source monitor and `hamhub serve` end to end: real HTTP to hamhub-sim on 127.0.0.1, a real
// SQLite store, the hub as a child process (signals included).
#include <signal.h>
#include <sqlite3.h>

#include <fstream>
#include <regex>
#include <thread>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include "hamhub/json.h"
#include "host/store/store.h"
#include "simulator.h"
#include "store/store_test_env.h"
#include "support/background_process.h"
#include "support/hamhub_process.h"
#include "support/temp_dir.h"
#include "support/test_http_server.h"

namespace hamhub {
namespace {

using namespace std::chrono_literals;
using sim::Behaviour;
using sim::SiteBehaviour;

class MonitorCliTest : public ::testing::Test {
 protected:
  void startSim(std::size_t documents = 20, sim::TlsMode tls = sim::TlsMode::kNone, bool exports = false) {
    sim::SimOptions options = sim::sumselScenario(documents, 7);
    options.tls = tls;
    if (exports) sim::addExportSites(options);
    options.threads = 32;
    sim_ = std::make_unique<sim::Simulator>(options);
    sim_->start();
    sim_->writeSources(sources());
  }

  std::filesystem::path sources() const { return dir_.path() / "sources.d"; }

  // Short timeouts and a fast monitor, so every fault shows within seconds.
  void writeHub(const std::string& extra = "", const std::string& harvestExtra = "",
                const std::string& monitorExtra = "") {
    std::ofstream(dir_.path() / "hamhub.json")
        << R"({"store": ")" << store_ << R"(", "regions_dir": ")" << test::sourcePath("config/regions").string()
        << R"(", "criteria_dir": ")" << test::sourcePath("config/criteria").string() << R"(",
          "http": {"connect_timeout_ms": 1000, "read_timeout_ms": 800, "total_timeout_ms": 4000, "max_redirects": 3},
          "api": {"listen": "127.0.0.1:0"},
          "monitor": {)" << monitorExtra << R"("interval_s": 1, "degraded_ms": 400},
          "harvest": {)" << harvestExtra << R"("splay_s": 0, "grace_s": 5, "concurrency": 8, "per_host": 8,
                      "retry": {"base_s": 1, "max_attempts": 2, "max_delay_s": 2}})"
        << extra << "}";
  }

  void writeSource(const std::string& id, const std::string& url, const std::string& subject = "16.71") {
    std::ofstream(sources() / (id + ".json"))
        << R"({"id": ")" << id << R"(", "connector": "jdih", "subject": ")" << subject
        << R"(", "schedule": "0 2 * * *", "options": {"url": ")" << url << R"("}})";
  }

  std::vector<std::string> withConfig(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--config", (dir_.path() / "hamhub.json").string()});
    return args;
  }

  test::ProcessResult hub(const std::vector<std::string>& args) const { return test::runHamhub(withConfig(args)); }

  std::unique_ptr<test::BackgroundProcess> serve(const std::string& log = "serve.log") const {
    return std::make_unique<test::BackgroundProcess>(test::hamhubBinary(), withConfig({"--log-level", "info", "serve"}),
                                                     dir_.path() / log);
  }

  static JsonValue json(const test::ProcessResult& r) {
    auto parsed = parseJson(r.out);
    EXPECT_TRUE(parsed.isOk()) << r.out << r.err;
    return parsed.isOk() ? *parsed : JsonValue(JsonValue::Array{});
  }

  static const JsonValue* row(const JsonValue& rows, const std::string& key, const std::string& value) {
    for (const JsonValue& r : rows.asArray()) {
      if (r.find(key) != nullptr && r.find(key)->isString() && r.find(key)->asString() == value) return &r;
    }
    return nullptr;
  }

  std::string stateOf(const std::string& source) const {
    const auto r = hub({"sources", "--format", "json"});
    const JsonValue rows = json(r);
    const JsonValue* s = row(rows, "id", source);
    return s != nullptr && s->find("state")->isString() ? s->find("state")->asString() : "";
  }

  bool waitForState(const std::string& source, const std::string& state, std::chrono::seconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (stateOf(source) != state) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(300ms);
    }
    return true;
  }

  std::size_t site(const char* code) const { return *sim_->findSite(code); }

  test::TempDir dir_;
  std::string store_ = "sqlite:hub.db";
  std::unique_ptr<sim::Simulator> sim_;
};

TEST_F(MonitorCliTest, checkNamesStateReasonStatusAndLatencyForEveryFault) {
  startSim();
  SiteBehaviour slow(Behaviour::kSlow);
  slow.settings.delay = 600ms;
  SiteBehaviour noAnswer(Behaviour::kNoAnswer);
  noAnswer.settings.hold = 5s;
  SiteBehaviour stall(Behaviour::kStall);
  stall.settings.hold = 5s;
  sim_->setBehaviour(site("16.02"), slow);
  sim_->setBehaviour(site("16.03"), Behaviour::kMaintenancePage);
  sim_->setBehaviour(site("16.04"), Behaviour::kHtml);
  sim_->setBehaviour(site("16.05"), Behaviour::kBasicAuth);  // the source file has no credentials
  sim_->setBehaviour(site("16.06"), noAnswer);
  sim_->setBehaviour(site("16.07"), stall);
  sim_->setBehaviour(site("16.08"), Behaviour::kRedirectLoop);
  writeSource("refused", "http://127.0.0.1:1/integrasi/jdihn");
  writeSource("nodns", "http://jdih.nohost.invalid/integrasi/jdihn");
  writeHub();

  const auto r = hub({"check", "--format", "json"});
  EXPECT_EQ(r.exitCode, 1) << "some sources are down: " << r.err;
  const JsonValue rows = json(r);
  ASSERT_EQ(rows.asArray().size(), 19u) << r.out;
  struct Expect {
    std::string source, state, reason;
    int status;
  };
  const std::vector<Expect> expected = {
      {"jdih-16-01", "up", "ok", 200},
      {"jdih-16-02", "degraded", "slow", 200},
      {"jdih-16-73", "maintenance", "maintenance-status", 503},
      {"jdih-16-03", "maintenance", "maintenance-page", 200},
      {"jdih-16-04", "down", "invalid-payload", 200},
      {"jdih-16-05", "down", "http-4xx", 401},
      {"jdih-16-06", "down", "timeout", 0},
      {"jdih-16-07", "down", "timeout", 200},  // the headers came, then the body stalled
      {"jdih-16-08", "down", "too-many-redirects", 0},
      {"refused", "down", "connect-refused", 0},
      {"nodns", "down", "dns", 0},
  };
  for (const auto& e : expected) {
    const JsonValue* got = row(rows, "source", e.source);
    ASSERT_NE(got, nullptr) << e.source;
    EXPECT_EQ(got->find("state")->asString(), e.state) << e.source << ": " << toJson(*got);
    EXPECT_EQ(got->find("reason")->asString(), e.reason) << e.source << ": " << toJson(*got);
    const JsonValue* status = got->find("http_status");
    EXPECT_EQ(status->isNull() ? 0 : status->asInt(), e.status) << e.source;
    EXPECT_GE(got->find("latency_ms")->asInt(), 0);
  }
  EXPECT_GE(row(rows, "source", "jdih-16-02")->find("latency_ms")->asInt(), 600);

  // One failed check leaves a source PENDING; the second makes it an outage with an incident.
  EXPECT_EQ(stateOf("refused"), "pending");
  EXPECT_EQ(stateOf("jdih-16-01"), "up");
  const auto again = hub({"check", "--source", "refused", "--source", "jdih-16-73"});
  EXPECT_EQ(again.exitCode, 1);
  EXPECT_NE(again.out.find("connect-refused"), std::string::npos) << again.out;
  EXPECT_EQ(stateOf("refused"), "down");
  EXPECT_EQ(stateOf("jdih-16-73"), "maintenance");
  const JsonValue incidents = json(hub({"incidents", "--format", "json"}));
  const JsonValue* refused = row(incidents, "source", "refused");
  ASSERT_NE(refused, nullptr) << toJson(incidents);
  EXPECT_EQ(refused->find("state")->asString(), "down");
  EXPECT_EQ(refused->find("reason")->asString(), "connect-refused");
  EXPECT_TRUE(refused->find("ended_at")->isNull());
  ASSERT_NE(row(incidents, "source", "jdih-16-73"), nullptr);
  EXPECT_TRUE(json(hub({"incidents", "--source", "jdih-16-01", "--format", "json"})).asArray().empty());
  EXPECT_EQ(hub({"incidents", "--since", "yesterday"}).exitCode, 2);
  EXPECT_EQ(hub({"check", "--source", "nope"}).exitCode, 2);
}

TEST_F(MonitorCliTest, checkTellsThrottlingServerErrorsAndSchemaDrift) {
  startSim(20, sim::TlsMode::kNone, true);
  SiteBehaviour limited(Behaviour::kRateLimited);
  limited.settings.retryAfter = 30s;
  SiteBehaviour badGateway(Behaviour::kServerError);
  badGateway.settings.status = 502;
  SiteBehaviour bare503(Behaviour::kServerError);  // a 503 without Retry-After is maintenance too
  bare503.settings.status = 503;
  sim_->setBehaviour(site("16.01"), limited);
  sim_->setBehaviour(site("16.02"), badGateway);
  sim_->setBehaviour(site("16.03"), Behaviour::kSchemaDrift);
  sim_->setBehaviour(site("16.04"), bare503);
  // A connector without its own maintenance sniffing (the KKPHAM export): the host spots the page.
  sim_->setBehaviour(site("kkpham-16"), Behaviour::kMaintenancePage);
  writeHub();
  const JsonValue rows = json(hub({"check", "--source", "jdih-16-01", "--source", "jdih-16-02", "--source", "jdih-16-03",
                                   "--source", "jdih-16-04", "--source", "kkpham-16", "--format", "json"}));
  ASSERT_EQ(rows.asArray().size(), 5u);
  const auto expect = [&](const char* source, const char* state, const char* reason, int status) {
    const JsonValue* got = row(rows, "source", source);
    ASSERT_NE(got, nullptr) << source;
    EXPECT_EQ(got->find("state")->asString(), state) << toJson(*got);
    EXPECT_EQ(got->find("reason")->asString(), reason) << toJson(*got);
    EXPECT_EQ(got->find("http_status")->asInt(), status) << toJson(*got);
  };
  expect("jdih-16-01", "degraded", "http-429", 429);
  expect("jdih-16-02", "down", "http-5xx", 502);
  expect("jdih-16-03", "down", "schema-drift", 200);
  expect("jdih-16-04", "maintenance", "maintenance-status", 503);
  expect("kkpham-16", "maintenance", "maintenance-page", 200);
}

TEST_F(MonitorCliTest, refusesSelfSignedAndExpiredCertificatesUnlessTheSourceSaysOtherwise) {
  startSim(20, sim::TlsMode::kSelfSigned);
  const std::string url = sim_->siteUrl(site("16.71"));
  ASSERT_EQ(url.rfind("https://", 0), 0u) << url;
  writeHub();
  writeSource("trusted", url);
  std::ofstream(sources() / "insecure.json")
      << R"({"id": "insecure", "connector": "jdih", "subject": "16.71", "options": {"url": ")" << url
      << R"("}, "http": {"verify_tls": false}})";
  std::ofstream(sources() / "own-ca.json")
      << R"({"id": "own-ca", "connector": "jdih", "subject": "16.71", "options": {"url": ")" << url
      << R"("}, "http": {"ca_file": ")" << sim_->certificateFile().string() << R"("}})";
  const JsonValue rows = json(hub({"check", "--source", "trusted", "--source", "insecure", "--source", "own-ca",
                                   "--format", "json"}));
  ASSERT_EQ(rows.asArray().size(), 3u);
  EXPECT_EQ(row(rows, "source", "trusted")->find("reason")->asString(), "tls");
  EXPECT_EQ(row(rows, "source", "trusted")->find("state")->asString(), "down");
  EXPECT_EQ(row(rows, "source", "insecure")->find("state")->asString(), "up");
  EXPECT_EQ(row(rows, "source", "own-ca")->find("state")->asString(), "up");
}

TEST_F(MonitorCliTest, anExpiredCertificateIsRefusedEvenFromATrustedIssuer) {
  startSim(20, sim::TlsMode::kExpired);
  writeHub();
  std::ofstream(sources() / "own-ca.json")
      << R"({"id": "own-ca", "connector": "jdih", "subject": "16.71", "options": {"url": ")"
      << sim_->siteUrl(site("16.71")) << R"("}, "http": {"ca_file": ")" << sim_->certificateFile().string() << R"("}})";
  const JsonValue rows = json(hub({"check", "--source", "own-ca", "--format", "json"}));
  ASSERT_EQ(rows.asArray().size(), 1u);
  EXPECT_EQ(rows.asArray()[0].find("reason")->asString(), "tls");
  EXPECT_NE(rows.asArray()[0].find("detail")->asString().find("expired"), std::string::npos)
      << toJson(rows.asArray()[0]);
}

TEST_F(MonitorCliTest, aFlappingSiteOpensAndClosesIncidentsWithoutStoppingTheHub) {
  startSim();
  SiteBehaviour flapping(Behaviour::kFlapping);
  flapping.settings.flapPeriod = 1500ms;
  flapping.settings.retryAfter = 0s;
  sim_->setBehaviour(site("16.71"), flapping);
  for (const auto& f : std::filesystem::directory_iterator(sources())) {
    if (f.path().filename() != "jdih-16-71.json") std::filesystem::remove(f.path());
  }
  // failures_to_down 1: every failed probe is an outage, so the flaps show as incidents.
  writeHub(R"(, "timezone": "UTC")", "", R"("failures_to_down": 1, )");
  auto hub1 = serve();
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  std::size_t closed = 0;
  while (closed < 2 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(500ms);
    closed = 0;
    const JsonValue incidents = json(hub({"incidents", "--format", "json"}));
    for (const JsonValue& i : incidents.asArray()) {
      closed += i.find("ended_at")->isString() ? 1 : 0;
    }
  }
  EXPECT_GE(closed, 2u) << hub1->output();
  const JsonValue rows = json(hub({"sources", "--format", "json"}));
  const JsonValue* flapper = row(rows, "id", "jdih-16-71");
  ASSERT_NE(flapper, nullptr) << toJson(rows) << hub1->output();
  ASSERT_TRUE(flapper->find("uptime_24h")->isNumber()) << toJson(*flapper);
  const double uptime = flapper->find("uptime_24h")->asNumber();
  EXPECT_GT(uptime, 0.0);
  EXPECT_LT(uptime, 100.0);
  hub1->signal(SIGTERM);
  EXPECT_EQ(hub1->wait(15s), 0) << hub1->output();
}

TEST_F(MonitorCliTest, serveHarvestsOnStartProbesReloadsOnHupAndStopsOnTerm) {
  startSim();
  writeHub();
  auto hub1 = serve();
  ASSERT_TRUE(hub1->waitForOutput("scheduling 17 sources", 10s)) << hub1->output();
  // Never harvested: every source is caught up at start-up; Lubuk Linggau's maintenance is seen.
  ASSERT_TRUE(waitForState("jdih-16-73", "maintenance", 20s)) << hub1->output();
  ASSERT_TRUE(waitForState("jdih-16-71", "up", 20s)) << hub1->output();
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  JsonValue rows;
  for (;;) {
    rows = json(hub({"sources", "--format", "json"}));
    int done = 0;
    for (const JsonValue& r : rows.asArray()) done += r.find("last_status")->isString() ? 1 : 0;
    if (done == 17 || std::chrono::steady_clock::now() > deadline) break;
    std::this_thread::sleep_for(300ms);
  }
  for (const JsonValue& r : rows.asArray()) {
    const std::string id = r.find("id")->asString();
    ASSERT_TRUE(r.find("last_status")->isString()) << id;
    EXPECT_EQ(r.find("last_status")->asString(), id == "jdih-16-73" ? "failed" : "success") << id;
    EXPECT_TRUE(r.find("next_run")->isString()) << id;
    EXPECT_TRUE(r.find("uptime_24h")->isNumber()) << id;
  }
  EXPECT_LT(row(rows, "id", "jdih-16-73")->find("uptime_24h")->asNumber(), 100.0);

  // The API it serves: /healthz says the store and the scheduler are fine, /metrics shows states.
  const std::regex api(R"(API on http://127\.0\.0\.1:(\d+)/api/v1)");
  std::smatch port;
  const std::string log = hub1->output();
  ASSERT_TRUE(std::regex_search(log, port, api)) << log;
  {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(std::stoi(port[1])));
    Poco::Net::HTTPRequest request("GET", "/metrics");
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::string body;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
    EXPECT_EQ(response.getStatus(), 200);
    EXPECT_NE(body.find("hamhub_source_state{source=\"jdih-16-73\",state=\"maintenance\"} 1"), std::string::npos) << body;
    EXPECT_NE(body.find("hamhub_scheduler_running 1"), std::string::npos);
  }

  // A broken file is refused and the old configuration keeps running; a good one is taken.
  std::ofstream(sources() / "broken.json") << "{\"id\": ";
  hub1->signal(SIGHUP);
  ASSERT_TRUE(hub1->waitForOutput("reload refused", 10s)) << hub1->output();
  std::filesystem::remove(sources() / "broken.json");
  writeSource("jdih-extra", sim_->siteUrl(site("16.01")), "16.01");
  hub1->signal(SIGHUP);
  ASSERT_TRUE(hub1->waitForOutput("configuration reloaded: 18 sources", 10s)) << hub1->output();
  ASSERT_TRUE(waitForState("jdih-extra", "up", 20s)) << hub1->output();

  hub1->signal(SIGTERM);
  EXPECT_EQ(hub1->wait(15s), 0) << hub1->output();
  const JsonValue incidents = json(hub({"incidents", "--source", "jdih-16-73", "--format", "json"}));
  ASSERT_EQ(incidents.asArray().size(), 1u) << toJson(incidents);
  EXPECT_EQ(incidents.asArray()[0].find("state")->asString(), "maintenance");
  EXPECT_EQ(incidents.asArray()[0].find("reason")->asString(), "maintenance-status");
}

// serve scores and evaluates the alert rules after its harvests, and sends each new alert once
// through a webhook channel: Lubuk Linggau's JDIH in maintenance puts its IRH indicator at risk.
TEST_F(MonitorCliTest, serveNotifiesAWebhookOnceWhenAnAlertOpens) {
  startSim();
  test::TestHttpServer receiver;
  std::mutex mutex;
  std::vector<std::string> bodies;
  receiver.route("/hook", [&](test::TestHttpServer::Request& request, test::TestHttpServer::Response& response) {
    std::string body;
    Poco::StreamCopier::copyToString(request.stream(), body);
    {
      std::lock_guard lock(mutex);
      bodies.push_back(body);
    }
    response.setStatus(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
    response.send();
  });
  writeHub(R"(, "notify": {"channels": [{"id": "hook", "plugin": "webhook", "min_severity": "critical",
              "options": {"url": ")" + receiver.url("/hook") + R"("}}]})");
  auto hub1 = serve();
  // Without KKPHAM or RANHAM data every kab/kota is also missing its reports: those alerts go too.
  const auto count = [&](const std::string& text) {
    std::lock_guard lock(mutex);
    return std::count_if(bodies.begin(), bodies.end(),
                         [&](const std::string& b) { return text.empty() || b.find(text) != std::string::npos; });
  };
  const auto deadline = std::chrono::steady_clock::now() + 40s;
  while (count("irh.jdih-unavailable") == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(200ms);
  }
  ASSERT_EQ(count("irh.jdih-unavailable"), 1) << hub1->output();
  EXPECT_GE(count("\"region\":\"16\""), 1);
  std::this_thread::sleep_for(2s);
  const auto sent = count("");
  // Later evaluations (a reload, the next interval) find the same alerts: nothing is sent again.
  hub1->signal(SIGHUP);
  std::this_thread::sleep_for(3s);
  EXPECT_EQ(count(""), sent);
  EXPECT_EQ(count("irh.jdih-unavailable"), 1);
  hub1->signal(SIGTERM);
  EXPECT_EQ(hub1->wait(30s), 0) << hub1->output();
}

TEST_F(MonitorCliTest, aKilledServeLeavesNoRunningRunAfterRestart) {
  startSim();
  SiteBehaviour slow(Behaviour::kSlow);
  slow.settings.delay = 30s;
  sim_->setBehaviour(site("16.71"), slow);
  writeHub(R"(, "timezone": "Asia/Jakarta")");
  {
    auto hub1 = serve();
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    bool running = false;
    while (!running && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(200ms);
      auto store = host::Store::open("sqlite:hub.db", dir_.path());
      if (!store.isOk()) continue;
      auto runs = (*store)->runningRuns();
      running = runs.isOk() && std::any_of(runs->begin(), runs->end(), [](const auto& r) { return r.source == "jdih-16-71"; });
    }
    ASSERT_TRUE(running) << hub1->output();
    hub1->signal(SIGKILL);
    EXPECT_EQ(hub1->wait(5s), 128 + SIGKILL);
  }
  sim_->setBehaviour(site("16.71"), Behaviour::kNormal);
  auto hub2 = serve("serve2.log");
  ASSERT_TRUE(hub2->waitForOutput("run(s) left running by a hub that stopped", 10s)) << hub2->output();
  hub2->signal(SIGTERM);
  EXPECT_EQ(hub2->wait(15s), 0) << hub2->output();
  auto store = host::Store::open("sqlite:hub.db", dir_.path());
  ASSERT_TRUE(store.isOk());
  auto runs = (*store)->runs(std::string("jdih-16-71"), 0);
  ASSERT_TRUE(runs.isOk());
  bool interrupted = false;
  for (const auto& r : *runs) {
    EXPECT_NE(r.status, host::RunStatus::Running);
    interrupted = interrupted || r.errorReason == "interrupted";
  }
  EXPECT_TRUE(interrupted);
}

// The store taking no writes for longer than SQLite's busy timeout (another process holds its
// write lock): harvests fail cleanly, the source is not blamed, and harvesting resumes after.
TEST_F(MonitorCliTest, aStoreThatTakesNoWritesForAWhileDelaysHarvestsWithoutLosingThem) {
  startSim();
  SiteBehaviour slow(Behaviour::kSlow);
  slow.settings.delay = 600ms;  // under the 800 ms read timeout: time for the lock to be taken first
  sim_->setBehaviour(site("16.71"), slow);
  writeHub(R"(, "timezone": "UTC")");
  for (const auto& f : std::filesystem::directory_iterator(sources())) {
    if (f.path().filename() != "jdih-16-71.json") std::filesystem::remove(f.path());
  }
  auto hub1 = serve();
  ASSERT_TRUE(hub1->waitForOutput("scheduling 1 sources", 10s)) << hub1->output();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_.path() / "hub.db").c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  ASSERT_EQ(sqlite3_exec(db, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  EXPECT_TRUE(hub1->waitForOutput("the store failed", 25s)) << hub1->output();
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  ASSERT_TRUE(hub1->waitForOutput("harvest succeeded", 20s)) << hub1->output();
  hub1->signal(SIGTERM);
  EXPECT_EQ(hub1->wait(15s), 0) << hub1->output();
  EXPECT_EQ(hub1->output().find("breaker open"), std::string::npos);

  auto store = host::Store::open("sqlite:hub.db", dir_.path());
  ASSERT_TRUE(store.isOk());
  auto running = (*store)->runningRuns();
  ASSERT_TRUE(running.isOk());
  EXPECT_TRUE(running->empty()) << "a run refused by the locked store is ended once it takes writes";
  host::RecordQuery all;
  all.source = "jdih-16-71";
  auto records = (*store)->records(all);
  ASSERT_TRUE(records.isOk());
  EXPECT_EQ(records->size(), 20u);
}

// A PostgreSQL store that is full for a while (every write to records fails with SQLSTATE 53100,
// as a full disk makes it): the harvest fails cleanly, nothing of it is stored, and it resumes
// once the store takes writes again.
TEST_F(MonitorCliTest, aFullPostgresStoreFailsHarvestsCleanlyAndTheyResume) {
  const auto base = host::test::testPostgresUrl();
  if (!base) {
    if (host::test::skipPostgres()) GTEST_SKIP() << host::test::missingPostgresHelp();
    FAIL() << host::test::missingPostgresHelp();
  }
  host::test::PostgresSchema schema(*base);
  ASSERT_TRUE(host::Store::open(schema.url(), dir_.path()).isOk());  // creates the tables
  host::test::execSql(schema.url(), dir_.path(),
                      "CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                      "RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; "
                      "END $$");
  host::test::execSql(schema.url(), dir_.path(),
                      "CREATE TRIGGER full_disk BEFORE INSERT OR UPDATE ON records FOR EACH ROW EXECUTE FUNCTION disk_full()");
  startSim();
  store_ = schema.url();
  writeHub(R"(, "timezone": "UTC")");
  for (const auto& f : std::filesystem::directory_iterator(sources())) {
    if (f.path().filename() != "jdih-16-71.json") std::filesystem::remove(f.path());
  }
  auto hub1 = serve();
  ASSERT_TRUE(hub1->waitForOutput("the store failed", 20s)) << hub1->output();
  EXPECT_NE(hub1->output().find("No space left on device"), std::string::npos);
  EXPECT_EQ(host::test::querySql(schema.url(), dir_.path(), "SELECT COUNT(*) FROM records"), "0");
  host::test::execSql(schema.url(), dir_.path(), "DROP TRIGGER full_disk ON records");
  ASSERT_TRUE(hub1->waitForOutput("harvest succeeded", 20s)) << hub1->output();
  hub1->signal(SIGTERM);
  EXPECT_EQ(hub1->wait(15s), 0) << hub1->output();
  EXPECT_EQ(host::test::querySql(schema.url(), dir_.path(), "SELECT COUNT(*) FROM records"), "20");
  EXPECT_EQ(host::test::querySql(schema.url(), dir_.path(), "SELECT COUNT(*) FROM harvest_runs WHERE status = 'running'"),
            "0");
  EXPECT_EQ(hub1->output().find("breaker open"), std::string::npos);
}

TEST_F(MonitorCliTest, retriesThenOpensTheBreakerAndClosesItWhenAProbeSucceeds) {
  startSim();
  SiteBehaviour down(Behaviour::kMaintenance503);
  down.settings.retryAfter = 1s;
  sim_->setBehaviour(site("16.71"), down);
  writeHub(R"(, "timezone": "UTC")", R"("breaker_failures": 3, )");
  // Only the one source, to keep the log readable.
  for (const auto& f : std::filesystem::directory_iterator(sources())) {
    if (f.path().filename() != "jdih-16-71.json") std::filesystem::remove(f.path());
  }
  auto hub1 = serve();
  ASSERT_TRUE(hub1->waitForOutput("retry 1 of 2", 20s)) << hub1->output();
  ASSERT_TRUE(hub1->waitForOutput("breaker open after 3 failed harvests", 30s)) << hub1->output();
  sim_->setBehaviour(site("16.71"), Behaviour::kNormal);
  ASSERT_TRUE(hub1->waitForOutput("breaker closed", 20s)) << hub1->output();
  ASSERT_TRUE(hub1->waitForOutput("harvest succeeded", 20s)) << hub1->output();
  hub1->signal(SIGTERM);
  EXPECT_EQ(hub1->wait(15s), 0) << hub1->output();
}

}  // namespace
}  // namespace hamhub

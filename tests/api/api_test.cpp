// The REST API over real HTTP on 127.0.0.1 with a real SQLite store: tokens and roles, province
// scopes, errors as JSON, the body limit, /healthz and /metrics.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

#include "hamhub/json.h"
#include "host/api/api_server.h"
#include "host/store/store.h"
#include "support/temp_dir.h"

namespace hamhub::host {
namespace {

constexpr const char* kAdmin = "admin-token-0123456789";
constexpr const char* kSumsel = "kanwil-16-token-0123456789";
constexpr const char* kJabar = "kanwil-32-token-0123456789";

SourceConfig source(const std::string& id, const std::string& subject) {
  SourceConfig s;
  s.id = id;
  s.connector = "jdih";
  s.subjects = {subject};
  s.schedule = "0 2 * * *";
  return s;
}

struct Reply {
  int status = 0;
  std::string contentType;
  std::string body;
  JsonValue json;
};

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Store::open("sqlite:hub.db", dir_.path());
    ASSERT_TRUE(opened.isOk()) << opened.status().message();
    store_ = std::move(*opened);
    // Two sources of Sumatera Selatan (16), one of Jawa Barat (32): health, an incident, runs.
    const auto health = [](const std::string& id, HealthState state, const std::string& reason) {
      SourceHealth h;
      h.source = id;
      h.state = state;
      h.reason = reason;
      h.since = h.checkedAt = "2026-11-28T00:00:00Z";
      h.httpStatus = state == HealthState::Maintenance ? 503 : 200;
      h.latencyMs = 42;
      return h;
    };
    ASSERT_TRUE(store_->recordHealth(health("jdih-16-71", HealthState::Up, "ok"), true, false));
    ASSERT_TRUE(store_->recordHealth(health("jdih-16-73", HealthState::Maintenance, "maintenance-status"), true, false));
    ASSERT_TRUE(store_->recordHealth(health("jdih-32-73", HealthState::Down, "timeout"), true, false));
    for (const char* id : {"jdih-16-71", "jdih-32-73"}) {
      auto run = store_->beginRun(id);
      ASSERT_TRUE(run.isOk());
      ASSERT_TRUE(store_->finishRun(RunOutcome{*run, RunStatus::Success, {3, 0, 0, 0, 0}, "", ""}));
    }
    ApiSettings settings;
    settings.listen = "127.0.0.1:0";
    settings.maxBodyBytes = 1024;
    settings.tokens = {{kAdmin, "admin", ""}, {kSumsel, "viewer", "16"}, {kJabar, "operator", "32"}};
    ApiContext context;
    context.store = store_.get();
    context.sources = [] {
      return std::vector<SourceConfig>{source("jdih-16-71", "16.71"), source("jdih-16-73", "16.73"),
                                       source("jdih-32-73", "32.73")};
    };
    context.schedulerAlive = [this] { return schedulerAlive_; };
    context.provinceOf = {{"16.71", "16"}, {"16.73", "16"}, {"32.73", "32"}};
    server_ = std::make_unique<ApiServer>(settings, context);
    ASSERT_TRUE(server_->start());
  }

  Reply call(const std::string& method, const std::string& uri, const std::string& token = "",
             const std::string& body = "") {
    Poco::Net::HTTPClientSession session("127.0.0.1", server_->port());
    Poco::Net::HTTPRequest request(method, uri, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token.empty()) request.set("Authorization", std::string("Bearer ") + token);
    if (!body.empty()) request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    Reply r;
    r.status = response.getStatus();
    r.contentType = response.getContentType();
    Poco::StreamCopier::copyToString(in, r.body);
    if (r.contentType.rfind("application/json", 0) == 0) {
      auto parsed = parseJson(r.body);
      EXPECT_TRUE(parsed.isOk()) << r.body;
      if (parsed.isOk()) r.json = *parsed;
    }
    return r;
  }

  static std::vector<std::string> ids(const JsonValue& rows, const char* key) {
    std::vector<std::string> out;
    for (const auto& row : rows.asArray()) out.push_back(row.find(key)->asString());
    return out;
  }

  test::TempDir dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<ApiServer> server_;
  bool schedulerAlive_ = true;
};

TEST_F(ApiTest, aTokenSeesItsProvinceOnlyAndAnAdminSeesAll) {
  const Reply all = call("GET", "/api/v1/sources", kAdmin);
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(ids(all.json, "id"), (std::vector<std::string>{"jdih-16-71", "jdih-16-73", "jdih-32-73"}));
  const Reply sumsel = call("GET", "/api/v1/sources", kSumsel);
  ASSERT_EQ(sumsel.status, 200);
  EXPECT_EQ(ids(sumsel.json, "id"), (std::vector<std::string>{"jdih-16-71", "jdih-16-73"}));
  const JsonValue& maintenance = sumsel.json.asArray()[1];
  EXPECT_EQ(maintenance.find("health")->find("state")->asString(), "maintenance");
  EXPECT_EQ(maintenance.find("health")->find("reason")->asString(), "maintenance-status");
  EXPECT_EQ(maintenance.find("health")->find("http_status")->asInt(), 503);
  EXPECT_NE(maintenance.find("uptime_percent")->find("24h"), nullptr);

  EXPECT_EQ(call("GET", "/api/v1/sources/jdih-16-73", kSumsel).status, 200);
  const Reply other = call("GET", "/api/v1/sources/jdih-32-73", kSumsel);
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(other.json.find("error")->find("status")->asInt(), 403);
  EXPECT_EQ(call("GET", "/api/v1/sources/nope", kAdmin).status, 404);

  EXPECT_EQ(ids(call("GET", "/api/v1/incidents", kSumsel).json, "source"), (std::vector<std::string>{"jdih-16-73"}));
  EXPECT_EQ(ids(call("GET", "/api/v1/incidents", kJabar).json, "source"), (std::vector<std::string>{"jdih-32-73"}));
  EXPECT_EQ(ids(call("GET", "/api/v1/runs", kSumsel).json, "source"), (std::vector<std::string>{"jdih-16-71"}));
  EXPECT_EQ(call("GET", "/api/v1/runs?limit=1", kAdmin).json.asArray().size(), 1u);
}

TEST_F(ApiTest, refusesMissingAndUnknownTokensAndBadRequestsWithJsonErrors) {
  const Reply none = call("GET", "/api/v1/sources");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.json.find("error")->find("message")->asString(), "give a token: Authorization: Bearer TOKEN");
  EXPECT_EQ(call("GET", "/api/v1/sources", "not-a-token-at-all").status, 401);
  EXPECT_EQ(call("GET", "/api/v1/sources", std::string(kAdmin) + "x").status, 401);
  EXPECT_EQ(call("GET", "/api/v1/nothing-here", kAdmin).status, 404);
  EXPECT_EQ(call("GET", "/elsewhere", kAdmin).status, 404);
  EXPECT_EQ(call("DELETE", "/api/v1/sources", kAdmin).status, 405);
  EXPECT_EQ(call("GET", "/api/v1/runs?limit=abc", kAdmin).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/runs?limit=100000", kAdmin).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/incidents?since=yesterday", kAdmin).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/incidents?since=%zz", kAdmin).status, 400);
  const Reply huge = call("POST", "/api/v1/sources", kAdmin, std::string(4096, 'x'));
  EXPECT_EQ(huge.status, 413);
}

TEST_F(ApiTest, describesEveryPathInItsOpenApiDocument) {
  const Reply doc = call("GET", "/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  EXPECT_EQ(doc.json.find("openapi")->asString(), "3.0.3");
  const JsonValue* paths = doc.json.find("paths");
  ASSERT_NE(paths, nullptr);
  for (const char* path : {"/healthz", "/metrics", "/api/v1/openapi.json", "/api/v1/sources", "/api/v1/sources/{id}",
                           "/api/v1/incidents", "/api/v1/runs"}) {
    EXPECT_NE(paths->find(path), nullptr) << path;
  }
  // Every path listed answers (with a token where one is needed), none with 404.
  for (const auto& [path, ops] : paths->asObject()) {
    std::string uri = path;
    if (const auto brace = uri.find("{id}"); brace != std::string::npos) uri.replace(brace, 4, "jdih-16-71");
    EXPECT_NE(call("GET", uri, kAdmin).status, 404) << uri;
  }
}

TEST_F(ApiTest, healthzReflectsTheStoreAndTheScheduler) {
  const Reply ok = call("GET", "/healthz");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json.find("status")->asString(), "ok");
  schedulerAlive_ = false;
  const Reply stopped = call("GET", "/healthz");
  EXPECT_EQ(stopped.status, 503);
  EXPECT_EQ(stopped.json.find("scheduler")->asString(), "stopped");
}

// Checked line by line against the text exposition format 0.0.4 (what promtool checks): every
// sample belongs to a family declared by HELP and TYPE, names and labels are well-formed, values
// are numbers.
TEST_F(ApiTest, metricsAreValidPrometheusText) {
  const Reply metrics = call("GET", "/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_EQ(metrics.contentType, "text/plain; version=0.0.4; charset=utf-8");
  static const std::regex kHelp(R"(# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+)");
  static const std::regex kType(R"(# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped))");
  static const std::regex kSample(
      R"(([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*\})? (-?[0-9.eE+-]+|NaN|\+Inf|-Inf))");
  std::set<std::string> typed;
  std::istringstream lines(metrics.body);
  std::string line;
  int samples = 0;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (std::regex_match(line, m, kHelp)) continue;
    if (std::regex_match(line, m, kType)) {
      EXPECT_TRUE(typed.insert(m[1]).second) << "TYPE twice: " << line;
      continue;
    }
    ASSERT_TRUE(std::regex_match(line, m, kSample)) << "not a sample: " << line;
    std::string family = m[1];
    EXPECT_TRUE(typed.count(family) != 0) << "sample before its TYPE: " << line;
    ++samples;
  }
  EXPECT_GT(samples, 10);
  EXPECT_NE(metrics.body.find("hamhub_source_state{source=\"jdih-16-73\",state=\"maintenance\"} 1"), std::string::npos);
  EXPECT_NE(metrics.body.find("hamhub_harvest_runs_total{status=\"success\"} 2"), std::string::npos);
  EXPECT_NE(metrics.body.find("hamhub_incidents_open{state=\"down\"} 1"), std::string::npos);
}

}  // namespace
}  // namespace hamhub::host

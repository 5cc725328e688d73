// The REST API over real HTTP on 127.0.0.1 with a real SQLite store: tokens and roles, province
// scopes, errors as JSON, the body limit, /healthz and /metrics.
#include <regex>
#include <set>
#include <sstream>

#include "api/api_fixture.h"
#include "support/hamhub_process.h"

namespace hamhub::host {
namespace {

TEST_F(ApiTest, aTokenSeesItsProvinceOnlyAndAnAdminSeesAll) {
  const Reply all = call("GET", "/api/v1/sources", kAdmin);
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(ids(all.json, "id"), (std::vector<std::string>{"jdih-16-71", "jdih-16-73", "jdih-31-71"}));
  const Reply sumsel = call("GET", "/api/v1/sources", kSumsel);
  ASSERT_EQ(sumsel.status, 200);
  EXPECT_EQ(ids(sumsel.json, "id"), (std::vector<std::string>{"jdih-16-71", "jdih-16-73"}));
  const JsonValue& maintenance = sumsel.json.asArray()[1];
  EXPECT_EQ(maintenance.find("health")->find("state")->asString(), "maintenance");
  EXPECT_EQ(maintenance.find("health")->find("reason")->asString(), "maintenance-status");
  EXPECT_EQ(maintenance.find("health")->find("http_status")->asInt(), 503);
  EXPECT_NE(maintenance.find("uptime_percent")->find("24h"), nullptr);

  EXPECT_EQ(call("GET", "/api/v1/sources/jdih-16-73", kSumsel).status, 200);
  const Reply other = call("GET", "/api/v1/sources/jdih-31-71", kSumsel);
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(other.json.find("error")->find("status")->asInt(), 403);
  EXPECT_EQ(call("GET", "/api/v1/sources/nope", kAdmin).status, 404);

  EXPECT_EQ(ids(call("GET", "/api/v1/incidents", kSumsel).json, "source"), (std::vector<std::string>{"jdih-16-73"}));
  EXPECT_EQ(ids(call("GET", "/api/v1/incidents", kJakarta).json, "source"), (std::vector<std::string>{"jdih-31-71"}));
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
  for (const char* path : {"/healthz", "/metrics", "/api/v1/openapi.json", "/api/v1/me", "/api/v1/sources",
                           "/api/v1/sources/{id}", "/api/v1/incidents", "/api/v1/runs", "/api/v1/subjects",
                           "/api/v1/subjects/{id}", "/api/v1/documents", "/api/v1/scores",
                           "/api/v1/scores/{subject}/{instrument}/{period}", "/api/v1/regions/{code}/completeness", "/api/v1/alerts",
                           "/api/v1/alerts/{id}/acknowledge"}) {
    EXPECT_NE(paths->find(path), nullptr) << path;
  }
  // Every path listed answers its method (with a token where one is needed), none with 404 or 405.
  const std::vector<std::pair<std::string, std::string>> examples = {
      {"{id}", "1"}, {"{subject}", "16.71"}, {"{instrument}", "kkpham"}, {"{period}", "2024"}, {"{code}", "16"}};
  for (const auto& [path, ops] : paths->asObject()) {
    std::string uri = path;
    for (const auto& [name, value] : examples) {
      if (const auto brace = uri.find(name); brace != std::string::npos) uri.replace(brace, name.size(), value);
    }
    if (uri == "/api/v1/sources/1") uri = "/api/v1/sources/jdih-16-71";
    if (uri == "/api/v1/subjects/1") uri = "/api/v1/subjects/16.71";
    for (const auto& [method, operation] : ops.asObject()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const int status = call(upper, uri, kAdmin).status;
      EXPECT_NE(status, 404) << upper << " " << uri;
      EXPECT_NE(status, 405) << upper << " " << uri;
    }
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
  EXPECT_NE(metrics.body.find("hamhub_alerts{state=\"open\",severity=\"critical\"} 2"), std::string::npos);
  EXPECT_NE(metrics.body.find("hamhub_alerts{state=\"open\",severity=\"warning\"} 2"), std::string::npos);
  EXPECT_NE(metrics.body.find("hamhub_alerts{state=\"acknowledged\",severity=\"info\"} 0"), std::string::npos);
}

// The reference check: Prometheus's own linter on a live /metrics. Debian's `prometheus` package
// carries promtool; .ci/dev.sh installs it.
TEST_F(ApiTest, promtoolAcceptsTheMetrics) {
  const auto found = test::runProcess("/bin/sh", {"-c", "command -v promtool"});
  if (found.exitCode != 0) {
    GTEST_SKIP() << "SKIPPED: promtool is not installed (apt-get install prometheus; bash .ci/dev.sh does), so "
                    "/metrics was NOT checked by Prometheus's linter";
  }
  const Reply metrics = call("GET", "/metrics");
  ASSERT_EQ(metrics.status, 200);
  const auto file = dir_.write("metrics.txt", metrics.body);
  const auto checked = test::runProcess("/bin/sh", {"-c", "promtool check metrics < \"$0\"", file.string()});
  EXPECT_EQ(checked.exitCode, 0) << checked.out << checked.err;
  EXPECT_EQ(checked.out + checked.err, "") << metrics.body;
}

}  // namespace
}  // namespace hamhub::host

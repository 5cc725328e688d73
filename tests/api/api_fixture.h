#pragma once

// The REST API test fixture: an ApiServer on 127.0.0.1 (port 0) over a real SQLite store seeded
// with the dashboard fixture (support/dashboard_fixture.h), and a client that speaks real HTTP.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "hamhub/json.h"
#include "host/api/api_server.h"
#include "host/criteria/criteria_loader.h"
#include "host/store/store.h"
#include "support/dashboard_fixture.h"
#include "support/temp_dir.h"

namespace hamhub::host {

inline constexpr const char* kAdmin = "admin-token-0123456789";
inline constexpr const char* kSumsel = "kanwil-16-token-0123456789";           // viewer, province 16
inline constexpr const char* kSumselOperator = "kanwil-16-operator-0123456789";  // operator "Budi (Kanwil Sumsel)"
inline constexpr const char* kJakarta = "kanwil-31-token-0123456789";          // operator, province 31, no name

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
    ASSERT_TRUE(test::seedDashboardStore(*store_));
    ConfigIssues issues;
    auto criteria = std::make_shared<CriteriaCatalog>(
        CriteriaCatalog::load(std::filesystem::path(HAMHUB_SOURCE_DIR) / "config" / "criteria", issues));
    ASSERT_TRUE(issues.empty());
    ApiSettings settings;
    settings.listen = "127.0.0.1:0";
    settings.maxBodyBytes = 1024;
    settings.tokens = {{kAdmin, "admin", "", ""},
                       {kSumsel, "viewer", "16", ""},
                       {kSumselOperator, "operator", "16", "Budi (Kanwil Sumsel)"},
                       {kJakarta, "operator", "31", ""}};
    ApiContext context;
    context.store = store_.get();
    context.sources = [] { return test::dashboardSources(); };
    context.schedulerAlive = [this] { return schedulerAlive_; };
    for (const Subject& s : test::dashboardSubjects()) context.provinceOf[s.id] = s.province;
    context.criteria = std::move(criteria);
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

}  // namespace hamhub::host

// `hamhub config check` on notify channels and `hamhub notify test`, run as the real binary.

#include <gtest/gtest.h>

#include <Poco/StreamCopier.h>

#include "support/hamhub_process.h"
#include "support/temp_dir.h"
#include "support/test_http_server.h"

namespace hamhub::test {
namespace {

class NotifyCliTest : public ::testing::Test {
 protected:
  void writeHub(const std::string& channels) {
    config_ = dir_.write("hamhub.json", R"({"store": "sqlite:hub.db", "regions_dir": ")" +
                                            sourcePath("config/regions").string() + R"(", "criteria_dir": ")" +
                                            sourcePath("config/criteria").string() + R"(", "plugin_dirs": [")" +
                                            builtPluginDir().string() + R"("], "notify": {"channels": [)" +
                                            channels + "]}}");
    std::filesystem::create_directories(dir_ / "sources.d");
  }
  ProcessResult hamhub(std::vector<std::string> args) {
    args.insert(args.begin(), {"--config", config_.string()});
    return runHamhub(args);
  }
  TempDir dir_;
  std::filesystem::path config_;
  TestHttpServer server_;
};

TEST_F(NotifyCliTest, configCheckReportsChannelsWithUnknownPluginsOrBadOptions) {
  writeHub(R"({"id": "a", "plugin": "pager"}, {"id": "b", "plugin": "webhook", "options": {"url": 5}})");
  auto r = hamhub({"config", "check"});
  EXPECT_EQ(r.exitCode, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("notify.channels[0].plugin: unknown notifier 'pager'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("notify.channels[1].options.url: expected a string, got number"), std::string::npos) << r.err;

  writeHub(R"({"id": "hook", "plugin": "webhook", "options": {"url": "https://example.go.id/hook"}})");
  r = hamhub({"config", "check"});
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("notify   1 channel"), std::string::npos) << r.out;
}

TEST_F(NotifyCliTest, notifyTestSendsThroughOneChannelAndSaysHowItWent) {
  std::string body;
  server_.route("/hook", [&](TestHttpServer::Request& request, TestHttpServer::Response& response) {
    Poco::StreamCopier::copyToString(request.stream(), body);
    TestHttpServer::sendText(response, 204, "");
  });
  server_.route("/refuse", [](TestHttpServer::Request&, TestHttpServer::Response& response) {
    TestHttpServer::sendText(response, 403, "forbidden");
  });
  writeHub(R"({"id": "hook", "plugin": "webhook", "regions": ["16"], "options": {"url": ")" + server_.url("/hook") +
           R"("}}, {"id": "refuse", "plugin": "webhook", "options": {"url": ")" + server_.url("/refuse") + R"("}})");

  auto ok = hamhub({"notify", "test", "--channel", "hook"});
  EXPECT_EQ(ok.exitCode, 0) << ok.out << ok.err;
  EXPECT_NE(ok.out.find("channel hook: test notification delivered"), std::string::npos) << ok.out;
  EXPECT_NE(body.find("Uji coba pengiriman notifikasi hamhub"), std::string::npos) << body;
  EXPECT_NE(body.find("[hamhub] Kanwil 16: peringatan baru"), std::string::npos) << body;

  auto refused = hamhub({"notify", "test", "--channel", "refuse"});
  EXPECT_EQ(refused.exitCode, 1) << refused.out << refused.err;
  EXPECT_NE(refused.out.find("channel refuse: FAILED: notify channel 'refuse': "), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find("HTTP 403"), std::string::npos) << refused.out;

  auto unknown = hamhub({"notify", "test", "--channel", "nope"});
  EXPECT_EQ(unknown.exitCode, 2);
  EXPECT_NE(unknown.err.find("no notify channel 'nope' (configured: hook, refuse)"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace hamhub::test

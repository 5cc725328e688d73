// The webhook notifier against a local HTTP receiver: the JSON it posts, its headers, and which
// answers are worth a retry.

#include <gtest/gtest.h>

#include <Poco/StreamCopier.h>

#include "notify_test_support.h"
#include "support/test_http_server.h"

namespace hamhub::test {
namespace {

class WebhookNotifierTest : public ::testing::Test {
 protected:
  host::NotifyChannel channel(const std::string& extra = "") {
    return notifyChannel("hook", "webhook", R"({"url": ")" + server_.url("/hook") + "\"" + extra + "}");
  }
  TestHttpServer server_;
};

TEST_F(WebhookNotifierTest, postsTheNotificationAsJsonWithItsHeaders) {
  std::string body, authorization, apiKey, idempotency, contentType;
  server_.route("/hook", [&](TestHttpServer::Request& request, TestHttpServer::Response& response) {
    Poco::StreamCopier::copyToString(request.stream(), body);
    authorization = request.get("Authorization", "");
    apiKey = request.get("X-Api-Key", "");
    idempotency = request.get("Idempotency-Key", "");
    contentType = request.getContentType();
    TestHttpServer::sendText(response, 202, "accepted");
  });
  const auto c = channel(R"(, "bearer_token": "tok-123", "headers": {"X-Api-Key": "k-456"})");
  const Notification sent = sampleNotification();
  Status status = sendThrough(*makeNotifier(c), c, sent);
  ASSERT_TRUE(status.isOk()) << status.message();

  EXPECT_EQ(authorization, "Bearer tok-123");
  EXPECT_EQ(apiKey, "k-456");
  EXPECT_EQ(idempotency, "alert:7:2");
  EXPECT_EQ(contentType, "application/json; charset=utf-8");
  auto json = parseJson(body);
  ASSERT_TRUE(json.isOk()) << body;
  auto received = notificationFromJson(*json);
  ASSERT_TRUE(received.isOk()) << received.status().message();
  EXPECT_EQ(received->title, sent.title);
  EXPECT_EQ(received->text, sent.text);
  ASSERT_EQ(received->alerts.size(), 1u);
  EXPECT_EQ(received->alerts[0].severity, "critical");
  EXPECT_EQ(received->alerts[0].subject, "16.10");
}

TEST_F(WebhookNotifierTest, busyAndFailingReceiversAreRetryableRefusalsAreNot) {
  const auto c = channel();
  auto notifier = makeNotifier(c);
  const auto answer = [&](int code) {
    server_.route("/hook", [code](TestHttpServer::Request&, TestHttpServer::Response& response) {
      TestHttpServer::sendText(response, code, "no");
    });
    return sendThrough(*notifier, c, sampleNotification());
  };
  for (int code : {429, 500, 502, 503}) {
    Status s = answer(code);
    EXPECT_TRUE(isRetryableNotifyReason(s.reason())) << code << ": " << s.reason();
  }
  for (int code : {400, 401, 404, 410}) {
    Status s = answer(code);
    EXPECT_EQ(s.reason(), "http-4xx") << code;
    EXPECT_NE(s.message().find("HTTP " + std::to_string(code)), std::string::npos) << s.message();
    EXPECT_FALSE(isRetryableNotifyReason(s.reason()));
  }
}

TEST_F(WebhookNotifierTest, aReceiverThatDoesNotAnswerTimesOutWithinTheChannelLimit) {
  server_.route("/hook", [&](TestHttpServer::Request&, TestHttpServer::Response& response) {
    server_.sleepFor(std::chrono::seconds(10));
    TestHttpServer::sendText(response, 200, "late");
  });
  auto c = channel();
  c.timeoutSeconds = 1;
  const auto started = std::chrono::steady_clock::now();
  Status s = sendThrough(*makeNotifier(c), c, sampleNotification());
  EXPECT_EQ(s.reason(), "timeout") << s.message();
  EXPECT_TRUE(isRetryableNotifyReason(s.reason()));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(4));
}

TEST_F(WebhookNotifierTest, configureRefusesAUrlThatIsNotHttpAndHeaderInjection) {
  const auto configure = [](const std::string& json) { return configureNotifier("webhook", json); };
  EXPECT_EQ(configure(R"({"url": "ftp://example.go.id/"})").reason(), "invalid-option");
  EXPECT_EQ(configure(R"({"url": "https://example.go.id/", "headers": {"X-A": "1\r\nX-B: 2"}})").reason(),
            "invalid-option");
  EXPECT_TRUE(configure(R"({"url": "https://example.go.id/hook"})").isOk());
}

}  // namespace
}  // namespace hamhub::test

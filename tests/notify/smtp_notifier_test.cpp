// The smtp notifier against a real SMTP server on loopback (aiosmtpd): what a mail client reads,
// STARTTLS with certificate checks, AUTH LOGIN and PLAIN, and how failures are classified.

#include <gtest/gtest.h>

#include "notify_test_support.h"
#include "support/test_http_server.h"
#include "tls_certificate.h"

namespace hamhub::test {
namespace {

std::string text(const JsonValue& message, const char* key) {
  const JsonValue* v = message.find(key);
  return v != nullptr && v->isString() ? v->asString() : std::string();
}

std::string smtpOptions(std::uint16_t port, const std::string& extra = "") {
  return R"({"host": "127.0.0.1", "port": )" + std::to_string(port) +
         R"(, "from": "hamhub Kanwil Sumsel <hamhub@kanwil16.example.go.id>",
             "to": ["operator@kanwil16.example.go.id", "kabid-ham@kanwil16.example.go.id"])" + extra + "}";
}

class SmtpNotifierTest : public ::testing::Test {
 protected:
  sim::TlsCertificate certificate_{sim::TlsMode::kSelfSigned};
};

TEST_F(SmtpNotifierTest, deliversAnRfcMessageWithUtf8SubjectAndTextAndHtmlAlternatives) {
  SmtpSink sink;
  const auto channel = notifyChannel("mail", "smtp", smtpOptions(sink.port()));
  auto notifier = makeNotifier(channel);
  ASSERT_TRUE(notifier);
  const Notification n = sampleNotification();
  Status sent = sendThrough(*notifier, channel, n);
  ASSERT_TRUE(sent.isOk()) << sent.message();

  auto message = sink.message(1);
  ASSERT_TRUE(message);
  EXPECT_EQ(text(*message, "subject"), n.title);
  EXPECT_NE(text(*message, "raw").find("Subject: =?UTF-8?"), std::string::npos) << text(*message, "raw");
  EXPECT_EQ(text(*message, "mail_from"), "hamhub@kanwil16.example.go.id");
  EXPECT_EQ(toJson(*message->find("rcpt_tos")),
            R"(["operator@kanwil16.example.go.id","kabid-ham@kanwil16.example.go.id"])");
  EXPECT_NE(text(*message, "to").find("kabid-ham@kanwil16.example.go.id"), std::string::npos);
  EXPECT_EQ(text(*message, "message_id"), "<alert.7.2@kanwil16.example.go.id>");
  EXPECT_EQ(text(*message, "auto_submitted"), "auto-generated");
  EXPECT_EQ(text(*message, "content_type"), "multipart/alternative");
  const auto& parts = message->find("parts")->asArray();
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(text(parts[0], "type"), "text/plain");
  EXPECT_EQ(text(parts[0], "charset"), "utf-8");
  EXPECT_EQ(text(parts[0], "text"), n.text);
  EXPECT_EQ(text(parts[1], "type"), "text/html");
  EXPECT_EQ(text(parts[1], "text"), n.html);
  EXPECT_FALSE(message->find("tls")->asBool());
}

TEST_F(SmtpNotifierTest, upgradesWithStartTlsAndAuthenticatesWithLoginOrPlain) {
  SmtpSink sink(certificate_.certificateFile(), certificate_.privateKeyFile(), "kanwil16:rahasia-123");
  for (const std::string auth : {"login", "plain"}) {
    const auto channel = notifyChannel(
        "mail", "smtp",
        smtpOptions(sink.port(), R"(, "starttls": true, "username": "kanwil16", "password": "rahasia-123", "auth": ")" +
                                     auth + R"(", "ca_file": ")" + certificate_.certificateFile().string() + "\""));
    auto notifier = makeNotifier(channel);
    ASSERT_TRUE(notifier);
    Status sent = sendThrough(*notifier, channel, sampleNotification());
    ASSERT_TRUE(sent.isOk()) << auth << ": " << sent.message();
  }
  for (int i = 1; i <= 2; ++i) {
    auto message = sink.message(i);
    ASSERT_TRUE(message);
    EXPECT_TRUE(message->find("tls")->asBool());
    EXPECT_EQ(text(*message, "auth_login"), "kanwil16");
    EXPECT_EQ(text(*message, "subject"), sampleNotification().title);
  }
}

TEST_F(SmtpNotifierTest, refusesAServerCertificateItDoesNotTrustAndAWrongPassword) {
  SmtpSink sink(certificate_.certificateFile(), certificate_.privateKeyFile(), "kanwil16:rahasia-123");
  const auto untrusted = notifyChannel("mail", "smtp", smtpOptions(sink.port(), R"(, "starttls": true)"));
  Status tls = sendThrough(*makeNotifier(untrusted), untrusted, sampleNotification());
  EXPECT_EQ(tls.reason(), "tls") << tls.message();
  EXPECT_FALSE(isRetryableNotifyReason(tls.reason()));

  const auto wrong = notifyChannel(
      "mail", "smtp",
      smtpOptions(sink.port(), R"(, "starttls": true, "username": "kanwil16", "password": "salah", "ca_file": ")" +
                                   certificate_.certificateFile().string() + "\""));
  Status auth = sendThrough(*makeNotifier(wrong), wrong, sampleNotification());
  EXPECT_EQ(auth.reason(), "auth") << auth.message();
  EXPECT_NE(auth.message().find("127.0.0.1:" + std::to_string(sink.port())), std::string::npos) << auth.message();
  EXPECT_EQ(sink.count(), 0);
}

TEST_F(SmtpNotifierTest, classifiesBusyMailboxesRefusalsAndUnreachableOrSilentServers) {
  SmtpSink sink;
  auto recipient = [&](const std::string& to) {
    return notifyChannel("mail", "smtp",
                         R"({"host": "127.0.0.1", "port": )" + std::to_string(sink.port()) +
                             R"(, "from": "hamhub@kanwil16.example.go.id", "to": [")" + to + R"("]})");
  };
  const auto busy = recipient("tempfail@kanwil16.example.go.id");
  Status transient = sendThrough(*makeNotifier(busy), busy, sampleNotification());
  EXPECT_EQ(transient.reason(), "smtp-transient") << transient.message();
  EXPECT_TRUE(isRetryableNotifyReason(transient.reason()));
  EXPECT_NE(transient.message().find("451"), std::string::npos) << transient.message();

  const auto unknown = recipient("unknown@kanwil16.example.go.id");
  Status rejected = sendThrough(*makeNotifier(unknown), unknown, sampleNotification());
  EXPECT_EQ(rejected.reason(), "smtp-rejected") << rejected.message();
  EXPECT_FALSE(isRetryableNotifyReason(rejected.reason()));

  const auto closed = notifyChannel(
      "mail", "smtp",
      R"({"host": "127.0.0.1", "port": )" + std::to_string(closedPort()) + R"(, "from": "a@b.id", "to": ["c@d.id"]})");
  Status refused = sendThrough(*makeNotifier(closed), closed, sampleNotification());
  EXPECT_EQ(refused.reason(), "connect-refused") << refused.message();
  EXPECT_TRUE(isRetryableNotifyReason(refused.reason()));

  // A server that accepts and never greets: the channel's timeout ends the wait.
  SilentServer silent;
  auto mute = notifyChannel(
      "mail", "smtp",
      R"({"host": "127.0.0.1", "port": )" + std::to_string(silent.port()) + R"(, "from": "a@b.id", "to": ["c@d.id"]})");
  mute.timeoutSeconds = 1;
  const auto started = std::chrono::steady_clock::now();
  Status stalled = sendThrough(*makeNotifier(mute), mute, sampleNotification());
  EXPECT_EQ(stalled.reason(), "timeout") << stalled.message();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
}

TEST_F(SmtpNotifierTest, configureRefusesBadAddressesAndPasswordsWithoutTls) {
  const auto configure = [](const std::string& json) { return configureNotifier("smtp", json); };
  EXPECT_NE(configure(R"({"host": "mail", "from": "a@b.id", "to": ["c@d.id"], "username": "u", "password": "p"})")
                .message()
                .find("never sent unencrypted"),
            std::string::npos);
  EXPECT_NE(configure(R"({"host": "mail", "from": "a@b.id", "to": ["c@d.id\r\nBcc: x@y.id"]})").message().find("to:"),
            std::string::npos);
  EXPECT_EQ(configure(R"({"host": "mail", "from": "nobody", "to": ["c@d.id"]})").reason(), "invalid-option");
  EXPECT_TRUE(configure(R"({"host": "mail", "from": "Kanwil <a@b.id>", "to": ["c@d.id"]})").isOk());
}

}  // namespace
}  // namespace hamhub::test

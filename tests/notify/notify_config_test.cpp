// The hub file's `notify` block: defaults, every problem with its JSON path, and channels checked
// against the notifier plugins' option schemas.

#include <gtest/gtest.h>

#include "host/config/hub_config.h"
#include "notify_test_support.h"

namespace hamhub::test {
namespace {

class NotifyConfigTest : public ::testing::Test {
 protected:
  host::HubConfig hub(const std::string& text) {
    issues_.clear();
    return host::loadHubConfig(dir_.write("hamhub.json", text), issues_);
  }
  std::string allIssues() const {
    std::string out;
    for (const auto& i : issues_) out += i.toString() + "\n";
    return out;
  }
  TempDir dir_;
  host::ConfigIssues issues_;
};

TEST_F(NotifyConfigTest, readsChannelsWithTheirFiltersAndDefaults) {
  ::setenv("HAMHUB_TEST_SMTP_PASSWORD", "rahasia", 1);
  auto config = hub(R"({"notify": {"max_attempts": 4, "channels": [
      {"id": "kanwil-16-mail", "plugin": "smtp", "regions": ["16"], "min_severity": "warning",
       "events": ["opened", "resolved"], "digest_at": "07:30", "lang": "en", "timeout_s": 20,
       "options": {"host": "mail.example.go.id", "from": "a@b.id", "to": ["c@d.id"], "starttls": true,
                   "username": "hamhub", "password": "${HAMHUB_TEST_SMTP_PASSWORD}"}},
      {"id": "hook", "plugin": "webhook", "options": {"url": "https://example.go.id/hook"}}]}})");
  ASSERT_TRUE(issues_.empty()) << allIssues();
  EXPECT_EQ(config.notify.maxAttempts, 4);
  EXPECT_EQ(config.notify.baseSeconds, 30);
  ASSERT_EQ(config.notify.channels.size(), 2u);
  const auto& mail = config.notify.channels[0];
  EXPECT_EQ(mail.regions, std::vector<std::string>{"16"});
  EXPECT_EQ(mail.minSeverity, host::AlertSeverity::Warning);
  EXPECT_TRUE(mail.wantsEvent("resolved"));
  EXPECT_FALSE(mail.wantsEvent("changed"));
  EXPECT_EQ(mail.digestMinute, 7 * 60 + 30);
  EXPECT_EQ(mail.language, "en");
  EXPECT_EQ(mail.timeoutSeconds, 20);
  const auto& webhook = config.notify.channels[1];
  EXPECT_TRUE(webhook.wantsRegion("31"));
  EXPECT_FALSE(webhook.digestMinute.has_value());
  EXPECT_EQ(webhook.language, "id");

  host::checkNotifyChannels(config.notify.channels, builtPlugins(), "hamhub.json", issues_);
  ASSERT_TRUE(issues_.empty()) << allIssues();
  EXPECT_EQ(mail.options.getString("password"), "rahasia");
  EXPECT_EQ(mail.options.getInt("port"), 25);
}

TEST_F(NotifyConfigTest, reportsEveryProblemWithItsPath) {
  hub(R"({"notify": {"base_s": 0, "retries": 3, "channels": [
      {"id": "Bad Id", "plugin": "smtp", "min_severity": "urgent", "events": ["opened", "acked"],
       "digest_at": "7 pagi", "lang": "jv", "timeout_s": -1},
      {"plugin": "webhook", "id": "x"}, {"id": "x", "plugin": "webhook"}]}})");
  const std::string all = allIssues();
  for (const char* expected :
       {"notify.base_s: must be greater than 0", "notify.retries: unknown key",
        "notify.channels[0].id: 'Bad Id' is not a valid id", "notify.channels[0].min_severity: 'urgent' is not a severity",
        "notify.channels[0].events: 'acked' is not an event", "notify.channels[0].digest_at: '7 pagi' is not a local time",
        "notify.channels[0].lang: 'jv' is not a language", "notify.channels[0].timeout_s: must be greater than 0",
        "notify.channels[2].id: 'x' is already used by another channel"}) {
    EXPECT_NE(all.find(expected), std::string::npos) << expected << "\n" << all;
  }
}

TEST_F(NotifyConfigTest, checksEachChannelAgainstItsPluginsSchema) {
  auto config = hub(R"({"notify": {"channels": [
      {"id": "a", "plugin": "pager"},
      {"id": "b", "plugin": "webhook", "options": {"adress": "x"}},
      {"id": "c", "plugin": "smtp", "options": {"host": "mail", "from": "a@b.id", "to": ["c@d.id"], "username": "u"}}]}})");
  ASSERT_TRUE(issues_.empty()) << allIssues();
  host::checkNotifyChannels(config.notify.channels, builtPlugins(), "hamhub.json", issues_);
  const std::string all = allIssues();
  EXPECT_NE(all.find("notify.channels[0].plugin: unknown notifier 'pager' (loaded: smtp, webhook)"), std::string::npos)
      << all;
  EXPECT_NE(all.find("notify.channels[1].options.adress: unknown key"), std::string::npos) << all;
  EXPECT_NE(all.find("notify.channels[1].options.url: missing"), std::string::npos) << all;
  EXPECT_NE(all.find("notify.channels[2].options: username is set but starttls is false"), std::string::npos) << all;
}

}  // namespace
}  // namespace hamhub::test

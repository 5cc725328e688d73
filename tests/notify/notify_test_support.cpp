#include "notify_test_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "host/config/hub_config.h"
#include "host/notify/channel_context.h"

namespace hamhub::test {

namespace fs = std::filesystem;

const host::PluginRegistry& builtPlugins() {
  static const host::PluginRegistry registry = host::PluginRegistry::load({builtPluginDir()});
  return registry;
}

host::NotifyChannel notifyChannel(const std::string& id, const std::string& plugin, const std::string& options) {
  host::NotifyChannel channel;
  channel.id = id;
  channel.plugin = plugin;
  channel.timeoutSeconds = 2;
  auto json = parseJson(options);
  EXPECT_TRUE(json.isOk()) << json.status().message();
  if (json) channel.rawOptions = *json;
  std::vector<host::NotifyChannel> channels{channel};
  host::ConfigIssues issues;
  host::checkNotifyChannels(channels, builtPlugins(), "test", issues);
  for (const auto& issue : issues) ADD_FAILURE() << issue.toString();
  return channels.front();
}

std::shared_ptr<Notifier> makeNotifier(const host::NotifyChannel& channel) {
  auto notifier = builtPlugins().createNotifier(channel.plugin);
  EXPECT_TRUE(notifier.isOk()) << notifier.status().message();
  if (!notifier) return nullptr;
  Status configured = (*notifier)->configure(channel.options);
  EXPECT_TRUE(configured.isOk()) << configured.message();
  return *notifier;
}

Status sendThrough(Notifier& notifier, const host::NotifyChannel& channel, const Notification& notification) {
  const std::atomic<bool> stop{false};
  host::ChannelContext context(channel, host::HttpSettings{}, stop);
  return notifier.send(context, notification);
}

Status configureNotifier(const std::string& plugin, const std::string& options) {
  auto notifier = builtPlugins().createNotifier(plugin);
  EXPECT_TRUE(notifier.isOk()) << notifier.status().message();
  if (!notifier.isOk()) return notifier.status();
  auto values = parseJson(options);
  EXPECT_TRUE(values.isOk() && values->isObject()) << options;
  std::map<std::string, JsonValue, std::less<>> all;
  for (const auto& [k, v] : values->asObject()) all.emplace(k, v);
  return (*notifier)->configure(Options(std::move(all)));
}

Notification sampleNotification() {
  Notification n;
  n.kind = NotificationKind::Alert;
  n.id = "alert:7:2";
  n.event = "opened";
  n.language = "id";
  n.region = "16";
  n.title = "[hamhub] Kanwil 16: peringatan baru [kritis] — Laporan Aksi HAM B08 Ogan Ilir belum masuk ✓";
  n.text = "Peringatan baru untuk Kanwil 16.\n\nPesan: Laporan Aksi HAM B08 belum masuk — tenggat lewat.\n";
  n.html = "<p>Peringatan baru untuk Kanwil 16 — <b>kritis</b></p>\n";
  n.alerts.push_back({7, "ranham.report-missing", "critical", "16.10", "16", "Laporan B08 belum masuk — tenggat lewat",
                      "open", "2026-11-20T00:00:00Z", "2026-11-29T00:00:00Z"});
  return n;
}

SmtpSink::SmtpSink(const fs::path& certificate, const fs::path& key, const std::string& userPassword) {
  std::vector<std::string> args{sourcePath("tests/notify/smtp_sink.py").string(), "--out", dir_.path().string()};
  if (!certificate.empty()) {
    args.insert(args.end(), {"--cert", certificate.string(), "--key", key.string()});
  }
  if (!userPassword.empty()) args.insert(args.end(), {"--user", userPassword});
  // Debian's interpreter, where python3-aiosmtpd is installed (not whatever python3 is first on PATH).
  process_ = std::make_unique<BackgroundProcess>("/usr/bin/python3", args, dir_ / "sink.log");
  if (!process_->waitForOutput("port ", std::chrono::seconds(20))) {
    ADD_FAILURE() << "the SMTP sink did not start (is python3-aiosmtpd installed?): " << process_->output();
    return;
  }
  std::istringstream out(process_->output().substr(process_->output().find("port ") + 5));
  int port = 0;
  out >> port;
  port_ = static_cast<std::uint16_t>(port);
}

std::optional<JsonValue> SmtpSink::message(int n) const {
  const fs::path file = dir_ / (std::to_string(n) + ".json");
  for (int i = 0; i < 100 && !fs::exists(file); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::ifstream in(file);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  auto json = parseJson(text.str());
  if (!json) return std::nullopt;
  return std::move(*json);
}

int SmtpSink::count() const {
  int n = 0;
  while (fs::exists(dir_ / (std::to_string(n + 1) + ".json"))) ++n;
  return n;
}

}  // namespace hamhub::test

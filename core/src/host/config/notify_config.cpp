#include "host/config/notify_config.h"

#include <algorithm>
#include <regex>
#include <set>

#include "host/config/schema_check.h"
#include "host/plugins/plugin_registry.h"

namespace hamhub::host {

namespace {

constexpr OptionSpec kNotifyKeys[] = {
    {"max_attempts", OptionType::Integer, false, false, nullptr, "deliveries tried before a notification fails"},
    {"base_s", OptionType::Integer, false, false, nullptr, "first backoff step"},
    {"max_delay_s", OptionType::Integer, false, false, nullptr, "longest backoff"},
    {"channels", OptionType::Array, false, false, nullptr, "notifier channels: {id, plugin, options, …}"},
};

constexpr OptionSpec kChannelKeys[] = {
    {"id", OptionType::String, true, false, nullptr, "unique channel id, e.g. kanwil-16-mail"},
    {"plugin", OptionType::String, true, false, nullptr, "notifier plugin: smtp, webhook…"},
    {"regions", OptionType::StringList, false, false, nullptr, "province codes whose alerts it gets (none: all)"},
    {"min_severity", OptionType::String, false, false, nullptr, "info, warning or critical"},
    {"events", OptionType::StringList, false, false, nullptr, "opened, changed, resolved"},
    {"digest_at", OptionType::String, false, false, nullptr, "HH:MM local time of the daily digest"},
    {"lang", OptionType::String, false, false, nullptr, "id (Bahasa Indonesia) or en"},
    {"timeout_s", OptionType::Integer, false, false, nullptr, "longest time for one delivery"},
    {"options", OptionType::Object, false, false, nullptr, "the plugin's options"},
};

std::optional<int> parseClockTime(const std::string& text) {
  static const std::regex kPattern("([01][0-9]|2[0-3]):([0-5][0-9])");
  std::smatch m;
  if (!std::regex_match(text, m, kPattern)) return std::nullopt;
  return std::stoi(m[1].str()) * 60 + std::stoi(m[2].str());
}

std::vector<std::string> strings(const JsonValue& list) {
  std::vector<std::string> out;
  for (const auto& item : list.asArray()) out.push_back(item.asString());
  return out;
}

NotifyChannel readChannel(const JsonValue& json, const std::string& file, const std::string& at,
                          ConfigIssues& issues) {
  NotifyChannel channel;
  auto values = checkObject(json, kChannelKeys, file, at, issues);
  if (values.count("id")) channel.id = values.at("id").asString();
  if (values.count("plugin")) channel.plugin = values.at("plugin").asString();
  static const std::regex kIdPattern("[a-z0-9][a-z0-9._-]{0,63}");
  if (values.count("id") && !std::regex_match(channel.id, kIdPattern)) {
    issues.push_back({file, at + ".id", "'" + channel.id + "' is not a valid id (use a-z, 0-9, '.', '_', '-', at most 64)"});
  }
  if (values.count("regions")) {
    channel.regions = strings(values.at("regions"));
    if (std::any_of(channel.regions.begin(), channel.regions.end(), [](const auto& r) { return r.empty(); })) {
      issues.push_back({file, at + ".regions", "a region code is empty"});
    }
  }
  if (values.count("min_severity")) {
    const std::string& text = values.at("min_severity").asString();
    if (auto severity = parseAlertSeverity(text)) {
      channel.minSeverity = *severity;
    } else {
      issues.push_back({file, at + ".min_severity", "'" + text + "' is not a severity (info, warning, critical)"});
    }
  }
  if (values.count("events")) {
    channel.events = strings(values.at("events"));
    for (const auto& e : channel.events) {
      if (e != "opened" && e != "changed" && e != "resolved") {
        issues.push_back({file, at + ".events", "'" + e + "' is not an event (opened, changed, resolved)"});
      }
    }
  }
  if (values.count("digest_at")) {
    const std::string& text = values.at("digest_at").asString();
    channel.digestMinute = parseClockTime(text);
    if (!channel.digestMinute) {
      issues.push_back({file, at + ".digest_at", "'" + text + "' is not a local time HH:MM (e.g. 07:00)"});
    }
  }
  if (values.count("lang")) {
    channel.language = values.at("lang").asString();
    if (channel.language != "id" && channel.language != "en") {
      issues.push_back({file, at + ".lang", "'" + channel.language + "' is not a language (id, en)"});
    }
  }
  readInt(values, "timeout_s", channel.timeoutSeconds, file, at, issues);
  if (values.count("options")) channel.rawOptions = values.at("options");
  return channel;
}

}  // namespace

bool NotifyChannel::wantsRegion(const std::string& region) const {
  return regions.empty() || std::find(regions.begin(), regions.end(), region) != regions.end();
}

bool NotifyChannel::wantsEvent(const std::string& event) const {
  return std::find(events.begin(), events.end(), event) != events.end();
}

NotifySettings readNotifySettings(const JsonValue& notify, const std::string& file, ConfigIssues& issues) {
  NotifySettings settings;
  auto values = checkObject(notify, kNotifyKeys, file, "notify", issues);
  readInt(values, "max_attempts", settings.maxAttempts, file, "notify", issues);
  readInt(values, "base_s", settings.baseSeconds, file, "notify", issues);
  readInt(values, "max_delay_s", settings.maxDelaySeconds, file, "notify", issues);
  if (auto it = values.find("channels"); it != values.end()) {
    const auto& list = it->second.asArray();
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string at = "notify.channels[" + std::to_string(i) + "]";
      NotifyChannel channel = readChannel(list[i], file, at, issues);
      if (!channel.id.empty() && !seen.insert(channel.id).second) {
        issues.push_back({file, at + ".id", "'" + channel.id + "' is already used by another channel"});
      }
      settings.channels.push_back(std::move(channel));
    }
  }
  return settings;
}

void checkNotifyChannels(std::vector<NotifyChannel>& channels, const PluginRegistry& registry,
                         const std::string& file, ConfigIssues& issues) {
  for (std::size_t i = 0; i < channels.size(); ++i) {
    NotifyChannel& channel = channels[i];
    const std::string at = "notify.channels[" + std::to_string(i) + "]";
    const LoadedPlugin* plugin = registry.find(channel.plugin);
    if (plugin == nullptr || plugin->kind() != PluginKind::Notifier) {
      std::string known;
      for (const auto& p : registry.plugins()) {
        if (p.kind() == PluginKind::Notifier) known += (known.empty() ? "" : ", ") + std::string(p.name());
      }
      issues.push_back({file, at + ".plugin", "unknown notifier '" + channel.plugin + "' (loaded: " +
                                                  (known.empty() ? std::string("none") : known) + ")"});
      continue;
    }
    const std::span<const OptionSpec> specs(plugin->manifest->options, plugin->manifest->optionCount);
    const std::size_t before = issues.size();
    channel.options = Options(checkObject(channel.rawOptions, specs, file, at + ".options", issues));
    if (issues.size() != before) continue;
    auto notifier = registry.createNotifier(channel.plugin);
    Status configured = notifier.isOk() ? (*notifier)->configure(channel.options) : notifier.status();
    if (!configured) issues.push_back({file, at + ".options", configured.message()});
  }
}

}  // namespace hamhub::host

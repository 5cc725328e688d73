#include "host/config/source_config.h"

#include <algorithm>
#include <regex>
#include <set>

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include "host/config/json_file.h"
#include "host/config/schema_check.h"
#include "host/plugins/plugin_registry.h"
#include "host/schedule/cron_schedule.h"

namespace hamhub::host {

namespace fs = std::filesystem;

namespace {

constexpr OptionSpec kSourceKeys[] = {
    {"id", OptionType::String, true, false, nullptr, "unique source id, e.g. jdih-16-73"},
    {"connector", OptionType::String, true, false, nullptr, "name of the connector plugin"},
    {"subject", OptionType::String, false, false, nullptr, "subject id, e.g. region code 16.73"},
    {"subjects", OptionType::StringList, false, false, nullptr, "several subject ids"},
    {"schedule", OptionType::String, false, false, "\"@daily\"", "cron expression"},
    {"enabled", OptionType::Boolean, false, false, "true", "harvest this source"},
    {"description", OptionType::String, false, false, nullptr, "free text"},
    {"options", OptionType::Object, false, false, "{}", "connector options"},
    {"http", OptionType::Object, false, false, nullptr, "HTTP overrides for this source"},
    {"probe_interval_s", OptionType::Integer, false, false, nullptr, "health probe period (default: monitor.interval_s)"},
    {"maintenance", OptionType::Array, false, false, nullptr,
     "declared maintenance windows: {from, to} or {cron, duration_minutes}"},
};

constexpr OptionSpec kSourceHttpKeys[] = {
    {"connect_timeout_ms", OptionType::Integer, false, false, nullptr, "TCP/TLS connect timeout"},
    {"read_timeout_ms", OptionType::Integer, false, false, nullptr, "longest wait for the next bytes"},
    {"total_timeout_ms", OptionType::Integer, false, false, nullptr, "longest time for a whole request"},
    {"max_body_mb", OptionType::Integer, false, false, nullptr, "largest response body accepted"},
    {"verify_tls", OptionType::Boolean, false, false, nullptr, "false accepts self-signed certificates"},
    {"ca_file", OptionType::String, false, false, nullptr, "PEM file of the CAs to trust (relative to this file)"},
};

std::string sha256Hex(std::string_view text) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(text.data(), static_cast<unsigned>(text.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

void applyHttp(const std::map<std::string, JsonValue, std::less<>>& v, const fs::path& dir, HttpSettings& h) {
  if (v.count("ca_file")) h.caFile = (dir / v.at("ca_file").asString()).lexically_normal().string();
  if (v.count("connect_timeout_ms")) h.connectTimeoutMs = v.at("connect_timeout_ms").asInt();
  if (v.count("read_timeout_ms")) h.readTimeoutMs = v.at("read_timeout_ms").asInt();
  if (v.count("total_timeout_ms")) h.totalTimeoutMs = v.at("total_timeout_ms").asInt();
  if (v.count("max_body_mb")) h.maxBodyBytes = v.at("max_body_mb").asInt() * 1024 * 1024;
  if (v.count("verify_tls")) h.verifyTls = v.at("verify_tls").asBool();
}

}  // namespace

JsonValue SourceConfig::displayOptions(const PluginRegistry& registry) const {
  JsonValue out(JsonValue::Object{});
  const LoadedPlugin* plugin = registry.find(connector);
  for (const auto& [name, value] : options.all()) {
    const OptionSpec* spec = plugin != nullptr ? plugin->findOption(name) : nullptr;
    out.set(name, spec != nullptr && spec->secret ? JsonValue("********") : value);
  }
  return out;
}

std::vector<SourceConfig> loadSources(const HubConfig& hub, const PluginRegistry* registry,
                                      const std::vector<std::string>* knownSubjects, ConfigIssues& issues) {
  std::vector<SourceConfig> sources;
  std::error_code ec;
  if (!fs::is_directory(hub.sourcesDir, ec)) {
    issues.push_back({hub.file.string(), "sources_dir",
                      "directory " + hub.sourcesDir.string() + " does not exist; create it and add one JSON file per source"});
    return sources;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(hub.sourcesDir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  static const std::regex kIdPattern("[a-z0-9][a-z0-9._-]{0,63}");
  std::set<std::string> seen;
  const auto zone = TimeZone::load(hub.timezone);

  for (const auto& path : files) {
    const std::string name = path.string();
    const std::size_t before = issues.size();
    auto text = readSmallFile(path, 1024 * 1024);
    if (!text.isOk()) {
      issues.push_back({name, "", text.status().message()});
      continue;
    }
    JsonParseOptions parse;
    parse.allowComments = true;
    auto json = parseJson(*text, parse);
    if (!json.isOk()) {
      issues.push_back({name, "", json.status().message()});
      continue;
    }
    SourceConfig source;
    source.file = path;
    source.configHash = sha256Hex(*text);
    auto values = checkObject(*json, kSourceKeys, name, "", issues);
    if (issues.size() > before) continue;

    source.id = values.at("id").asString();
    source.connector = values.at("connector").asString();
    source.schedule = values.at("schedule").asString();
    if (auto schedule = CronSchedule::parse(source.schedule); !schedule) {
      issues.push_back({name, "schedule", schedule.status().message()});
    }
    source.enabled = values.at("enabled").asBool();
    if (values.count("description")) source.description = values.at("description").asString();
    if (!std::regex_match(source.id, kIdPattern)) {
      issues.push_back({name, "id", "'" + source.id + "' is not a valid id (use a-z, 0-9, '.', '_', '-', at most 64)"});
    } else if (!seen.insert(source.id).second) {
      issues.push_back({name, "id", "'" + source.id + "' is already used by another file in " + hub.sourcesDir.string()});
    }
    if (values.count("subject")) source.subjects.push_back(values.at("subject").asString());
    if (values.count("subjects")) {
      for (const auto& s : values.at("subjects").asArray()) source.subjects.push_back(s.asString());
    }
    if (source.subjects.empty()) issues.push_back({name, "subject", "missing: give \"subject\" or \"subjects\""});
    if (knownSubjects != nullptr) {
      for (const auto& s : source.subjects) {
        if (std::find(knownSubjects->begin(), knownSubjects->end(), s) == knownSubjects->end()) {
          issues.push_back({name, "subject", "'" + s + "' is not a known subject id (see " + hub.regionsDir.string() + ")"});
        }
      }
    }
    if (values.count("probe_interval_s")) {
      source.probeIntervalSeconds = values.at("probe_interval_s").asInt();
      if (source.probeIntervalSeconds <= 0) issues.push_back({name, "probe_interval_s", "must be greater than 0"});
    }
    if (values.count("maintenance")) {
      if (!zone.isOk()) {
        issues.push_back({name, "maintenance", "needs the hub's time zone: " + zone.status().message()});
      } else if (auto windows = parseMaintenanceWindows(values.at("maintenance"), *zone); windows.isOk()) {
        source.maintenance = std::move(*windows);
      } else {
        issues.push_back({name, "maintenance", windows.status().message()});
      }
    }
    source.http = hub.http;
    if (values.count("http")) applyHttp(checkObject(values.at("http"), kSourceHttpKeys, name, "http", issues), path.parent_path(), source.http);

    JsonValue options = values.at("options");
    expandEnvironment(options, name, "options", issues);
    if (registry != nullptr) {
      const LoadedPlugin* plugin = registry->find(source.connector);
      if (plugin == nullptr || plugin->kind() != PluginKind::Connector) {
        std::string known;
        for (const auto& p : registry->plugins()) {
          if (p.kind() == PluginKind::Connector) known += (known.empty() ? "" : ", ") + std::string(p.name());
        }
        issues.push_back({name, "connector", "unknown connector '" + source.connector + "' (loaded: " +
                                                 (known.empty() ? std::string("none") : known) + ")"});
      } else {
        const std::span<const OptionSpec> specs(plugin->manifest->options, plugin->manifest->optionCount);
        const std::size_t optionIssues = issues.size();
        source.options = Options(checkObject(options, specs, name, "options", issues));
        if (issues.size() == optionIssues) {
          auto connector = registry->createConnector(source.connector);
          Status configured = connector.isOk() ? (*connector)->configure(source.options) : connector.status();
          if (!configured) issues.push_back({name, "options", configured.message()});
        }
      }
    }
    if (issues.size() == before) sources.push_back(std::move(source));
  }
  return sources;
}

}  // namespace hamhub::host

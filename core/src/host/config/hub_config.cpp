#include "host/config/hub_config.h"

#include <cstdlib>

#include <boost/dll/runtime_symbol_info.hpp>

#include "host/config/json_file.h"
#include "host/config/schema_check.h"
#include "host/schedule/time_zone.h"
#include "host/util/clock.h"

namespace hamhub::host {

namespace fs = std::filesystem;

namespace {

constexpr OptionSpec kHubKeys[] = {
    {"store", OptionType::String, false, false, "\"sqlite:../var/hamhub.db\"",
     "sqlite:PATH (relative to this file) or a PostgreSQL URL"},
    {"plugin_dirs", OptionType::StringList, false, false, nullptr, "where plugins are loaded from"},
    {"sources_dir", OptionType::String, false, false, "\"sources.d\"", "one JSON file per source"},
    {"regions_dir", OptionType::String, false, false, "\"regions\"", "subject catalogue files"},
    {"criteria_dir", OptionType::String, false, false, "\"criteria\"", "criteria models and metadata rules"},
    {"timezone", OptionType::String, false, false, "\"Asia/Jakarta\"", "time zone of schedules and reports"},
    {"http", OptionType::Object, false, false, nullptr, "HTTP client defaults"},
    {"harvest", OptionType::Object, false, false, nullptr, "harvest runner settings"},
    {"monitor", OptionType::Object, false, false, nullptr, "source monitor settings"},
    {"api", OptionType::Object, false, false, nullptr, "REST API settings"},
    {"alerts", OptionType::Object, false, false, nullptr, "alert evaluation settings"},
    {"notify", OptionType::Object, false, false, nullptr, "alert notifications: channels and retries"},
};

constexpr OptionSpec kAlertKeys[] = {
    {"interval_s", OptionType::Integer, false, false, nullptr, "how often serve evaluates the alert rules"},
    {"as_of", OptionType::String, false, false, nullptr, "replay: evaluate as if today were this date"},
};

constexpr OptionSpec kHttpKeys[] = {
    {"connect_timeout_ms", OptionType::Integer, false, false, nullptr, "TCP/TLS connect timeout"},
    {"read_timeout_ms", OptionType::Integer, false, false, nullptr, "longest wait for the next bytes"},
    {"total_timeout_ms", OptionType::Integer, false, false, nullptr, "longest time for a whole request"},
    {"max_body_mb", OptionType::Integer, false, false, nullptr, "largest response body accepted"},
    {"max_redirects", OptionType::Integer, false, false, nullptr, "redirects followed before giving up"},
    {"rate_per_host", OptionType::Number, false, false, nullptr, "requests per second per host (0: unlimited)"},
    {"verify_tls", OptionType::Boolean, false, false, nullptr, "verify server certificates"},
    {"ca_file", OptionType::String, false, false, nullptr, "PEM file of the CAs to trust (relative to this file)"},
    {"user_agent", OptionType::String, false, false, nullptr, "User-Agent header"},
};

constexpr OptionSpec kHarvestKeys[] = {
    {"run_timeout_s", OptionType::Integer, false, false, nullptr, "a run longer than this is cancelled"},
    {"concurrency", OptionType::Integer, false, false, nullptr, "sources harvested at once (serve, --all)"},
    {"per_host", OptionType::Integer, false, false, nullptr, "harvests at once against one host"},
    {"splay_s", OptionType::Integer, false, false, nullptr, "random delay after a scheduled time, at most"},
    {"grace_s", OptionType::Integer, false, false, nullptr, "on SIGTERM, how long running harvests may finish"},
    {"breaker_failures", OptionType::Integer, false, false, nullptr, "failed harvests in a row that open the breaker"},
    {"retry", OptionType::Object, false, false, nullptr, "retries of a failed harvest"},
};

constexpr OptionSpec kApiKeys[] = {
    {"listen", OptionType::String, false, false, nullptr, "HOST:PORT of the REST API and dashboard"},
    {"tokens", OptionType::Array, false, false, nullptr, "bearer tokens: {token, role, region}"},
    {"max_body_kb", OptionType::Integer, false, false, nullptr, "largest request body accepted"},
};

constexpr OptionSpec kTokenKeys[] = {
    {"token", OptionType::String, true, true, nullptr, "the bearer token (use ${ENV})"},
    {"role", OptionType::String, true, false, nullptr, "admin, operator or viewer"},
    {"region", OptionType::String, false, false, nullptr, "province code the token is limited to"},
};

constexpr OptionSpec kRetryKeys[] = {
    {"max_attempts", OptionType::Integer, false, false, nullptr, "retries after a failure, at most"},
    {"base_s", OptionType::Integer, false, false, nullptr, "first backoff step"},
    {"max_delay_s", OptionType::Integer, false, false, nullptr, "longest backoff"},
    {"max_elapsed_s", OptionType::Integer, false, false, nullptr, "no retry later than this after the first failure"},
};

constexpr OptionSpec kMonitorKeys[] = {
    {"interval_s", OptionType::Integer, false, false, nullptr, "probe period per source"},
    {"failures_to_down", OptionType::Integer, false, false, nullptr, "failures in a row before DOWN"},
    {"degraded_ms", OptionType::Integer, false, false, nullptr, "slower answers make a source DEGRADED"},
    {"concurrency", OptionType::Integer, false, false, nullptr, "probes at once"},
    {"maintenance_keywords", OptionType::StringList, false, false, nullptr,
     "phrases (any case) that make an answer a maintenance page"},
};

std::string lowerAscii(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

}  // namespace

std::optional<std::pair<std::string, std::uint16_t>> parseListenAddress(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 >= text.size()) return std::nullopt;
  const std::string port = text.substr(colon + 1);
  if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const int number = std::stoi(port);
  if (number > 65535) return std::nullopt;
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  return std::make_pair(host, static_cast<std::uint16_t>(number));
}

fs::path executableDir() {
  std::error_code ec;  // BOOST_DLL_USE_STD_FS: Boost.DLL reports through std types
  auto location = boost::dll::program_location(ec);
  if (ec) return fs::current_path();
  return fs::path(location).parent_path();
}

fs::path defaultPluginDir() { return (executableDir() / ".." / HAMHUB_PLUGIN_RELDIR).lexically_normal(); }

Result<fs::path> locateHubConfig(const std::optional<fs::path>& explicitFile) {
  if (explicitFile) {
    if (!fs::exists(*explicitFile)) return Status::error(explicitFile->string() + ": no such file", "config");
    return *explicitFile;
  }
  if (const char* env = std::getenv("HAMHUB_CONFIG"); env != nullptr && *env != '\0') {
    if (!fs::exists(env)) return Status::error(std::string(env) + " (from HAMHUB_CONFIG): no such file", "config");
    return fs::path(env);
  }
  const fs::path local = fs::path("config") / "hamhub.json";
  const fs::path installed = (executableDir() / ".." / HAMHUB_SYSCONF_RELDIR / "hamhub.json").lexically_normal();
  for (const auto& candidate : {local, installed}) {
    if (fs::exists(candidate)) return candidate;
  }
  return Status::error("no hub configuration found (tried " + local.string() + " and " + installed.string() +
                           "); pass --config FILE or set HAMHUB_CONFIG",
                       "config");
}

HubConfig loadHubConfig(const fs::path& file, ConfigIssues& issues) {
  HubConfig config;
  std::error_code ec;
  config.file = fs::absolute(file, ec).lexically_normal();
  config.baseDir = config.file.parent_path();
  const std::string name = file.string();
  auto json = readJsonFile(file);
  if (!json.isOk()) {
    issues.push_back({name, "", json.status().message()});
    return config;
  }
  expandEnvironment(*json, name, "", issues);
  auto values = checkObject(*json, kHubKeys, name, "", issues);
  auto str = [&](const char* key) { return values.count(key) ? values.at(key).asString() : std::string(); };

  config.store = str("store");
  config.timezone = str("timezone");
  // Loaded, not just looked up, so that a damaged zone file or a bad offset is caught here too
  // (absent only when it is not a string, which checkObject has reported).
  if (values.count("timezone")) {
    if (auto zone = TimeZone::load(config.timezone); !zone) issues.push_back({name, "timezone", zone.status().message()});
  }
  const auto resolve = [&](const std::string& p) { return (config.baseDir / p).lexically_normal(); };
  config.sourcesDir = resolve(str("sources_dir"));
  config.regionsDir = resolve(str("regions_dir"));
  config.criteriaDir = resolve(str("criteria_dir"));
  if (auto it = values.find("plugin_dirs"); it != values.end() && !it->second.asArray().empty()) {
    for (const auto& dir : it->second.asArray()) config.pluginDirs.push_back(resolve(dir.asString()));
  } else {
    config.pluginDirs.push_back(defaultPluginDir());
  }

  if (auto it = values.find("http"); it != values.end()) {
    auto http = checkObject(it->second, kHttpKeys, name, "http", issues);
    HttpSettings& h = config.http;
    readInt(http, "connect_timeout_ms", h.connectTimeoutMs, name, "http", issues);
    readInt(http, "read_timeout_ms", h.readTimeoutMs, name, "http", issues);
    readInt(http, "total_timeout_ms", h.totalTimeoutMs, name, "http", issues);
    std::int64_t maxMb = h.maxBodyBytes / (1024 * 1024);
    readInt(http, "max_body_mb", maxMb, name, "http", issues);
    h.maxBodyBytes = maxMb * 1024 * 1024;
    if (http.count("max_redirects")) h.maxRedirects = http.at("max_redirects").asInt();
    if (http.count("rate_per_host")) h.ratePerHost = http.at("rate_per_host").asNumber();
    if (http.count("verify_tls")) h.verifyTls = http.at("verify_tls").asBool();
    if (http.count("ca_file")) h.caFile = resolve(http.at("ca_file").asString()).string();
    if (http.count("user_agent")) h.userAgent = http.at("user_agent").asString();
  }
  if (auto it = values.find("harvest"); it != values.end()) {
    auto harvest = checkObject(it->second, kHarvestKeys, name, "harvest", issues);
    readInt(harvest, "run_timeout_s", config.harvest.runTimeoutSeconds, name, "harvest", issues);
    readInt(harvest, "concurrency", config.harvest.concurrency, name, "harvest", issues);
    readInt(harvest, "per_host", config.harvest.perHost, name, "harvest", issues);
    readNonNegative(harvest, "splay_s", config.harvest.splaySeconds, name, "harvest", issues);
    readNonNegative(harvest, "grace_s", config.harvest.graceSeconds, name, "harvest", issues);
    readInt(harvest, "breaker_failures", config.harvest.breakerFailures, name, "harvest", issues);
    if (auto r = harvest.find("retry"); r != harvest.end()) {
      auto retry = checkObject(r->second, kRetryKeys, name, "harvest.retry", issues);
      RetrySettings& rs = config.harvest.retry;
      readNonNegative(retry, "max_attempts", rs.maxAttempts, name, "harvest.retry", issues);
      readInt(retry, "base_s", rs.baseSeconds, name, "harvest.retry", issues);
      readInt(retry, "max_delay_s", rs.maxDelaySeconds, name, "harvest.retry", issues);
      readInt(retry, "max_elapsed_s", rs.maxElapsedSeconds, name, "harvest.retry", issues);
    }
  }
  if (auto it = values.find("api"); it != values.end()) {
    auto api = checkObject(it->second, kApiKeys, name, "api", issues);
    if (auto listen = api.find("listen"); listen != api.end()) {
      config.api.listen = listen->second.asString();
      if (!parseListenAddress(config.api.listen)) {
        issues.push_back({name, "api.listen", "'" + config.api.listen + "' is not HOST:PORT (e.g. 127.0.0.1:8080)"});
      }
    }
    std::int64_t maxKb = config.api.maxBodyBytes / 1024;
    readInt(api, "max_body_kb", maxKb, name, "api", issues);
    config.api.maxBodyBytes = maxKb * 1024;
    if (auto tokens = api.find("tokens"); tokens != api.end()) {
      const auto& list = tokens->second.asArray();
      for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string at = "api.tokens[" + std::to_string(i) + "]";
        auto t = checkObject(list[i], kTokenKeys, name, at, issues);
        if (!t.count("token") || !t.count("role")) continue;
        ApiToken token{t.at("token").asString(), t.at("role").asString(),
                       t.count("region") ? t.at("region").asString() : std::string()};
        if (token.role != "admin" && token.role != "operator" && token.role != "viewer") {
          issues.push_back({name, at + ".role", "'" + token.role + "' is not a role (admin, operator, viewer)"});
        }
        if (token.token.size() < 16) {
          issues.push_back({name, at + ".token", "too short: use at least 16 random characters"});
        }
        config.api.tokens.push_back(std::move(token));
      }
    }
  }
  if (auto it = values.find("alerts"); it != values.end()) {
    auto alerts = checkObject(it->second, kAlertKeys, name, "alerts", issues);
    readInt(alerts, "interval_s", config.alerts.intervalSeconds, name, "alerts", issues);
    if (auto asOf = alerts.find("as_of"); asOf != alerts.end()) {
      config.alerts.asOf = asOf->second.asString();
      if (!config.alerts.asOf.empty() && !parseUtc(config.alerts.asOf)) {
        issues.push_back({name, "alerts.as_of", "'" + config.alerts.asOf + "' is not a date YYYY-MM-DD"});
      }
    }
  }
  if (auto it = values.find("monitor"); it != values.end()) {
    auto monitor = checkObject(it->second, kMonitorKeys, name, "monitor", issues);
    MonitorSettings& m = config.monitor;
    readInt(monitor, "interval_s", m.intervalSeconds, name, "monitor", issues);
    readInt(monitor, "failures_to_down", m.failuresToDown, name, "monitor", issues);
    readInt(monitor, "degraded_ms", m.degradedMs, name, "monitor", issues);
    readInt(monitor, "concurrency", m.concurrency, name, "monitor", issues);
    if (auto k = monitor.find("maintenance_keywords"); k != monitor.end()) {
      m.maintenanceKeywords.clear();
      for (const auto& word : k->second.asArray()) {
        if (!word.asString().empty()) m.maintenanceKeywords.push_back(lowerAscii(word.asString()));
      }
    }
  }
  if (auto it = values.find("notify"); it != values.end()) config.notify = readNotifySettings(it->second, name, issues);
  return config;
}

}  // namespace hamhub::host

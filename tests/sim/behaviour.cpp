#include "behaviour.h"

#include <charconv>
#include <stdexcept>
#include <utility>

namespace hamhub::sim {

namespace {

struct Named {
  Behaviour behaviour;
  std::string_view name;
};

constexpr Named kNames[] = {
    {Behaviour::kNormal, "normal"},
    {Behaviour::kPaged, "paged"},
    {Behaviour::kEtag, "etag"},
    {Behaviour::kBasicAuth, "basic-auth"},
    {Behaviour::kSlow, "slow"},
    {Behaviour::kMaintenance503, "maintenance-503"},
    {Behaviour::kMaintenancePage, "maintenance-page"},
    {Behaviour::kTruncated, "truncated"},
    {Behaviour::kWrongContentType, "wrong-content-type"},
    {Behaviour::kHtml, "html"},
    {Behaviour::kOversized, "oversized"},
    {Behaviour::kFlapping, "flapping"},
    {Behaviour::kZeroResults, "zero-results"},
    {Behaviour::kStall, "stall"},
    {Behaviour::kNoAnswer, "no-answer"},
    {Behaviour::kRedirectLoop, "redirect-loop"},
    {Behaviour::kRss, "rss"},
    {Behaviour::kRateLimited, "rate-limited"},
    {Behaviour::kSchemaDrift, "schema-drift"},
    {Behaviour::kServerError, "server-error"},
    {Behaviour::kLegacyCms, "legacy-cms"},
};

std::uint64_t number(std::string_view key, std::string_view value) {
  std::uint64_t out = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (ec != std::errc() || end != value.data() + value.size()) {
    throw std::invalid_argument("setting '" + std::string(key) + "' needs a whole number, got '" + std::string(value) +
                                "'");
  }
  return out;
}

}  // namespace

const std::vector<Behaviour>& allBehaviours() {
  static const std::vector<Behaviour> kAll = [] {
    std::vector<Behaviour> all;
    for (const auto& n : kNames) all.push_back(n.behaviour);
    return all;
  }();
  return kAll;
}

std::string_view behaviourName(Behaviour behaviour) {
  for (const auto& n : kNames) {
    if (n.behaviour == behaviour) return n.name;
  }
  return "unknown";
}

std::optional<Behaviour> parseBehaviourName(std::string_view name) {
  for (const auto& n : kNames) {
    if (n.name == name) return n.behaviour;
  }
  return std::nullopt;
}

void SiteBehaviour::set(std::string_view key, std::string_view value) {
  BehaviourSettings& s = settings;
  if (key == "user" || key == "username") {
    s.username = value;
  } else if (key == "password") {
    s.password = value;
  } else if (key == "delay_ms") {
    s.delay = std::chrono::milliseconds(number(key, value));
  } else if (key == "drip_bps") {
    s.dripBytesPerSecond = number(key, value);
  } else if (key == "retry_after_s") {
    s.retryAfter = std::chrono::seconds(number(key, value));
  } else if (key == "flap_ms") {
    s.flapPeriod = std::chrono::milliseconds(number(key, value));
  } else if (key == "flap_s") {
    s.flapPeriod = std::chrono::seconds(number(key, value));
  } else if (key == "oversize_bytes") {
    s.oversizeBytes = number(key, value);
  } else if (key == "oversize_mb") {
    s.oversizeBytes = number(key, value) * 1024 * 1024;
  } else if (key == "stall_after_bytes") {
    s.stallAfterBytes = number(key, value);
  } else if (key == "truncate_at") {
    s.truncateAt = number(key, value);
  } else if (key == "page_size") {
    s.pageSize = number(key, value);
    if (s.pageSize == 0) throw std::invalid_argument("page_size must be at least 1");
  } else if (key == "hold_s") {
    s.hold = std::chrono::seconds(number(key, value));
  } else if (key == "after_requests") {
    s.afterRequests = number(key, value);
  } else if (key == "status") {
    const std::uint64_t status = number(key, value);
    if (status < 400 || status > 599) throw std::invalid_argument("status must be an HTTP error, 400 to 599");
    s.status = static_cast<int>(status);
  } else {
    throw std::invalid_argument("unknown behaviour setting '" + std::string(key) +
                                "' (user, password, delay_ms, drip_bps, retry_after_s, flap_ms, flap_s, "
                                "oversize_bytes, oversize_mb, stall_after_bytes, truncate_at, page_size, hold_s, "
                                "after_requests, status)");
  }
}

SiteBehaviour SiteBehaviour::parse(std::string_view text) {
  const std::size_t comma = text.find(',');
  const std::string_view name = text.substr(0, comma);
  auto kind = parseBehaviourName(name);
  if (!kind) {
    std::string known;
    for (const auto& n : kNames) known += (known.empty() ? "" : ", ") + std::string(n.name);
    throw std::invalid_argument("unknown behaviour '" + std::string(name) + "' (known: " + known + ")");
  }
  SiteBehaviour result(*kind);
  std::string_view rest = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  while (!rest.empty()) {
    const std::size_t next = rest.find(',');
    const std::string_view item = rest.substr(0, next);
    rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      throw std::invalid_argument("behaviour setting '" + std::string(item) + "' is not key=value");
    }
    result.set(item.substr(0, eq), item.substr(eq + 1));
  }
  return result;
}

SiteBehaviour SiteBehaviour::fromJson(const JsonValue& value) {
  if (value.isString()) return parse(value.asString());
  if (!value.isObject()) throw std::invalid_argument("a behaviour is a name or an object with \"name\"");
  const JsonValue* name = value.find("name");
  if (name == nullptr || !name->isString()) throw std::invalid_argument("behaviour object without \"name\"");
  SiteBehaviour result = parse(name->asString());
  for (const auto& [key, v] : value.asObject()) {
    if (key == "name") continue;
    if (v.isString()) {
      result.set(key, v.asString());
    } else if (v.isInteger()) {
      result.set(key, std::to_string(v.asInt()));
    } else {
      throw std::invalid_argument("behaviour setting '" + key + "' must be a string or a whole number");
    }
  }
  return result;
}

}  // namespace hamhub::sim

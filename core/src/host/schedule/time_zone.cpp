#include "host/schedule/time_zone.h"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <vector>

#include "host/config/json_file.h"
#include "host/schedule/tzif.h"

namespace hamhub::host {

namespace fs = std::filesystem;

struct TimeZone::Data {
  std::string name;
  ZoneRules rules;
};

namespace {

const fs::path kZoneDir = "/usr/share/zoneinfo";
constexpr std::size_t kMaxZoneFile = 1024 * 1024;  // real ones are a few KiB
constexpr std::int64_t kWindow = 30 * 3600;           // wider than any UTC offset (RFC 8536: under 26h)

Status invalid(std::string_view name, const std::string& what) {
  return Status::error("time zone '" + std::string(name) + "': " + what, "invalid-config");
}

// ±HH:MM up to ±18:00, the bound java.time also uses; real zones span -12:00 to +14:00.
Result<std::int32_t> parseFixedOffset(std::string_view name) {
  const auto digit = [&](std::size_t i) { return name[i] >= '0' && name[i] <= '9'; };
  if (name.size() != 6 || name[3] != ':' || !digit(1) || !digit(2) || !digit(4) || !digit(5)) {
    return invalid(name, "a fixed offset is written ±HH:MM, e.g. +07:00 or -03:30");
  }
  const int hours = (name[1] - '0') * 10 + (name[2] - '0');
  const int minutes = (name[4] - '0') * 10 + (name[5] - '0');
  if (minutes > 59 || hours * 60 + minutes > 18 * 60) {
    return invalid(name, "offset is out of range -18:00 to +18:00");
  }
  const std::int32_t seconds = (hours * 60 + minutes) * 60;
  return name[0] == '-' ? -seconds : seconds;
}

// Zone names are relative paths under the zone directory; nothing may lead outside it.
Status checkZoneName(std::string_view name) {
  if (name.front() == '/' || name.find("..") != std::string_view::npos) {
    return invalid(name, "must be an IANA name such as Asia/Jakarta (a leading '/' and '..' are not allowed)");
  }
  for (char c : name) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
                    c == '_' || c == '-' || c == '+' || c == '.';
    if (!ok) return invalid(name, "contains '" + std::string(1, c) + "', which no IANA zone name has");
  }
  return Status::ok();
}

Result<std::string> readZoneFile(std::string_view name) {
  std::error_code ec;
  if (!fs::is_directory(kZoneDir, ec)) {
    return invalid(name, "the zone database " + kZoneDir.string() + " is missing (install the tzdata package)");
  }
  const fs::path file = kZoneDir / std::string(name);
  if (fs::is_directory(file, ec)) return invalid(name, "is a group of zones, not a zone (e.g. Asia/Jakarta)");
  if (!fs::is_regular_file(file, ec)) {
    return invalid(name, "not found in " + kZoneDir.string() +
                             " (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura, UTC or a fixed offset like +07:00)");
  }
  auto bytes = readSmallFile(file, kMaxZoneFile);
  if (!bytes) return invalid(name, file.string() + ": " + bytes.status().message());
  return bytes;
}

}  // namespace

Result<TimeZone> TimeZone::load(std::string_view name) {
  if (name.empty()) return invalid(name, "is empty; give an IANA name such as Asia/Jakarta or an offset like +07:00");
  if (name == "UTC" || name == "Etc/UTC") return fixed(name, 0);
  if (name.front() == '+' || name.front() == '-') {
    auto offset = parseFixedOffset(name);
    if (!offset) return offset.status();
    return fixed(name, *offset);
  }
  if (Status ok = checkZoneName(name); !ok) return ok;
  auto bytes = readZoneFile(name);
  if (!bytes) return bytes.status();
  return fromTzif(std::string(name), *bytes);
}

Result<TimeZone> TimeZone::fromTzif(std::string name, std::string_view bytes) {
  auto rules = parseTzif(bytes);
  if (!rules) return rules.status().withContext("time zone '" + name + "'");
  return TimeZone(std::make_shared<const Data>(Data{std::move(name), std::move(*rules)}));
}

TimeZone TimeZone::fixed(std::string_view name, std::int32_t offset) {
  ZoneRules rules;
  rules.initialOffset = offset;
  return TimeZone(std::make_shared<const Data>(Data{std::string(name), std::move(rules)}));
}

const std::string& TimeZone::name() const { return data_->name; }

std::int32_t TimeZone::offsetAtSeconds(std::int64_t utc) const {
  const ZoneRules& r = data_->rules;
  if (r.footer && (r.changes.empty() || utc >= r.changes.back().at)) return r.footer->offsetAt(utc);
  const auto after = std::upper_bound(r.changes.begin(), r.changes.end(), utc,
                                      [](std::int64_t t, const OffsetChange& c) { return t < c.at; });
  return after == r.changes.begin() ? r.initialOffset : std::prev(after)->offset;
}

std::chrono::seconds TimeZone::offsetAt(TimePoint utc) const {
  return std::chrono::seconds(offsetAtSeconds(std::chrono::floor<std::chrono::seconds>(utc).time_since_epoch().count()));
}

std::chrono::local_seconds TimeZone::toLocal(TimePoint utc) const {
  const auto secs = std::chrono::floor<std::chrono::seconds>(utc).time_since_epoch();
  return std::chrono::local_seconds(secs + std::chrono::seconds(offsetAtSeconds(secs.count())));
}

std::optional<TimePoint> TimeZone::toUtc(std::chrono::local_seconds local) const {
  // An instant u shows `local` when u + offset(u) == local. u lies within a day of `local`, so the
  // offset there is the one in force just before that window or one that a change inside it sets.
  const std::int64_t wall = local.time_since_epoch().count();
  const ZoneRules& r = data_->rules;
  std::vector<std::int32_t> candidates{offsetAtSeconds(wall - kWindow)};
  const auto byTime = [](const OffsetChange& c, std::int64_t t) { return c.at <= t; };
  for (auto it = std::lower_bound(r.changes.begin(), r.changes.end(), wall - kWindow, byTime);
       it != r.changes.end() && it->at <= wall + kWindow; ++it) {
    candidates.push_back(it->offset);
  }
  if (r.footer) {
    const std::int64_t from = r.changes.empty() ? wall - kWindow : std::max(wall - kWindow, r.changes.back().at);
    for (const auto& c : r.footer->changesBetween(from, wall + kWindow)) candidates.push_back(c.offset);
  }
  std::optional<std::int64_t> earliest;
  for (std::int32_t offset : candidates) {
    const std::int64_t u = wall - offset;
    if (offsetAtSeconds(u) == offset && (!earliest || u < *earliest)) earliest = u;
  }
  if (!earliest) return std::nullopt;
  return TimePoint(std::chrono::seconds(*earliest));
}

}  // namespace hamhub::host

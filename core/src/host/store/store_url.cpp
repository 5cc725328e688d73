#include "host/store/store_url.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace hamhub::host {
namespace {

constexpr std::string_view kMask = "***";
// libpq's own default is to wait forever; a store that cannot be reached should say so quickly.
constexpr std::string_view kDefaultConnectTimeoutSeconds = "10";

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

Status urlError(std::string_view description, std::string_view why) {
  return Status::error("store URL '" + std::string(description) + "': " + std::string(why), "invalid-config");
}

std::string acceptedForms() {
  return "use sqlite:PATH (a relative PATH is relative to the config directory) or PostgreSQL as "
         "postgresql://user:password@host:port/dbname (also postgres://…), or postgresql: followed by "
         "libpq keywords, e.g. 'postgresql:host=127.0.0.1 port=5432 dbname=hamhub user=hamhub'";
}

std::optional<std::string> percentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out.push_back(s[i]);
      continue;
    }
    if (i + 2 >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      return std::nullopt;
    }
    out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
    i += 2;
  }
  return out;
}

// Poco's PostgreSQL connector splits its connection string on spaces and does not understand libpq's
// quoting, so a value with a space, quote or backslash cannot be passed through it at all.
bool passableValue(std::string_view v) {
  return !v.empty() && std::none_of(v.begin(), v.end(), [](unsigned char c) {
    return std::isspace(c) || c == '\'' || c == '"' || c == '\\';
  });
}

using Keywords = std::vector<std::pair<std::string, std::string>>;

Result<std::string> keywordString(Keywords keywords, std::string_view description) {
  const bool hasTimeout = std::any_of(keywords.begin(), keywords.end(),
                                      [](const auto& kv) { return kv.first == "connect_timeout"; });
  if (!hasTimeout) keywords.emplace_back("connect_timeout", kDefaultConnectTimeoutSeconds);
  std::string out;
  for (const auto& [key, value] : keywords) {
    if (!passableValue(key) || !passableValue(value)) {
      const std::string shown = key == "password" ? std::string(kMask) : value;
      return urlError(description, "the value of '" + key + "' ('" + shown +
                                       "') is empty or contains a space, quote or backslash, which "
                                       "the PostgreSQL connector cannot pass on");
    }
    if (!out.empty()) out += ' ';
    out += key + "=" + value;
  }
  return out;
}

Result<StoreLocation> parseSqlite(std::string_view rest, const std::filesystem::path& baseDir,
                                  std::string_view url) {
  rest = trim(rest);
  if (rest.empty()) return urlError(url, "sqlite: needs a file path, e.g. sqlite:var/hamhub.db");
  std::filesystem::path path{std::string(rest)};
  if (path.is_relative()) path = baseDir / path;
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  if (ec) absolute = path;
  absolute = absolute.lexically_normal();
  if (!absolute.has_filename()) return urlError(url, "sqlite: path names a directory, not a file");
  StoreLocation loc;
  loc.backend = Backend::Sqlite;
  loc.pocoConnector = "SQLite";
  loc.connectString = absolute.string();
  loc.sqlitePath = absolute;
  loc.description = "sqlite:" + absolute.string();
  return loc;
}

Result<StoreLocation> parsePostgresUri(std::string_view rest, std::string_view description) {
  Keywords query;
  if (const auto q = rest.find('?'); q != std::string_view::npos) {
    std::string_view params = rest.substr(q + 1);
    rest = rest.substr(0, q);
    while (!params.empty()) {
      const auto amp = params.find('&');
      const std::string_view param = params.substr(0, amp);
      params = amp == std::string_view::npos ? std::string_view{} : params.substr(amp + 1);
      if (param.empty()) continue;
      const auto eq = param.find('=');
      auto key = percentDecode(param.substr(0, eq));
      auto value = percentDecode(eq == std::string_view::npos ? std::string_view{} : param.substr(eq + 1));
      if (!key || !value || key->empty()) return urlError(description, "bad query parameter");
      query.emplace_back(std::move(*key), std::move(*value));
    }
  }
  std::string_view authority = rest;
  std::string_view path;
  if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
    authority = rest.substr(0, slash);
    path = rest.substr(slash + 1);
  }
  std::string_view userinfo;
  std::string_view hostport = authority;
  // A password may contain an unencoded '@'; the host never does.
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    userinfo = authority.substr(0, at);
    hostport = authority.substr(at + 1);
  }
  if (hostport.find(',') != std::string_view::npos) {
    return urlError(description,
                    "several hosts in one URL are not supported; use the keyword form "
                    "(postgresql:host=a,b port=5432,5432 …)");
  }
  std::string_view host = hostport;
  std::string_view port;
  if (hostport.starts_with('[')) {  // [IPv6]:port
    const auto close = hostport.find(']');
    if (close == std::string_view::npos) return urlError(description, "unclosed '[' in host");
    host = hostport.substr(1, close - 1);
    const std::string_view after = hostport.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return urlError(description, "expected ':port' after ']'");
      port = after.substr(1);
    }
  } else if (const auto colon = hostport.rfind(':'); colon != std::string_view::npos) {
    host = hostport.substr(0, colon);
    port = hostport.substr(colon + 1);
  }
  if (!port.empty() && (port.size() > 5 || !std::all_of(port.begin(), port.end(),
                                                        [](unsigned char c) { return std::isdigit(c); }))) {
    return urlError(description, "port '" + std::string(port) + "' is not a number");
  }

  Keywords keywords;
  const auto add = [&](const char* key, std::string_view raw) -> Status {
    if (raw.empty()) return Status::ok();
    auto decoded = percentDecode(raw);
    if (!decoded) return urlError(description, std::string("bad %-escape in ") + key);
    keywords.emplace_back(key, std::move(*decoded));
    return Status::ok();
  };
  std::string_view user = userinfo;
  std::string_view password;
  if (const auto colon = userinfo.find(':'); colon != std::string_view::npos) {
    user = userinfo.substr(0, colon);
    password = userinfo.substr(colon + 1);
  }
  for (const auto& [key, raw] : {std::pair<const char*, std::string_view>{"host", host},
                                 {"port", port},
                                 {"dbname", path},
                                 {"user", user},
                                 {"password", password}}) {
    if (Status s = add(key, raw); !s) return s;
  }
  for (auto& kv : query) keywords.push_back(std::move(kv));

  auto connect = keywordString(std::move(keywords), description);
  if (!connect) return connect.status();
  StoreLocation loc;
  loc.backend = Backend::Postgres;
  loc.pocoConnector = "PostgreSQL";
  loc.connectString = std::move(connect.value());
  loc.description = std::string(description);
  return loc;
}

Result<StoreLocation> parsePostgresKeywords(std::string_view rest, std::string_view description) {
  Keywords keywords;
  rest = trim(rest);
  if (rest.empty()) {
    return urlError(description,
                    "postgresql: needs libpq keywords, e.g. postgresql:host=127.0.0.1 dbname=hamhub");
  }
  while (!rest.empty()) {
    const auto end = std::find_if(rest.begin(), rest.end(), [](unsigned char c) { return std::isspace(c); });
    const std::string_view token = rest.substr(0, static_cast<std::size_t>(end - rest.begin()));
    rest = trim(rest.substr(token.size()));
    const auto eq = token.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      return urlError(description, "'" + std::string(token.substr(0, eq)) +
                                       "' is not a keyword=value pair (spaces around '=' and quoted "
                                       "values are not supported)");
    }
    keywords.emplace_back(std::string(token.substr(0, eq)), std::string(token.substr(eq + 1)));
  }
  auto connect = keywordString(std::move(keywords), description);
  if (!connect) return connect.status();
  StoreLocation loc;
  loc.backend = Backend::Postgres;
  loc.pocoConnector = "PostgreSQL";
  loc.connectString = std::move(connect.value());
  loc.description = std::string(description);
  return loc;
}

}  // namespace

std::string maskStoreUrl(std::string_view url) {
  std::string out(url);
  // scheme://user:password@host
  if (const auto scheme = out.find("://"); scheme != std::string::npos) {
    const std::size_t start = scheme + 3;
    const std::size_t authorityEnd = std::min(out.find('/', start), out.find('?', start));
    const std::size_t at = out.rfind('@', authorityEnd == std::string::npos ? out.size() : authorityEnd);
    if (at != std::string::npos && at > start) {
      const std::size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, kMask);
    }
  }
  // password=… as a libpq keyword or a query parameter
  for (std::size_t pos = 0; (pos = lower(out).find("password=", pos)) != std::string::npos;) {
    const bool atBoundary =
        pos == 0 || out[pos - 1] == ' ' || out[pos - 1] == '?' || out[pos - 1] == '&' || out[pos - 1] == ':';
    pos += std::string_view("password=").size();
    if (!atBoundary) continue;
    std::size_t end = pos;
    while (end < out.size() && out[end] != ' ' && out[end] != '&') ++end;
    out.replace(pos, end - pos, kMask);
    pos += kMask.size();
  }
  return out;
}

Result<StoreLocation> parseStoreUrl(std::string_view url, const std::filesystem::path& baseDir) {
  url = trim(url);
  const std::string description = maskStoreUrl(url);
  const std::string head = lower(url.substr(0, std::min<std::size_t>(url.size(), 16)));
  if (head.starts_with("sqlite:")) return parseSqlite(url.substr(7), baseDir, description);
  if (head.starts_with("postgresql://")) return parsePostgresUri(url.substr(13), description);
  if (head.starts_with("postgres://")) return parsePostgresUri(url.substr(11), description);
  if (head.starts_with("postgresql:")) return parsePostgresKeywords(url.substr(11), description);
  if (url.empty()) return Status::error("no store URL given: " + acceptedForms(), "invalid-config");
  return urlError(description, "unsupported form; " + acceptedForms());
}

}  // namespace hamhub::host

#include "jdih_options.h"

#include <string_view>

#include "text_util.h"

namespace hamhub::jdih {

namespace {

// Bounds that catch typos (a page size of 10 million, a negative cap) rather than limit use.
constexpr std::int64_t kMaxPageSize = 100000;
constexpr std::int64_t kMaxMaxDocuments = 100000000;

// The option's value, or null. The host fills in declared defaults when it checks the source
// against the manifest (Options, options.h), so a missing option has none.
JsonValue valueOf(const Options& options, std::string_view name) {
  const JsonValue* value = options.get(name);
  return value != nullptr ? *value : JsonValue();
}

std::string stringOf(const Options& options, std::string_view name) {
  const JsonValue value = valueOf(options, name);
  return value.isString() ? std::string(trim(value.asString())) : std::string();
}

std::int64_t intOf(const Options& options, std::string_view name) {
  const JsonValue value = valueOf(options, name);
  return value.isInteger() ? value.asInt() : 0;
}

bool isHttpUrl(std::string_view url) {
  const std::string lower = toLowerAscii(url.substr(0, 8));
  return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0;
}

Status invalid(std::string message) { return Status::error(std::move(message), "invalid-option"); }

}  // namespace

Result<Settings> readSettings(const Options& options) {
  Settings s;
  s.url = stringOf(options, "url");
  s.rssUrl = stringOf(options, "rss_url");
  s.username = stringOf(options, "username");
  const JsonValue password = valueOf(options, "password");
  s.password = password.isString() ? password.asString() : std::string();  // spaces may be meant
  s.pageSize = intOf(options, "page_size");
  s.pageParam = stringOf(options, "page_param");
  s.limitParam = stringOf(options, "limit_param");
  s.firstPage = intOf(options, "first_page");
  s.maxDocuments = intOf(options, "max_documents");
  const JsonValue keywords = valueOf(options, "maintenance_keywords");
  if (keywords.isArray()) {
    for (const auto& keyword : keywords.asArray()) {
      if (!keyword.isString()) continue;
      std::string k = toLowerAscii(collapseSpaces(keyword.asString()));
      if (!k.empty()) s.maintenanceKeywords.push_back(std::move(k));
    }
  }

  if (s.url.empty() && s.rssUrl.empty()) return invalid("give url (the JDIHN feed) or rss_url");
  if (!s.url.empty() && !isHttpUrl(s.url)) return invalid("url must start with http:// or https://");
  if (!s.rssUrl.empty() && !isHttpUrl(s.rssUrl)) {
    return invalid("rss_url must start with http:// or https://");
  }
  if (!s.password.empty() && s.username.empty()) return invalid("password is set but username is not");
  if (s.pageSize < 0 || s.pageSize > kMaxPageSize) {
    return invalid("page_size must be between 0 and " + std::to_string(kMaxPageSize));
  }
  if (s.pageSize > 0 && s.url.empty()) return invalid("page_size pages the JSON feed: set url");
  if (s.pageSize > 0 && s.pageParam.empty())
    return invalid("page_param must not be empty when page_size is set");
  if (s.firstPage < 0) return invalid("first_page must not be negative");
  if (s.maxDocuments < 1 || s.maxDocuments > kMaxMaxDocuments) {
    return invalid("max_documents must be between 1 and " + std::to_string(kMaxMaxDocuments));
  }
  return s;
}

}  // namespace hamhub::jdih

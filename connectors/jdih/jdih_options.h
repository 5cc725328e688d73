#pragma once

#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include <hamhub/options.h>
#include <hamhub/status.h>

namespace hamhub::jdih {

/// The connector's option schema, declared once: the manifest exports it (the host validates,
/// documents and fills defaults from it) and `readSettings` takes its defaults from it too.
inline constexpr OptionSpec kOptions[] = {
    {"url", OptionType::String, false, false, nullptr,
     "JDIHN integration feed (a JSON array of documents); required unless rss_url is given"},
    {"rss_url", OptionType::String, false, false, nullptr,
     "RSS 2.0 or Atom feed of new documents, used when url is absent (never a complete listing)"},
    {"username", OptionType::String, false, false, nullptr, "HTTP Basic auth user"},
    {"password", OptionType::String, false, true, nullptr, "HTTP Basic auth password"},
    {"page_size", OptionType::Integer, false, false, "0",
     "documents per page for sites that page the feed; 0: the feed is one response"},
    {"page_param", OptionType::String, false, false, "\"page\"", "query parameter naming the page"},
    {"limit_param", OptionType::String, false, false, "\"limit\"",
     "query parameter carrying page_size (empty: not sent)"},
    {"first_page", OptionType::Integer, false, false, "1", "number of the first page"},
    {"maintenance_keywords", OptionType::StringList, false, false,
     "[\"pemeliharaan\", \"sedang dalam perbaikan\", \"dalam perbaikan\", \"sedang diperbaiki\", "
     "\"under maintenance\", \"maintenance\", \"temporarily unavailable\"]",
     "phrases (any case) that make an HTML answer a maintenance page"},
    {"max_documents", OptionType::Integer, false, false, "200000",
     "sanity cap: a feed listing more documents fails instead of running on"},
};
inline constexpr std::size_t kOptionCount = std::size(kOptions);

/// The options after `configure`: checked for meaning, defaults applied.
struct Settings {
  std::string url;     ///< JSON feed; empty when the RSS/Atom feed is used
  std::string rssUrl;  ///< used only when url is empty
  std::string username;
  std::string password;
  std::int64_t pageSize = 0;  ///< 0: not paged
  std::string pageParam;
  std::string limitParam;
  std::int64_t firstPage = 1;
  std::vector<std::string> maintenanceKeywords;  ///< lower-case
  std::int64_t maxDocuments = 0;

  bool usesRss() const { return url.empty(); }
  const std::string& feedUrl() const { return url.empty() ? rssUrl : url; }
};

/// Reads and checks the options; errors have reason `invalid-option`. An option absent from
/// `options` takes its default from kOptions (the host normally fills them in already).
Result<Settings> readSettings(const Options& options);

}  // namespace hamhub::jdih

#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hamhub/json.h"

namespace hamhub::sim {

/// How a simulated site answers. Availability behaviours apply to every path of the site; payload
/// behaviours only to its primary export (the JDIHN feed), the other pages stay ordinary.
enum class Behaviour {
  kNormal,            ///< 200, the whole feed, application/json
  kPaged,             ///< honours ?page=&limit= (1-based); no parameters → page 1 of `pageSize`
  kEtag,              ///< ETag + Last-Modified on every page; 304 to If-None-Match / If-Modified-Since
  kBasicAuth,         ///< [site-wide] 401 + WWW-Authenticate unless the Basic credentials match
  kSlow,              ///< [site-wide] waits `delay`, then sends (dripped at `dripBytesPerSecond` if > 0)
  kMaintenance503,    ///< [site-wide] 503 + Retry-After + a small Indonesian maintenance page
  kMaintenancePage,   ///< [site-wide] 200 + "Situs sedang dalam pemeliharaan" HTML
  kTruncated,         ///< valid JSON cut off mid-document, no Content-Length, connection closed
  kWrongContentType,  ///< the feed's JSON served as text/html
  kHtml,              ///< the feed path answers with the ordinary HTML home page
  kOversized,         ///< a valid JSON array of at least `oversizeBytes`, streamed chunked, never buffered
  kFlapping,          ///< [site-wide] normal and 503 alternate, each phase `flapPeriod` long
  kZeroResults,       ///< the literal body `0 results` (text/html), as PHP feeds print for no rows
  kStall,             ///< [site-wide] headers + `stallAfterBytes` of the body, then silence for `hold`
  kNoAnswer,          ///< [site-wide] reads the request, never answers; closes after `hold`
  kRedirectLoop,      ///< [site-wide] 302 to ?loop=1, which 302s back: A → B → A …
  kRss,               ///< publishes only RSS/Atom: the JSON feed path is 404, the site URL is /feed.rss
  kRateLimited,       ///< [site-wide] the first `afterRequests` answered normally, then 429 + Retry-After
  kSchemaDrift,       ///< the feed's documents with renamed fields (idData → id_data, judul → title, …)
  kServerError,       ///< [site-wide] `status` (500) with nginx's small error page
  kLegacyCms,         ///< the feed as an old PHP CMS on a Latin-1 database writes it (see legacy_cms.h)
};

/// Every behaviour, in declaration order.
const std::vector<Behaviour>& allBehaviours();
/// The command-line name, e.g. "maintenance-503".
std::string_view behaviourName(Behaviour behaviour);
std::optional<Behaviour> parseBehaviourName(std::string_view name);

/// Knobs; each behaviour reads only its own. Names in brackets are the keys in `NAME,key=value` and JSON.
struct BehaviourSettings {
  std::string username = "jdih";                       ///< [user] basic-auth
  std::string password = "rahasia";                    ///< [password] basic-auth
  std::chrono::milliseconds delay{2000};               ///< [delay_ms] slow
  std::size_t dripBytesPerSecond = 0;                  ///< [drip_bps] slow: 0 sends at once
  std::chrono::seconds retryAfter{3600};               ///< [retry_after_s] maintenance-503, flapping, rate-limited
  std::chrono::milliseconds flapPeriod{30000};         ///< [flap_ms] flapping: each phase
  std::uint64_t oversizeBytes = 300ULL * 1024 * 1024;  ///< [oversize_bytes | oversize_mb] oversized
  std::size_t stallAfterBytes = 4096;                  ///< [stall_after_bytes] stall
  std::size_t truncateAt = 0;                          ///< [truncate_at] truncated: 0 = middle of the middle document
  std::size_t pageSize = 50;                           ///< [page_size] paged: limit when none is asked for
  std::chrono::seconds hold{600};                      ///< [hold_s] stall, no-answer: how long the socket stays open
  std::uint64_t afterRequests = 0;                     ///< [after_requests] rate-limited: answered normally first
  int status = 500;                                    ///< [status] server-error: any 4xx or 5xx
};

/// A behaviour with its settings.
struct SiteBehaviour {
  Behaviour kind = Behaviour::kNormal;
  BehaviourSettings settings;

  SiteBehaviour() = default;
  SiteBehaviour(Behaviour k) : kind(k) {}  // NOLINT(google-explicit-constructor)

  /// Parses `NAME[,key=value]...`, e.g. "slow,delay_ms=500,drip_bps=2000". Throws std::invalid_argument.
  static SiteBehaviour parse(std::string_view text);
  /// Parses "NAME" or {"name": NAME, key: value...}. Throws std::invalid_argument.
  static SiteBehaviour fromJson(const JsonValue& value);
  /// Applies one `key=value` setting. Throws std::invalid_argument.
  void set(std::string_view key, std::string_view value);
};

}  // namespace hamhub::sim

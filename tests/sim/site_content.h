#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <Poco/Timestamp.h>

#include "hamhub/json.h"

namespace hamhub::sim {

/// One response body a site can serve, built once and served from memory.
struct Payload {
  std::string body;
  std::string contentType;
  /// For JSON-array exports: each element's [offset, length) in `body`, so `?page=&limit=` can
  /// slice without re-serialising. Empty for other payloads.
  std::vector<std::pair<std::size_t, std::size_t>> items;
  std::string etag;  ///< strong validator, quoted: "\"5f0c…\""
  Poco::Timestamp lastModified;
  /// For JSON arrays an API wraps (`{"data":{"items":[…]},"meta":…}`): the text before and after
  /// the array, repeated around every page `?page=&limit=` cuts.
  std::string envelopeHead;
  std::string envelopeTail;
};

/// Everything a site serves at one moment, keyed by path under the site prefix ("/", "/integrasi/jdihn",
/// "/feed.rss", …). Immutable: a mutation builds a new snapshot and swaps it in, so a request in flight
/// keeps the bytes it started with.
struct ContentSnapshot {
  std::map<std::string, Payload, std::less<>> pages;
  std::uint64_t version = 0;  ///< 0 at start, +1 per mutation

  const Payload* find(std::string_view path) const {
    auto it = pages.find(path);
    return it == pages.end() ? nullptr : &it->second;
  }
  /// The page at `path`; throws std::out_of_range when there is none.
  const Payload& at(std::string_view path) const {
    auto it = pages.find(path);
    if (it == pages.end()) throw std::out_of_range("no page " + std::string(path));
    return it->second;
  }
};

/// Changes a harvest should notice: new documents, changed ones, removed ones.
struct Mutation {
  int add = 1;
  int change = 1;
  int remove = 1;
};

/// The ids (as the feed writes them, stringified) a mutation touched.
struct MutationResult {
  std::vector<std::string> added;
  std::vector<std::string> changed;
  std::vector<std::string> removed;
};

/// What a simulated site publishes: a generator plus the paths it answers. A site is a path prefix +
/// a behaviour + one SiteContent: a JDIH feed (JdihContent) or an application's table export
/// (TableContent: KKPHAM, SAPA-HAM, OPD, SKM). Implementations are thread-safe.
class SiteContent {
 public:
  virtual ~SiteContent() = default;

  /// The kind, which is also the hamhub connector that reads it ("jdih").
  virtual std::string_view kind() const = 0;
  /// The export under the site prefix that payload behaviours distort (e.g. "/integrasi/jdihn").
  virtual std::string primaryPath() const = 0;
  /// The current pages; never null.
  virtual std::shared_ptr<const ContentSnapshot> snapshot() const = 0;
  /// Applies a deterministic change (same seed, same sequence of calls → same result).
  virtual MutationResult mutate(const Mutation& mutation) = 0;
  /// The n-th extra element of the primary export, generated on demand (serialised JSON), for
  /// streaming bodies of any size without holding them in memory.
  virtual std::string extraItem(std::uint64_t n) const = 0;
  /// What the site publishes, for people: "JDIH Kota Palembang", "Ekspor KKPHAM 2024".
  virtual std::string title() const = 0;
  /// Options (besides the URL) a hamhub source needs to read the primary export, e.g. a column
  /// mapping; an empty object when the URL is enough.
  virtual JsonValue sourceOptions() const = 0;
};

}  // namespace hamhub::sim

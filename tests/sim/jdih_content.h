#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <Poco/Timestamp.h>

#include "hamhub/json.h"
#include "jdih_generator.h"
#include "site_content.h"

namespace hamhub::sim {

/// A regional JDIH site: the JDIHN integration feed at /integrasi/jdihn (a JSON array), RSS 2.0 and
/// Atom feeds of the 20 newest documents at /feed.rss and /feed.atom, and a small home page at /.
class JdihContent : public SiteContent {
 public:
  static constexpr const char* kFeedPath = "/integrasi/jdihn";
  static constexpr const char* kRssPath = "/feed.rss";
  static constexpr const char* kAtomPath = "/feed.atom";
  static constexpr std::size_t kFeedEntries = 20;

  /// Generates documents 0…documents-1 and renders every page once.
  JdihContent(JdihGenerator generator, std::size_t documents, Poco::Timestamp lastModified);

  std::string_view kind() const override { return "jdih"; }
  std::string primaryPath() const override { return kFeedPath; }
  std::shared_ptr<const ContentSnapshot> snapshot() const override;
  /// Adds new documents, flips the status of existing ones (Berlaku ↔ Dicabut/Diubah/Tidak Berlaku,
  /// with a new lastUpdated) and removes others; ETag and Last-Modified change with the bytes.
  MutationResult mutate(const Mutation& mutation) override;
  std::string extraItem(std::uint64_t n) const override;
  std::string title() const override { return "JDIH " + std::string(generator_.region().name); }
  JsonValue sourceOptions() const override { return JsonValue::Object{}; }

  const JdihGenerator& generator() const { return generator_; }

 private:
  std::shared_ptr<const ContentSnapshot> build(const std::vector<JsonValue>& documents, std::uint64_t version,
                                               Poco::Timestamp lastModified) const;

  JdihGenerator generator_;
  mutable std::mutex mutex_;
  std::shared_ptr<const ContentSnapshot> snapshot_;
  std::uint64_t nextIndex_;
};

/// The text of a scalar JSON member ("" when absent or null), for ids that are strings or ints.
std::string memberText(const JsonValue& object, std::string_view key);

}  // namespace hamhub::sim

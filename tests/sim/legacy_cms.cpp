// legacy-cms: the JDIHN feed as an old PHP CMS on a Latin-1 database writes it.
#include "legacy_cms.h"

#include "feed_rewrite.h"

namespace hamhub::sim {

std::string legacyCmsFeed(const Payload& feed) {
  return rewrittenFeed(feed, "legacy-cms", [](JsonValue& document) {
    const JsonValue* title = document.isObject() ? document.find("judul") : nullptr;
    if (title != nullptr && title->isString()) {
      document.set("judul", JsonValue(std::string(kLegacyTitlePrefix) + title->asString()));
    }
  });
}

}  // namespace hamhub::sim

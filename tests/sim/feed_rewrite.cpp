#include "feed_rewrite.h"

#include <stdexcept>

namespace hamhub::sim {

std::string rewrittenFeed(const Payload& feed, std::string_view behaviour,
                          const std::function<void(JsonValue& document)>& rewrite) {
  std::string body = feed.envelopeHead + "[";
  for (const auto& [offset, length] : feed.items) {
    auto item = parseJson(std::string_view(feed.body).substr(offset, length));
    if (!item.isOk()) {
      throw std::logic_error(std::string(behaviour) + ": a feed item is not JSON: " + item.status().message());
    }
    JsonValue document = std::move(item).value();
    rewrite(document);
    if (body.back() != '[') body += ',';
    // The JSON writer copies bytes of 0x80 and above as they are, valid UTF-8 or not.
    body += toJson(document);
  }
  body += ']';
  body += feed.envelopeTail;
  return body;
}

}  // namespace hamhub::sim

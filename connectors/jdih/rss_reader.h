#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <hamhub/json.h>
#include <hamhub/status.h>

namespace hamhub::jdih {

/// One `<item>` (RSS) or `<entry>` (Atom), as read.
struct FeedItem {
  std::string guid;          ///< RSS guid
  std::string id;            ///< Atom id
  std::string link;          ///< RSS link text, or Atom link rel="alternate" (or without rel)
  std::string enclosureUrl;  ///< RSS enclosure url, or Atom link rel="enclosure"
  std::string title;
  std::string description;  ///< RSS description, Atom summary
  std::string content;      ///< Atom content, RSS content:encoded
  std::string pubDate;      ///< RSS pubDate, dc:date, Atom published (as written)
  std::string updated;      ///< Atom updated (as written)
  std::vector<std::string> categories;
  JsonValue raw = JsonValue(JsonValue::Object{});  ///< every child element: name → text or attributes
  bool oversized = false;                          ///< larger than the item limit; fields may be incomplete
};

/// Limits that keep a hostile or broken feed from costing more than a bounded amount of work.
struct RssLimits {
  std::size_t maxDepth = 64;
  std::size_t maxItemBytes = 1024 * 1024;
};

/// A streaming RSS 2.0 / RSS 1.0 / Atom reader over libxml2's SAX push parser: feed it the body in
/// chunks; items go to the ItemHandler one at a time, so memory does not grow with the feed.
///
/// Safe with hostile input: no network access, no DTD loading, no entity substitution; a
/// document that declares any entity (billion laughs, external entities) is refused at the
/// declaration, before anything is expanded or opened.
///
/// Not thread-safe; one reader per body.
class RssReader {
 public:
  enum class Root { Unknown, Rss, Atom, Other };

  /// Reasons of errors that are not plain invalid XML; the body reader maps them.
  static constexpr const char* kHtmlRoot = "jdih-html-root";

  using ItemHandler = std::function<Status(FeedItem&& item)>;

  RssReader(ItemHandler onItem, RssLimits limits = {});
  ~RssReader();
  RssReader(const RssReader&) = delete;
  RssReader& operator=(const RssReader&) = delete;

  /// Parses the next chunk. Errors: `invalid-payload` (not well-formed, too deep, declares
  /// entities), `schema-drift` (a root element that is not a feed), reason kHtmlRoot (an HTML
  /// page), or the ItemHandler's own error unchanged (see handlerFailed()).
  Status feed(std::string_view chunk);
  /// Declares the end of the body.
  Status finish();

  Root root() const { return root_; }
  std::size_t items() const { return items_; }
  bool handlerFailed() const { return handlerFailed_; }

 private:
  struct Callbacks;

  Status parse(const char* data, std::size_t size, bool terminate);
  void stop(Status status);
  void startElement(std::string_view local, std::string_view prefix, std::string_view uri, int attributeCount,
                    const unsigned char** attributes);
  void endElement();
  void text(std::string_view chunk);
  void finishField();

  ItemHandler onItem_;
  RssLimits limits_;
  void* context_ = nullptr;  // xmlParserCtxtPtr, kept out of this header
  Status error_;
  bool handlerFailed_ = false;
  Root root_ = Root::Unknown;
  std::size_t depth_ = 0;
  std::size_t items_ = 0;

  bool inItem_ = false;
  std::size_t itemDepth_ = 0;
  FeedItem item_;
  std::size_t itemBytes_ = 0;
  std::string fieldName_;  // qualified name of the item's child being read
  std::string fieldLocal_;
  std::string fieldUri_;
  JsonValue::Object fieldAttributes_;
  std::string fieldText_;
};

}  // namespace hamhub::jdih

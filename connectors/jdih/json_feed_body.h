#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <hamhub/json.h>

#include "feed_parser.h"

namespace hamhub::jdih {

/// Reads one response body where a JDIHN JSON feed is expected, chunk by chunk, as the HTTP
/// client hands it over, and classifies what it was.
///
/// The first meaningful byte decides: `[` or `{` streams into a JsonPushParser (documents go to
/// the ItemHandler one at a time); `<` is markup (kept, up to a cap, to classify); anything else
/// is text (kept, up to a cap: `0 results`, or a mistake). So memory stays bounded whatever
/// the body is.
///
/// Not thread-safe; one object per response.
class JsonFeedBody {
 public:
  /// @param stopAfterBytes for probes: once this much JSON has parsed cleanly, `consume` returns
  ///        readEnough() to end the transfer; 0 reads everything.
  JsonFeedBody(std::string url, const std::vector<std::string>& keywords, FeedParser::ItemHandler onItem,
               std::size_t stopAfterBytes = 0);
  ~JsonFeedBody();
  JsonFeedBody(const JsonFeedBody&) = delete;
  JsonFeedBody& operator=(const JsonFeedBody&) = delete;

  /// The HttpBodyHandler. Errors: `invalid-payload` for JSON that does not parse, readEnough()
  /// to stop on purpose, or the ItemHandler's own error unchanged.
  Status consume(std::string_view chunk);

  /// Classifies the body once the transfer ended (`stoppedEarly`: consume returned readEnough()).
  /// Ok for a feed (also an empty one); otherwise `invalid-payload`, `maintenance-page` or
  /// `schema-drift`, naming the URL.
  Status finish(bool stoppedEarly);

  bool isJson() const { return mode_ == Mode::Json; }
  /// Items in this body's array (0 for `0 results`).
  std::size_t items() const { return feed_.items(); }
  std::size_t largestItemBytes() const { return feed_.largestItemBytes(); }
  /// Strings that were not UTF-8 and were read as Windows-1252 (JsonPushParser::repairedStrings).
  std::size_t repairedStrings() const { return parser_ ? parser_->repairedStrings() : 0; }

 private:
  enum class Mode { Undecided, Json, Markup, Text };

  Status decide();
  Status feedJson(std::string_view chunk);
  Status keep(std::string_view chunk, std::size_t cap);
  Status jsonError(const Status& parserError) const;

  std::string url_;
  const std::vector<std::string>& keywords_;
  std::size_t stopAfterBytes_;
  FeedParser feed_;
  std::unique_ptr<JsonPushParser> parser_;
  Mode mode_ = Mode::Undecided;
  std::string kept_;  // undecided bytes, markup or text; the first bytes of JSON
  std::size_t jsonBytes_ = 0;
};

}  // namespace hamhub::jdih

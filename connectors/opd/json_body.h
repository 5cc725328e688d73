#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <hamhub/json.h>

#include "item_stream.h"

namespace hamhub::opd {

/// Reads one body where a JSON document is expected, chunk by chunk: the first significant byte
/// decides; `{` or `[` streams into a JsonPushParser over an ItemStream, anything else (an HTML
/// error or login page, a text message) fails at once with reason `invalid-payload`, quoting the
/// start of what came. Not thread-safe; one object per body.
class JsonBody {
 public:
  /// @param what names the body in messages (a URL or a file path).
  JsonBody(std::string what, ItemStream& stream);
  ~JsonBody();
  JsonBody(const JsonBody&) = delete;
  JsonBody& operator=(const JsonBody&) = delete;

  Status consume(std::string_view chunk);

  /// After the last chunk: the document must be complete and hold an array at the items pointer
  /// (reason `schema-drift` naming what was there otherwise).
  Status finish(const JsonPointer& itemsPointer);

  /// Strings that were not UTF-8 and were read as Windows-1252 (JsonPushParser::repairedStrings).
  std::size_t repairedStrings() const { return parser_ ? parser_->repairedStrings() : 0; }

 private:
  Status syntaxError(const Status& parserError) const;

  std::string what_;
  ItemStream& stream_;
  std::unique_ptr<JsonPushParser> parser_;
  std::string head_;  // bytes before the first significant one was seen
};

}  // namespace hamhub::opd

#include "json_feed_body.h"

#include <algorithm>
#include <limits>

#include "body_sniffer.h"
#include "text_util.h"

namespace hamhub::jdih {

namespace {

// One document may hold a long abstract, never megabytes; a larger one is rejected, not held.
constexpr std::size_t kMaxDocumentBytes = 4 * 1024 * 1024;
// One string may be longer (a file embedded in the feed): that document is then rejected as too
// large instead of failing the whole feed. The parser holds such a string only while reading it.
constexpr std::size_t kMaxStringBytes = 16 * 1024 * 1024;
// An HTML page is classified from its start; maintenance notices are short.
constexpr std::size_t kMaxMarkupBytes = 256 * 1024;
// Text that is not JSON is `0 results` or an error message; a little is enough to tell.
constexpr std::size_t kMaxTextBytes = 64 * 1024;
// Kept from the start of a JSON body, to spot a maintenance notice sent as a JSON object.
constexpr std::size_t kJsonPrefixBytes = 4096;

JsonParseOptions feedParseOptions() {
  JsonParseOptions options;
  options.maxDepth = 64;
  // The HTTP client enforces the operator's body limit; the parser must not add a lower one.
  options.maxBytes = std::numeric_limits<std::size_t>::max() / 2;
  options.maxStringBytes = kMaxStringBytes;
  return options;
}

}  // namespace

JsonFeedBody::JsonFeedBody(std::string url, const std::vector<std::string>& keywords,
                           FeedParser::ItemHandler onItem, std::size_t stopAfterBytes)
    : url_(std::move(url)),
      keywords_(keywords),
      stopAfterBytes_(stopAfterBytes),
      feed_(std::move(onItem), kMaxDocumentBytes) {}

JsonFeedBody::~JsonFeedBody() = default;

Status JsonFeedBody::consume(std::string_view chunk) {
  switch (mode_) {
    case Mode::Undecided:
      kept_.append(chunk);
      return decide();
    case Mode::Json:
      return feedJson(chunk);
    case Mode::Markup:
      return keep(chunk, kMaxMarkupBytes);
    case Mode::Text:
      return keep(chunk, kMaxTextBytes);
  }
  return Status::ok();
}

Status JsonFeedBody::decide() {
  const std::size_t at = firstSignificant(kept_);
  if (at == std::string::npos) {
    // Only whitespace so far; a body of nothing but whitespace is not worth holding.
    if (kept_.size() > kMaxTextBytes) kept_.erase(0, kept_.size() - 16);
    return Status::ok();
  }
  const char c = kept_[at];
  if (c == '[' || c == '{') {
    mode_ = Mode::Json;
    parser_ = std::make_unique<JsonPushParser>(feed_, feedParseOptions());
    std::string head = std::move(kept_);
    kept_.clear();
    // The byte-order mark goes; whitespace is harmless and keeps line/column numbers true.
    const std::size_t bom = head.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    return feedJson(std::string_view(head).substr(bom));
  }
  mode_ = c == '<' ? Mode::Markup : Mode::Text;
  std::string head = std::move(kept_);
  kept_.clear();
  return keep(head, mode_ == Mode::Markup ? kMaxMarkupBytes : kMaxTextBytes);
}

Status JsonFeedBody::feedJson(std::string_view chunk) {
  if (kept_.size() < kJsonPrefixBytes) kept_.append(chunk.substr(0, kJsonPrefixBytes - kept_.size()));
  Status status = parser_->feed(chunk);
  if (!status) return feed_.handlerFailed() ? status : jsonError(status);
  jsonBytes_ += chunk.size();
  if (stopAfterBytes_ > 0 && jsonBytes_ >= stopAfterBytes_) return readEnough();
  return Status::ok();
}

Status JsonFeedBody::keep(std::string_view chunk, std::size_t cap) {
  const std::size_t room = cap > kept_.size() ? cap - kept_.size() : 0;
  kept_.append(chunk.substr(0, room));
  return chunk.size() > room ? readEnough() : Status::ok();
}

Status JsonFeedBody::jsonError(const Status& parserError) const {
  return Status::error(displayUrl(url_) + ": invalid JSON: " + parserError.message(), "invalid-payload");
}

Status JsonFeedBody::finish(bool stoppedEarly) {
  switch (mode_) {
    case Mode::Undecided:
      return Status::error(displayUrl(url_) + ": the body is empty where a JSON feed was expected",
                           "invalid-payload");
    case Mode::Markup:
      return markupError(url_, kept_, keywords_, "a JSON feed");
    case Mode::Text: {
      if (!stoppedEarly && isZeroResults(kept_)) return Status::ok();
      if (auto scalar = parseJson(kept_); scalar) {
        // `echo json_encode("0 results")`: the same empty feed, quoted.
        if (!stoppedEarly && scalar->isString() && isZeroResults(scalar->asString())) return Status::ok();
        return Status::error(displayUrl(url_) + ": answered with a JSON " +
                                 JsonValue::typeName(scalar->type()) +
                                 " where an array of documents was expected",
                             "schema-drift");
      }
      if (const std::string keyword = findKeyword(kept_, keywords_); !keyword.empty()) {
        return Status::error(displayUrl(url_) + ": answered with a maintenance notice '" + snippet(kept_) +
                                 "' (mentions '" + keyword + "') where a JSON feed was expected",
                             "maintenance-page");
      }
      auto parsed = parseJson(std::string_view(kept_).substr(0, 1024));
      return Status::error(displayUrl(url_) + ": invalid JSON: " + parsed.status().message() +
                               " (the body starts '" + snippet(kept_) + "')",
                           "invalid-payload");
    }
    case Mode::Json:
      break;
  }
  if (!stoppedEarly) {
    if (Status status = parser_->finish(); !status) {
      return feed_.handlerFailed() ? status : jsonError(status);
    }
  }
  if (feed_.shape() == FeedParser::Shape::Scalar) {
    return Status::error(displayUrl(url_) + ": answered with a JSON value that is not an array of documents",
                         "schema-drift");
  }
  if (feed_.shape() == FeedParser::Shape::ObjectWithoutArray && !stoppedEarly) {
    if (const std::string keyword = findKeyword(kept_, keywords_); !keyword.empty()) {
      return Status::error(displayUrl(url_) + ": answered with a maintenance notice '" + snippet(kept_, 120) +
                               "' (mentions '" + keyword + "')",
                           "maintenance-page");
    }
    std::string keys;
    for (const auto& key : feed_.topLevelKeys()) keys += (keys.empty() ? "" : ", ") + key;
    std::string wrappers;
    for (const auto wrapper : FeedParser::kWrapperKeys) wrappers += (wrappers.empty() ? "" : "/") + std::string(wrapper);
    // The start of the body says more than its keys: {"status":false,"message":"Tidak ada data"}.
    return Status::error(displayUrl(url_) + ": answered with a JSON object without a " + wrappers +
                             " array of documents (its keys: " + (keys.empty() ? "none" : keys) +
                             "; it starts '" + snippet(kept_, 160) + "')",
                         "schema-drift");
  }
  return Status::ok();
}

}  // namespace hamhub::jdih
